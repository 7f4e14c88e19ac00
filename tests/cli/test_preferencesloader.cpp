// The loader is the one reader of Settings and the environment: the environment wins,
// nonsense falls back, and the reviewer has one fallback.
#include "common/preferencesloader.h"
#include "settings/accountsettings.h"

#include <gtest/gtest.h>

#include <QSettings>
#include <QTemporaryDir>

using namespace tagdesk;

namespace {
struct SavedSettings {
    QTemporaryDir dir;
    QSettings settings{dir.filePath(QStringLiteral("tagdesk.ini")), QSettings::IniFormat};
};
} // namespace

TEST(PreferencesLoader, NothingSavedNothingSetGivesTheDefaults) {
    SavedSettings saved;
    const Preferences p = preferencesloader::load(saved.settings, QProcessEnvironment());
    const Preferences defaults;
    EXPECT_TRUE(p.storeInput.isEmpty());
    EXPECT_TRUE(p.accessToken.isEmpty());
    EXPECT_EQ(p.imageCacheCapBytes, defaults.imageCacheCapBytes);
    EXPECT_EQ(p.bulkPushMin, 500);
    EXPECT_EQ(p.networkTimeoutSeconds, 30);
    EXPECT_EQ(p.writeDefaults.tagTemplate, WriteSettings().tagTemplate);
    EXPECT_EQ(p.reviewer, QStringLiteral("tagdesk"));
    EXPECT_EQ(p.taggers.ximilar.url, TaggerSettings::defaults().ximilar.url);
}

TEST(PreferencesLoader, SettingsAreReadAndTheEnvironmentWinsOverThem) {
    SavedSettings saved;
    saved.settings.setValue(QLatin1String(preferencekeys::store), QStringLiteral("saved-shop"));
    saved.settings.setValue(QLatin1String(preferencekeys::apiVersion), QStringLiteral("2025-01"));
    saved.settings.setValue(QLatin1String(preferencekeys::imageCacheMb), 300);
    saved.settings.setValue(QLatin1String(preferencekeys::bulkPushMin), 40);
    saved.settings.setValue(QLatin1String(preferencekeys::networkTimeoutSeconds), 12);
    saved.settings.setValue(QLatin1String(preferencekeys::tagTemplate),
                            QStringLiteral("t:{value}"));
    saved.settings.setValue(preferencekeys::tagger(TaggerKind::OpenAi, "model"),
                            QStringLiteral("llava"));
    saved.settings.setValue(preferencekeys::tagger(TaggerKind::Ximilar, "concurrency"), 5);

    const Preferences fromSettings = preferencesloader::load(saved.settings, {});
    EXPECT_EQ(fromSettings.storeInput, QStringLiteral("saved-shop"));
    EXPECT_EQ(fromSettings.apiVersion, QStringLiteral("2025-01"));
    EXPECT_EQ(fromSettings.imageCacheCapBytes, qint64(300) * 1024 * 1024);
    EXPECT_EQ(fromSettings.bulkPushMin, 40);
    EXPECT_EQ(fromSettings.networkTimeoutSeconds, 12);
    EXPECT_EQ(fromSettings.writeDefaults.tagTemplate, QStringLiteral("t:{value}"));
    EXPECT_EQ(fromSettings.taggers.openAi.model, QStringLiteral("llava"));
    EXPECT_EQ(fromSettings.taggers.ximilar.concurrency, 5);

    QProcessEnvironment env;
    env.insert(QStringLiteral("TAGDESK_SHOPIFY_STORE"), QStringLiteral("env-shop"));
    env.insert(QStringLiteral("TAGDESK_SHOPIFY_TOKEN"), QStringLiteral("shpat_env"));
    env.insert(QStringLiteral("TAGDESK_IMAGE_CACHE_MB"), QStringLiteral("7"));
    env.insert(QStringLiteral("TAGDESK_BULK_PUSH_MIN"), QStringLiteral("3"));
    env.insert(QStringLiteral("TAGDESK_NETWORK_TIMEOUT_S"), QStringLiteral("2"));
    env.insert(QStringLiteral("TAGDESK_OPENAI_MODEL"), QStringLiteral("gpt-x"));
    env.insert(QStringLiteral("TAGDESK_XIMILAR_URL"), QStringLiteral("http://127.0.0.1:9"));
    env.insert(QStringLiteral("TAGDESK_XIMILAR_KEY"), QStringLiteral("k"));
    env.insert(QStringLiteral("TAGDESK_XIMILAR_CONCURRENCY"), QStringLiteral("12"));
    env.insert(QStringLiteral("TAGDESK_OPENAI_CONCURRENCY"), QStringLiteral("33"));
    env.insert(QStringLiteral("USER"), QStringLiteral("ada"));
    const Preferences p = preferencesloader::load(saved.settings, env);
    EXPECT_EQ(p.storeInput, QStringLiteral("env-shop"));
    EXPECT_EQ(p.accessToken, QStringLiteral("shpat_env"));
    EXPECT_EQ(p.imageCacheCapBytes, qint64(7) * 1024 * 1024);
    EXPECT_EQ(p.bulkPushMin, 3);
    EXPECT_EQ(p.networkTimeoutSeconds, 2);
    EXPECT_EQ(p.taggers.openAi.model, QStringLiteral("gpt-x"));
    EXPECT_EQ(p.taggers.ximilar.url, QUrl(QStringLiteral("http://127.0.0.1:9")));
    EXPECT_EQ(p.taggers.ximilar.key, QStringLiteral("k"));
    EXPECT_EQ(p.taggers.ximilar.concurrency, 12);
    EXPECT_EQ(p.taggers.openAi.concurrency, TaggerEndpoint().concurrency)
        << "more requests at once than Settings offers falls back";
    EXPECT_EQ(p.reviewer, QStringLiteral("ada"));
}

TEST(PreferencesLoader, LimitsThatAreZeroOrNotNumbersFallBack) {
    SavedSettings saved;
    saved.settings.setValue(QLatin1String(preferencekeys::bulkPushMin), 0);
    QProcessEnvironment env;
    env.insert(QStringLiteral("TAGDESK_BULK_PUSH_MIN"), QStringLiteral("lots"));
    env.insert(QStringLiteral("TAGDESK_IMAGE_CACHE_MB"), QStringLiteral("0"));
    env.insert(QStringLiteral("USERNAME"), QStringLiteral("grace"));
    const Preferences p = preferencesloader::load(saved.settings, env);
    EXPECT_EQ(p.bulkPushMin, Preferences::defaultBulkPushMin);
    EXPECT_EQ(p.imageCacheCapBytes, Preferences().imageCacheCapBytes);
    EXPECT_EQ(p.reviewer, QStringLiteral("grace")) << "USERNAME when USER is not set";
}

// Found while harnessing the loader for tests/fuzz: a cache of 2^63-1 MB overflowed when turned
// into bytes (undefined behaviour; a negative cap), and a bulk-push minimum past int wrapped to 0
// or below, which would send every push through bulk mutations.
TEST(PreferencesLoader, LimitsTooLargeForWhatTheyCountFallBack) {
    SavedSettings saved;
    saved.settings.setValue(QLatin1String(preferencekeys::imageCacheMb),
                            QStringLiteral("9223372036854775807"));
    saved.settings.setValue(QLatin1String(preferencekeys::bulkPushMin),
                            QStringLiteral("4294967296"));
    const Preferences p = preferencesloader::load(saved.settings, QProcessEnvironment());
    EXPECT_EQ(p.imageCacheCapBytes, Preferences().imageCacheCapBytes);
    EXPECT_EQ(p.bulkPushMin, Preferences::defaultBulkPushMin);

    QProcessEnvironment env;
    env.insert(QStringLiteral("TAGDESK_IMAGE_CACHE_MB"),
               QString::number(accountsettings::maxImageCacheMb));
    env.insert(QStringLiteral("TAGDESK_BULK_PUSH_MIN"), QStringLiteral("2147483647"));
    const Preferences largest = preferencesloader::load(saved.settings, env);
    EXPECT_EQ(largest.imageCacheCapBytes, qint64(accountsettings::maxImageCacheMb) * 1024 * 1024);
    EXPECT_EQ(largest.bulkPushMin, 2147483647);
}

#include "common/preferencesloader.h"

#include "settings/accountsettings.h"

#include <QSettings>

#include <limits>

namespace tagdesk::preferencesloader {

namespace {

// A whole number from 1 to `max` from the environment, else from Settings, else the
// fallback: a 0, a typo or a number larger than the limit can be (a megabyte count that
// overflows when turned into bytes, a count past int) never turns a limit off.
qint64 positive(const QProcessEnvironment &environment, const char *variable,
                const QSettings &settings, const char *key, qint64 max, qint64 fallback) {
    const auto usable = [max](qint64 value, bool ok) {
        return ok && value > 0 && value <= max;
    };
    bool ok = false;
    const qint64 fromEnvironment = environment.value(QLatin1String(variable)).toLongLong(&ok);
    if (usable(fromEnvironment, ok))
        return fromEnvironment;
    const qint64 saved = settings.value(QLatin1String(key)).toLongLong(&ok);
    return usable(saved, ok) ? saved : fallback;
}

void applySettings(TaggerSettings &taggers, const QSettings &settings) {
    for (TaggerKind kind : {TaggerKind::Ximilar, TaggerKind::Pixyle, TaggerKind::OpenAi}) {
        TaggerEndpoint &e = *taggers.endpoint(kind);
        const auto text = [&](const char *name, QString &into) {
            const QString value = settings.value(preferencekeys::tagger(kind, name)).toString();
            if (!value.isEmpty())
                into = value;
        };
        QString url;
        text("url", url);
        if (!url.isEmpty())
            e.url = QUrl(url);
        text("model", e.model);
        text("email", e.email);
        text("profile", e.profile);
        const int concurrency = settings.value(preferencekeys::tagger(kind, "concurrency")).toInt();
        if (concurrency > 0 && concurrency <= TaggerEndpoint::maxConcurrency)
            e.concurrency = concurrency;
    }
}

// TAGDESK_<PROVIDER>_URL/_KEY/_EMAIL/_PASSWORD/_MODEL/_PROFILE/_CONCURRENCY: for scripts and the
// sandbox; they win over Settings and the keychain.
void applyEnvironment(TaggerEndpoint &e, const QProcessEnvironment &environment,
                      const char *prefix) {
    const auto var = [&](const char *suffix) {
        return environment.value(QLatin1String(prefix) + QLatin1String(suffix));
    };
    if (const QString url = var("_URL"); !url.isEmpty())
        e.url = QUrl(url);
    if (const QString key = var("_KEY"); !key.isEmpty())
        e.key = key;
    if (const QString email = var("_EMAIL"); !email.isEmpty())
        e.email = email;
    if (const QString password = var("_PASSWORD"); !password.isEmpty())
        e.password = password;
    if (const QString model = var("_MODEL"); !model.isEmpty())
        e.model = model;
    if (const QString profile = var("_PROFILE"); !profile.isEmpty())
        e.profile = profile;
    bool ok = false;
    if (const int concurrency = var("_CONCURRENCY").toInt(&ok);
        ok && concurrency > 0 && concurrency <= TaggerEndpoint::maxConcurrency)
        e.concurrency = concurrency;
}

QString firstOf(const QString &a, const QString &b) {
    return a.isEmpty() ? b : a;
}

} // namespace

Preferences load(const QSettings &settings, const QProcessEnvironment &environment) {
    Preferences p;
    p.storeInput = firstOf(environment.value(QStringLiteral("TAGDESK_SHOPIFY_STORE")),
                           settings.value(QLatin1String(preferencekeys::store)).toString());
    p.apiVersion = settings.value(QLatin1String(preferencekeys::apiVersion)).toString();
    p.accessToken = environment.value(QStringLiteral("TAGDESK_SHOPIFY_TOKEN"));
    p.imageCacheCapBytes =
        positive(environment, "TAGDESK_IMAGE_CACHE_MB", settings, preferencekeys::imageCacheMb,
                 accountsettings::maxImageCacheMb, Preferences::defaultImageCacheMb) *
        1024 * 1024;
    p.bulkPushMin =
        int(positive(environment, "TAGDESK_BULK_PUSH_MIN", settings, preferencekeys::bulkPushMin,
                     std::numeric_limits<int>::max(), Preferences::defaultBulkPushMin));
    p.networkTimeoutSeconds = int(positive(environment, "TAGDESK_NETWORK_TIMEOUT_S", settings,
                                           preferencekeys::networkTimeoutSeconds, 3600,
                                           Preferences::defaultNetworkTimeoutSeconds));
    p.syncWhenOnline =
        settings.value(QLatin1String(preferencekeys::syncWhenOnline), p.syncWhenOnline).toBool();
    p.writeDefaults.tagTemplate =
        settings.value(QLatin1String(preferencekeys::tagTemplate), p.writeDefaults.tagTemplate)
            .toString();
    p.writeDefaults.altTemplate =
        settings.value(QLatin1String(preferencekeys::altTemplate), p.writeDefaults.altTemplate)
            .toString();
    const QString login = firstOf(environment.value(QStringLiteral("USER")),
                                  environment.value(QStringLiteral("USERNAME")));
    if (!login.isEmpty())
        p.reviewer = login;
    applySettings(p.taggers, settings);
    applyEnvironment(p.taggers.ximilar, environment, "TAGDESK_XIMILAR");
    applyEnvironment(p.taggers.pixyle, environment, "TAGDESK_PIXYLE");
    applyEnvironment(p.taggers.openAi, environment, "TAGDESK_OPENAI");
    return p;
}

Preferences load() {
    return load(QSettings(), QProcessEnvironment::systemEnvironment());
}

} // namespace tagdesk::preferencesloader

// The account works from the Preferences value it is given, never from Settings or the
// environment: the store, the API version, the token and the taggers' secrets.
#include "settings/account.h"
#include "settings/accountsettings.h"
#include "util/futures.h"

#include <gtest/gtest.h>

#include <QTest>

using namespace tagdesk;

namespace {

template <typename T> T settle(QFuture<T> future) {
    EXPECT_TRUE(QTest::qWaitFor([&] { return future.isFinished(); }, 60'000));
    return future.result();
}

// A keychain that cannot be read, as when the desktop's keyring service is locked.
class BrokenKeychain : public SecretStore {
public:
    QFuture<Result<std::optional<QString>>> read(const QString &) override {
        ++reads;
        return readyFuture(Result<std::optional<QString>>(
            Error::unavailable(QStringLiteral("no keyring service"))));
    }
    QFuture<Status> write(const QString &, const QString &) override {
        return readyFuture(Status(Error::unavailable(QStringLiteral("no keyring service"))));
    }
    QFuture<Status> remove(const QString &) override { return readyFuture(Status{}); }
    int reads = 0;
};

} // namespace

TEST(AccountPreferences, TheStoreComesFromThePreferencesAndAnExplicitOneWins) {
    MemorySecretStore secrets;
    Preferences p;
    p.storeInput = QStringLiteral("chosen-shop");
    p.apiVersion = QStringLiteral("2025-04");
    const SavedAccount chosen(secrets, p);
    ASSERT_TRUE(chosen.store().ok());
    EXPECT_EQ(chosen.store()->domain(), QStringLiteral("chosen-shop.myshopify.com"));
    EXPECT_EQ(chosen.store()->apiVersion, QStringLiteral("2025-04"));

    const SavedAccount given(secrets, p, QStringLiteral("other-shop"));
    EXPECT_EQ(given.store()->domain(), QStringLiteral("other-shop.myshopify.com"));

    const SavedAccount none(secrets, Preferences{});
    ASSERT_FALSE(none.store().ok());
    EXPECT_EQ(none.store().error().code, Error::Code::InvalidInput);
}

TEST(AccountPreferences, TheGivenTokenWinsOverTheKeychain) {
    MemorySecretStore secrets;
    Preferences p;
    p.storeInput = QStringLiteral("chosen-shop");
    SavedAccount account(secrets, p);
    const ShopifyStore store = account.store().value();
    (void)settle(secrets.write(shopSecretKey(store.domain(), QStringLiteral("access-token")),
                               QStringLiteral("shpat_keychain")));
    EXPECT_EQ(settle(account.credentials(store))->accessToken, QStringLiteral("shpat_keychain"));

    p.accessToken = QStringLiteral("shpat_given");
    account.setPreferences(p);
    EXPECT_EQ(settle(account.credentials(store))->accessToken, QStringLiteral("shpat_given"));
}

TEST(AccountPreferences, ATaggerSecretComesFromTheKeychainOnlyWhenNotGiven) {
    MemorySecretStore secrets;
    (void)settle(
        secrets.write(taggerSecretKey(taggerKey(TaggerKind::Ximilar),
                                      accountsettings::taggerSecretName(TaggerKind::Ximilar)),
                      QStringLiteral("from-keychain")));
    Preferences p;
    p.taggers.ximilar.concurrency = 6;
    SavedAccount account(secrets, p);
    const auto fromKeychain = settle(account.taggerSettings(TaggerKind::Ximilar));
    ASSERT_TRUE(fromKeychain.ok());
    EXPECT_EQ(fromKeychain->ximilar.key, QStringLiteral("from-keychain"));
    EXPECT_EQ(fromKeychain->ximilar.concurrency, 6);

    p.taggers.ximilar.key = QStringLiteral("given");
    account.setPreferences(p);
    EXPECT_EQ(settle(account.taggerSettings(TaggerKind::Ximilar))->ximilar.key,
              QStringLiteral("given"));
}

TEST(AccountPreferences, AKeychainThatCannotBeReadIsSaidNeverSwallowed) {
    BrokenKeychain keychain;
    Preferences p;
    SavedAccount account(keychain, p);
    const auto settings = settle(account.taggerSettings(TaggerKind::Pixyle));
    ASSERT_FALSE(settings.ok());
    EXPECT_EQ(settings.error().code, Error::Code::Unavailable);
    EXPECT_TRUE(settings.error().message.contains(QStringLiteral("Pixyle")))
        << settings.error().message.toStdString();
    EXPECT_TRUE(settings.error().message.contains(QStringLiteral("no keyring service")))
        << settings.error().message.toStdString();

    // A secret given in the environment needs no keychain at all.
    p.taggers.pixyle.password = QStringLiteral("given");
    account.setPreferences(p);
    const int readsBefore = keychain.reads;
    EXPECT_TRUE(settle(account.taggerSettings(TaggerKind::Pixyle)).ok());
    EXPECT_EQ(keychain.reads, readsBefore);
    // The local tagger has no secret to look for.
    EXPECT_TRUE(settle(account.taggerSettings(TaggerKind::Local)).ok());
}

TEST(AccountPreferences, TheCacheCapIsThePreferences) {
    MemorySecretStore secrets;
    Preferences p;
    p.imageCacheCapBytes = 12345;
    const SavedAccount account(secrets, p);
    EXPECT_EQ(account.imageCacheCapBytes(), 12345);
}

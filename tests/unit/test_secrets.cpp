// Secrets: the in-memory store's contract, and one real round trip through the OS
// keychain (libsecret via gnome-keyring in scripts/test.sh's D-Bus session).
#include "secrets/keychainsecretstore.h"

#include <gtest/gtest.h>

#include <QTest>
#include <QUuid>

using namespace tagdesk;

namespace {
template <typename T> T wait(QFuture<T> future) {
    // Keychain answers come through the event loop: keep it turning while we wait.
    EXPECT_TRUE(QTest::qWaitFor([&] { return future.isFinished(); }, 60000));
    return future.result();
}

void roundTrip(SecretStore &store) {
    const QString key = shopSecretKey(
        QStringLiteral("Test-%1.myshopify.com").arg(QUuid::createUuid().toString(QUuid::Id128)),
        QStringLiteral("access-token"));
    auto missing = wait(store.read(key));
    ASSERT_TRUE(missing.ok()) << missing.error().message.toStdString();
    EXPECT_FALSE(missing.value().has_value()) << "an unknown key is not an error";

    ASSERT_TRUE(wait(store.write(key, QStringLiteral("shpat_0123456789"))).ok());
    auto read = wait(store.read(key));
    ASSERT_TRUE(read.ok()) << read.error().message.toStdString();
    EXPECT_EQ(read.value(), std::optional<QString>(QStringLiteral("shpat_0123456789")));

    ASSERT_TRUE(wait(store.remove(key)).ok());
    EXPECT_FALSE(wait(store.read(key)).value().has_value());
    EXPECT_TRUE(wait(store.remove(key)).ok()) << "removing twice is harmless";
}
} // namespace

TEST(SecretStore, KeysAreNamespacedPerShop) {
    EXPECT_EQ(shopSecretKey(QStringLiteral("Shop.myshopify.com"), QStringLiteral("access-token")),
              QStringLiteral("shopify/shop.myshopify.com/access-token"));
    EXPECT_NE(shopSecretKey(QStringLiteral("a.myshopify.com"), QStringLiteral("t")),
              shopSecretKey(QStringLiteral("b.myshopify.com"), QStringLiteral("t")));
    EXPECT_EQ(taggerSecretKey(QStringLiteral("Ximilar"), QStringLiteral("api-key")),
              QStringLiteral("tagger/ximilar/api-key"));
}

TEST(SecretStore, MemoryStoreKeepsTheContract) {
    MemorySecretStore store;
    roundTrip(store);
}

TEST(SecretStore, RealKeychainRoundTrip) {
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        GTEST_SKIP() << "no D-Bus session: scripts/test.sh runs this under dbus-run-session with "
                        "gnome-keyring";
    KeychainSecretStore store(QStringLiteral("TagdeskTests"));
    roundTrip(store);
}

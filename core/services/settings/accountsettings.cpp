#include "settings/accountsettings.h"

#include <QCoreApplication>

#include "util/futures.h"

namespace tagdesk::accountsettings {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(AccountSettings)
};
} // namespace

Result<ShopifyStore> resolveStore(const QString &explicitInput, const Preferences &preferences) {
    const QString input = explicitInput.isEmpty() ? preferences.storeInput : explicitInput;
    if (input.isEmpty())
        return Error::invalid(
            Texts::tr("No store is set: choose one in Settings, pass --store URL, or use "
                      "--demo for the demo store"));
    auto store = ShopifyStore::parse(input);
    if (store && !preferences.apiVersion.isEmpty())
        store->apiVersion = preferences.apiVersion;
    return store;
}

QFuture<Result<ShopifyCredentials>> resolveCredentials(const ShopifyStore &store,
                                                       const Preferences &preferences,
                                                       SecretStore &secrets) {
    if (!preferences.accessToken.isEmpty()) {
        ShopifyCredentials given;
        given.accessToken = preferences.accessToken;
        return readyFuture(Result<ShopifyCredentials>(given));
    }
    const QString domain = store.domain();
    return secrets.read(shopSecretKey(domain, QStringLiteral("access-token")))
        .then([domain](const Result<std::optional<QString>> &token) -> Result<ShopifyCredentials> {
            if (!token)
                return token.error();
            if (!token.value())
                return Error::invalid(
                    Texts::tr("No access token for %1: store one in Tagdesk's Settings, or "
                              "set TAGDESK_SHOPIFY_TOKEN")
                        .arg(domain));
            ShopifyCredentials c;
            c.accessToken = *token.value();
            return c;
        });
}

QString taggerSecretName(TaggerKind kind) {
    return kind == TaggerKind::Pixyle ? QStringLiteral("password") : QStringLiteral("api-key");
}

QFuture<Result<TaggerSettings>>
resolveTaggerSettings(TaggerKind kind, const Preferences &preferences, SecretStore &secrets) {
    TaggerSettings settings = preferences.taggers;
    // The environment's secret wins over the keychain's, so the keychain is not asked.
    if (!settings.endpoint(kind) || !settings.endpoint(kind)->secret(kind).isEmpty())
        return readyFuture(Result<TaggerSettings>(settings));
    return secrets.read(taggerSecretKey(taggerKey(kind), taggerSecretName(kind)))
        .then([settings, kind](
                  const Result<std::optional<QString>> &secret) mutable -> Result<TaggerSettings> {
            if (!secret)
                return Error::make(secret.error().code,
                                   Texts::tr("The %1 %2 could not be read from the keychain: %3")
                                       .arg(taggerDisplayName(kind),
                                            kind == TaggerKind::Pixyle ? Texts::tr("password")
                                                                       : Texts::tr("API key"),
                                            secret.error().message));
            if (secret.value())
                settings.endpoint(kind)->secret(kind) = *secret.value();
            return settings;
        });
}

} // namespace tagdesk::accountsettings

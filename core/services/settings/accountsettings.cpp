#include "settings/accountsettings.h"

#include <QCoreApplication>
#include <QSettings>

#include "util/futures.h"

namespace tagdesk::accountsettings {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(AccountSettings)
};
} // namespace

Result<ShopifyStore> resolveStore(const QString &explicitInput) {
    QString input = explicitInput;
    if (input.isEmpty())
        input = qEnvironmentVariable("TAGDESK_SHOPIFY_STORE");
    if (input.isEmpty())
        input = QSettings().value(QLatin1String(storeKey)).toString();
    if (input.isEmpty())
        return Error::invalid(
            Texts::tr("No store is set: choose one in Settings, pass --store URL, or use "
                      "--demo for the demo store"));
    return ShopifyStore::parse(input);
}

QFuture<Result<ShopifyCredentials>> resolveCredentials(const ShopifyStore &store,
                                                       SecretStore &secrets) {
    ShopifyCredentials fromEnvironment;
    fromEnvironment.accessToken = qEnvironmentVariable("TAGDESK_SHOPIFY_TOKEN");
    if (!fromEnvironment.accessToken.isEmpty())
        return readyFuture(Result<ShopifyCredentials>(fromEnvironment));
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

qint64 imageCacheCapBytes() {
    bool fromEnvironment = false;
    int mb = qEnvironmentVariableIntValue("TAGDESK_IMAGE_CACHE_MB", &fromEnvironment);
    if (!fromEnvironment || mb <= 0)
        mb = QSettings().value(QLatin1String(imageCacheMbKey), defaultImageCacheMb).toInt();
    return qint64(mb > 0 ? mb : defaultImageCacheMb) * 1024 * 1024;
}

int bulkPushMin() {
    bool fromEnvironment = false;
    const int n = qEnvironmentVariableIntValue("TAGDESK_BULK_PUSH_MIN", &fromEnvironment);
    if (fromEnvironment && n > 0)
        return n;
    const int saved = QSettings().value(QLatin1String(bulkPushMinKey), 500).toInt();
    return saved > 0 ? saved : 500;
}

WriteSettings writeDefaults() {
    WriteSettings w;
    const QSettings settings;
    w.tagTemplate = settings.value(QLatin1String(tagTemplateKey), w.tagTemplate).toString();
    w.altTemplate = settings.value(QLatin1String(altTemplateKey), w.altTemplate).toString();
    return w;
}

QString taggerSecretName(TaggerKind kind) {
    return kind == TaggerKind::Pixyle ? QStringLiteral("password") : QStringLiteral("api-key");
}

QFuture<Result<TaggerSettings>> resolveTaggerSettings(TaggerKind kind, SecretStore &secrets) {
    TaggerSettings settings = TaggerSettings::defaults();
    settings.applySettings(QSettings());
    if (!settings.endpoint(kind)) {
        settings.applyEnvironment();
        return readyFuture(Result<TaggerSettings>(settings));
    }
    return secrets.read(taggerSecretKey(taggerKey(kind), taggerSecretName(kind)))
        .then([settings, kind](
                  const Result<std::optional<QString>> &secret) mutable -> Result<TaggerSettings> {
            // Without a keychain the environment may still give the secret: not an error.
            if (secret && secret.value()) {
                TaggerEndpoint *endpoint = settings.endpoint(kind);
                if (kind == TaggerKind::Pixyle)
                    endpoint->password = *secret.value();
                else
                    endpoint->key = *secret.value();
            }
            settings.applyEnvironment();
            return settings;
        });
}

} // namespace tagdesk::accountsettings

#include "settings/account.h"

#include "settings/accountsettings.h"
#include "util/futures.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(Account)
};
} // namespace

QFuture<Result<RunSetup>> Account::runSetup(TaggerKind kind) {
    auto store = this->store();
    if (!store)
        return readyFuture(Result<RunSetup>(store.error()));
    RunSetup setup;
    setup.store = store.value();
    setup.imageCacheFolder = imageCacheFolder();
    setup.imageCacheCapBytes = imageCacheCapBytes();
    setup.transferTimeout = transferTimeout();
    // Both answers come through the asking thread's event loop; no context object is
    // needed because the continuation only combines values.
    QFuture<Result<TaggerSettings>> taggers = taggerSettings(kind);
    return credentials(setup.store)
        .then([setup, taggers](const Result<ShopifyCredentials> &credentials) mutable {
            if (!credentials)
                return readyFuture(Result<RunSetup>(credentials.error()));
            setup.credentials = credentials.value();
            return taggers.then([setup](const Result<TaggerSettings> &settings) mutable {
                if (!settings)
                    return Result<RunSetup>(settings.error());
                setup.taggers = settings.value();
                return Result<RunSetup>(setup);
            });
        })
        .unwrap();
}

SavedAccount::SavedAccount(SecretStore &secrets, Preferences preferences, QString storeInput)
    : Account(std::move(preferences))
    , m_secrets(secrets)
    , m_storeInput(std::move(storeInput)) {
}

QString SavedAccount::displayName() const {
    auto store = this->store();
    return store ? store->domain() : Texts::tr("No store");
}

Result<ShopifyStore> SavedAccount::store() const {
    return accountsettings::resolveStore(m_storeInput, preferences());
}

QFuture<Result<ShopifyCredentials>> SavedAccount::credentials(const ShopifyStore &store) {
    return accountsettings::resolveCredentials(store, preferences(), m_secrets);
}

QFuture<Result<TaggerSettings>> SavedAccount::taggerSettings(TaggerKind kind) {
    return accountsettings::resolveTaggerSettings(kind, preferences(), m_secrets);
}

QString SavedAccount::imageCacheFolder() const {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("images"));
}

FixedAccount::FixedAccount(Values values, Preferences preferences)
    : Account(std::move(preferences))
    , m_values(std::move(values)) {
}

Result<ShopifyStore> FixedAccount::store() const {
    return ShopifyStore::parse(m_values.storeUrl);
}

QFuture<Result<ShopifyCredentials>> FixedAccount::credentials(const ShopifyStore &) {
    ShopifyCredentials c;
    c.accessToken = m_values.accessToken;
    return readyFuture(Result<ShopifyCredentials>(c));
}

QFuture<Result<TaggerSettings>> FixedAccount::taggerSettings(TaggerKind) {
    return readyFuture(Result<TaggerSettings>(m_values.taggers));
}

} // namespace tagdesk

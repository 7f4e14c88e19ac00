#include "storeconnection.h"

#include "common/demostore.h"
#include "secrets/secretstore.h"
#include "settings/accountsettings.h"

namespace tagdesk::cli {

StoreConnection::StoreConnection()
    : m_http(&m_network) {
}

Result<std::unique_ptr<StoreConnection>> StoreConnection::open(const RunOptions &o) {
    auto store = o.demo ? ShopifyStore::parse(o.demo->storeUrl())
                        : accountsettings::resolveStore(o.storeInput);
    if (!store)
        return store.error();
    Result<ShopifyCredentials> credentials = ShopifyCredentials{};
    if (o.demo) {
        ShopifyCredentials c;
        c.accessToken = o.demo->accessToken();
        credentials = c;
    } else {
        KeychainSecretStore keychain;
        credentials = await(accountsettings::resolveCredentials(store.value(), keychain));
    }
    if (!credentials)
        return credentials.error();

    std::unique_ptr<StoreConnection> session(new StoreConnection);
    session->m_shopify =
        std::make_unique<ShopifyClient>(&session->m_http, store.value(), credentials.value());
    auto connection = await(session->m_shopify->connectToShop());
    if (!connection)
        return connection.error();
    session->m_connection = connection.value();
    return session;
}

} // namespace tagdesk::cli

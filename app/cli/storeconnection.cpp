#include "storeconnection.h"

#include "settings/account.h"

namespace tagdesk::cli {

StoreConnection::StoreConnection()
    : m_http(&m_network) {
}

Result<std::unique_ptr<StoreConnection>> StoreConnection::open(const RunOptions &o) {
    auto store = o.account->store();
    if (!store)
        return store.error();
    auto credentials = await(o.account->credentials(store.value()));
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

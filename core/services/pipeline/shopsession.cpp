#include "pipeline/shopsession.h"

#include "util/futures.h"

namespace tagdesk {

ShopSession::ShopSession(Account &account, QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_http(&m_network) {
}

QFuture<Result<ShopifyClient *>> ShopSession::client() {
    if (m_client)
        return readyFuture(Result<ShopifyClient *>(m_client.data()));
    auto store = m_account.store();
    if (!store)
        return readyFuture(Result<ShopifyClient *>(store.error()));
    const quint64 generation = m_generation;
    return m_account.credentials(store.value())
        .then(this,
              [this, generation, store = store.value()](
                  const Result<ShopifyCredentials> &credentials) -> Result<ShopifyClient *> {
                  if (!credentials)
                      return credentials.error();
                  if (generation == m_generation && !m_client)
                      m_client = new ShopifyClient(&m_http, store, credentials.value(), this);
                  if (!m_client) // settings changed meanwhile: ask again
                      return Error::unavailable(tr("The store settings just changed; try again"));
                  return m_client.data();
              });
}

void ShopSession::reset() {
    ++m_generation;
    // Questions in flight keep their client until they are answered.
    if (m_client)
        m_client->deleteLater();
    m_client = nullptr;
    emit changed();
}

} // namespace tagdesk

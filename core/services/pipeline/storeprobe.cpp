#include "pipeline/storeprobe.h"

#include "net/httpclient.h"
#include "shopify/shopifyclient.h"

#include <QNetworkAccessManager>
#include <QPointer>

namespace tagdesk {

struct StoreProbe::Line {
    QNetworkAccessManager network;
    HttpClient http{&network};
    QPointer<ShopifyClient> client;
};

StoreProbe::StoreProbe(QObject *parent)
    : QObject(parent)
    , m_line(std::make_unique<Line>()) {
}

StoreProbe::~StoreProbe() = default;

QFuture<Result<ShopConnection>> StoreProbe::identify(const ShopifyStore &store,
                                                     const ShopifyCredentials &credentials) {
    if (m_line->client)
        m_line->client->deleteLater();
    m_line->client = new ShopifyClient(&m_line->http, store, credentials, this);
    return m_line->client->connectToShop();
}

} // namespace tagdesk

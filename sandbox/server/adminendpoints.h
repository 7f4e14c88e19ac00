#pragma once

#include "server/httptypes.h"
#include "util/result.h"

#include <QJsonObject>

namespace tagdesk::sandbox {

class ShopifyStore;
class RequestLog;
class CostBucket;

// "metafield:NAMESPACE.KEY": a merchant's edit of that metafield.
bool isMetafieldEdit(const QString &field);

// Edits a product the way a person in the Shopify admin would: sets the given fields
// (title, tags, productType, descriptionHtml, vendor, status, totalInventory, category (a
// TaxonomyCategory id; "" or null removes it), and
// "metafield:NAMESPACE.KEY" to a text value) and saves, which always moves updatedAt.
// Used by PATCH /_sandbox/products and by the remote-edit fault.
Status editProductAsMerchant(ShopifyStore &store, const QString &productGid,
                             const QJsonObject &fields);

// The sandbox's own inspection endpoints:
//   GET   /_sandbox/products[?id=GID]   the store's products as JSON
//   PATCH /_sandbox/products?id=GID     a merchant's edit (JSON object of fields)
//   GET   /_sandbox/requests            the request log; DELETE clears it
//   GET   /_sandbox/stats               requests per service and the Admin API points
//                                       spent since the start (for benchmarks' bounds)
class AdminEndpoints {
public:
    AdminEndpoints(ShopifyStore &store, RequestLog &log, CostBucket &bucket)
        : m_store(store)
        , m_log(log)
        , m_bucket(bucket) {}

    void setImageBaseUrl(const QString &url) { m_imageBaseUrl = url; }
    SandboxResponse handle(const SandboxRequest &request);

private:
    SandboxResponse products(const SandboxRequest &request);
    SandboxResponse requests(const SandboxRequest &request);
    SandboxResponse stats(const SandboxRequest &request);

    ShopifyStore &m_store;
    RequestLog &m_log;
    CostBucket &m_bucket;
    QString m_imageBaseUrl;
};

} // namespace tagdesk::sandbox

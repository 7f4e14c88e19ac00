#pragma once

#include "graphql/schema.h"
#include "shopify/productsearch.h"
#include "shopify/store.h"

#include <QJsonObject>

#include <optional>
#include <variant>

namespace tagdesk::sandbox {

// Shopify-style opaque cursors: base64 of {"last_id":N,"last_value":"…"}.
QString encodeCursor(qint64 lastId, const QString &lastValue);
struct Cursor {
    qint64 lastId = 0;
    QString lastValue;
};
std::optional<Cursor> decodeCursor(const QString &cursor);

// first/after/last/before/reverse as given to a connection field.
struct PageRequest {
    std::optional<int> first;
    std::optional<int> last;
    QString after;
    QString before;
    bool reverse = false;
    bool unbounded = false; // bulk operations: every item

    static std::variant<PageRequest, graphql::GraphQLError> fromArgs(const QJsonObject &args,
                                                                     bool unbounded);
};

// One page of the store's products in the given order, filtered by a search. Finds the
// cursor by binary search in the cached sorted order and scans only as far as the page
// needs.
std::variant<graphql::ConnectionPage, graphql::GraphQLError>
pageProducts(ShopifyStore &store, ProductOrder order, const ProductSearch &search,
             const PageRequest &request);

// A page of a short list (a product's media or metafields): cursors hold positions.
graphql::ConnectionPage pageList(const QList<graphql::ObjectRef> &items, const QList<qint64> &ids,
                                 const PageRequest &request);

} // namespace tagdesk::sandbox

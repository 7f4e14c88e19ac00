#pragma once

#include "domain/product.h"

#include <QJsonObject>

namespace tagdesk {

// Reads a Product node as the documents in resources/graphql select it (ProductFields)
// into a snapshot. Connections may come as `nodes` or as `edges { node }`.
Result<ProductSnapshot> productFromGraphql(const QJsonObject &node);

// Adds the images of a `media` connection to a product, in Shopify's order.
void appendMedia(ProductSnapshot &product, const QJsonValue &connection);
// The cursor after which a `media` connection has more, or empty when it is complete.
QString moreMediaAfter(const QJsonValue &connection);

} // namespace tagdesk

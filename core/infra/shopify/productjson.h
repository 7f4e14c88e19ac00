#pragma once

#include "domain/product.h"

#include <QHash>
#include <QJsonObject>

namespace tagdesk {

// Reads a Product node as the documents in resources/graphql select it (ProductFields)
// into a snapshot. Connections may come as `nodes` or as `edges { node }`.
Result<ProductSnapshot> productFromGraphql(const QJsonObject &node);

// A metaobject as CategoryMetaobjectNodes and CategoryMetaobjects select it, with the
// taxonomy values it stands for.
CategoryMetaobject categoryMetaobjectFrom(const QJsonObject &node);
// Adds the metafields of a `categoryMetafields` connection (ProductCategoryMetafields).
void appendCategoryMetafields(ProductSnapshot &product, const QJsonValue &connection);
// The metaobject ids `product`'s category metafields list whose taxonomy values it lacks.
QStringList unreadCategoryMetaobjects(const ProductSnapshot &product);
// Adds to `product` those of `entries` (by id) it references and lacks, in the order its
// category metafields list them, so a product reads the same whichever way it was read.
void addCategoryMetaobjects(ProductSnapshot &product,
                            const QHash<QString, CategoryMetaobject> &entries);

// Adds the images of a `media` connection to a product, in Shopify's order.
void appendMedia(ProductSnapshot &product, const QJsonValue &connection);
// The cursor after which a `media` connection has more, or empty when it is complete.
QString moreMediaAfter(const QJsonValue &connection);

} // namespace tagdesk

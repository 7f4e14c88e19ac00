#pragma once

#include "catalog/storeproduct.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace tagdesk::sandbox {

class ShopifyStore;

// Category metafields: a product's metafields in namespace `shopify` keyed by a taxonomy
// attribute of its category (color-pattern, fabric, …), of type list.metaobject_reference,
// whose value lists this store's metaobjects of type `shopify--<key>`.
inline const QString categoryMetafieldNamespace = QStringLiteral("shopify");

struct CategoryMetafieldProblem {
    QString field = {}; // the MetafieldsSetInput field: key, type or value
    QString message = {};
    QString code = {};
};

// Why the sandbox refuses shopify.<key> = value on a product in `categoryId`, or nothing.
std::optional<CategoryMetafieldProblem>
categoryMetafieldProblem(const ShopifyStore &store, const QString &categoryId, const QString &key,
                         const QString &type, const QString &value);

// The `shopify` category metafields of `product` that a product in `categoryId` (empty:
// none) cannot have: their attribute is not one of the category's.
QStringList conflictingCategoryMetafields(const StoreProduct &product, const QString &categoryId);

} // namespace tagdesk::sandbox

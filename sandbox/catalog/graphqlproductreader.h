#pragma once

#include "productdraft.h"

#include "util/result.h"

#include <QJsonObject>

namespace tagdesk::sandbox {

// One Admin GraphQL `Product` node, as an app's query returned it: any subset of the fields
// (id, handle, title, vendor, productType, status, descriptionHtml or description, tags,
// createdAt, updatedAt, images / media / featuredImage, collections, metafields), with
// connections written as `nodes` or `edges`.
Result<ProductDraft> readGraphqlProduct(const QJsonObject &product);

} // namespace tagdesk::sandbox

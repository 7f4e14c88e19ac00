#pragma once

#include "productdraft.h"

#include "util/result.h"

#include <QJsonObject>

namespace tagdesk::sandbox {

// One product of a REST `products.json`: the public storefront one (tags as an array, no
// status) and the Admin API one (tags as one comma-separated string, `status`,
// `admin_graphql_api_id`) share their field names, so one reader serves both.
Result<ProductDraft> readRestProduct(const QJsonObject &product);

// Whether an object uses the REST field names rather than GraphQL's.
bool looksLikeRestProduct(const QJsonObject &product);

} // namespace tagdesk::sandbox

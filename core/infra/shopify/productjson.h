#pragma once

#include "domain/product.h"

#include <QJsonObject>

namespace tagdesk {

// Reads a Product node as the documents in resources/graphql select it (ProductFields)
// into a snapshot. Connections may come as `nodes` or as `edges { node }`.
Result<ProductSnapshot> productFromGraphql(const QJsonObject &node);

} // namespace tagdesk

#pragma once

#include "storeproduct.h"

#include "util/result.h"

#include <QByteArray>
#include <QString>

namespace tagdesk::sandbox {

// Loads a Shopify catalog export into the sandbox's store model. Accepted:
//  - a storefront `/products.json` or an Admin REST `products.json`: {"products":[…]}
//    (a single {"product":{…}} too);
//  - Admin GraphQL product nodes: a JSON array of nodes, a whole answer
//    {"data":{"products":{"edges"|"nodes":…}}} (or {"data":{"product":{…}}}), or a bare
//    connection {"edges"|"nodes":…}.
// Every image is mapped to a bundled photo (see photomapping.h). A malformed file gives an
// error naming the file and what is wrong with it.
Result<Catalog> loadCatalogFile(const QString &path);

// The same from bytes already read; `sourceName` names them in error messages.
Result<Catalog> parseCatalog(const QByteArray &json, const QString &sourceName);

// The built-in demo catalog (resources/demo/catalog.json): fashion products showing the
// bundled photos, some with tags, alt text and metafields already set. The same on every
// call.
Catalog demoCatalog();

// Adds synthetic products (copies of the existing ones with new ids, handles and titles)
// until the catalog has `n` products; does nothing if it already has that many. Photos are
// shared by name, so 100,000 products stay small.
void growCatalog(Catalog &catalog, int n);

} // namespace tagdesk::sandbox

#pragma once

#include "graphql/schema.h"
#include "shopify/shopcontext.h"

#include <memory>

namespace tagdesk::sandbox {

// The executable schema of the Admin API 2026-01 subset the sandbox serves, with names,
// arguments and types as in Shopify's published schema (data/shopify/admin-2026-01.graphql).
std::unique_ptr<graphql::Schema> buildShopifySchema(ShopContext &context);

// Parts of it, one file each.
void addShopifyEnumsAndInputs(graphql::Schema &schema);
void addShopifyQueries(graphql::Schema &schema, ShopContext &context);
void addShopifyMutations(graphql::Schema &schema, ShopContext &context);

// Shared by the query and mutation resolvers.
QString isoTime(const QDateTime &t);
graphql::Resolved productObject(const StoreProduct &product);
graphql::Resolved mediaObject(const StoreProduct &product, const StoreImage &image);
graphql::Resolved bulkOperationObject(ShopContext &context, const QString &id);
// A userErrors entry of the given GraphQL type (UserError, MetafieldsSetUserError, …).
graphql::Resolved userError(const QString &type, const QStringList &field, const QString &message,
                            const QString &code = {}, int elementIndex = -1);

} // namespace tagdesk::sandbox

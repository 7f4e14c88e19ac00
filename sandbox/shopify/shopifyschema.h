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
void addTaxonomyQueries(graphql::Schema &schema, ShopContext &context);
void addMetaobjectQueries(graphql::Schema &schema, ShopContext &context);
void addMetaobjectMutations(graphql::Schema &schema, ShopContext &context);

// Shared by the query and mutation resolvers.
QString isoTime(const QDateTime &t);
graphql::Resolved productObject(const StoreProduct &product);
graphql::Resolved mediaObject(const StoreProduct &product, const StoreImage &image);
graphql::Resolved bulkOperationObject(ShopContext &context, const QString &id);
// A TaxonomyCategory / TaxonomyValue / Metaobject by id, or null.
graphql::Resolved categoryObject(const QString &categoryId);
graphql::Resolved taxonomyValueObject(const QString &valueId);
graphql::Resolved metaobjectObject(ShopContext &context, const QString &id);
// What a reference metafield value points at (a MetafieldReference), or null.
graphql::Resolved referenceObject(ShopContext &context, const QString &id);
// A MetafieldReferenceConnection page of the objects `ids` point at.
graphql::Resolved referencesPage(ShopContext &context, const QStringList &ids,
                                 const graphql::ResolveInfo &info);
graphql::Resolved definitionTypeObject(const QString &typeName);
// The ACCESS_DENIED error of a field that needs `scope`.
graphql::GraphQLError accessDenied(const QString &fieldName, const QString &scope);
// A userErrors entry of the given GraphQL type (UserError, MetafieldsSetUserError, …).
graphql::Resolved userError(const QString &type, const QStringList &field, const QString &message,
                            const QString &code = {}, int elementIndex = -1);

} // namespace tagdesk::sandbox

#pragma once

#include "graphql/ast.h"

#include <variant>

namespace tagdesk::sandbox::graphql {

// Parses an executable GraphQL document (operations and fragments). A syntax error comes
// back worded as Shopify's graphql-ruby does: `Parse error on "}" (RCURLY) at [3, 5]`.
std::variant<Document, GraphQLError> parseDocument(const QString &source);

} // namespace tagdesk::sandbox::graphql

#pragma once

#include "graphql/ast.h"
#include "graphql/schema.h"

#include <QJsonObject>

#include <variant>

namespace tagdesk::sandbox::graphql {

// Picks the operation a request runs: the named one, or the only one.
std::variant<const Operation *, GraphQLError> selectOperation(const Document &document,
                                                              const QString &operationName);

// Static checks of one operation against the schema, worded as Shopify (graphql-ruby)
// words them: unknown fields and arguments, missing arguments, selections on scalars,
// missing selections, bad fragments, undeclared or unused variables, literal arguments of
// the wrong type.
QList<GraphQLError> validate(const Schema &schema, const Document &document,
                             const Operation &operation, const QJsonObject &variables);

// The label graphql-ruby puts first in error paths: "query Products", "mutation", …
QString operationLabel(const Operation &operation);

// The worst-case cost of an operation, charged before it runs and refunded down to the actual
// cost afterwards (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits):
// scalars and enums 0, objects 1, connections 2 + first × the cost of one node, each
// mutation field 10. With `requireConnectionSize` a connection without first/last is an
// error, as in Shopify's ordinary (non-bulk) queries.
std::variant<int, GraphQLError> requestedCost(const Schema &schema, const Document &document,
                                              const Operation &operation,
                                              const QJsonObject &variables,
                                              bool requireConnectionSize = true);

} // namespace tagdesk::sandbox::graphql

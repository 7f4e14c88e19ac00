#pragma once

#include "graphql/ast.h"
#include "graphql/schema.h"

#include <QJsonObject>
#include <QJsonValue>

#include <optional>
#include <variant>

namespace tagdesk::sandbox::graphql {

// Turns a literal from the document into JSON, substituting variables (already coerced).
QJsonValue literalToJson(const Value &v, const QJsonObject &variables);

// Why `value` does not fit `type`, or nothing if it does. `problemPath` names the part
// that is wrong (an input field, a list index) for the error message.
struct InputProblem {
    QString explanation;
    QStringList path;
};
std::optional<InputProblem> checkInput(const Schema &schema, const QJsonValue &value,
                                       const TypeRef &type);

// Applies defaults and checks the request's variables against the operation's
// declarations, with graphql-ruby's wording on failure.
std::variant<QJsonObject, GraphQLError>
coerceVariables(const Schema &schema, const Operation &operation, const QJsonObject &provided);

// The arguments of one field: literals and variables resolved, defaults applied.
QJsonObject coerceArguments(const FieldDef &field, const QList<Argument> &arguments,
                            const QJsonObject &variables);

} // namespace tagdesk::sandbox::graphql

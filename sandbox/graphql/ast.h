#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace tagdesk::sandbox::graphql {

// Where something sits in the document, 1-based, as GraphQL errors report it.
struct Location {
    int line = 0;
    int column = 0;
};

// An argument or default value as written in the document. Variables stay unresolved
// here; the executor substitutes them (see values.h).
struct Value {
    enum class Kind { Null, Int, Float, String, Boolean, Enum, List, Object, Variable };
    Kind kind = Kind::Null;
    QString text;                            // scalar text, enum name or variable name
    QList<Value> items;                      // List
    QList<std::pair<QString, Value>> fields; // Object, in document order
    Location location;
};

struct Argument {
    QString name;
    Value value;
    Location location;
};

struct Selection;
using SelectionSet = QList<Selection>;

// A field, an inline fragment (`... on T { }`) or a named fragment spread (`...Name`).
struct Selection {
    enum class Kind { Field, InlineFragment, FragmentSpread };
    Kind kind = Kind::Field;
    QString alias; // empty when the field has none
    QString name;  // field name, or fragment name for a spread
    QList<Argument> arguments;
    QString typeCondition; // inline fragment only; empty means "same type"
    SelectionSet selections;
    Location location;

    QString responseKey() const { return alias.isEmpty() ? name : alias; }
};

struct VariableDefinition {
    QString name;
    QString type; // as written, e.g. "[MetafieldsSetInput!]!"
    std::optional<Value> defaultValue;
    Location location;
};

struct Operation {
    QString type; // "query" or "mutation"
    QString name; // empty for anonymous operations
    QList<VariableDefinition> variables;
    SelectionSet selections;
    Location location;
};

struct FragmentDefinition {
    QString name;
    QString typeCondition;
    SelectionSet selections;
    Location location;
};

struct Document {
    QList<Operation> operations;
    QHash<QString, FragmentDefinition> fragments;
};

// One entry of a GraphQL answer's "errors" array.
struct GraphQLError {
    QString message;
    QList<Location> locations;
    QJsonArray path; // field names and list indices
    QJsonObject extensions;

    QJsonObject toJson() const;
};

} // namespace tagdesk::sandbox::graphql

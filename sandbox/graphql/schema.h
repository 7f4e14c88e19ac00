#pragma once

#include "graphql/ast.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <any>
#include <functional>
#include <memory>
#include <optional>

namespace tagdesk::sandbox::graphql {

// A type as written in SDL: `Int`, `ID!`, `[String!]!` (one list level is all Shopify's
// inputs for this subset need).
struct TypeRef {
    QString named;
    bool list = false;
    bool nonNull = false;     // the outer type
    bool itemNonNull = false; // list items

    static TypeRef parse(const QString &text);
    QString toString() const;
};

// One object in the answer tree: its concrete GraphQL type and what the resolvers of that
// type read from (a pointer into the store, a Record, …).
struct ObjectRef {
    QString type;
    std::any source;
};

struct Resolved;

// A page of a connection; the executor serves `nodes`, `edges { cursor node }` and
// `pageInfo` from it, so resolvers only page.
struct ConnectionPage {
    QList<ObjectRef> nodes;
    QStringList cursors; // one per node
    bool hasNextPage = false;
    bool hasPreviousPage = false;
};

// What a resolver returns for one field.
struct Resolved {
    enum class Kind { Null, Leaf, Object, List, Connection };
    Kind kind = Kind::Null;
    QJsonValue leaf;
    ObjectRef object;
    QList<Resolved> items;
    std::shared_ptr<const ConnectionPage> page;
    std::optional<GraphQLError> error; // a field error: the field becomes null

    static Resolved null() { return {}; }
    static Resolved value(QJsonValue v) {
        Resolved r;
        r.kind = v.isNull() || v.isUndefined() ? Kind::Null : Kind::Leaf;
        r.leaf = std::move(v);
        return r;
    }
    static Resolved objectOf(QString type, std::any source) {
        Resolved r;
        r.kind = Kind::Object;
        r.object = {std::move(type), std::move(source)};
        return r;
    }
    static Resolved listOf(QList<Resolved> items) {
        Resolved r;
        r.kind = Kind::List;
        r.items = std::move(items);
        return r;
    }
    static Resolved connection(ConnectionPage page) {
        Resolved r;
        r.kind = Kind::Connection;
        r.page = std::make_shared<const ConnectionPage>(std::move(page));
        return r;
    }
    static Resolved failure(GraphQLError e) {
        Resolved r;
        r.error = std::move(e);
        return r;
    }
};

// A synthetic object whose fields are computed up front: mutation payloads, userErrors,
// counts. Types built with Schema::record() resolve fields by looking them up here.
using Record = QHash<QString, Resolved>;

struct ResolveInfo {
    const std::any &source;
    const QJsonObject &args;           // coerced, defaults applied
    bool unboundedConnections = false; // bulk operations: connections return everything
};

using Resolver = std::function<Resolved(const ResolveInfo &)>;

struct ArgumentDef {
    QString name;
    TypeRef type;
    QJsonValue defaultValue = QJsonValue(QJsonValue::Undefined);
};

struct FieldDef {
    QString name;
    TypeRef type;
    QList<ArgumentDef> args;
    Resolver resolve;
    QString requiredScope; // e.g. write_products; checked before the field runs

    const ArgumentDef *argument(const QString &argName) const;
};

struct TypeDef {
    enum class Kind { Scalar, Enum, Object, Interface, InputObject };
    QString name;
    Kind kind = Kind::Object;
    QList<FieldDef> fields;   // objects and interfaces
    QStringList interfaces;   // objects: the interfaces they implement
    QStringList members = {}; // unions (served as field-less interfaces): their object types
    QStringList enumValues;
    QList<ArgumentDef> inputFields;
    QString connectionNode; // set for XConnection types
    bool connectionEdge = false;
    bool record = false;

    const FieldDef *field(const QString &fieldName) const;
    const ArgumentDef *inputField(const QString &fieldName) const;
    bool isLeaf() const { return kind == Kind::Scalar || kind == Kind::Enum; }
    bool isComposite() const { return kind == Kind::Object || kind == Kind::Interface; }
};

struct ArgSpec {
    QString name;
    QString type;
    QJsonValue defaultValue = QJsonValue(QJsonValue::Undefined);
};

// The types, fields and resolvers of an executable schema.
class Schema {
public:
    Schema();

    QString queryType = QStringLiteral("QueryRoot");
    QString mutationType = QStringLiteral("Mutation");

    void scalar(const QString &name);
    void enumeration(const QString &name, const QStringList &values);
    void input(const QString &name, const QList<ArgSpec> &fields);
    TypeDef &object(const QString &name, const QStringList &interfaces = {});
    TypeDef &interface(const QString &name);
    // A union: like an interface without fields (only `__typename` and fragments select
    // from it), whose possible types are `members`.
    TypeDef &unionOf(const QString &name, const QStringList &members);
    // An object type whose sources are Records.
    TypeDef &record(const QString &name, const QStringList &interfaces = {});
    // Defines `<node>Connection` and `<node>Edge`.
    void connection(const QString &nodeType);

    FieldDef &field(const QString &type, const QString &name, const QString &fieldType,
                    Resolver resolve = {}, const QList<ArgSpec> &args = {});
    static QList<ArgSpec> connectionArgs(const QList<ArgSpec> &extra = {});

    const TypeDef *type(const QString &name) const;
    // Whether an object of type `concrete` may appear where `target` is expected.
    bool isPossible(const QString &concrete, const QString &target) const;
    bool overlaps(const QString &a, const QString &b) const;

private:
    QHash<QString, std::shared_ptr<TypeDef>> m_types;
};

} // namespace tagdesk::sandbox::graphql

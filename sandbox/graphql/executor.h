#pragma once

#include "graphql/ast.h"
#include "graphql/schema.h"
#include "util/jsonwriter.h"

#include <QJsonObject>

#include <functional>
#include <optional>

namespace tagdesk::sandbox::graphql {

// Runs a validated operation against an executable Schema, writing the "data" value.
// Fields answer in selection order; fragments are merged per GraphQL's field collection;
// a resolver's field error nulls that field and is reported with its path.
class Executor {
public:
    Executor(const Schema &schema, const Document &document, QJsonObject variables);

    // Connections answer every node (bulk operations); off by default.
    void setUnboundedConnections(bool on) { m_unbounded = on; }
    // Called before each field runs; an error denies it (e.g. a missing access scope).
    using FieldGuard = std::function<std::optional<GraphQLError>(const FieldDef &)>;
    void setFieldGuard(FieldGuard guard) { m_guard = std::move(guard); }

    void executeOperation(const Operation &operation, JsonWriter &out);

    struct CollectedField {
        QString responseKey;
        QList<const Selection *> selections; // same key, merged
    };
    QList<CollectedField> collectFields(const QString &objectType,
                                        const QList<const SelectionSet *> &sets) const;

    // Runs one field of an object (arguments coerced, guard applied).
    Resolved resolve(const ObjectRef &object, const CollectedField &field,
                     const FieldDef **definition = nullptr);
    // Writes a resolved value for `field`, with its sub-selections.
    void write(const Resolved &value, const CollectedField &field, const TypeRef &type,
               JsonWriter &out, QJsonArray &path);
    // Writes one object's selected fields. `skip` leaves out chosen fields (bulk export
    // writes nested connections as lines of their own).
    void writeObject(const ObjectRef &object, const QList<const SelectionSet *> &sets,
                     JsonWriter &out, QJsonArray &path,
                     const std::function<bool(const FieldDef &)> &skip = {},
                     const std::function<void(JsonWriter &)> &beforeClose = {});

    const QList<GraphQLError> &errors() const { return m_errors; }
    // Objects really returned: what Shopify's actualQueryCost counts.
    int actualCost() const { return m_actualCost; }
    const Schema &schema() const { return m_schema; }

    static QList<const SelectionSet *> subSelections(const CollectedField &field);

private:
    void collect(const QString &objectType, const SelectionSet &set, QList<CollectedField> &out,
                 QHash<QString, qsizetype> &index, int depth) const;
    Resolved builtIn(const ObjectRef &object, const FieldDef &field, const TypeDef &type);

    const Schema &m_schema;
    const Document &m_document;
    QJsonObject m_variables;
    mutable QHash<QString, QList<CollectedField>> m_collected; // by type and selection sets
    bool m_unbounded = false;
    FieldGuard m_guard;
    QList<GraphQLError> m_errors;
    int m_actualCost = 0;
};

} // namespace tagdesk::sandbox::graphql

#include "graphql/validator.h"

#include "graphql/values.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace tagdesk::sandbox::graphql {

std::variant<const Operation *, GraphQLError> selectOperation(const Document &document,
                                                              const QString &operationName) {
    GraphQLError e;
    if (operationName.isEmpty()) {
        if (document.operations.size() == 1)
            return &document.operations.first();
        e.message = document.operations.isEmpty() ? QStringLiteral("No operations in query string")
                                                  : QStringLiteral("An operation name is required");
        return e;
    }
    for (const Operation &op : document.operations)
        if (op.name == operationName)
            return &op;
    e.message = QStringLiteral("No operation named \"%1\"").arg(operationName);
    return e;
}

QString operationLabel(const Operation &operation) {
    return operation.name.isEmpty() ? operation.type : operation.type + u' ' + operation.name;
}

namespace {

GraphQLError error(const QString &message, Location at, const QJsonArray &path,
                   QJsonObject extensions) {
    GraphQLError e;
    e.message = message;
    e.locations = {at};
    e.path = path;
    e.extensions = std::move(extensions);
    return e;
}

class Validator {
public:
    Validator(const Schema &schema, const Document &document, const QJsonObject &variables)
        : m_schema(schema)
        , m_document(document)
        , m_variables(variables) {}

    QList<GraphQLError> run(const Operation &op) {
        const QString rootName =
            op.type == QLatin1String("mutation") ? m_schema.mutationType : m_schema.queryType;
        const TypeDef *root =
            op.type == QLatin1String("subscription") ? nullptr : m_schema.type(rootName);
        const QJsonArray path{operationLabel(op)};
        if (!root) {
            m_errors.append(error(QStringLiteral("Schema is not configured for %1s").arg(op.type),
                                  op.location, path,
                                  {{QStringLiteral("code"), QStringLiteral("missingRootType")}}));
            return m_errors;
        }
        QSet<QString> declared;
        for (const VariableDefinition &v : op.variables) {
            if (declared.contains(v.name))
                m_errors.append(
                    error(QStringLiteral("There can only be one variable named \"%1\"").arg(v.name),
                          v.location, path,
                          {{QStringLiteral("code"), QStringLiteral("variableNotUnique")}}));
            declared.insert(v.name);
        }
        selections(op.selections, *root, path);
        for (const auto &[name, at] : std::as_const(m_used))
            if (!declared.contains(name))
                m_errors.append(error(
                    QStringLiteral("Variable $%1 is used by %2 but not declared")
                        .arg(name, op.name.isEmpty() ? QStringLiteral("anonymous %1").arg(op.type)
                                                     : op.name),
                    at, path,
                    {{QStringLiteral("code"), QStringLiteral("variableNotDefined")},
                     {QStringLiteral("variableName"), name}}));
        QSet<QString> usedNames;
        for (const auto &[name, at] : std::as_const(m_used))
            usedNames.insert(name);
        for (const VariableDefinition &v : op.variables)
            if (!usedNames.contains(v.name))
                m_errors.append(error(
                    QStringLiteral("Variable $%1 is declared by %2 but not used")
                        .arg(v.name, op.name.isEmpty() ? QStringLiteral("anonymous %1").arg(op.type)
                                                       : op.name),
                    v.location, path,
                    {{QStringLiteral("code"), QStringLiteral("variableNotUsed")},
                     {QStringLiteral("variableName"), v.name}}));
        return m_errors;
    }

private:
    void selections(const SelectionSet &set, const TypeDef &parent, const QJsonArray &path) {
        for (const Selection &s : set) {
            switch (s.kind) {
            case Selection::Kind::Field:
                field(s, parent, path);
                break;
            case Selection::Kind::InlineFragment: {
                const TypeDef *cond =
                    s.typeCondition.isEmpty() ? &parent : fragmentType(s.typeCondition, s, path);
                if (!cond)
                    break;
                QJsonArray p = path;
                p.append(QStringLiteral("... on %1").arg(cond->name));
                if (!m_schema.overlaps(cond->name, parent.name)) {
                    m_errors.append(
                        error(QStringLiteral("Fragment on %1 can't be spread inside %2")
                                  .arg(cond->name, parent.name),
                              s.location, p,
                              {{QStringLiteral("code"), QStringLiteral("cannotSpreadFragment")},
                               {QStringLiteral("typeName"), cond->name},
                               {QStringLiteral("fragmentName"), QStringLiteral("unknown")},
                               {QStringLiteral("parentName"), parent.name}}));
                    break;
                }
                selections(s.selections, *cond, p);
                break;
            }
            case Selection::Kind::FragmentSpread: {
                auto it = m_document.fragments.constFind(s.name);
                if (it == m_document.fragments.constEnd()) {
                    m_errors.append(
                        error(QStringLiteral("Fragment %1 was used, but not defined").arg(s.name),
                              s.location, path,
                              {{QStringLiteral("code"), QStringLiteral("useAndDefineFragment")},
                               {QStringLiteral("fragmentName"), s.name}}));
                    break;
                }
                if (m_visiting.contains(s.name)) {
                    m_errors.append(
                        error(QStringLiteral("Fragment %1 contains an infinite loop").arg(s.name),
                              s.location, path,
                              {{QStringLiteral("code"), QStringLiteral("infiniteLoop")},
                               {QStringLiteral("fragmentName"), s.name}}));
                    break;
                }
                const TypeDef *cond = fragmentType(it->typeCondition, s, path);
                if (!cond)
                    break;
                QJsonArray p = path;
                p.append(QStringLiteral("... %1").arg(s.name));
                if (!m_schema.overlaps(cond->name, parent.name)) {
                    m_errors.append(
                        error(QStringLiteral("Fragment %1 on %2 can't be spread inside %3")
                                  .arg(s.name, cond->name, parent.name),
                              s.location, p,
                              {{QStringLiteral("code"), QStringLiteral("cannotSpreadFragment")},
                               {QStringLiteral("typeName"), cond->name},
                               {QStringLiteral("fragmentName"), s.name},
                               {QStringLiteral("parentName"), parent.name}}));
                    break;
                }
                m_visiting.insert(s.name);
                selections(it->selections, *cond, p);
                m_visiting.remove(s.name);
                break;
            }
            }
        }
    }

    const TypeDef *fragmentType(const QString &name, const Selection &s, const QJsonArray &path) {
        const TypeDef *t = m_schema.type(name);
        if (!t) {
            m_errors.append(error(
                QStringLiteral("No such type %1, so it can't be a fragment condition").arg(name),
                s.location, path,
                {{QStringLiteral("code"), QStringLiteral("undefinedType")},
                 {QStringLiteral("typeName"), name}}));
            return nullptr;
        }
        if (!t->isComposite()) {
            m_errors.append(error(
                QStringLiteral("Invalid fragment on type %1 (must be Union, Interface or Object)")
                    .arg(name),
                s.location, path,
                {{QStringLiteral("code"), QStringLiteral("fragmentOnNonCompositeType")},
                 {QStringLiteral("typeName"), name}}));
            return nullptr;
        }
        return t;
    }

    void collectVariables(const Value &v) {
        if (v.kind == Value::Kind::Variable)
            m_used.append({v.text, v.location});
        for (const Value &item : v.items)
            collectVariables(item);
        for (const auto &[name, f] : v.fields)
            collectVariables(f);
    }

    void field(const Selection &s, const TypeDef &parent, const QJsonArray &parentPath) {
        QJsonArray path = parentPath;
        path.append(s.responseKey());
        for (const Argument &a : s.arguments)
            collectVariables(a.value);
        if (s.name == QLatin1String("__typename")) {
            if (!s.selections.isEmpty())
                leafWithSelections(s, QStringLiteral("String!"), path);
            return;
        }
        const FieldDef *f = parent.field(s.name);
        if (!f) {
            m_errors.append(error(
                QStringLiteral("Field '%1' doesn't exist on type '%2'").arg(s.name, parent.name),
                s.location, path,
                {{QStringLiteral("code"), QStringLiteral("undefinedField")},
                 {QStringLiteral("typeName"), parent.name},
                 {QStringLiteral("fieldName"), s.name}}));
            return;
        }
        for (const Argument &a : s.arguments) {
            const ArgumentDef *def = f->argument(a.name);
            if (!def) {
                m_errors.append(error(
                    QStringLiteral("Field '%1' doesn't accept argument '%2'").arg(s.name, a.name),
                    a.location, path,
                    {{QStringLiteral("code"), QStringLiteral("argumentNotAccepted")},
                     {QStringLiteral("name"), s.name},
                     {QStringLiteral("typeName"), QStringLiteral("Field")},
                     {QStringLiteral("argumentName"), a.name}}));
                continue;
            }
            const QJsonValue v = literalToJson(a.value, m_variables);
            if (a.value.kind == Value::Kind::Variable)
                continue; // checked against the variable's declaration
            if (checkInput(m_schema, v, def->type)) {
                m_errors.append(
                    error(QStringLiteral("Argument '%1' on Field '%2' has an invalid value (%3). "
                                         "Expected type '%4'.")
                              .arg(a.name, s.name, literalText(a.value), def->type.toString()),
                          a.location, path,
                          {{QStringLiteral("code"), QStringLiteral("argumentLiteralsIncompatible")},
                           {QStringLiteral("typeName"), QStringLiteral("Field")},
                           {QStringLiteral("argumentName"), a.name}}));
            }
        }
        QStringList missing;
        for (const ArgumentDef &def : f->args) {
            if (!def.type.nonNull || !def.defaultValue.isUndefined())
                continue;
            const bool given = std::any_of(s.arguments.begin(), s.arguments.end(),
                                           [&](const Argument &a) { return a.name == def.name; });
            if (!given)
                missing.append(def.name);
        }
        if (!missing.isEmpty())
            m_errors.append(
                error(QStringLiteral("Field '%1' is missing required arguments: %2")
                          .arg(s.name, missing.join(QStringLiteral(", "))),
                      s.location, path,
                      {{QStringLiteral("code"), QStringLiteral("missingRequiredArguments")},
                       {QStringLiteral("className"), QStringLiteral("Field")},
                       {QStringLiteral("name"), s.name},
                       {QStringLiteral("arguments"), missing.join(QStringLiteral(", "))}}));
        const TypeDef *result = m_schema.type(f->type.named);
        if (!result)
            return;
        if (result->isLeaf()) {
            if (!s.selections.isEmpty())
                leafWithSelections(s, f->type.toString(), path);
            return;
        }
        if (s.selections.isEmpty()) {
            m_errors.append(
                error(QStringLiteral("Field must have selections (field '%1' returns %2 but has no "
                                     "selections. Did you mean '%1 { ... }'?)")
                          .arg(s.name, f->type.toString()),
                      s.location, path,
                      {{QStringLiteral("code"), QStringLiteral("selectionMismatch")},
                       {QStringLiteral("nodeName"), QStringLiteral("field '%1'").arg(s.name)},
                       {QStringLiteral("typeName"), f->type.toString()}}));
            return;
        }
        selections(s.selections, *result, path);
    }

    void leafWithSelections(const Selection &s, const QString &type, const QJsonArray &path) {
        QStringList names;
        for (const Selection &sub : s.selections)
            names.append(sub.name);
        m_errors.append(error(
            QStringLiteral("Selections can't be made on scalars (field '%1' returns %2 but has "
                           "selections [%3])")
                .arg(s.name, type, names.join(QStringLiteral(", "))),
            s.location, path,
            {{QStringLiteral("code"), QStringLiteral("selectionMismatch")},
             {QStringLiteral("nodeName"), QStringLiteral("field '%1'").arg(s.name)},
             {QStringLiteral("typeName"), type}}));
    }

    static QString literalText(const Value &v) {
        switch (v.kind) {
        case Value::Kind::String:
            return u'"' + v.text + u'"';
        case Value::Kind::List: {
            QStringList parts;
            for (const Value &i : v.items)
                parts.append(literalText(i));
            return u'[' + parts.join(QStringLiteral(", ")) + u']';
        }
        case Value::Kind::Object: {
            QStringList parts;
            for (const auto &[n, f] : v.fields)
                parts.append(n + QStringLiteral(": ") + literalText(f));
            return u'{' + parts.join(QStringLiteral(", ")) + u'}';
        }
        case Value::Kind::Variable:
            return u'$' + v.text;
        case Value::Kind::Null:
            return QStringLiteral("null");
        default:
            return v.text;
        }
    }

    const Schema &m_schema;
    const Document &m_document;
    const QJsonObject &m_variables;
    QList<GraphQLError> m_errors;
    QList<std::pair<QString, Location>> m_used;
    QSet<QString> m_visiting;
};

// Worst-case cost walk over a valid operation.
class CostWalker {
public:
    CostWalker(const Schema &schema, const Document &document, const QJsonObject &variables,
               bool requireSize)
        : m_schema(schema)
        , m_document(document)
        , m_variables(variables)
        , m_requireSize(requireSize) {}

    std::optional<GraphQLError> error;

    int selections(const SelectionSet &set, const TypeDef &parent, int depth) {
        if (depth > 64)
            return 0;
        int plain = 0;
        QHash<QString, int> byCondition; // fragments on other types: the dearest one counts
        for (const Selection &s : set) {
            switch (s.kind) {
            case Selection::Kind::Field:
                plain += field(s, parent, depth);
                break;
            case Selection::Kind::InlineFragment:
            case Selection::Kind::FragmentSpread: {
                const SelectionSet *sub = &s.selections;
                QString cond = s.typeCondition;
                if (s.kind == Selection::Kind::FragmentSpread) {
                    auto it = m_document.fragments.constFind(s.name);
                    if (it == m_document.fragments.constEnd())
                        break;
                    sub = &it->selections;
                    cond = it->typeCondition;
                }
                const TypeDef *t = cond.isEmpty() ? &parent : m_schema.type(cond);
                if (!t)
                    break;
                const int c = selections(*sub, *t, depth + 1);
                if (t == &parent)
                    plain += c;
                else
                    byCondition[t->name] = std::max(byCondition.value(t->name), 0) + c;
                break;
            }
            }
        }
        int dearest = 0;
        for (int c : std::as_const(byCondition))
            dearest = std::max(dearest, c);
        return plain + dearest;
    }

private:
    int field(const Selection &s, const TypeDef &parent, int depth) {
        if (s.name == QLatin1String("__typename"))
            return 0;
        const FieldDef *f = parent.field(s.name);
        if (!f)
            return 0;
        if (parent.name == m_schema.mutationType)
            return 10;
        const TypeDef *t = m_schema.type(f->type.named);
        if (!t || t->isLeaf())
            return 0;
        if (!t->connectionNode.isEmpty() && !t->connectionEdge) {
            const QJsonObject args = coerceArguments(*f, s.arguments, m_variables);
            int size = 0;
            if (args.value(QStringLiteral("first")).isDouble())
                size = args.value(QStringLiteral("first")).toInt();
            else if (args.value(QStringLiteral("last")).isDouble())
                size = args.value(QStringLiteral("last")).toInt();
            else if (m_requireSize && !error) {
                GraphQLError e;
                e.message = QStringLiteral("you must provide one of first or last");
                e.locations = {s.location};
                error = e;
            }
            const TypeDef *node = m_schema.type(t->connectionNode);
            int nodeCost = 0;
            // `nodes { … }` and `edges { node { … } }` describe the same node.
            for (const Selection &sub : s.selections) {
                if (sub.kind != Selection::Kind::Field)
                    continue;
                if (sub.name == QLatin1String("nodes") && node)
                    nodeCost = std::max(nodeCost, 1 + selections(sub.selections, *node, depth + 1));
                if (sub.name == QLatin1String("edges") && node)
                    for (const Selection &e : sub.selections)
                        if (e.kind == Selection::Kind::Field && e.name == QLatin1String("node"))
                            nodeCost =
                                std::max(nodeCost, 1 + selections(e.selections, *node, depth + 1));
            }
            return 2 + size * nodeCost;
        }
        // A list looked up by ids (`nodes(ids:)`) answers one object per id: priced per id,
        // the safe reading (Shopify's rate-limit page prices connections by first/last and
        // says nothing of it), so that a client batching reads cannot buy them cheaper here
        // than it may in a real store.
        if (f->type.list && f->argument(QStringLiteral("ids"))) {
            const QJsonObject args = coerceArguments(*f, s.arguments, m_variables);
            const qsizetype ids = args.value(QStringLiteral("ids")).toArray().size();
            return 1 + int(std::max<qsizetype>(ids, 1)) * selections(s.selections, *t, depth + 1);
        }
        return 1 + selections(s.selections, *t, depth + 1);
    }

    const Schema &m_schema;
    const Document &m_document;
    const QJsonObject &m_variables;
    bool m_requireSize;
};

} // namespace

QList<GraphQLError> validate(const Schema &schema, const Document &document,
                             const Operation &operation, const QJsonObject &variables) {
    Validator v(schema, document, variables);
    return v.run(operation);
}

std::variant<int, GraphQLError> requestedCost(const Schema &schema, const Document &document,
                                              const Operation &operation,
                                              const QJsonObject &variables,
                                              bool requireConnectionSize) {
    const TypeDef *root = schema.type(
        operation.type == QLatin1String("mutation") ? schema.mutationType : schema.queryType);
    if (!root)
        return 0;
    CostWalker walker(schema, document, variables, requireConnectionSize);
    const int cost = walker.selections(operation.selections, *root, 0);
    if (walker.error)
        return *walker.error;
    return cost;
}

} // namespace tagdesk::sandbox::graphql

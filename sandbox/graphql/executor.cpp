#include "graphql/executor.h"

#include "graphql/validator.h"
#include "graphql/values.h"

#include <QJsonArray>

namespace tagdesk::sandbox::graphql {

namespace {

// The source of an XEdge object: one position in a connection page.
struct EdgeRef {
    std::shared_ptr<const ConnectionPage> page;
    qsizetype index = 0;
};

} // namespace

Executor::Executor(const Schema &schema, const Document &document, QJsonObject variables)
    : m_schema(schema)
    , m_document(document)
    , m_variables(std::move(variables)) {
}

void Executor::executeOperation(const Operation &operation, JsonWriter &out) {
    const bool mutation = operation.type == QLatin1String("mutation");
    const ObjectRef root{mutation ? m_schema.mutationType : m_schema.queryType, {}};
    QJsonArray path;
    writeObject(root, {&operation.selections}, out, path);
}

QList<const SelectionSet *> Executor::subSelections(const CollectedField &field) {
    QList<const SelectionSet *> sets;
    for (const Selection *s : field.selections)
        if (!s->selections.isEmpty())
            sets.append(&s->selections);
    return sets;
}

QList<Executor::CollectedField>
Executor::collectFields(const QString &objectType, const QList<const SelectionSet *> &sets) const {
    // The same selections are collected for every node of a page (and of a bulk export):
    // remember them per object type and selection sets.
    QString key = objectType;
    for (const SelectionSet *set : sets)
        key += u':' + QString::number(quintptr(set), 16);
    auto cached = m_collected.constFind(key);
    if (cached != m_collected.constEnd())
        return *cached;
    QList<CollectedField> out;
    QHash<QString, qsizetype> index;
    for (const SelectionSet *set : sets)
        collect(objectType, *set, out, index, 0);
    m_collected.insert(key, out);
    return out;
}

void Executor::collect(const QString &objectType, const SelectionSet &set,
                       QList<CollectedField> &out, QHash<QString, qsizetype> &index,
                       int depth) const {
    if (depth > 64)
        return;
    for (const Selection &s : set) {
        switch (s.kind) {
        case Selection::Kind::Field: {
            const QString key = s.responseKey();
            auto it = index.constFind(key);
            if (it == index.constEnd()) {
                index.insert(key, out.size());
                out.append({key, {&s}});
            } else {
                out[*it].selections.append(&s);
            }
            break;
        }
        case Selection::Kind::InlineFragment:
            if (s.typeCondition.isEmpty() || m_schema.isPossible(objectType, s.typeCondition))
                collect(objectType, s.selections, out, index, depth + 1);
            break;
        case Selection::Kind::FragmentSpread: {
            auto f = m_document.fragments.constFind(s.name);
            if (f != m_document.fragments.constEnd() &&
                m_schema.isPossible(objectType, f->typeCondition))
                collect(objectType, f->selections, out, index, depth + 1);
            break;
        }
        }
    }
}

Resolved Executor::builtIn(const ObjectRef &object, const FieldDef &field, const TypeDef &type) {
    if (type.record) {
        if (const auto *record = std::any_cast<Record>(&object.source))
            return record->value(field.name);
        return Resolved::null();
    }
    if (type.connectionEdge) {
        const auto *edge = std::any_cast<EdgeRef>(&object.source);
        if (!edge)
            return Resolved::null();
        if (field.name == QLatin1String("cursor"))
            return Resolved::value(edge->page->cursors.value(edge->index));
        const ObjectRef &node = edge->page->nodes.at(edge->index);
        return Resolved::objectOf(node.type, node.source);
    }
    if (!type.connectionNode.isEmpty()) {
        const auto *page = std::any_cast<std::shared_ptr<const ConnectionPage>>(&object.source);
        if (!page)
            return Resolved::null();
        const ConnectionPage &p = **page;
        if (field.name == QLatin1String("nodes")) {
            QList<Resolved> items;
            items.reserve(p.nodes.size());
            for (const ObjectRef &n : p.nodes)
                items.append(Resolved::objectOf(n.type, n.source));
            return Resolved::listOf(std::move(items));
        }
        if (field.name == QLatin1String("edges")) {
            QList<Resolved> items;
            items.reserve(p.nodes.size());
            const QString edgeType = type.connectionNode + QStringLiteral("Edge");
            for (qsizetype i = 0; i < p.nodes.size(); ++i)
                items.append(Resolved::objectOf(edgeType, EdgeRef{*page, i}));
            return Resolved::listOf(std::move(items));
        }
        if (field.name == QLatin1String("pageInfo")) {
            Record info;
            info.insert(QStringLiteral("hasNextPage"), Resolved::value(p.hasNextPage));
            info.insert(QStringLiteral("hasPreviousPage"), Resolved::value(p.hasPreviousPage));
            info.insert(QStringLiteral("startCursor"), p.cursors.isEmpty()
                                                           ? Resolved::null()
                                                           : Resolved::value(p.cursors.first()));
            info.insert(QStringLiteral("endCursor"),
                        p.cursors.isEmpty() ? Resolved::null() : Resolved::value(p.cursors.last()));
            return Resolved::objectOf(QStringLiteral("PageInfo"), info);
        }
    }
    GraphQLError e;
    e.message = QStringLiteral("Field '%1' on type '%2' is not implemented by the sandbox")
                    .arg(field.name, type.name);
    return Resolved::failure(e);
}

Resolved Executor::resolve(const ObjectRef &object, const CollectedField &field,
                           const FieldDef **definition) {
    const Selection &first = *field.selections.first();
    const TypeDef *type = m_schema.type(object.type);
    const FieldDef *def = type ? type->field(first.name) : nullptr;
    if (definition)
        *definition = def;
    if (!def) {
        GraphQLError e;
        e.message =
            QStringLiteral("Field '%1' doesn't exist on type '%2'").arg(first.name, object.type);
        return Resolved::failure(e);
    }
    if (m_guard)
        if (auto denied = m_guard(*def))
            return Resolved::failure(*denied);
    if (!def->resolve)
        return builtIn(object, *def, *type);
    const QJsonObject args = coerceArguments(*def, first.arguments, m_variables);
    return def->resolve(ResolveInfo{object.source, args, m_unbounded});
}

void Executor::writeObject(const ObjectRef &object, const QList<const SelectionSet *> &sets,
                           JsonWriter &out, QJsonArray &path,
                           const std::function<bool(const FieldDef &)> &skip,
                           const std::function<void(JsonWriter &)> &beforeClose) {
    // Edges, page info and the root are part of their parent's price, as in Shopify.
    const TypeDef *objectType = m_schema.type(object.type);
    if (objectType && !objectType->connectionEdge && object.type != QLatin1String("PageInfo") &&
        object.type != m_schema.queryType && object.type != m_schema.mutationType)
        ++m_actualCost;
    out.beginObject();
    const QList<CollectedField> fields = collectFields(object.type, sets);
    for (const CollectedField &f : fields) {
        const Selection &first = *f.selections.first();
        if (first.name == QLatin1String("__typename")) {
            out.key(f.responseKey);
            out.value(object.type);
            continue;
        }
        if (skip) {
            const FieldDef *def = objectType ? objectType->field(first.name) : nullptr;
            if (def && skip(*def))
                continue;
        }
        const FieldDef *def = nullptr;
        const Resolved value = resolve(object, f, &def);
        out.key(f.responseKey);
        path.append(f.responseKey);
        write(value, f, def ? def->type : TypeRef{}, out, path);
        path.removeLast();
    }
    if (beforeClose)
        beforeClose(out);
    out.endObject();
}

void Executor::write(const Resolved &value, const CollectedField &field, const TypeRef &type,
                     JsonWriter &out, QJsonArray &path) {
    if (value.error) {
        GraphQLError e = *value.error;
        if (e.locations.isEmpty())
            e.locations = {field.selections.first()->location};
        if (e.path.isEmpty())
            e.path = path;
        m_errors.append(e);
        out.null();
        return;
    }
    switch (value.kind) {
    case Resolved::Kind::Null:
        out.null();
        return;
    case Resolved::Kind::Leaf:
        out.value(value.leaf);
        return;
    case Resolved::Kind::Object:
        writeObject(value.object, subSelections(field), out, path);
        return;
    case Resolved::Kind::Connection:
        m_actualCost += 1; // a connection costs 2; writeObject adds the other 1
        writeObject(ObjectRef{type.named, value.page}, subSelections(field), out, path);
        return;
    case Resolved::Kind::List: {
        out.beginArray();
        TypeRef item = type;
        item.list = false;
        for (qsizetype i = 0; i < value.items.size(); ++i) {
            path.append(int(i));
            write(value.items.at(i), field, item, out, path);
            path.removeLast();
        }
        out.endArray();
        return;
    }
    }
}

} // namespace tagdesk::sandbox::graphql

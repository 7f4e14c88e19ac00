// The read side of metaobjects and of the product metafield definitions behind category
// metafields: Metaobject, MetaobjectDefinition, `metaobjects`, `metaobjectByHandle`,
// `metaobjectDefinitionByType`, `metafieldDefinitions`, and Metafield.reference(s), as in the
// Admin API 2026-01 (tests/data/shopify/admin-2026-01.graphql). Metaobject reads need
// read_metaobjects (write_metaobjects grants it).
#include "shopify/gid.h"
#include "shopify/metaobjects.h"
#include "shopify/paging.h"
#include "shopify/sandboxtaxonomy.h"
#include "shopify/shopifyschema.h"
#include "shopify/store.h"

#include <QJsonDocument>

namespace tagdesk::sandbox {

using namespace graphql;

namespace {

const QString readScope = QStringLiteral("read_metaobjects");

const StoreMetaobject &entryOf(const ResolveInfo &i) {
    return **std::any_cast<const StoreMetaobject *>(&i.source);
}
const MetaobjectDefinitionSpec &definitionOf(const ResolveInfo &i) {
    return **std::any_cast<const MetaobjectDefinitionSpec *>(&i.source);
}
const MetaobjectFieldSpec &fieldSpecOf(const ResolveInfo &i) {
    return **std::any_cast<const MetaobjectFieldSpec *>(&i.source);
}

// One field of an entry, with its definition.
struct FieldRef {
    const StoreMetaobject *entry = nullptr;
    const MetaobjectFieldSpec *spec = nullptr;
};
const FieldRef &fieldOf(const ResolveInfo &i) {
    return *std::any_cast<FieldRef>(&i.source);
}

QString str(const ResolveInfo &i, const char *name) {
    return i.args.value(QString::fromLatin1(name)).toString();
}

Resolved refused(const QString &argument) {
    GraphQLError e;
    e.message = QStringLiteral("The sandbox does not support the '%1' argument").arg(argument);
    e.extensions = {{QStringLiteral("code"), QStringLiteral("BAD_REQUEST")}};
    return Resolved::failure(e);
}

Resolved pageOf(const QList<ObjectRef> &items, const QList<qint64> &ids, const ResolveInfo &i) {
    auto req = PageRequest::fromArgs(i.args, i.unboundedConnections);
    if (auto *e = std::get_if<GraphQLError>(&req))
        return Resolved::failure(*e);
    return Resolved::connection(pageList(items, ids, std::get<PageRequest>(req)));
}

Resolved entriesPage(const QList<const StoreMetaobject *> &entries, const ResolveInfo &i) {
    QList<ObjectRef> items;
    QList<qint64> ids;
    for (const StoreMetaobject *m : entries) {
        items.append({QStringLiteral("Metaobject"), m});
        ids.append(legacyId(m->id));
    }
    return pageOf(items, ids, i);
}

Resolved definitionObject(const MetaobjectDefinitionSpec *d) {
    return d ? Resolved::objectOf(QStringLiteral("MetaobjectDefinition"), d) : Resolved::null();
}

// The ids a metafield or metaobject field value refers to: one gid, or a JSON list of them.
QStringList referencedIds(const QString &type, const QString &value) {
    if (!type.startsWith(QLatin1String("list.")))
        return value.isEmpty() ? QStringList() : QStringList{value};
    QStringList ids;
    for (const QJsonValue &v : QJsonDocument::fromJson(value.toUtf8()).array())
        ids.append(v.toString());
    return ids;
}

void addMetaobject(Schema &s, ShopContext &ctx) {
    const QString M = QStringLiteral("Metaobject");
    s.object(M, {QStringLiteral("Node")});
    auto f = [&](const char *name, const char *type, Resolver r, const QList<ArgSpec> &args = {}) {
        s.field(M, QString::fromLatin1(name), QString::fromLatin1(type), std::move(r), args);
    };
    f("id", "ID!", [](const ResolveInfo &i) { return Resolved::value(entryOf(i).id); });
    f("type", "String!", [](const ResolveInfo &i) { return Resolved::value(entryOf(i).type); });
    f("handle", "String!", [](const ResolveInfo &i) { return Resolved::value(entryOf(i).handle); });
    f("displayName", "String!",
      [](const ResolveInfo &i) { return Resolved::value(Metaobjects::displayName(entryOf(i))); });
    f("createdAt", "DateTime!",
      [](const ResolveInfo &i) { return Resolved::value(isoTime(entryOf(i).createdAt)); });
    f("updatedAt", "DateTime!",
      [](const ResolveInfo &i) { return Resolved::value(isoTime(entryOf(i).updatedAt)); });
    f("definition", "MetaobjectDefinition!", [](const ResolveInfo &i) {
        return definitionObject(Metaobjects::definition(entryOf(i).type));
    });
    // Every field of the definition, in its order; a field without a value has value null.
    f("fields", "[MetaobjectField!]!", [](const ResolveInfo &i) {
        QList<Resolved> out;
        if (const MetaobjectDefinitionSpec *d = Metaobjects::definition(entryOf(i).type))
            for (const MetaobjectFieldSpec &spec : d->fields)
                out.append(Resolved::objectOf(QStringLiteral("MetaobjectField"),
                                              FieldRef{&entryOf(i), &spec}));
        return Resolved::listOf(out);
    });
    f("field", "MetaobjectField",
      [](const ResolveInfo &i) {
          const MetaobjectDefinitionSpec *d = Metaobjects::definition(entryOf(i).type);
          const MetaobjectFieldSpec *spec = d ? d->field(str(i, "key")) : nullptr;
          return spec ? Resolved::objectOf(QStringLiteral("MetaobjectField"),
                                           FieldRef{&entryOf(i), spec})
                      : Resolved::null();
      },
      {{QStringLiteral("key"), QStringLiteral("String!")}});

    const QString F = QStringLiteral("MetaobjectField");
    s.object(F);
    auto g = [&](const char *name, const char *type, Resolver r, const QList<ArgSpec> &args = {}) {
        s.field(F, QString::fromLatin1(name), QString::fromLatin1(type), std::move(r), args);
    };
    g("key", "String!", [](const ResolveInfo &i) { return Resolved::value(fieldOf(i).spec->key); });
    g("type", "String!",
      [](const ResolveInfo &i) { return Resolved::value(fieldOf(i).spec->type); });
    g("value", "String", [](const ResolveInfo &i) {
        const QString v = fieldOf(i).entry->field(fieldOf(i).spec->key);
        return v.isEmpty() ? Resolved::null() : Resolved::value(v);
    });
    g("jsonValue", "JSON", [](const ResolveInfo &i) {
        const QString v = fieldOf(i).entry->field(fieldOf(i).spec->key);
        if (v.isEmpty())
            return Resolved::null();
        if (fieldOf(i).spec->type.startsWith(QLatin1String("list.")))
            return Resolved::value(QJsonDocument::fromJson(v.toUtf8()).array());
        return Resolved::value(v);
    });
    g("definition", "MetaobjectFieldDefinition!", [](const ResolveInfo &i) {
        return Resolved::objectOf(QStringLiteral("MetaobjectFieldDefinition"), fieldOf(i).spec);
    });
    g("reference", "MetafieldReference", [&ctx](const ResolveInfo &i) {
        const MetaobjectFieldSpec &spec = *fieldOf(i).spec;
        if (spec.type.startsWith(QLatin1String("list.")))
            return Resolved::null();
        return referenceObject(ctx, fieldOf(i).entry->field(spec.key));
    });
    g(
        "references", "MetafieldReferenceConnection",
        [&ctx](const ResolveInfo &i) {
            const MetaobjectFieldSpec &spec = *fieldOf(i).spec;
            if (!spec.type.startsWith(QLatin1String("list.")))
                return Resolved::null();
            return referencesPage(ctx, referencedIds(spec.type, fieldOf(i).entry->field(spec.key)),
                                  i);
        },
        Schema::connectionArgs().mid(0, 4));

    const QString D = QStringLiteral("MetaobjectDefinition");
    s.object(D, {QStringLiteral("Node")});
    auto d = [&](const char *name, const char *type, Resolver r, const QList<ArgSpec> &args = {}) {
        s.field(D, QString::fromLatin1(name), QString::fromLatin1(type), std::move(r), args);
    };
    d("id", "ID!", [](const ResolveInfo &i) { return Resolved::value(definitionOf(i).id); });
    d("type", "String!",
      [](const ResolveInfo &i) { return Resolved::value(definitionOf(i).type); });
    d("name", "String!",
      [](const ResolveInfo &i) { return Resolved::value(definitionOf(i).name); });
    d("description", "String", [](const ResolveInfo &) { return Resolved::null(); });
    d("displayNameKey", "String",
      [](const ResolveInfo &i) { return Resolved::value(definitionOf(i).displayNameKey); });
    d("hasThumbnailField", "Boolean!", [](const ResolveInfo &i) {
        return Resolved::value(definitionOf(i).field(QStringLiteral("color")) != nullptr);
    });
    d("fieldDefinitions", "[MetaobjectFieldDefinition!]!", [](const ResolveInfo &i) {
        QList<Resolved> out;
        for (const MetaobjectFieldSpec &spec : definitionOf(i).fields)
            out.append(Resolved::objectOf(QStringLiteral("MetaobjectFieldDefinition"), &spec));
        return Resolved::listOf(out);
    });
    d("metaobjectsCount", "Int!", [&ctx](const ResolveInfo &i) {
        return Resolved::value(int(ctx.store.metaobjects().ofType(definitionOf(i).type).size()));
    });
    d(
        "metaobjects", "MetaobjectConnection!",
        [&ctx](const ResolveInfo &i) {
            return entriesPage(ctx.store.metaobjects().ofType(definitionOf(i).type), i);
        },
        Schema::connectionArgs());

    const QString FD = QStringLiteral("MetaobjectFieldDefinition");
    s.object(FD);
    s.field(FD, QStringLiteral("key"), QStringLiteral("String!"),
            [](const ResolveInfo &i) { return Resolved::value(fieldSpecOf(i).key); });
    s.field(FD, QStringLiteral("name"), QStringLiteral("String!"),
            [](const ResolveInfo &i) { return Resolved::value(fieldSpecOf(i).name); });
    s.field(FD, QStringLiteral("description"), QStringLiteral("String"),
            [](const ResolveInfo &) { return Resolved::null(); });
    s.field(FD, QStringLiteral("required"), QStringLiteral("Boolean!"),
            [](const ResolveInfo &i) { return Resolved::value(fieldSpecOf(i).required); });
    s.field(FD, QStringLiteral("type"), QStringLiteral("MetafieldDefinitionType!"),
            [](const ResolveInfo &i) { return definitionTypeObject(fieldSpecOf(i).type); });
    s.field(FD, QStringLiteral("validations"), QStringLiteral("[MetafieldDefinitionValidation!]!"),
            [](const ResolveInfo &) { return Resolved::listOf({}); });
    s.connection(M);
    s.connection(D);
}

// The product metafield definitions of category metafields: namespace `shopify`, key the
// attribute's (color-pattern, fabric, …), type list.metaobject_reference, validated against
// the standard metaobject definition.
struct MetafieldDefinitionSpec {
    QString id = {};
    QString name = {};
    QString key = {};
    const MetaobjectDefinitionSpec *metaobjects = nullptr;
};

const QList<MetafieldDefinitionSpec> &metafieldDefinitionSpecs() {
    static const QList<MetafieldDefinitionSpec> all = [] {
        QList<MetafieldDefinitionSpec> out;
        int n = 0;
        for (const MetaobjectDefinitionSpec &d : Metaobjects::definitions())
            out.append({gidFor(u"MetafieldDefinition", ++n), d.name,
                        categoryMetafieldKey(d.attributeHandle), &d});
        return out;
    }();
    return all;
}

const MetafieldDefinitionSpec &metafieldDefinitionOf(const ResolveInfo &i) {
    return **std::any_cast<const MetafieldDefinitionSpec *>(&i.source);
}

Resolved validation(const QString &name, const QString &value) {
    Record r;
    r.insert(QStringLiteral("name"), Resolved::value(name));
    r.insert(QStringLiteral("type"), Resolved::value(QStringLiteral("single_line_text_field")));
    r.insert(QStringLiteral("value"), Resolved::value(value));
    return Resolved::objectOf(QStringLiteral("MetafieldDefinitionValidation"), r);
}

void addMetafieldDefinitions(Schema &s, ShopContext &ctx) {
    s.record(QStringLiteral("MetafieldDefinitionValidation"));
    for (const char *n : {"name", "type"})
        s.field(QStringLiteral("MetafieldDefinitionValidation"), QString::fromLatin1(n),
                QStringLiteral("String!"));
    s.field(QStringLiteral("MetafieldDefinitionValidation"), QStringLiteral("value"),
            QStringLiteral("String"));
    s.record(QStringLiteral("MetafieldDefinitionType"));
    s.field(QStringLiteral("MetafieldDefinitionType"), QStringLiteral("name"),
            QStringLiteral("String!"));
    s.field(QStringLiteral("MetafieldDefinitionType"), QStringLiteral("category"),
            QStringLiteral("String!"));

    const QString D = QStringLiteral("MetafieldDefinition");
    s.object(D, {QStringLiteral("Node")});
    auto f = [&](const char *name, const char *type, Resolver r) {
        s.field(D, QString::fromLatin1(name), QString::fromLatin1(type), std::move(r));
    };
    f("id", "ID!",
      [](const ResolveInfo &i) { return Resolved::value(metafieldDefinitionOf(i).id); });
    f("name", "String!",
      [](const ResolveInfo &i) { return Resolved::value(metafieldDefinitionOf(i).name); });
    f("namespace", "String!",
      [](const ResolveInfo &) { return Resolved::value(QStringLiteral("shopify")); });
    f("key", "String!",
      [](const ResolveInfo &i) { return Resolved::value(metafieldDefinitionOf(i).key); });
    f("description", "String", [](const ResolveInfo &) { return Resolved::null(); });
    f("ownerType", "MetafieldOwnerType!",
      [](const ResolveInfo &) { return Resolved::value(QStringLiteral("PRODUCT")); });
    f("type", "MetafieldDefinitionType!", [](const ResolveInfo &) {
        return definitionTypeObject(QStringLiteral("list.metaobject_reference"));
    });
    // Shopify names a metaobject reference's definition in the validation
    // `metaobject_definition_id`
    // (https://shopify.dev/docs/apps/build/custom-data/metafields/list-of-validation-options).
    f("validations", "[MetafieldDefinitionValidation!]!", [](const ResolveInfo &i) {
        return Resolved::listOf({validation(QStringLiteral("metaobject_definition_id"),
                                            metafieldDefinitionOf(i).metaobjects->id)});
    });
    s.connection(D);

    s.field(
        s.queryType, QStringLiteral("metafieldDefinitions"),
        QStringLiteral("MetafieldDefinitionConnection!"),
        [](const ResolveInfo &i) {
            for (const char *n : {"constraintStatus", "constraintSubtype", "query"}) {
                const QJsonValue v = i.args.value(QString::fromLatin1(n));
                if (!v.isUndefined() && !v.isNull())
                    return refused(QString::fromLatin1(n));
            }
            const QString ns = str(i, "namespace");
            const QString key = str(i, "key");
            const QString pinned = str(i, "pinnedStatus");
            QList<ObjectRef> items;
            QList<qint64> ids;
            for (const MetafieldDefinitionSpec &d : metafieldDefinitionSpecs()) {
                if ((!ns.isEmpty() && ns != QLatin1String("shopify")) ||
                    (!key.isEmpty() && key != d.key) || pinned == QLatin1String("PINNED"))
                    continue;
                items.append({QStringLiteral("MetafieldDefinition"), &d});
                ids.append(legacyId(d.id));
            }
            return pageOf(items, ids, i);
        },
        Schema::connectionArgs(
            {{QStringLiteral("constraintStatus"),
              QStringLiteral("MetafieldDefinitionConstraintStatus")},
             {QStringLiteral("constraintSubtype"),
              QStringLiteral("MetafieldDefinitionConstraintSubtypeIdentifier")},
             {QStringLiteral("key"), QStringLiteral("String")},
             {QStringLiteral("namespace"), QStringLiteral("String")},
             {QStringLiteral("ownerType"), QStringLiteral("MetafieldOwnerType!")},
             {QStringLiteral("pinnedStatus"), QStringLiteral("MetafieldDefinitionPinnedStatus"),
              QStringLiteral("ANY")},
             {QStringLiteral("query"), QStringLiteral("String")},
             {QStringLiteral("sortKey"), QStringLiteral("MetafieldDefinitionSortKeys"),
              QStringLiteral("ID")}}));
    Q_UNUSED(ctx);
}

void addRootFields(Schema &s, ShopContext &ctx) {
    const QString Q = s.queryType;
    s.field(Q, QStringLiteral("metaobject"), QStringLiteral("Metaobject"),
            [&ctx](const ResolveInfo &i) { return metaobjectObject(ctx, str(i, "id")); },
            {{QStringLiteral("id"), QStringLiteral("ID!")}})
        .requiredScope = readScope;
    s.field(Q, QStringLiteral("metaobjectByHandle"), QStringLiteral("Metaobject"),
            [&ctx](const ResolveInfo &i) {
                const QJsonObject h = i.args.value(QStringLiteral("handle")).toObject();
                const StoreMetaobject *m =
                    ctx.store.metaobjects().byHandle(h.value(QStringLiteral("type")).toString(),
                                                     h.value(QStringLiteral("handle")).toString());
                return m ? Resolved::objectOf(QStringLiteral("Metaobject"), m) : Resolved::null();
            },
            {{QStringLiteral("handle"), QStringLiteral("MetaobjectHandleInput!")}})
        .requiredScope = readScope;
    s.field(
         Q, QStringLiteral("metaobjects"), QStringLiteral("MetaobjectConnection!"),
         [&ctx](const ResolveInfo &i) {
             for (const char *n : {"query", "sortKey"})
                 if (!str(i, n).isEmpty())
                     return refused(QString::fromLatin1(n));
             return entriesPage(ctx.store.metaobjects().ofType(str(i, "type")), i);
         },
         Schema::connectionArgs({{QStringLiteral("query"), QStringLiteral("String")},
                                 {QStringLiteral("sortKey"), QStringLiteral("String")},
                                 {QStringLiteral("type"), QStringLiteral("String!")}}))
        .requiredScope = readScope;
    s.field(Q, QStringLiteral("metaobjectDefinition"), QStringLiteral("MetaobjectDefinition"),
            [](const ResolveInfo &i) {
                for (const MetaobjectDefinitionSpec &d : Metaobjects::definitions())
                    if (d.id == str(i, "id"))
                        return definitionObject(&d);
                return Resolved::null();
            },
            {{QStringLiteral("id"), QStringLiteral("ID!")}})
        .requiredScope = readScope;
    s.field(Q, QStringLiteral("metaobjectDefinitionByType"), QStringLiteral("MetaobjectDefinition"),
            [](const ResolveInfo &i) {
                return definitionObject(Metaobjects::definition(str(i, "type")));
            },
            {{QStringLiteral("type"), QStringLiteral("String!")}})
        .requiredScope = readScope;
    s.field(
         Q, QStringLiteral("metaobjectDefinitions"),
         QStringLiteral("MetaobjectDefinitionConnection!"),
         [](const ResolveInfo &i) {
             QList<ObjectRef> items;
             QList<qint64> ids;
             for (const MetaobjectDefinitionSpec &d : Metaobjects::definitions()) {
                 items.append({QStringLiteral("MetaobjectDefinition"), &d});
                 ids.append(legacyId(d.id));
             }
             return pageOf(items, ids, i);
         },
         Schema::connectionArgs())
        .requiredScope = readScope;
}

} // namespace

Resolved definitionTypeObject(const QString &typeName) {
    Record r;
    r.insert(QStringLiteral("name"), Resolved::value(typeName));
    r.insert(QStringLiteral("category"),
             Resolved::value(typeName.contains(QLatin1String("reference"))
                                 ? QStringLiteral("REFERENCE")
                                 : QStringLiteral("TEXT")));
    return Resolved::objectOf(QStringLiteral("MetafieldDefinitionType"), r);
}

Resolved metaobjectObject(ShopContext &ctx, const QString &id) {
    const StoreMetaobject *m = ctx.store.metaobjects().byId(id);
    return m ? Resolved::objectOf(QStringLiteral("Metaobject"), m) : Resolved::null();
}

Resolved referenceObject(ShopContext &ctx, const QString &id) {
    const QString kind = gidKind(id);
    if (kind == QLatin1String("Metaobject"))
        return metaobjectObject(ctx, id);
    if (kind == QLatin1String("TaxonomyValue"))
        return taxonomyValueObject(id);
    if (kind == QLatin1String("Product"))
        if (const StoreProduct *p = ctx.store.product(id))
            return productObject(*p);
    return Resolved::null();
}

Resolved referencesPage(ShopContext &ctx, const QStringList &ids, const ResolveInfo &i) {
    QList<ObjectRef> items;
    QList<qint64> keys;
    for (const QString &id : ids) {
        const Resolved r = referenceObject(ctx, id);
        if (r.kind != Resolved::Kind::Object)
            continue;
        items.append(r.object);
        keys.append(items.size());
    }
    return pageOf(items, keys, i);
}

void addMetaobjectQueries(Schema &s, ShopContext &ctx) {
    s.unionOf(QStringLiteral("MetafieldReference"),
              {QStringLiteral("Collection"), QStringLiteral("MediaImage"),
               QStringLiteral("Metaobject"), QStringLiteral("Product"),
               QStringLiteral("ProductVariant"), QStringLiteral("TaxonomyValue")});
    s.connection(QStringLiteral("MetafieldReference"));
    addMetaobject(s, ctx);
    addMetafieldDefinitions(s, ctx);
    addRootFields(s, ctx);
    // Metafield.reference / references: what a reference metafield points at.
    s.field(QStringLiteral("Metafield"), QStringLiteral("reference"),
            QStringLiteral("MetafieldReference"), [&ctx](const ResolveInfo &i) {
                const StoreMetafield &m = *std::any_cast<MetafieldRef>(&i.source)->metafield;
                if (!m.type.endsWith(QLatin1String("_reference")) ||
                    m.type.startsWith(QLatin1String("list.")))
                    return Resolved::null();
                return referenceObject(ctx, m.value);
            });
    s.field(
        QStringLiteral("Metafield"), QStringLiteral("references"),
        QStringLiteral("MetafieldReferenceConnection"),
        [&ctx](const ResolveInfo &i) {
            const StoreMetafield &m = *std::any_cast<MetafieldRef>(&i.source)->metafield;
            if (!m.type.startsWith(QLatin1String("list.")) ||
                !m.type.endsWith(QLatin1String("_reference")))
                return Resolved::null();
            return referencesPage(ctx, referencedIds(m.type, m.value), i);
        },
        Schema::connectionArgs().mid(0, 4));
}

} // namespace tagdesk::sandbox

// The read side of Shopify's Standard Product Taxonomy: `taxonomy { categories }`,
// TaxonomyCategory with its attributes and their values, as in the Admin API 2026-01
// (tests/data/shopify/admin-2026-01.graphql).
#include "shopify/gid.h"
#include "shopify/paging.h"
#include "shopify/sandboxtaxonomy.h"
#include "shopify/shopifyschema.h"

namespace tagdesk::sandbox {

using namespace graphql;

namespace {

const ServedCategory &categoryOf(const ResolveInfo &i) {
    return **std::any_cast<const ServedCategory *>(&i.source);
}

// A category attribute: its handle, and the attribute with values when the sandbox has them.
struct AttributeRef {
    QString handle;
    const TaxonomyAttribute *withValues = nullptr;
};
const AttributeRef &attributeOf(const ResolveInfo &i) {
    return *std::any_cast<AttributeRef>(&i.source);
}
const TaxonomyValue &valueOf(const ResolveInfo &i) {
    return **std::any_cast<const TaxonomyValue *>(&i.source);
}

Resolved badRequest(const QString &message) {
    GraphQLError e;
    e.message = message;
    e.extensions = {{QStringLiteral("code"), QStringLiteral("BAD_REQUEST")}};
    return Resolved::failure(e);
}

// The taxonomy's connections take first/after/last/before, without `reverse`.
QList<ArgSpec> pagingArgs(const QList<ArgSpec> &extra = {}) {
    QList<ArgSpec> args{{QStringLiteral("first"), QStringLiteral("Int")},
                        {QStringLiteral("after"), QStringLiteral("String")},
                        {QStringLiteral("last"), QStringLiteral("Int")},
                        {QStringLiteral("before"), QStringLiteral("String")}};
    args.append(extra);
    return args;
}

Resolved page(const QList<ObjectRef> &items, const ResolveInfo &i) {
    auto req = PageRequest::fromArgs(i.args, i.unboundedConnections);
    if (auto *e = std::get_if<GraphQLError>(&req))
        return Resolved::failure(*e);
    QList<qint64> ids;
    for (qsizetype k = 0; k < items.size(); ++k)
        ids.append(k + 1);
    return Resolved::connection(pageList(items, ids, std::get<PageRequest>(req)));
}

// taxonomy.categories: Shopify's description — search matches globally; childrenOf,
// siblingsOf and descendantsOf list around a category; no argument lists the top-level
// categories. The sandbox takes one of them at a time.
Resolved categories(const ResolveInfo &i) {
    const SandboxTaxonomy &taxonomy = SandboxTaxonomy::instance();
    QStringList given;
    for (const char *name : {"search", "childrenOf", "descendantsOf", "siblingsOf"}) {
        const QJsonValue v = i.args.value(QString::fromLatin1(name));
        if (v.isString())
            given.append(QString::fromLatin1(name));
    }
    if (given.size() > 1)
        return badRequest(
            QStringLiteral("Only one of search, childrenOf, descendantsOf and siblingsOf can be "
                           "given (the sandbox got %1)")
                .arg(given.join(QStringLiteral(", "))));
    QList<const ServedCategory *> found;
    const QString arg = given.isEmpty() ? QString() : i.args.value(given.first()).toString();
    if (given.isEmpty()) {
        found = taxonomy.roots();
    } else if (given.first() == QLatin1String("search")) {
        found = taxonomy.search(arg);
    } else {
        if (!taxonomy.category(arg))
            return badRequest(QStringLiteral("Invalid id: %1").arg(arg));
        if (given.first() == QLatin1String("childrenOf"))
            found = taxonomy.childrenOf(arg);
        else if (given.first() == QLatin1String("descendantsOf"))
            found = taxonomy.descendantsOf(arg);
        else
            found = taxonomy.siblingsOf(arg);
    }
    QList<ObjectRef> items;
    for (const ServedCategory *c : std::as_const(found))
        items.append({QStringLiteral("TaxonomyCategory"), c});
    return page(items, i);
}

void addCategory(Schema &s) {
    const QString C = QStringLiteral("TaxonomyCategory");
    s.object(C, {QStringLiteral("Node")});
    auto f = [&](const char *name, const char *type, Resolver r, const QList<ArgSpec> &args = {}) {
        s.field(C, QString::fromLatin1(name), QString::fromLatin1(type), std::move(r), args);
    };
    f("id", "ID!", [](const ResolveInfo &i) { return Resolved::value(categoryOf(i).id); });
    f("name", "String!", [](const ResolveInfo &i) { return Resolved::value(categoryOf(i).name); });
    f("fullName", "String!",
      [](const ResolveInfo &i) { return Resolved::value(categoryOf(i).fullName); });
    f("isArchived", "Boolean!",
      [](const ResolveInfo &i) { return Resolved::value(categoryOf(i).archived); });
    f("isLeaf", "Boolean!",
      [](const ResolveInfo &i) { return Resolved::value(categoryOf(i).childrenIds.isEmpty()); });
    f("isRoot", "Boolean!",
      [](const ResolveInfo &i) { return Resolved::value(categoryOf(i).parentId.isEmpty()); });
    f("level", "Int!", [](const ResolveInfo &i) { return Resolved::value(categoryOf(i).level); });
    f("parentId", "ID", [](const ResolveInfo &i) {
        const QString &p = categoryOf(i).parentId;
        return p.isEmpty() ? Resolved::null() : Resolved::value(p);
    });
    f("childrenIds", "[ID!]!", [](const ResolveInfo &i) {
        return Resolved::value(QJsonArray::fromStringList(categoryOf(i).childrenIds));
    });
    f("ancestorIds", "[ID!]!", [](const ResolveInfo &i) {
        return Resolved::value(QJsonArray::fromStringList(categoryOf(i).ancestorIds));
    });
    f(
        "attributes", "TaxonomyCategoryAttributeConnection!",
        [](const ResolveInfo &i) {
            const SandboxTaxonomy &taxonomy = SandboxTaxonomy::instance();
            QList<ObjectRef> items;
            for (const QString &handle : categoryOf(i).attributeHandles) {
                const TaxonomyAttribute *a = taxonomy.attribute(handle);
                items.append({a ? QStringLiteral("TaxonomyChoiceListAttribute")
                                : QStringLiteral("TaxonomyAttribute"),
                              AttributeRef{handle, a}});
            }
            return page(items, i);
        },
        pagingArgs());
}

void addAttributes(Schema &s) {
    // Attributes whose values the sandbox carries are choice lists with their values; the
    // others are served as bare TaxonomyAttribute { id } (their ids are sandbox-made, see
    // SandboxTaxonomy::attributeId). TaxonomyMeasurementAttribute is never served.
    s.object(QStringLiteral("TaxonomyAttribute"), {QStringLiteral("Node")});
    s.field(QStringLiteral("TaxonomyAttribute"), QStringLiteral("id"), QStringLiteral("ID!"),
            [](const ResolveInfo &i) {
                return Resolved::value(
                    SandboxTaxonomy::instance().attributeId(attributeOf(i).handle));
            });
    const QString L = QStringLiteral("TaxonomyChoiceListAttribute");
    s.object(L, {QStringLiteral("Node")});
    s.field(L, QStringLiteral("id"), QStringLiteral("ID!"),
            [](const ResolveInfo &i) { return Resolved::value(attributeOf(i).withValues->id); });
    s.field(L, QStringLiteral("name"), QStringLiteral("String!"),
            [](const ResolveInfo &i) { return Resolved::value(attributeOf(i).withValues->name); });
    s.field(
        L, QStringLiteral("values"), QStringLiteral("TaxonomyValueConnection!"),
        [](const ResolveInfo &i) {
            QList<ObjectRef> items;
            for (const TaxonomyValue &v : attributeOf(i).withValues->values)
                items.append({QStringLiteral("TaxonomyValue"), &v});
            return page(items, i);
        },
        pagingArgs());
    const QString M = QStringLiteral("TaxonomyMeasurementAttribute");
    s.object(M, {QStringLiteral("Node")});
    s.field(M, QStringLiteral("id"), QStringLiteral("ID!"), [](const ResolveInfo &i) {
        return Resolved::value(SandboxTaxonomy::instance().attributeId(attributeOf(i).handle));
    });
    s.field(M, QStringLiteral("name"), QStringLiteral("String!"),
            [](const ResolveInfo &i) { return Resolved::value(attributeOf(i).handle); });
    s.unionOf(QStringLiteral("TaxonomyCategoryAttribute"),
              {QStringLiteral("TaxonomyAttribute"), L, M});
    s.connection(QStringLiteral("TaxonomyCategoryAttribute"));

    const QString V = QStringLiteral("TaxonomyValue");
    s.object(V, {QStringLiteral("Node")});
    s.field(V, QStringLiteral("id"), QStringLiteral("ID!"),
            [](const ResolveInfo &i) { return Resolved::value(valueOf(i).id); });
    s.field(V, QStringLiteral("name"), QStringLiteral("String!"),
            [](const ResolveInfo &i) { return Resolved::value(valueOf(i).name); });
    s.connection(V);
}

} // namespace

Resolved categoryObject(const QString &categoryId) {
    const ServedCategory *c = SandboxTaxonomy::instance().category(categoryId);
    return c ? Resolved::objectOf(QStringLiteral("TaxonomyCategory"), c) : Resolved::null();
}

Resolved taxonomyValueObject(const QString &valueId) {
    const TaxonomyValue *v = SandboxTaxonomy::instance().value(valueId);
    return v ? Resolved::objectOf(QStringLiteral("TaxonomyValue"), v) : Resolved::null();
}

void addTaxonomyQueries(Schema &s, ShopContext &) {
    addCategory(s);
    addAttributes(s);
    s.connection(QStringLiteral("TaxonomyCategory"));
    s.object(QStringLiteral("Taxonomy"));
    s.field(QStringLiteral("Taxonomy"), QStringLiteral("categories"),
            QStringLiteral("TaxonomyCategoryConnection!"), categories,
            pagingArgs({{QStringLiteral("search"), QStringLiteral("String")},
                        {QStringLiteral("childrenOf"), QStringLiteral("ID")},
                        {QStringLiteral("descendantsOf"), QStringLiteral("ID")},
                        {QStringLiteral("siblingsOf"), QStringLiteral("ID")}}));
    s.field(s.queryType, QStringLiteral("taxonomy"), QStringLiteral("Taxonomy"),
            [](const ResolveInfo &) {
                return Resolved::objectOf(QStringLiteral("Taxonomy"), std::any());
            });
}

} // namespace tagdesk::sandbox

#include "shopify/categorymetafields.h"

#include "shopify/gid.h"
#include "shopify/metaobjects.h"
#include "shopify/sandboxtaxonomy.h"
#include "shopify/store.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tagdesk::sandbox {

namespace {

bool categoryHasAttribute(const QString &categoryId, const QString &attributeHandle) {
    const ServedCategory *c = SandboxTaxonomy::instance().category(categoryId);
    return c && c->attributeHandles.contains(attributeHandle);
}

} // namespace

// The rules follow Shopify's description of category metafields (values are the store's own
// metaobject entries of the attribute's standard definition, and a product only has the
// category metafields of its category:
// https://help.shopify.com/en/manual/custom-data/metafields/category-metafields). The codes
// and messages are the sandbox's own: a real store's were not observed.
std::optional<CategoryMetafieldProblem>
categoryMetafieldProblem(const ShopifyStore &store, const QString &categoryId, const QString &key,
                         const QString &type, const QString &value) {
    const QString metaobjectType = QStringLiteral("shopify--") + key;
    const MetaobjectDefinitionSpec *definition = Metaobjects::definition(metaobjectType);
    if (!definition)
        return CategoryMetafieldProblem{
            QStringLiteral("key"),
            QStringLiteral("The sandbox has no category metafield shopify.%1 (it has those of "
                           "the taxonomy attributes it carries values for)")
                .arg(key),
            QStringLiteral("INVALID")};
    if (type != QLatin1String("list.metaobject_reference"))
        return CategoryMetafieldProblem{
            QStringLiteral("type"),
            QStringLiteral("Type must be list.metaobject_reference for shopify.%1").arg(key),
            QStringLiteral("INVALID_TYPE")};
    if (categoryId.isEmpty() || !categoryHasAttribute(categoryId, definition->attributeHandle))
        return CategoryMetafieldProblem{
            QStringLiteral("key"),
            categoryId.isEmpty()
                ? QStringLiteral("The product has no category, so it has no category "
                                 "metafield shopify.%1")
                      .arg(key)
                : QStringLiteral("The product's category %1 has no attribute '%2'")
                      .arg(categoryId, definition->attributeHandle),
            QStringLiteral("INVALID")};
    const QJsonDocument doc = QJsonDocument::fromJson(value.toUtf8());
    for (const QJsonValue &v : doc.array()) {
        const QString id = v.toString();
        const StoreMetaobject *m = store.metaobjects().byId(id);
        if (m && m->type == metaobjectType)
            continue;
        QString why;
        if (gidKind(id) == QLatin1String("TaxonomyValue"))
            why = QStringLiteral("Value references the taxonomy value %1; shopify.%2 takes ids of "
                                 "this store's %3 metaobjects")
                      .arg(id, key, metaobjectType);
        else if (m)
            why = QStringLiteral("Value references the metaobject %1 of type %2; shopify.%3 "
                                 "takes metaobjects of type %4")
                      .arg(id, m->type, key, metaobjectType);
        else
            why = QStringLiteral("Value references %1, which is not a metaobject of this store")
                      .arg(id);
        return CategoryMetafieldProblem{QStringLiteral("value"), why,
                                        QStringLiteral("INVALID_VALUE")};
    }
    return std::nullopt;
}

QStringList conflictingCategoryMetafields(const StoreProduct &product, const QString &categoryId) {
    QStringList out;
    for (const StoreMetafield &m : product.metafields) {
        if (m.ns != categoryMetafieldNamespace)
            continue;
        const MetaobjectDefinitionSpec *d =
            Metaobjects::definition(QStringLiteral("shopify--") + m.key);
        if (d && !categoryHasAttribute(categoryId, d->attributeHandle))
            out.append(m.ns + u'.' + m.key);
    }
    return out;
}

} // namespace tagdesk::sandbox

#include "shopify/productjson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(ShopifyProduct)
};

QJsonArray nodesOf(const QJsonValue &connection) {
    const QJsonObject c = connection.toObject();
    if (c.contains(QLatin1String("nodes")))
        return c.value(QLatin1String("nodes")).toArray();
    QJsonArray nodes;
    for (const QJsonValue &edge : c.value(QLatin1String("edges")).toArray())
        nodes.append(edge.toObject().value(QLatin1String("node")));
    return nodes;
}

QString str(const QJsonObject &o, const char *key) {
    return o.value(QLatin1String(key)).toString();
}
} // namespace

void appendMedia(ProductSnapshot &product, const QJsonValue &connection) {
    for (const QJsonValue &v : nodesOf(connection)) {
        const QJsonObject m = v.toObject();
        const QJsonObject image = m.value(QLatin1String("image")).toObject();
        // Only images can be analysed (videos and 3D models are skipped).
        if (image.isEmpty() || str(m, "mediaContentType") != QLatin1String("IMAGE"))
            continue;
        product.media.append({str(m, "id"), QUrl(str(image, "url")), str(m, "alt"),
                              image.value(QLatin1String("width")).toInt(),
                              image.value(QLatin1String("height")).toInt(),
                              m.value(QLatin1String("status")).toString(QStringLiteral("READY")),
                              QUrl(str(image, "analysisUrl"))});
    }
}

QString moreMediaAfter(const QJsonValue &connection) {
    const QJsonObject pageInfo = connection.toObject().value(QLatin1String("pageInfo")).toObject();
    if (!pageInfo.value(QLatin1String("hasNextPage")).toBool())
        return {};
    return pageInfo.value(QLatin1String("endCursor")).toString();
}

CategoryMetaobject categoryMetaobjectFrom(const QJsonObject &node) {
    auto fieldValue = [&node](const char *alias) {
        return node.value(QLatin1String(alias)).toObject().value(QLatin1String("value")).toString();
    };
    // A colour entry's base colours are a JSON list; the others' value is one id.
    QStringList values;
    const QString colors = fieldValue("baseColors");
    for (const QJsonValue &c : QJsonDocument::fromJson(colors.toUtf8()).array())
        values << c.toString();
    if (const QString value = fieldValue("taxonomyValue"); !value.isEmpty())
        values << value;
    return {str(node, "id"), str(node, "type"), str(node, "handle"), values};
}

void appendCategoryMetafields(ProductSnapshot &product, const QJsonValue &connection) {
    for (const QJsonValue &v : nodesOf(connection)) {
        const QJsonObject m = v.toObject();
        product.metafields.append({str(m, "namespace"), str(m, "key"), str(m, "type"),
                                   str(m, "value"), str(m, "compareDigest")});
    }
}

QStringList unreadCategoryMetaobjects(const ProductSnapshot &product) {
    QStringList out;
    for (const Metafield &m : product.metafields) {
        if (m.ns != QLatin1String("shopify") ||
            m.type != QLatin1String("list.metaobject_reference"))
            continue;
        for (const QJsonValue &v : QJsonDocument::fromJson(m.value.toUtf8()).array()) {
            const QString id = v.toString();
            if (!id.isEmpty() && !product.categoryMetaobject(id) && !out.contains(id))
                out << id;
        }
    }
    return out;
}

void addCategoryMetaobjects(ProductSnapshot &product,
                            const QHash<QString, CategoryMetaobject> &entries) {
    for (const QString &id : unreadCategoryMetaobjects(product)) {
        if (const auto e = entries.constFind(id); e != entries.constEnd())
            product.categoryMetaobjects.append(*e);
    }
}

Result<ProductSnapshot> productFromGraphql(const QJsonObject &node) {
    ProductSnapshot p;
    p.id = str(node, "id");
    if (!p.id.startsWith(QLatin1String("gid://shopify/Product/")))
        return Error::failed(
            Texts::tr("Shopify answered with a product without a valid id ('%1')").arg(p.id));
    p.handle = str(node, "handle");
    p.title = str(node, "title");
    p.vendor = str(node, "vendor");
    p.productType = str(node, "productType");
    if (const QJsonObject category = node.value(QLatin1String("category")).toObject();
        !category.isEmpty())
        p.category = {str(category, "id"), str(category, "fullName"),
                      category.value(QLatin1String("isArchived")).toBool()};
    p.status = str(node, "status");
    p.descriptionHtml = str(node, "descriptionHtml");
    for (const QJsonValue &t : node.value(QLatin1String("tags")).toArray())
        p.tags << t.toString();
    p.updatedAt = QDateTime::fromString(str(node, "updatedAt"), Qt::ISODateWithMs);
    if (!p.updatedAt.isValid())
        return Error::failed(
            Texts::tr("Shopify answered product %1 without a valid updatedAt").arg(p.id));

    appendMedia(p, node.value(QLatin1String("media")));
    for (const QJsonValue &v : nodesOf(node.value(QLatin1String("metafields")))) {
        const QJsonObject m = v.toObject();
        p.metafields.append({str(m, "namespace"), str(m, "key"), str(m, "type"), str(m, "value"),
                             str(m, "compareDigest")});
    }
    return p;
}

} // namespace tagdesk

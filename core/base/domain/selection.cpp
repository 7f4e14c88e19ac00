#include "domain/selection.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(ProductSelection)
};

QString kindKey(ProductSelection::Kind kind) {
    switch (kind) {
    case ProductSelection::Kind::AllActive:
        return QStringLiteral("all");
    case ProductSelection::Kind::Query:
        return QStringLiteral("query");
    case ProductSelection::Kind::Collection:
        return QStringLiteral("collection");
    case ProductSelection::Kind::Products:
        return QStringLiteral("products");
    }
    return {};
}
} // namespace

Result<QString> normaliseShopifyGid(const QString &input, const QString &type) {
    const QString trimmed = input.trimmed();
    static const QRegularExpression number(QStringLiteral("^[1-9][0-9]{0,18}$"));
    if (number.match(trimmed).hasMatch())
        return QStringLiteral("gid://shopify/%1/%2").arg(type, trimmed);
    const QString prefix = QStringLiteral("gid://shopify/%1/").arg(type);
    if (trimmed.startsWith(prefix) && number.match(trimmed.mid(prefix.size())).hasMatch())
        return trimmed;
    return Error::invalid(Texts::tr("'%1' is not a Shopify %2 id (expected %3123 or a number)")
                              .arg(input, type, prefix));
}

QString gidNumber(const QString &gid) {
    return gid.section(QLatin1Char('/'), -1);
}

Result<ProductSelection> ProductSelection::fromQuery(const QString &query) {
    const QString trimmed = query.trimmed();
    if (trimmed.isEmpty())
        return Error::invalid(Texts::tr("The search query is empty"));
    if (trimmed.size() > 1000)
        return Error::invalid(Texts::tr("The search query is longer than 1000 characters"));
    ProductSelection s;
    s.kind = Kind::Query;
    s.query = trimmed;
    return s;
}

Result<ProductSelection> ProductSelection::fromCollection(const QString &collection) {
    auto gid = normaliseShopifyGid(collection, QStringLiteral("Collection"));
    if (!gid)
        return gid.error();
    ProductSelection s;
    s.kind = Kind::Collection;
    s.collectionId = gid.value();
    return s;
}

Result<ProductSelection> ProductSelection::fromProducts(const QStringList &products) {
    ProductSelection s;
    s.kind = Kind::Products;
    for (const QString &p : products) {
        if (p.trimmed().isEmpty())
            continue;
        auto gid = normaliseShopifyGid(p, QStringLiteral("Product"));
        if (!gid)
            return gid.error();
        if (!s.productIds.contains(gid.value()))
            s.productIds.append(gid.value());
    }
    if (s.productIds.isEmpty())
        return Error::invalid(Texts::tr("No product ids were given"));
    return s;
}

QString ProductSelection::shopifySearchQuery() const {
    switch (kind) {
    case Kind::AllActive:
        return QStringLiteral("status:active");
    case Kind::Query:
        return query;
    case Kind::Collection:
        return QStringLiteral("collection_id:") + gidNumber(collectionId);
    case Kind::Products: {
        QStringList ids;
        for (const QString &id : productIds)
            ids << QStringLiteral("id:") + gidNumber(id);
        return ids.join(QStringLiteral(" OR "));
    }
    }
    return {};
}

QString ProductSelection::describe() const {
    switch (kind) {
    case Kind::AllActive:
        return Texts::tr("All active products");
    case Kind::Query:
        return Texts::tr("Search: %1").arg(query);
    case Kind::Collection:
        return Texts::tr("Collection %1").arg(gidNumber(collectionId));
    case Kind::Products:
        return QCoreApplication::translate("ProductSelection", "%n picked product(s)", nullptr,
                                           int(productIds.size()));
    }
    return {};
}

QJsonObject ProductSelection::toJson() const {
    QJsonObject o{{QStringLiteral("kind"), kindKey(kind)}};
    switch (kind) {
    case Kind::AllActive:
        break;
    case Kind::Query:
        o.insert(QStringLiteral("query"), query);
        break;
    case Kind::Collection:
        o.insert(QStringLiteral("collection"), collectionId);
        break;
    case Kind::Products:
        o.insert(QStringLiteral("products"), QJsonArray::fromStringList(productIds));
        break;
    }
    return o;
}

Result<ProductSelection> ProductSelection::fromJson(const QJsonObject &json) {
    const QString k = json.value(QStringLiteral("kind")).toString();
    if (k == kindKey(Kind::AllActive))
        return allActive();
    if (k == kindKey(Kind::Query))
        return fromQuery(json.value(QStringLiteral("query")).toString());
    if (k == kindKey(Kind::Collection))
        return fromCollection(json.value(QStringLiteral("collection")).toString());
    if (k == kindKey(Kind::Products)) {
        QStringList ids;
        for (const auto &v : json.value(QStringLiteral("products")).toArray())
            ids << v.toString();
        return fromProducts(ids);
    }
    return Error::invalid(Texts::tr("Unknown product selection '%1'").arg(k));
}

} // namespace tagdesk

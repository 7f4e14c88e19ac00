#pragma once

#include "util/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace tagdesk {

// Which products a job works on.
struct ProductSelection {
    enum class Kind { AllActive, Query, Collection, Products };

    Kind kind = Kind::AllActive;
    QString query; // Kind::Query: a Shopify search query, e.g. "product_type:Dress tag:summer"
    QString collectionId;   // Kind::Collection: gid://shopify/Collection/N
    QStringList productIds; // Kind::Products: gid://shopify/Product/N, in the user's order

    static ProductSelection allActive() { return {}; }
    static Result<ProductSelection> fromQuery(const QString &query);
    // Accepts "gid://shopify/Collection/123" or the bare number "123".
    static Result<ProductSelection> fromCollection(const QString &collection);
    // Accepts gids or bare numbers; duplicates are dropped, order is kept.
    static Result<ProductSelection> fromProducts(const QStringList &products);

    // The `query:` argument for Shopify's products connection.
    QString shopifySearchQuery() const;
    // One line for people: "All active products", "Search: tag:summer", …
    QString describe() const;

    QJsonObject toJson() const;
    static Result<ProductSelection> fromJson(const QJsonObject &json);

    friend bool operator==(const ProductSelection &, const ProductSelection &) = default;
};

// Normalises "123" or "gid://shopify/Product/123" to the gid, or explains what is wrong.
Result<QString> normaliseShopifyGid(const QString &input, const QString &type);
// The numeric tail of a gid ("gid://shopify/Collection/42" -> "42").
QString gidNumber(const QString &gid);

} // namespace tagdesk

#pragma once

#include <QString>

namespace tagdesk {

// Which shop a store is, as Shopify names it (`shop { id myshopifyDomain }`,
// https://shopify.dev/docs/api/admin-graphql/latest/objects/Shop). The id tells two shops
// apart; the domain is what people recognise.
struct ShopIdentity {
    QString id;     // "gid://shopify/Shop/1"
    QString domain; // "acme.myshopify.com"

    bool isKnown() const { return !id.isEmpty(); }
    // "acme.myshopify.com (gid://shopify/Shop/1)"
    QString describe() const { return QStringLiteral("%1 (%2)").arg(domain, id); }
};

} // namespace tagdesk

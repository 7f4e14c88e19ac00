#pragma once

#include "domain/product.h"
#include "domain/shopidentity.h"
#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace tagdesk {

// The Admin API version every request uses, pinned in this one place (Shopify releases
// a version each quarter and supports it for at least twelve months:
// shopify.dev/docs/api/usage/versioning); a setting may override it.
inline constexpr const char *defaultShopifyApiVersion = "2026-01";

// Which store Tagdesk talks to, parsed from what a person types: "example",
// "example.myshopify.com", "https://example.myshopify.com/admin" — or, for the sandbox
// and local tests, an http:// address on this machine.
struct ShopifyStore {
    QUrl baseUrl; // scheme + host (+ port), no path
    QString apiVersion = QString::fromLatin1(defaultShopifyApiVersion);

    static Result<ShopifyStore> parse(const QString &input);
    QUrl graphqlUrl() const;
    QUrl accessTokenUrl() const;
    // "example.myshopify.com" — what secrets are filed under and what the status bar shows.
    QString domain() const;
};

// How Tagdesk proves who it is to a store: a pasted Admin API access token (shpat_…), or
// an app's client id and secret for the client-credentials grant (the token it gets is
// renewed before it expires). Values come from the SecretStore; never logged.
struct ShopifyCredentials {
    QString accessToken;
    QString clientId;
    QString clientSecret;

    bool usesClientCredentials() const { return accessToken.isEmpty() && !clientId.isEmpty(); }
};

// Who the store says it is, and what the token may do there.
struct ShopConnection {
    QString shopName;
    QString domain;     // its myshopify domain
    QString shopId;     // gid://shopify/Shop/…
    QStringList scopes; // as Shopify lists them: see accessscopes.h for what they grant

    ShopIdentity identity() const { return {shopId, domain}; }
};

struct ProductPage {
    QList<ProductSnapshot> products;
    bool hasNextPage = false;
    QString endCursor;
};

} // namespace tagdesk

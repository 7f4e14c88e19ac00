#include "domain/shopifystore.h"

#include "domain/urlsafety.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(ShopifyStore)
};
} // namespace

Result<ShopifyStore> ShopifyStore::parse(const QString &input) {
    const QString text = input.trimmed();
    if (text.isEmpty())
        return Error::invalid(Texts::tr("No store address was given"));

    // A bare shop name: "example" → https://example.myshopify.com
    static const QRegularExpression shopName(QStringLiteral("^[a-z0-9][a-z0-9-]{0,59}$"),
                                             QRegularExpression::CaseInsensitiveOption);
    QUrl url;
    if (shopName.match(text).hasMatch())
        url = QUrl(QStringLiteral("https://%1.myshopify.com").arg(text.toLower()));
    else if (!text.contains(QLatin1String("://")))
        url = QUrl(QStringLiteral("https://") + text, QUrl::StrictMode);
    else
        url = QUrl(text, QUrl::StrictMode);

    if (!url.isValid() || url.host().isEmpty())
        return Error::invalid(Texts::tr("'%1' is not a store address (expected e.g. "
                                        "example.myshopify.com)")
                                  .arg(input));
    if (auto safe = checkUrlIsSafe(url); !safe)
        return safe.error();
    static const QRegularExpression hostPattern(QStringLiteral("^[a-z0-9.-]+$"),
                                                QRegularExpression::CaseInsensitiveOption);
    if (!hostPattern.match(url.host()).hasMatch() || url.host().contains(QLatin1String("..")))
        return Error::invalid(
            Texts::tr("'%1' has characters a store's host name cannot have").arg(url.host()));
    // The Admin API answers at the store's permanent address,
    // https://{store}.myshopify.com/admin/api/{version}/graphql.json (shopify.dev, "GraphQL
    // Admin API reference"); a shop's own storefront domain does not serve it. Other hosts
    // are this computer only (the sandbox).
    if (!isLoopbackUrl(url) &&
        !url.host().endsWith(QLatin1String(".myshopify.com"), Qt::CaseInsensitive))
        return Error::invalid(
            Texts::tr("'%1' is not a myshopify.com address. Tagdesk reaches a store at its "
                      "permanent address, e.g. example.myshopify.com: the Shopify admin shows it "
                      "under Settings > Domains")
                .arg(url.host()));

    ShopifyStore store;
    QUrl base;
    base.setScheme(url.scheme());
    base.setHost(url.host().toLower());
    if (url.port() != -1)
        base.setPort(url.port());
    store.baseUrl = base;
    return store;
}

QUrl ShopifyStore::graphqlUrl() const {
    QUrl url = baseUrl;
    url.setPath(QStringLiteral("/admin/api/%1/graphql.json").arg(apiVersion));
    return url;
}

QUrl ShopifyStore::accessTokenUrl() const {
    QUrl url = baseUrl;
    url.setPath(QStringLiteral("/admin/oauth/access_token"));
    return url;
}

QString ShopifyStore::domain() const {
    return baseUrl.port() == -1 ? baseUrl.host()
                                : QStringLiteral("%1:%2").arg(baseUrl.host()).arg(baseUrl.port());
}

} // namespace tagdesk

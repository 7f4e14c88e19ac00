#pragma once

#include "catalog/photorenditions.h"
#include "catalog/storeproduct.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QSize>
#include <QString>
#include <QStringList>

namespace tagdesk::sandbox {

class ShopifyStore;
class BulkOperations;
class StagedUploads;

// Whether `granted` scopes allow `required`: a write_ scope grants its read_ scope, as in
// Shopify (https://shopify.dev/docs/api/usage/access-scopes).
inline bool hasScope(const QStringList &granted, const QString &required) {
    if (granted.contains(required))
        return true;
    return required.startsWith(QLatin1String("read_")) &&
           granted.contains(QStringLiteral("write_") + required.mid(5));
}

// Who the sandbox store says it is (`shop { id name myshopifyDomain }`): a sandbox with
// another id is another store.
struct ShopFacts {
    QString id = QStringLiteral("gid://shopify/Shop/1");
    QString name = QStringLiteral("Tagdesk Sandbox");
    QString domain = QStringLiteral("tagdesk-sandbox.myshopify.com");
};

// What the Shopify resolvers share: the store, where the sandbox is reachable (image and
// download URLs point back at it), and per-request notes for the answer's extensions.
struct ShopContext {
    ShopifyStore &store;
    QString baseUrl; // http://127.0.0.1:PORT, no trailing slash
    BulkOperations *bulk = nullptr;
    StagedUploads *uploads = nullptr;
    QJsonArray searchWarnings; // extensions.search of the current answer
    QStringList grantedScopes; // of the current request's token
    QString staleDigestCode;   // see ShopifyConfig; empty: either, drawn from digestRandom
    QRandomGenerator digestRandom;
    ShopFacts shop{}; // see ShopifyConfig

    // The code a stale compareDigest is refused with.
    QString staleDigestAnswer() {
        if (!staleDigestCode.isEmpty())
            return staleDigestCode;
        return digestRandom.bounded(2) == 0 ? QStringLiteral("STALE_OBJECT")
                                            : QStringLiteral("INVALID_COMPARE_DIGEST");
    }

    bool distinctImages = false; // see ShopifyConfig
    int originalLongSide = 0;    // see ShopifyConfig

    // Where an image is served. Shopify's CDN addresses carry a version (`?v=`); with
    // distinct images the sandbox's does too, and serves that image's own bytes. A
    // rendition's address asks the CDN for its box as `width=` and `height=`, as Shopify's
    // do (`…/files/photo.jpg?v=1683744744&width=450`:
    // shopify.dev/docs/api/liquid/filters/image_url); 0 leaves a side unbounded.
    QString imageUrl(const StoreImage &image, QSize box = {}) const {
        QString url = baseUrl + QStringLiteral("/_sandbox/images/") + image.photo;
        QStringList query;
        if (distinctImages)
            query << QStringLiteral("v=") + image.imageId.section(u'/', -1);
        if (box.width() > 0)
            query << QStringLiteral("width=%1").arg(box.width());
        if (box.height() > 0)
            query << QStringLiteral("height=%1").arg(box.height());
        if (!query.isEmpty())
            url += u'?' + query.join(u'&');
        return url;
    }

    // The size the image's original is served at (its photo's, or scaled up to
    // originalLongSide): what `Image.width` and `height` say.
    QSize originalSizeOf(const StoreImage &image) const {
        return originalSize(QSize(image.width, image.height), originalLongSide);
    }
};

// A product's image as a GraphQL MediaImage / Image source.
struct MediaRef {
    const StoreProduct *product = nullptr;
    const StoreImage *image = nullptr;
};

// A product's metafield as a GraphQL Metafield source.
struct MetafieldRef {
    const StoreProduct *owner = nullptr;
    const StoreMetafield *metafield = nullptr;
};

} // namespace tagdesk::sandbox

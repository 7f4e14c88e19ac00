#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace tagdesk::sandbox {

// The sandbox store's own model of a product: what the fake Shopify serves and edits.
// Catalog loaders (catalog/) produce it; the GraphQL executor (shopify/) reads and
// writes it. Plain values.

struct StoreImage {
    QString mediaId; // gid://shopify/MediaImage/N (fileUpdate takes this id)
    QString imageId; // gid://shopify/ImageSource/N (MediaImage.image.id)
    QString photo;   // name of a bundled photo, served at /_sandbox/images/<photo>
    QString alt;
    int width = 0;
    int height = 0;
    QString label;  // what the photo shows ("dress", "shoes"…), from the dataset
    QString colour; // the photo's main colour as labelled, if known
    // MediaStatus: a file just uploaded is PROCESSING for a while, and fileUpdate refuses
    // it until it is READY.
    QString status = QStringLiteral("READY");

    friend bool operator==(const StoreImage &, const StoreImage &) = default;
};

struct StoreMetafield {
    QString id; // gid://shopify/Metafield/N
    QString ns;
    QString key;
    QString type;
    QString value;
    QDateTime createdAt;
    QDateTime updatedAt;

    friend bool operator==(const StoreMetafield &, const StoreMetafield &) = default;
};

struct StoreProduct {
    QString id; // gid://shopify/Product/N
    QString handle;
    QString title;
    QString vendor;
    QString productType;
    QString status = QStringLiteral("ACTIVE"); // ACTIVE, DRAFT, ARCHIVED
    QString descriptionHtml;
    QStringList tags;
    QStringList collectionIds; // gid://shopify/Collection/N
    int totalInventory = 0;    // what inventory edits move: a field Tagdesk never writes
    QList<StoreImage> media;
    QList<StoreMetafield> metafields;
    QDateTime createdAt;
    QDateTime updatedAt;
    // Product.category: gid://shopify/TaxonomyCategory/aa-1-4, empty when uncategorised.
    QString category = {};

    friend bool operator==(const StoreProduct &, const StoreProduct &) = default;
};

struct StoreCollection {
    QString id; // gid://shopify/Collection/N
    QString handle;
    QString title;

    friend bool operator==(const StoreCollection &, const StoreCollection &) = default;
};

// One field of a metaobject entry: its definition's key and the value as text (a list
// field holds a JSON array, as in Shopify).
struct StoreMetaobjectField {
    QString key = {};
    QString value = {};

    friend bool operator==(const StoreMetaobjectField &, const StoreMetaobjectField &) = default;
};

// A store-level metaobject entry (gid://shopify/Metaobject/N) of a definition's type, e.g.
// the standard `shopify--color-pattern` entries that category metafields reference.
struct StoreMetaobject {
    QString id = {};
    QString type = {};
    QString handle = {};
    QList<StoreMetaobjectField> fields = {};
    QDateTime createdAt = {};
    QDateTime updatedAt = {};

    QString field(const QString &key) const {
        for (const StoreMetaobjectField &f : fields)
            if (f.key == key)
                return f.value;
        return {};
    }

    friend bool operator==(const StoreMetaobject &, const StoreMetaobject &) = default;
};

struct Catalog {
    QList<StoreProduct> products;
    QList<StoreCollection> collections;
    QList<StoreMetaobject> metaobjects = {};
};

} // namespace tagdesk::sandbox

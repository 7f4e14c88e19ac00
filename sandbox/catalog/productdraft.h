#pragma once

#include "storeproduct.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace tagdesk::sandbox {

// One product as read from a catalog file, before ids are normalised and images mapped to
// bundled photos. The format readers fill it; CatalogBuilder turns it into a StoreProduct.

struct ImageDraft {
    QString url;
    QString alt;
    QString id; // a gid or a bare number, as the file gave it; may be empty
};

struct ProductDraft {
    QString id; // a gid or a bare number; may be empty
    QString handle;
    QString title;
    QString vendor;
    QString productType;
    QString status; // ACTIVE, DRAFT, ARCHIVED; empty when the format has none
    QString descriptionHtml;
    QStringList tags;
    QList<StoreCollection> collections; // ids may be empty (some exports give titles only)
    QList<ImageDraft> images;
    QList<StoreMetafield> metafields; // ids may be empty
    QDateTime createdAt;
    QDateTime updatedAt;
    QString category = {}; // a TaxonomyCategory gid (GraphQL `category { id }`), may be empty
};

} // namespace tagdesk::sandbox

#pragma once

#include "productdraft.h"
#include "storeproduct.h"

#include "util/result.h"

#include <QHash>
#include <QSet>

namespace tagdesk::sandbox {

// Turns products read from a file into the sandbox's store model: Shopify gids for every
// product, image, metafield and collection (kept from the file where it had them, made up
// deterministically where not), timestamps in UTC, and every image mapped to a bundled
// photo so the catalog is served offline.
class CatalogBuilder {
public:
    // Fails if the product's id was already used by an earlier product.
    Status add(const ProductDraft &draft);
    Catalog take();

private:
    // An id number for a new object: `wanted` if free, else the next free made-up one.
    class IdPool {
    public:
        explicit IdPool(qint64 firstMadeUp)
            : m_next(firstMadeUp) {}
        qint64 claim(std::optional<qint64> wanted);
        bool isUsed(qint64 number) const { return m_used.contains(number); }

    private:
        QSet<qint64> m_used;
        qint64 m_next;
    };

    QString collectionIdFor(const StoreCollection &collection);
    QList<StoreImage> mapImages(const ProductDraft &draft, const QString &productId);

    Catalog m_catalog;
    // Made-up ids start far above those of real small stores, so they rarely meet.
    IdPool m_productIds{9'100'000'000'000};
    IdPool m_mediaIds{9'200'000'000'000};
    IdPool m_metafieldIds{9'300'000'000'000};
    IdPool m_collectionIds{9'400'000'000'000};
    QHash<QString, QString> m_collectionIdByKey; // id, handle or title → gid
};

} // namespace tagdesk::sandbox

#pragma once

#include "catalog/storeproduct.h"
#include "shopify/metaobjects.h"

#include <QDateTime>
#include <QHash>

#include <functional>
#include <optional>
#include <vector>

namespace tagdesk::sandbox {

// The orders products can be listed in (ProductSortKeys the sandbox supports).
enum class ProductOrder { Id, Title, UpdatedAt, CreatedAt, ProductType, Vendor };

// The fake shop's data: products indexed by id and kept in id order, so paging 100,000
// products is a binary search plus one page of work, never a scan per page.
class ShopifyStore {
public:
    using Clock = std::function<QDateTime()>;

    explicit ShopifyStore(Catalog catalog, Clock clock = {});

    qsizetype productCount() const { return qsizetype(m_products.size()); }
    const StoreProduct &productAt(qsizetype index) const { return m_products[size_t(index)]; }
    // Index of a product by gid, or -1.
    qsizetype indexOf(const QString &productGid) const { return m_index.value(productGid, -1); }
    const StoreProduct *product(const QString &productGid) const;
    const QList<StoreCollection> &collections() const { return m_collections; }
    const StoreCollection *collection(const QString &collectionGid) const;

    struct MediaLocation {
        qsizetype product = -1;
        qsizetype media = -1;
    };
    std::optional<MediaLocation> findMedia(const QString &mediaGid) const;

    // Writers edit a product in place, then touch() it: updatedAt moves strictly later
    // than before, even within one second, so every write is visible to a client
    // comparing updatedAt.
    StoreProduct &mutableProductAt(qsizetype index);
    void touch(qsizetype index);

    // Sets one metafield on a product (creating it if needed; an empty type keeps the
    // existing one); true if anything changed. The caller touches the product.
    bool setMetafield(StoreProduct &p, const QString &ns, const QString &key, const QString &type,
                      const QString &value);
    QString newMetafieldId() {
        return QStringLiteral("gid://shopify/Metafield/%1").arg(m_nextMetafield++);
    }
    QDateTime now() const;
    // Bumped by every write: sorted views and saved state key off it.
    quint64 version() const { return m_version; }

    // Product indices in the given order (ties broken by id), cached until the next write.
    const std::vector<qsizetype> &ordered(ProductOrder order);
    // The value a product sorts by in `order`, as text that compares correctly.
    static QString sortValue(const StoreProduct &p, ProductOrder order);

    // The store's metaobject entries. Writers call noteWrite() after changing them.
    const Metaobjects &metaobjects() const { return m_metaobjects; }
    Metaobjects &mutableMetaobjects() { return m_metaobjects; }
    void noteWrite() { ++m_version; }

    Catalog toCatalog() const;
    qint64 nextMetafieldNumber() const { return m_nextMetafield; }
    void setNextMetafieldNumber(qint64 n) { m_nextMetafield = std::max(m_nextMetafield, n); }

private:
    void reindex();

    std::vector<StoreProduct> m_products; // by numeric id
    QHash<QString, qsizetype> m_index;
    QHash<QString, MediaLocation> m_mediaIndex;
    QList<StoreCollection> m_collections;
    Metaobjects m_metaobjects;
    Clock m_clock;
    qint64 m_nextMetafield = 1;
    quint64 m_version = 1;
    struct CachedOrder {
        quint64 version = 0;
        std::vector<qsizetype> indices;
    };
    QHash<int, CachedOrder> m_orders;
};

// Metafield.compareDigest: changes whenever the value (or its write time) changes.
QString compareDigest(const StoreMetafield &metafield);

// A description as Shopify's editor keeps it, not as it was sent: attributes in name order
// and double-quoted, entities decoded (only &, <, > escaped), whitespace between tags gone.
QString editorForm(const QString &html);

} // namespace tagdesk::sandbox

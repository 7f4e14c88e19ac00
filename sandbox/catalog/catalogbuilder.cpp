#include "catalogbuilder.h"

#include "gids.h"
#include "photomapping.h"

using namespace Qt::StringLiterals;

namespace tagdesk::sandbox {
namespace {

// Files without timestamps still need fixed ones, so that two loads of a file are equal.
const QDateTime kTimestampOfUndatedFiles(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);

QString normalisedStatus(const QString &status) {
    static const QStringList known{u"ACTIVE"_s, u"DRAFT"_s, u"ARCHIVED"_s};
    return known.contains(status) ? status : u"ACTIVE"_s;
}

} // namespace

qint64 CatalogBuilder::IdPool::claim(std::optional<qint64> wanted) {
    if (wanted && !m_used.contains(*wanted)) {
        m_used.insert(*wanted);
        return *wanted;
    }
    while (m_used.contains(m_next))
        ++m_next;
    m_used.insert(m_next);
    return m_next++;
}

Status CatalogBuilder::add(const ProductDraft &draft) {
    const std::optional<qint64> givenId = gidNumber(draft.id);
    if (givenId && m_productIds.isUsed(*givenId))
        return Error::invalid(u"product id %1 appears twice"_s.arg(draft.id));

    StoreProduct product;
    product.id = shopifyGid(u"Product"_s, m_productIds.claim(givenId));
    product.title = draft.title.trimmed();
    product.handle = draft.handle.isEmpty() ? handleFromTitle(product.title) : draft.handle;
    product.vendor = draft.vendor;
    product.productType = draft.productType;
    product.status = normalisedStatus(draft.status);
    product.descriptionHtml = draft.descriptionHtml;
    product.tags = draft.tags;
    product.category = draft.category;
    product.createdAt = draft.createdAt.isValid() ? draft.createdAt : kTimestampOfUndatedFiles;
    product.updatedAt = draft.updatedAt.isValid() ? draft.updatedAt : product.createdAt;
    for (const StoreCollection &collection : draft.collections) {
        const QString id = collectionIdFor(collection);
        if (!product.collectionIds.contains(id))
            product.collectionIds << id;
    }
    for (StoreMetafield metafield : draft.metafields) {
        metafield.id = shopifyGid(u"Metafield"_s, m_metafieldIds.claim(gidNumber(metafield.id)));
        if (metafield.type.isEmpty())
            metafield.type = u"single_line_text_field"_s;
        if (!metafield.createdAt.isValid())
            metafield.createdAt = product.createdAt;
        if (!metafield.updatedAt.isValid())
            metafield.updatedAt = product.updatedAt;
        product.metafields << metafield;
    }
    product.media = mapImages(draft, product.id);
    m_catalog.products << product;
    return {};
}

QList<StoreImage> CatalogBuilder::mapImages(const ProductDraft &draft, const QString &productId) {
    const QString label = garmentLabelFor(draft.productType, draft.title);
    QList<StoreImage> media;
    media.reserve(draft.images.size());
    for (int index = 0; index < draft.images.size(); ++index) {
        const ImageDraft &image = draft.images.at(index);
        const qint64 number = m_mediaIds.claim(gidNumber(image.id));
        media << bundledImage(photoForImage(image.url, label, productId, index),
                              shopifyGid(u"MediaImage"_s, number),
                              shopifyGid(u"ImageSource"_s, number), image.alt);
    }
    return media;
}

QString CatalogBuilder::collectionIdFor(const StoreCollection &collection) {
    const QString key = !collection.id.isEmpty()       ? collection.id
                        : !collection.handle.isEmpty() ? u"handle:"_s + collection.handle
                                                       : u"title:"_s + collection.title;
    if (const auto it = m_collectionIdByKey.constFind(key); it != m_collectionIdByKey.cend())
        return *it;

    StoreCollection stored;
    stored.id = shopifyGid(u"Collection"_s, m_collectionIds.claim(gidNumber(collection.id)));
    stored.title = collection.title.isEmpty() ? collection.handle : collection.title;
    stored.handle =
        collection.handle.isEmpty() ? handleFromTitle(collection.title) : collection.handle;
    m_collectionIdByKey.insert(key, stored.id);
    m_catalog.collections << stored;
    return stored.id;
}

Catalog CatalogBuilder::take() {
    return std::move(m_catalog);
}

} // namespace tagdesk::sandbox

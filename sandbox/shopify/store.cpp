#include "shopify/store.h"

#include "util/htmltokens.h"

#include "shopify/gid.h"

#include <QCryptographicHash>

#include <algorithm>

namespace tagdesk::sandbox {

ShopifyStore::ShopifyStore(Catalog catalog, Clock clock)
    : m_collections(std::move(catalog.collections))
    , m_metaobjects(std::move(catalog.metaobjects))
    , m_clock(std::move(clock)) {
    // Sort a permutation by precomputed ids, then move each product once.
    std::vector<std::pair<qint64, qsizetype>> order;
    order.reserve(size_t(catalog.products.size()));
    for (qsizetype i = 0; i < catalog.products.size(); ++i)
        order.emplace_back(legacyId(catalog.products.at(i).id), i);
    std::stable_sort(order.begin(), order.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    m_products.reserve(order.size());
    for (const auto &[id, index] : order)
        m_products.push_back(std::move(catalog.products[index]));
    reindex();
}

void ShopifyStore::reindex() {
    m_index.clear();
    m_mediaIndex.clear();
    m_index.reserve(qsizetype(m_products.size()));
    for (size_t i = 0; i < m_products.size(); ++i) {
        const StoreProduct &p = m_products[i];
        m_index.insert(p.id, qsizetype(i));
        for (qsizetype m = 0; m < p.media.size(); ++m)
            m_mediaIndex.insert(p.media.at(m).mediaId, {qsizetype(i), m});
        for (const StoreMetafield &mf : p.metafields)
            m_nextMetafield = std::max(m_nextMetafield, legacyId(mf.id) + 1);
    }
}

const StoreProduct *ShopifyStore::product(const QString &productGid) const {
    const qsizetype i = indexOf(productGid);
    return i < 0 ? nullptr : &m_products[size_t(i)];
}

const StoreCollection *ShopifyStore::collection(const QString &collectionGid) const {
    for (const StoreCollection &c : m_collections)
        if (c.id == collectionGid)
            return &c;
    return nullptr;
}

std::optional<ShopifyStore::MediaLocation> ShopifyStore::findMedia(const QString &mediaGid) const {
    auto it = m_mediaIndex.constFind(mediaGid);
    if (it == m_mediaIndex.constEnd())
        return std::nullopt;
    return *it;
}

QDateTime ShopifyStore::now() const {
    return (m_clock ? m_clock() : QDateTime::currentDateTimeUtc()).toUTC();
}

StoreProduct &ShopifyStore::mutableProductAt(qsizetype index) {
    return m_products[size_t(index)];
}

void ShopifyStore::touch(qsizetype index) {
    StoreProduct &p = m_products[size_t(index)];
    QDateTime t = now();
    t.setTime(QTime(t.time().hour(), t.time().minute(), t.time().second())); // whole seconds
    if (p.updatedAt.isValid() && t <= p.updatedAt)
        t = p.updatedAt.addSecs(1);
    p.updatedAt = t;
    ++m_version;
}

QString ShopifyStore::sortValue(const StoreProduct &p, ProductOrder order) {
    switch (order) {
    case ProductOrder::Id:
        return QStringLiteral("%1").arg(legacyId(p.id), 20, 10, QLatin1Char('0'));
    case ProductOrder::Title:
        return p.title.toLower();
    case ProductOrder::UpdatedAt:
        return p.updatedAt.toUTC().toString(Qt::ISODateWithMs);
    case ProductOrder::CreatedAt:
        return p.createdAt.toUTC().toString(Qt::ISODateWithMs);
    case ProductOrder::ProductType:
        return p.productType.toLower();
    case ProductOrder::Vendor:
        return p.vendor.toLower();
    }
    return {};
}

const std::vector<qsizetype> &ShopifyStore::ordered(ProductOrder order) {
    CachedOrder &cache = m_orders[int(order)];
    if (cache.version == m_version && cache.indices.size() == m_products.size())
        return cache.indices;
    cache.indices.resize(m_products.size());
    for (size_t i = 0; i < m_products.size(); ++i)
        cache.indices[i] = qsizetype(i);
    if (order != ProductOrder::Id) {
        std::vector<QString> keys(m_products.size());
        for (size_t i = 0; i < m_products.size(); ++i)
            keys[i] = sortValue(m_products[i], order);
        // Products are stored in id order, so a stable sort breaks ties by id.
        std::stable_sort(cache.indices.begin(), cache.indices.end(), [&](qsizetype a, qsizetype b) {
            return keys[size_t(a)] < keys[size_t(b)];
        });
    }
    cache.version = m_version;
    return cache.indices;
}

Catalog ShopifyStore::toCatalog() const {
    Catalog c;
    c.collections = m_collections;
    c.metaobjects = m_metaobjects.entries();
    c.products.reserve(qsizetype(m_products.size()));
    for (const StoreProduct &p : m_products)
        c.products.append(p);
    return c;
}

QString editorForm(const QString &html) {
    return htmlFromTokens(htmlTokens(html));
}

QString compareDigest(const StoreMetafield &metafield) {
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(metafield.id.toUtf8());
    h.addData(QByteArrayView("\n"));
    h.addData(metafield.value.toUtf8());
    h.addData(QByteArrayView("\n"));
    h.addData(metafield.updatedAt.toUTC().toString(Qt::ISODateWithMs).toUtf8());
    return QString::fromLatin1(h.result().toHex());
}

bool ShopifyStore::setMetafield(StoreProduct &p, const QString &ns, const QString &key,
                                const QString &type, const QString &value) {
    const QDateTime at = now();
    for (StoreMetafield &m : p.metafields) {
        if (m.ns != ns || m.key != key)
            continue;
        if (m.value == value && (type.isEmpty() || m.type == type))
            return false;
        m.value = value;
        if (!type.isEmpty())
            m.type = type;
        m.updatedAt = at;
        return true;
    }
    StoreMetafield m;
    m.id = newMetafieldId();
    m.ns = ns;
    m.key = key;
    m.type = type;
    m.value = value;
    m.createdAt = at;
    m.updatedAt = at;
    p.metafields.append(m);
    return true;
}

} // namespace tagdesk::sandbox

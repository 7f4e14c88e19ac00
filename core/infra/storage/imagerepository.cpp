#include "storage/imagerepository.h"

#include <QCoreApplication>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(ImageRepository)
};
} // namespace

Status ImageRepository::recordImage(const CachedImage &image, const QDateTime &usedAt) {
    auto q = runSql(
        m_conn.db(),
        QStringLiteral("INSERT INTO images (sha256, bytes, mime, width, height, stored_at, "
                       "last_used_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (sha256) DO UPDATE SET last_used_at = excluded.last_used_at"),
        {image.sha256, image.bytes, image.mime, image.width, image.height, toDbTime(usedAt),
         toDbTime(usedAt)},
        Texts::tr("recording a cached image"));
    return q ? Status{} : Status{q.error()};
}

Status ImageRepository::saveProductImage(const ProductImage &image) {
    auto q = runSql(
        m_conn.db(),
        QStringLiteral("INSERT INTO product_images (job_id, product_id, media_id, position, url, "
                       "sha256, error) VALUES (?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (job_id, product_id, media_id) DO UPDATE SET "
                       "position = excluded.position, url = excluded.url, "
                       "sha256 = excluded.sha256, error = excluded.error"),
        {image.jobId, image.productId, image.mediaId, image.position, image.url.toString(),
         image.sha256.isEmpty() ? QVariant() : QVariant(image.sha256), image.error},
        Texts::tr("saving an image of product %1").arg(image.productId));
    return q ? Status{} : Status{q.error()};
}

Result<QList<ProductImage>> ImageRepository::forProduct(qint64 jobId, const QString &productId) {
    auto q =
        runSql(m_conn.db(),
               QStringLiteral("SELECT media_id, position, url, sha256, error FROM product_images "
                              "WHERE job_id = ? AND product_id = ? ORDER BY position, media_id"),
               {jobId, productId}, Texts::tr("reading the images of product %1").arg(productId));
    if (!q)
        return q.error();
    QList<ProductImage> out;
    while (q->next()) {
        out.append({jobId, productId, q->value(0).toString(), q->value(1).toInt(),
                    QUrl(q->value(2).toString()), q->value(3).toString(), q->value(4).toString()});
    }
    return out;
}

Result<QList<CacheEntryUse>> ImageRepository::cacheUse() {
    auto q = runSql(
        m_conn.db(),
        QStringLiteral("SELECT i.sha256, i.bytes, i.last_used_at, "
                       "EXISTS (SELECT 1 FROM product_images p JOIN jobs j ON j.id = p.job_id "
                       "        WHERE p.sha256 = i.sha256 AND j.archived = 0) "
                       "FROM images i"),
        {}, Texts::tr("reading the image cache index"));
    if (!q)
        return q.error();
    QList<CacheEntryUse> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toLongLong(), fromDbTime(q->value(2)),
                    q->value(3).toBool()});
    return out;
}

Status ImageRepository::forgetImages(const QList<QString> &sha256s) {
    for (const QString &sha : sha256s) {
        auto unlink = runSql(
            m_conn.db(),
            QStringLiteral("UPDATE product_images SET sha256 = NULL, error = ? WHERE sha256 = ?"),
            {Texts::tr("Removed from the image cache to save space; it is downloaded "
                       "again when needed"),
             sha},
            Texts::tr("updating the image cache index"));
        if (!unlink)
            return unlink.error();
        auto del = runSql(m_conn.db(), QStringLiteral("DELETE FROM images WHERE sha256 = ?"), {sha},
                          Texts::tr("updating the image cache index"));
        if (!del)
            return del.error();
    }
    return {};
}

} // namespace tagdesk

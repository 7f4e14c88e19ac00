#pragma once

#include "cache/imagecache.h"
#include "storage/connection.h"

#include <QList>
#include <QUrl>

namespace tagdesk {

// One image of one product of one job: where it came from and, once downloaded, which
// cached image it is (or why it could not be had).
struct ProductImage {
    qint64 jobId = 0;
    QString productId;
    QString mediaId;
    int position = 0;
    QUrl url;       // what was downloaded: the rendition for analysis, or the original
    QString sha256; // empty until downloaded
    QString error;  // why the download failed, in words
};

// The images and product_images tables: the cache's index and which job uses what.
class ImageRepository {
public:
    explicit ImageRepository(Connection &conn)
        : m_conn(conn) {}

    // Records a cached image, or marks it used now if it is known already.
    Status recordImage(const CachedImage &image, const QDateTime &usedAt);
    // Adds or updates a product's image (keyed by job, product and media id).
    Status saveProductImage(const ProductImage &image);
    Result<QList<ProductImage>> forProduct(qint64 jobId, const QString &productId);
    // Every cached image with its size, last use, and whether a job that is not archived
    // needs it — what ImageCache::evictionPlan decides on.
    Result<QList<CacheEntryUse>> cacheUse();
    // Forgets evicted images; products of archived jobs that used them will download
    // them again if they are unarchived.
    Status forgetImages(const QList<QString> &sha256s);

private:
    Connection &m_conn;
};

} // namespace tagdesk

#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace tagdesk {

// An image as the cache holds it: named by the SHA-256 of its bytes, so an image shared
// by several products or jobs is stored and analysed once.
struct CachedImage {
    QString sha256;
    qint64 bytes = 0;
    QString mime; // image/jpeg, image/png, image/webp…
    int width = 0;
    int height = 0;
};

// What eviction knows about one cached image.
struct CacheEntryUse {
    QString sha256;
    qint64 bytes = 0;
    QDateTime lastUsedAt;
    bool neededByActiveJob = false; // shown or analysed by a job that is not archived
};

// The images review needs offline, on disk under the app's cache folder. Every write goes
// to a temporary file first and is renamed into place, so a crash never leaves half an
// image under a valid name. Safe to call from several threads at once.
class ImageCache {
public:
    explicit ImageCache(QString folder);

    // Checks that `data` is a picture Qt can decode (format and size, without decoding
    // every pixel), then stores it. A corrupt or non-image download is an error naming
    // what it is, never a file in the cache.
    Result<CachedImage> store(const QByteArray &data) const;
    Result<QByteArray> load(const QString &sha256) const;
    bool contains(const QString &sha256) const;
    QString pathFor(const QString &sha256) const;
    Status remove(const QString &sha256) const;
    QString folder() const { return m_folder; }

    static Result<CachedImage> inspect(const QByteArray &data);

    // Which images to delete to get under `capBytes`: images no active job needs, least
    // recently used first (archived jobs' images go before anything else). Images that
    // an active job needs are never chosen — review must work offline.
    static QList<QString> evictionPlan(QList<CacheEntryUse> entries, qint64 capBytes);

private:
    QString m_folder;
};

} // namespace tagdesk

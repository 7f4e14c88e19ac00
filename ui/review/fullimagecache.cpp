#include "review/fullimagecache.h"

#include "util/futures.h"

#include "pipeline/imagefiles.h"

#include <QImageReader>
#include <QtConcurrent/QtConcurrentRun>

namespace tagdesk::ui {

namespace {
QImage decode(const QString &path) {
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize full = reader.size();
    if (full.isValid() && std::max(full.width(), full.height()) > FullImageCache::maxSide)
        reader.setScaledSize(
            full.scaled(FullImageCache::maxSide, FullImageCache::maxSide, Qt::KeepAspectRatio));
    QImage image = reader.read();
    // Painting a premultiplied 32-bit image is the fast path of the raster engine.
    if (!image.isNull() && image.format() != QImage::Format_ARGB32_Premultiplied &&
        image.format() != QImage::Format_RGB32)
        image = image.convertToFormat(image.hasAlphaChannel() ? QImage::Format_ARGB32_Premultiplied
                                                              : QImage::Format_RGB32);
    return image;
}
} // namespace

FullImageCache::FullImageCache(QString imageFolder, qint64 budgetBytes, QObject *parent)
    : QObject(parent)
    , m_folder(std::move(imageFolder))
    , m_ready(int(std::clamp<qint64>(budgetBytes / 1024, 1024, INT_MAX))) {
}

QImage FullImageCache::image(const QString &sha256) {
    if (sha256.isEmpty() || m_unreadable.contains(sha256))
        return {};
    if (const QImage *ready = m_ready.object(sha256))
        return *ready;
    load(sha256);
    return {};
}

void FullImageCache::prefetch(const QStringList &sha256s) {
    for (const QString &sha : sha256s) {
        if (!sha.isEmpty() && !m_unreadable.contains(sha) && !m_ready.contains(sha))
            load(sha);
    }
}

void FullImageCache::load(const QString &sha256) {
    if (m_loading.contains(sha256))
        return;
    m_loading.insert(sha256);
    whenFinished(this, QtConcurrent::run(decode, cachedImagePath(m_folder, sha256)),
                 [this, sha256](const QImage &image) {
                     m_loading.remove(sha256);
                     if (image.isNull()) {
                         m_unreadable.insert(sha256);
                         emit failed(sha256);
                         return;
                     }
                     m_ready.insert(sha256, new QImage(image),
                                    int(std::max<qint64>(1, image.sizeInBytes() / 1024)));
                     emit imageReady(sha256);
                 });
}

} // namespace tagdesk::ui

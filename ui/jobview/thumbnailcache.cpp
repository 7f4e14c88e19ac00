#include "jobview/thumbnailcache.h"

#include "util/futures.h"

#include "pipeline/imagefiles.h"

#include <QImageReader>
#include <QtConcurrent/QtConcurrentRun>

namespace tagdesk::ui {

namespace {
QImage decodeScaled(const QString &path, QSize box) {
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize full = reader.size();
    if (full.isValid())
        reader.setScaledSize(full.scaled(box, Qt::KeepAspectRatio)); // JPEG decodes smaller
    QImage image = reader.read();
    if (!image.isNull() && (image.width() > box.width() || image.height() > box.height()))
        image = image.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}
} // namespace

ThumbnailCache::ThumbnailCache(QString imageFolder, QSize size, QObject *parent)
    : QObject(parent)
    , m_folder(std::move(imageFolder))
    , m_size(size)
    , m_ready(2000) {
}

QPixmap ThumbnailCache::thumbnail(const QString &sha256) {
    if (sha256.isEmpty() || m_unreadable.contains(sha256))
        return {};
    if (const QPixmap *ready = m_ready.object(sha256))
        return *ready;
    if (m_loading.contains(sha256))
        return {};
    m_loading.insert(sha256);
    const QString path = cachedImagePath(m_folder, sha256);
    const QSize box = m_size * m_ratio;
    const qreal ratio = m_ratio;
    whenFinished(this, QtConcurrent::run(decodeScaled, path, box),
                 [this, sha256, ratio](const QImage &image) {
                     m_loading.remove(sha256);
                     if (image.isNull()) {
                         m_unreadable.insert(sha256);
                         return;
                     }
                     auto *pixmap = new QPixmap(QPixmap::fromImage(image));
                     pixmap->setDevicePixelRatio(ratio);
                     m_ready.insert(sha256, pixmap);
                     emit thumbnailReady(sha256);
                 });
    return {};
}

} // namespace tagdesk::ui

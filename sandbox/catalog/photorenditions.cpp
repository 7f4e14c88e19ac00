#include "catalog/photorenditions.h"

#include "catalog/photos.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QHash>
#include <QImage>
#include <QMutex>
#include <QMutexLocker>

#include <algorithm>

namespace tagdesk::sandbox {

namespace {

// One quality for originals and renditions alike, so that what a rendition saves is its
// pixels, not a coarser encoding.
constexpr int jpegQuality = 90;

QByteArray encodedJpeg(const QImage &image) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "JPEG", jpegQuality))
        return {};
    return bytes;
}

QImage scaledTo(const QImage &image, QSize size) {
    if (image.size() == size)
        return image;
    return image.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

// Renditions already made, by photo, original size and box. The sandbox answers from one
// thread, but tests and tagdesk --demo may run it beside others: guarded all the same.
class RenditionStore {
public:
    QByteArray rendition(const QString &name, int originalLongSide, QSize box) {
        const QString key = QStringLiteral("%1|%2|%3x%4")
                                .arg(name)
                                .arg(originalLongSide)
                                .arg(box.width())
                                .arg(box.height());
        {
            QMutexLocker lock(&m_mutex);
            if (const auto it = m_made.constFind(key); it != m_made.cend())
                return *it;
        }
        const QByteArray made = make(name, originalLongSide, box);
        QMutexLocker lock(&m_mutex);
        m_made.insert(key, made);
        m_photoBySha1.insert(QCryptographicHash::hash(made, QCryptographicHash::Sha1), name);
        return made;
    }

    std::optional<QString> photoOf(const QByteArray &bytes) {
        const QByteArray sha1 = QCryptographicHash::hash(bytes, QCryptographicHash::Sha1);
        QMutexLocker lock(&m_mutex);
        if (const auto it = m_photoBySha1.constFind(sha1); it != m_photoBySha1.cend())
            return *it;
        return std::nullopt;
    }

private:
    static QByteArray make(const QString &name, int originalLongSide, QSize box) {
        const QByteArray bundled = photoBytes(name);
        if (bundled.isEmpty() || (originalLongSide <= 0 && box.width() <= 0 && box.height() <= 0))
            return bundled;
        const QImage photo = QImage::fromData(bundled);
        if (photo.isNull())
            return {};
        const QSize original = originalSize(photo.size(), originalLongSide);
        const QSize served = fittedWithin(original, box);
        if (served == photo.size())
            return bundled; // neither scaled up nor down: the photo's own bytes
        // The original is made first and the rendition from it, as a CDN scales the file
        // it holds.
        return encodedJpeg(scaledTo(scaledTo(photo, original), served));
    }

    QMutex m_mutex;
    QHash<QString, QByteArray> m_made;
    QHash<QByteArray, QString> m_photoBySha1;
};

RenditionStore &renditions() {
    static RenditionStore instance;
    return instance;
}

} // namespace

QSize originalSize(QSize bundled, int originalLongSide) {
    const int longSide = std::max(bundled.width(), bundled.height());
    if (originalLongSide <= 0 || longSide <= 0 || longSide >= originalLongSide)
        return bundled;
    return bundled.scaled(originalLongSide, originalLongSide, Qt::KeepAspectRatio);
}

QSize fittedWithin(QSize size, QSize box) {
    if (size.isEmpty())
        return size;
    const int maxWidth = box.width() > 0 ? box.width() : size.width();
    const int maxHeight = box.height() > 0 ? box.height() : size.height();
    if (size.width() <= maxWidth && size.height() <= maxHeight)
        return size;
    return size.scaled(maxWidth, maxHeight, Qt::KeepAspectRatio).expandedTo(QSize(1, 1));
}

QByteArray photoRendition(const QString &name, int originalLongSide, QSize box) {
    return renditions().rendition(name, originalLongSide, box);
}

std::optional<QString> photoOfRendition(const QByteArray &bytes) {
    return renditions().photoOf(bytes);
}

} // namespace tagdesk::sandbox

#include "cache/imagecache.h"

#include "cache/imagecompleteness.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QSaveFile>

#include <algorithm>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(ImageCache)
};

bool isSha256(const QString &s) {
    if (s.size() != 64)
        return false;
    return std::all_of(s.begin(), s.end(), [](QChar c) {
        return (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
               (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
    });
}

// What a download that is not a picture usually is, for the message.
QString describeNonImage(const QByteArray &data) {
    const QByteArray head = data.left(64).trimmed().toLower();
    if (head.startsWith("<!doctype html") || head.startsWith("<html"))
        return Texts::tr("an HTML page, not an image");
    if (head.startsWith("{") || head.startsWith("["))
        return Texts::tr("JSON, not an image");
    return Texts::tr("not an image format Tagdesk can read");
}
} // namespace

ImageCache::ImageCache(QString folder)
    : m_folder(std::move(folder)) {
}

Result<CachedImage> ImageCache::inspect(const QByteArray &data) {
    if (data.isEmpty())
        return Error::invalid(Texts::tr("The image download was empty"));
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    const QByteArray format = reader.format();
    if (format.isEmpty())
        return Error::invalid(Texts::tr("The download (%1 bytes) is %2")
                                  .arg(data.size())
                                  .arg(describeNonImage(data)));
    const QSize size = reader.size();
    if (!size.isValid() || size.isEmpty())
        return Error::invalid(Texts::tr("The %1 image is damaged: its size cannot be read")
                                  .arg(QString::fromLatin1(format).toUpper()));
    // Qt will not decode an image needing more than QImageReader::allocationLimit()
    // megabytes (256 by default since Qt 6.0), four bytes a pixel: say so now, naming the size.
    const qint64 limitMb = QImageReader::allocationLimit();
    if (limitMb > 0 && qint64(size.width()) * size.height() * 4 > limitMb * 1024 * 1024)
        return Error::invalid(
            Texts::tr("The %1 image is %2 × %3 pixels, more than Tagdesk opens (%4 megapixels at "
                      "most). Upload a smaller copy to the product in Shopify")
                .arg(QString::fromLatin1(format).toUpper())
                .arg(size.width())
                .arg(size.height())
                .arg(limitMb * 1024 * 1024 / 4 / 1'000'000));
    switch (imageCompleteness(data)) {
    case ImageCompleteness::Complete:
        break;
    case ImageCompleteness::CutShort:
        return Error::invalid(
            Texts::tr("The %1 image is cut short (%2 bytes, without the file's end): the file "
                      "is incomplete. Upload it again to the product in Shopify")
                .arg(QString::fromLatin1(format).toUpper())
                .arg(data.size()));
    case ImageCompleteness::Damaged:
        return Error::invalid(Texts::tr("The %1 image is damaged: its structure cannot be read")
                                  .arg(QString::fromLatin1(format).toUpper()));
    }
    CachedImage image;
    image.sha256 =
        QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    image.bytes = data.size();
    image.mime = QStringLiteral("image/") + QString::fromLatin1(format == "jpg" ? "jpeg" : format);
    image.width = size.width();
    image.height = size.height();
    return image;
}

QString ImageCache::pathFor(const QString &sha256) const {
    // Two-level fan-out keeps folders small with 100,000 images.
    return QDir(m_folder).filePath(sha256.left(2) + QLatin1Char('/') + sha256);
}

Result<CachedImage> ImageCache::store(const QByteArray &data) const {
    auto image = inspect(data);
    if (!image)
        return image;
    const QString path = pathFor(image->sha256);
    if (QFile::exists(path))
        return image; // same bytes, same name: already here
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error::localIo(Texts::tr("Cannot create the image cache folder %1")
                                  .arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath())));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return Error::localIo(Texts::tr("Cannot save an image to %1: %2")
                                  .arg(QDir::toNativeSeparators(path), file.errorString()));
    return image;
}

Result<QByteArray> ImageCache::load(const QString &sha256) const {
    if (!isSha256(sha256))
        return Error::invalid(Texts::tr("'%1' is not an image cache key").arg(sha256));
    QFile file(pathFor(sha256));
    if (!file.open(QIODevice::ReadOnly))
        return Error::notFound(Texts::tr("The image %1 is not in the cache (%2)")
                                   .arg(sha256.left(12), file.errorString()));
    QByteArray data = file.readAll();
    // A file damaged on disk is reported, not shown as a broken picture.
    if (QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex() != sha256.toLatin1())
        return Error::localIo(
            Texts::tr("The cached image %1 is damaged on disk").arg(sha256.left(12)));
    return data;
}

bool ImageCache::contains(const QString &sha256) const {
    return isSha256(sha256) && QFile::exists(pathFor(sha256));
}

Status ImageCache::remove(const QString &sha256) const {
    if (!isSha256(sha256))
        return Error::invalid(Texts::tr("'%1' is not an image cache key").arg(sha256));
    QFile file(pathFor(sha256));
    if (file.exists() && !file.remove())
        return Error::localIo(
            Texts::tr("Cannot delete %1: %2")
                .arg(QDir::toNativeSeparators(file.fileName()), file.errorString()));
    return {};
}

QList<QString> ImageCache::evictionPlan(QList<CacheEntryUse> entries, qint64 capBytes) {
    qint64 total = 0;
    for (const CacheEntryUse &e : entries)
        total += e.bytes;
    std::sort(entries.begin(), entries.end(), [](const CacheEntryUse &a, const CacheEntryUse &b) {
        return a.lastUsedAt < b.lastUsedAt;
    });
    QList<QString> plan;
    for (const CacheEntryUse &e : entries) {
        if (total <= capBytes)
            break;
        if (e.neededByActiveJob)
            continue;
        plan << e.sha256;
        total -= e.bytes;
    }
    return plan;
}

} // namespace tagdesk

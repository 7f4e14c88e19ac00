#include "imagereader.h"

#include "catalog/photorenditions.h"
#include "catalog/photos.h"

#include <QCryptographicHash>
#include <QMutexLocker>

using namespace Qt::StringLiterals;

namespace tagdesk::sandbox {
namespace {

// Enough for every bundled photo many times over; the cache only avoids re-decoding.
constexpr qsizetype kCacheLimit = 512;

} // namespace

ImageReader::ImageReader(FetchImage fetchImage)
    : m_fetchImage(std::move(fetchImage)) {
}

Result<ImageReading> ImageReader::readUrl(const QString &url) {
    if (url.startsWith(u"data:"_s, Qt::CaseInsensitive)) {
        const qsizetype comma = url.indexOf(u',');
        if (comma < 0 || !url.left(comma).endsWith(u";base64"_s, Qt::CaseInsensitive))
            return Error::invalid(u"the data URI is not base64-encoded"_s);
        return readBase64(url.mid(comma + 1));
    }
    const QUrl parsed(url);
    if (!parsed.isValid() || parsed.scheme().isEmpty())
        return Error::invalid(u"'%1' is not a URL"_s.arg(url));
    const std::optional<QByteArray> bytes = m_fetchImage ? m_fetchImage(parsed) : std::nullopt;
    if (!bytes)
        return Error::notFound(u"could not download %1"_s.arg(url));
    return readBytes(*bytes, url);
}

Result<ImageReading> ImageReader::readBase64(const QString &base64) {
    const auto decoded = QByteArray::fromBase64Encoding(base64.trimmed().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return Error::invalid(u"the image data is not valid base64"_s);
    return readBytes(decoded.decoded);
}

Result<ImageReading> ImageReader::readBytes(const QByteArray &bytes, const QString &nameHint) {
    ImageReading reading;
    reading.sha1 =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toHex());
    const std::optional<ImageAnalysis> analysis = analyse(bytes, reading.sha1);
    if (!analysis)
        return Error::invalid(u"the data is not an image that can be decoded"_s);
    reading.analysis = *analysis;

    // The bytes identify a bundled photo exactly; a URL naming one is the fallback for a
    // copy that was re-encoded on the way.
    if (const std::optional<QString> photo = photoWithContent(bytes)) {
        reading.photo = *photo;
    } else if (const std::optional<QString> scaled = photoOfRendition(bytes)) {
        reading.photo = *scaled; // the photo as a larger original, or a rendition of it
    } else if (!nameHint.isEmpty()) {
        const QString fileName = QUrl(nameHint).path().section(u'/', -1);
        if (photoInfo(fileName))
            reading.photo = fileName;
    }
    if (const std::optional<PhotoInfo> info = photoInfo(reading.photo))
        reading.label = info->label;
    return reading;
}

std::optional<ImageAnalysis> ImageReader::analyse(const QByteArray &bytes, const QString &sha1) {
    {
        QMutexLocker lock(&m_cacheMutex);
        if (const auto it = m_cache.constFind(sha1); it != m_cache.cend())
            return *it;
    }
    std::optional<ImageAnalysis> analysis = analyseImage(bytes);
    if (analysis) {
        QMutexLocker lock(&m_cacheMutex);
        if (m_cache.size() >= kCacheLimit)
            m_cache.clear();
        m_cache.insert(sha1, *analysis);
    }
    return analysis;
}

} // namespace tagdesk::sandbox

#pragma once

#include "garmenttaxonomy.h"
#include "imageanalysis.h"

#include "util/result.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

namespace tagdesk::sandbox {

// An image as the sandbox's taggers understand it: which bundled photo it is (so its
// dataset label gives the garment category) and what its pixels show.
struct ImageReading {
    QString photo; // bundled photo name; empty for an image that is not one of them
    QString label; // the photo's dataset label; empty when unknown
    QString sha1;  // hex digest of the bytes: a stable name for the image
    ImageAnalysis analysis;

    // Terms for the garment, or nullptr when the category is unknown.
    const GarmentTerms *garment() const { return garmentTerms(label); }
};

// Turns what a tagger request carries (a URL, a data URI, base64) into an ImageReading.
// Errors: Error::Code::NotFound when a URL could not be fetched, InvalidInput when the
// data is not base64 or not an image. Analyses are cached by content, since a demo run
// sends the same few photos again and again.
class ImageReader {
public:
    using FetchImage = std::function<std::optional<QByteArray>(const QUrl &)>;

    explicit ImageReader(FetchImage fetchImage);

    // An http(s) URL (fetched with the FetchImage given) or a `data:…;base64,` URI.
    Result<ImageReading> readUrl(const QString &url);
    Result<ImageReading> readBase64(const QString &base64);
    // `nameHint` is a URL whose last segment may name a bundled photo.
    Result<ImageReading> readBytes(const QByteArray &bytes, const QString &nameHint = {});

private:
    std::optional<ImageAnalysis> analyse(const QByteArray &bytes, const QString &sha1);

    FetchImage m_fetchImage;
    QMutex m_cacheMutex;
    QHash<QString, ImageAnalysis> m_cache;
};

} // namespace tagdesk::sandbox

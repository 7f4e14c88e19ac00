#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace tagdesk::sandbox {

// The photos bundled with the sandbox (resources/demo/images, CC0; see its README.md):
// what the demo catalog shows and what any loaded catalog's images are mapped to.

struct PhotoInfo {
    QString name;   // file name, e.g. "dress__06a00c0f-….jpg"
    QString label;  // the dataset's class: dress, hat, longsleeve, outwear, pants, shirt,
                    // shoes, shorts, skirt, t-shirt
    QString colour; // the main colour as labelled by eye (labels.csv)
    int width = 0;
    int height = 0;
};

// The photo's JPEG bytes; empty if there is no such photo.
QByteArray photoBytes(const QString &photo);

// Every bundled photo's name, sorted.
QStringList photoNames();

std::optional<PhotoInfo> photoInfo(const QString &photo);

// The distinct labels, sorted, and the photos carrying one of them (sorted).
QStringList photoLabels();
QStringList photosWithLabel(const QString &label);

// The photo's bytes made distinct for `variant`: a JPEG comment segment naming it, right
// after the start-of-image marker (JPEG, ITU T.81 B.2.4.5), so the picture is the same and
// the bytes are not. Bytes that are not a JPEG come back unchanged.
QByteArray photoVariant(const QByteArray &jpeg, const QString &variant);

// Broken files a real store can hold (an upload cut short, a damaged header, an error page
// saved as a picture, a file over Tagdesk's 40 MB download cap, a picture too many pixels
// wide to decode), served at /_sandbox/images/<name> beside the photos, so a test can give
// a product a broken image. Names: "broken-cut-short.jpg", "broken-header.jpg",
// "broken-error-page.jpg", "broken-over-40mb.jpg", "broken-40000px.png".
QStringList brokenFileNames();
// The file's bytes; empty if there is no such broken file.
QByteArray brokenFileBytes(const QString &name);

// The bundled photo whose bytes are exactly these, if any (taggers receive images as
// base64 or data URIs and still need to know which photo it was).
std::optional<QString> photoWithContent(const QByteArray &bytes);

} // namespace tagdesk::sandbox

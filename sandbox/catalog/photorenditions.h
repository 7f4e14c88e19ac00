#pragma once

#include <QByteArray>
#include <QSize>
#include <QString>

#include <optional>

namespace tagdesk::sandbox {

// The photos as a store's CDN serves them: the original, and renditions of it scaled down
// to fit a box, as Shopify's `Image.url(transform: {maxWidth, maxHeight})` addresses ask
// (shopify.dev/docs/api/admin-graphql/2026-01/input-objects/ImageTransformInput).
//
// The bundled photos are ~400 px wide, while a store's originals are often 2048 px or
// more; `originalLongSide` (ShopifyConfig::originalLongSide, `--original-size`) makes the
// sandbox's originals that large by scaling the photo up, so that a rendition has
// something to save. 0 serves the bundled photos as they are.

// The size the original of a photo of `bundled` size is served at: scaled up, aspect
// kept, so that its long side is `originalLongSide`; never scaled down; `bundled` for 0.
QSize originalSize(QSize bundled, int originalLongSide);

// `size` scaled down, aspect kept, to fit within `box` (a dimension ≤ 0 does not bound);
// never scaled up, as a CDN never enlarges an image to fit a larger box.
QSize fittedWithin(QSize size, QSize box);

// The bytes of the photo `name` (photoBytes) as its original is served with
// `originalLongSide`, scaled down to fit `box` (0 × 0: the original). Renditions
// are JPEGs of one quality, made once per photo, size and box and kept. Empty for a name
// that is no bundled photo or bytes that cannot be decoded.
QByteArray photoRendition(const QString &name, int originalLongSide, QSize box);

// The bundled photo a rendition made by photoRendition was made from, if these are its
// bytes (the taggers receive images as bytes and still need to know which photo it was).
std::optional<QString> photoOfRendition(const QByteArray &bytes);

} // namespace tagdesk::sandbox

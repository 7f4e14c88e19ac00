#pragma once

#include "storeproduct.h"

#include <QString>

namespace tagdesk::sandbox {

// Maps a catalog's images to bundled photos, so a catalog loaded from a real store is
// served entirely offline and its pictures still show the kind of garment the product is.
// Everything here is deterministic: the same catalog maps to the same photos on every run.

// The photo label ("dress", "shoes"…) a product most likely shows, from its product type
// and title; empty when no garment word matches.
QString garmentLabelFor(const QString &productType, const QString &title);

// The photo for one of a product's images. A URL naming a bundled photo maps to that photo
// (a catalog exported from the sandbox loads back unchanged); otherwise a photo with the
// product's label — or, without one, a label chosen by a hash of the product — is picked by
// a hash of the product key and the image's position.
QString photoForImage(const QString &sourceUrl, const QString &label, const QString &productKey,
                      int imageIndex);

// A StoreImage showing `photo`, with the photo's label, labelled colour and size.
StoreImage bundledImage(const QString &photo, const QString &mediaId, const QString &imageId,
                        const QString &alt);

} // namespace tagdesk::sandbox

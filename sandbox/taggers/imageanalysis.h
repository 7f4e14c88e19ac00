#pragma once

#include "domain/colour.h"

#include <QByteArray>
#include <QList>
#include <QRect>
#include <QString>

#include <optional>

namespace tagdesk::sandbox {

// What the sandbox's taggers see in a photo, computed from its pixels: where the garment
// is (the plain background around it removed) and its main colours.

struct GarmentColour {
    QString name;     // fashion palette name ("navy", "olive"…; core/base/domain/colour.h)
    QString family;   // basic colour term ("blue", "green"…)
    QString hex;      // "#rrggbb" of the cluster centre
    double share = 0; // fraction of the garment's pixels, 0..1
};

struct ImageAnalysis {
    int width = 0; // of the decoded image
    int height = 0;
    QRect garmentBox;             // in image pixels
    double garmentArea = 0;       // garment pixels / all pixels, 0..1
    QList<GarmentColour> colours; // largest share first; never empty
    // True when one colour family covers most of the garment (no print or pattern).
    bool plain = false;

    const GarmentColour &mainColour() const { return colours.first(); }
    // Shares summed per colour family, largest first.
    QList<GarmentColour> familyShares() const;
};

// Decodes an image (any format QImage reads) and analyses it; nothing if it cannot be
// decoded. Deterministic: the same bytes give the same analysis on every machine.
std::optional<ImageAnalysis> analyseImage(const QByteArray &bytes);

} // namespace tagdesk::sandbox

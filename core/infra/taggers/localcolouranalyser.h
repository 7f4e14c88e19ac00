#pragma once

#include "domain/colour.h"
#include "domain/suggestion.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace tagdesk {

// The tagger that needs no network: names the main colour of the garment in a product
// photo. Decodes and downscales the image, sets aside the background (estimated from
// the colours along the image border), clusters the rest in CIELAB and names the
// clusters against the fashion palette.
//
// Holds only its settings: analyse() is const and touches no shared mutable state, so
// one instance may be used from many threads at once.
class LocalColourAnalyser {
public:
    struct Settings {
        int maxSide = 96;       // the image is downscaled so that its longer side is at most this
        int clusters = 5;       // k for k-means over the garment pixels
        double minShare = 0.08; // colours covering less of the garment are not reported
    };

    // What the analyser saw, for suggestions and for explaining them.
    struct Analysis {
        QList<colour::ColourShare> colours; // garment colours, largest share first
        QList<colour::Lab> background;      // background colours found along the border
        double garmentFraction = 0;         // share of the image taken as garment
        bool backgroundSeparated = false;   // false: no background found, whole centre used
        bool whiteBalanced = false;         // false: no white backdrop to correct the light by
    };

    LocalColourAnalyser();
    explicit LocalColourAnalyser(Settings settings);

    const Settings &settings() const { return m_settings; }
    // Identifies the algorithm version and settings, so cached answers are reused only
    // when they would come out the same.
    QString settingsKey() const;

    // One colour suggestion (value: a palette name, or "multicolour" when no colour
    // dominates) with the other colours found as alternatives. Bytes that are not a
    // decodable image give an Error saying so.
    Result<QList<Suggestion>> analyse(const QByteArray &imageBytes, const QString &mediaId) const;
    Result<Analysis> inspect(const QByteArray &imageBytes) const;

    // The value used when the garment shows several colours and none dominates.
    static QString multicolour();

private:
    Settings m_settings;
};

} // namespace tagdesk

#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

#include <vector>

// Colour science for naming the colours of a garment: sRGB → CIELAB, a perceptual
// distance, a fashion palette, and deterministic dominant-colour clustering. Pure
// functions over QtCore types, so the sandbox can give the same answers as the app.
namespace tagdesk::colour {

// CIELAB, D65 white: L in 0..100, a and b roughly -128..127.
struct Lab {
    double L = 0;
    double a = 0;
    double b = 0;

    friend bool operator==(const Lab &, const Lab &) = default;
};

// `argb` as in QRgb (0xAARRGGBB); alpha is ignored here.
Lab rgbToLab(quint32 argb);
// The nearest sRGB colour (clamped to the gamut), fully opaque.
quint32 labToRgb(const Lab &lab);
// "#rrggbb" of labToRgb(lab).
QString hexName(const Lab &lab);

// Per-channel factors in linear light: a von Kries-style white balance in sRGB space.
struct LinearGains {
    double r = 1;
    double g = 1;
    double b = 1;
};
// Gains that turn `reference` (something known to be white, seen under a colour cast or
// too little light) into a neutral of lightness `targetL`, each capped at `maxGain`.
LinearGains gainsToNeutral(const Lab &reference, double targetL, double maxGain);
// `argb` with its linear channels multiplied by `gains` (clipped to 1); alpha is kept.
quint32 applyGains(quint32 argb, const LinearGains &gains);

// CIEDE2000 colour difference. Chosen over CIE76 and CIE94 because the names that
// matter most in clothing sit where those two are weakest: dark blues (navy against
// black, where CIEDE2000's hue-rotation term corrects the blue region) and
// near-neutrals (grey, beige, cream, where it rescales a' for low chroma).
// `lightnessWeight` is the parametric factor kL: 1 is the reference condition, 2 the
// textile industry's choice, where folds and shading make lightness less telling.
double deltaE2000(const Lab &x, const Lab &y, double lightnessWeight = 1.0);
constexpr double textileLightnessWeight = 2.0;
// A lower bound of deltaE2000(x, y, lightnessWeight) without its trigonometry: the
// lightness term |ΔL| / (kL·SL) alone. The chroma and hue terms, with the rotation term
// R_T·ΔC'·ΔH' whose factor |R_T| ≤ 2 (R_T = −sin(2Δθ)·R_C, R_C ≤ 2), add up to at least
// (|ΔC'/S_C| − |ΔH'/S_H|)² ≥ 0 (Sharma, Wu and Dalal 2005, equations 17–22). A test
// "closer than d" can thus reject colours whose bound reaches d at a fraction of the cost.
double deltaE2000LowerBound(const Lab &x, const Lab &y, double lightnessWeight = 1.0);
// Plain Euclidean distance in Lab (CIE76), squared: what k-means minimises.
double distanceSquared(const Lab &x, const Lab &y);

struct NamedColour {
    QString name;
    Lab lab;
};

// The colour words a fashion catalogue uses, each with one reference swatch, in a
// fixed order. Names are unique, lower case and English.
const QList<NamedColour> &fashionPalette();
// Palette names in palette order.
QStringList paletteNames();
// The palette name whose swatch is nearest by CIEDE2000 with the textile kL = 2.
QString nearestColourName(const Lab &lab);
// The basic colour term a palette name belongs to ("navy" → "blue", "olive" → "green",
// "cream" → "white"); a basic name is its own family. Unknown names are returned as is.
QString colourFamily(const QString &name);

struct ColourShare {
    Lab centre;
    QString name;
    double share = 0; // fraction of the clustered pixels, 0..1
};

// The main colours of `pixels` (QRgb values; pixels with alpha < 128 are skipped):
// k-means in Lab with k-means++ seeding from a fixed-seed generator, so the same input
// always gives the same answer on every platform. Clusters that get the same palette
// name are merged. Sorted by share, largest first; empty if there is nothing to cluster.
QList<ColourShare> dominantColours(const std::vector<quint32> &pixels, int k, quint32 seed = 1);

} // namespace tagdesk::colour

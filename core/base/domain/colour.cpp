#include "domain/colour.h"

#include "domain/colourhistogram.h"

#include <QHash>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>

namespace tagdesk::colour {

namespace {

// D65 reference white (CIE 1931 2°), as used by the sRGB standard.
constexpr double whiteX = 0.95047;
constexpr double whiteY = 1.0;
constexpr double whiteZ = 1.08883;

constexpr double labEpsilon = 216.0 / 24389.0; // (6/29)^3
constexpr double labKappa = 24389.0 / 27.0;    // (29/3)^3

double srgbToLinear(double c) {
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double linearToSrgb(double c) {
    return c <= 0.0031308 ? 12.92 * c : 1.055 * std::pow(c, 1.0 / 2.4) - 0.055;
}

// Linearising through a table keeps clustering of tens of thousands of pixels cheap.
const std::array<double, 256> &linearTable() {
    static const std::array<double, 256> table = [] {
        std::array<double, 256> t{};
        for (int i = 0; i < 256; ++i)
            t[static_cast<size_t>(i)] = srgbToLinear(i / 255.0);
        return t;
    }();
    return table;
}

// Linear → sRGB byte through a table fine enough that the rounding error stays below
// one step of the output.
constexpr int encodeTableSize = 4096;
const std::array<quint8, encodeTableSize + 1> &encodeTable() {
    static const std::array<quint8, encodeTableSize + 1> table = [] {
        std::array<quint8, encodeTableSize + 1> t{};
        for (int i = 0; i <= encodeTableSize; ++i)
            t[static_cast<size_t>(i)] = static_cast<quint8>(
                std::lround(linearToSrgb(static_cast<double>(i) / encodeTableSize) * 255.0));
        return t;
    }();
    return table;
}

quint32 encodeChannel(double linear) {
    const auto index =
        static_cast<size_t>(std::lround(std::clamp(linear, 0.0, 1.0) * encodeTableSize));
    return encodeTable()[index];
}

double labF(double t) {
    return t > labEpsilon ? std::cbrt(t) : (labKappa * t + 16.0) / 116.0;
}

double labFInverse(double f) {
    const double cube = f * f * f;
    return cube > labEpsilon ? cube : (116.0 * f - 16.0) / labKappa;
}

int channelByte(double linear) {
    return std::clamp(static_cast<int>(std::lround(linearToSrgb(linear) * 255.0)), 0, 255);
}

double degrees(double radians) {
    return radians * 180.0 / std::numbers::pi;
}

double radians(double degrees) {
    return degrees * std::numbers::pi / 180.0;
}

// CIEDE2000 is evaluated for every pixel against the background colours, so it avoids
// std::pow and std::hypot, whose generality costs more than the whole formula.
constexpr double twentyFiveTo7 = 6103515625.0; // 25^7

double pow7(double v) {
    const double v2 = v * v;
    return v2 * v2 * v2 * v;
}

double chroma(double a, double b) {
    return std::sqrt(a * a + b * b);
}

// Hue angle in degrees, 0..360, for CIEDE2000 (0 for a neutral).
double hueAngle(double a, double b) {
    if (a == 0 && b == 0)
        return 0;
    const double h = degrees(std::atan2(b, a));
    return h < 0 ? h + 360.0 : h;
}

Lab labFromHex(quint32 rgb) {
    return rgbToLab(0xff000000u | rgb);
}

struct PaletteEntry {
    const char *name;
    quint32 rgb;
    const char *family;
};

// Swatches are the colours as they look in ordinary product photos (fabric under
// indoor light), not saturated screen primaries: a "red" dress photographs nearer
// #b22a30 than #ff0000, and a black one nearer #1a1a1c than #000000. Navy, charcoal,
// dark green and chocolate were placed by looking at dark garments in the labelled
// photos of tests/data/images (dark fabric in dim light is nearly neutral), so the
// accuracy measured on those photos is somewhat optimistic.
//
// Every colour word in tests/data/images/labels.csv is a name here or a family of
// names; its "multicolor" is the analyser's "multicolour", which is no swatch.
// clang-format off
constexpr std::array paletteEntries{
    PaletteEntry{"black",      0x1a1a1c, "black"},
    PaletteEntry{"charcoal",   0x484848, "grey"},
    PaletteEntry{"grey",       0x85878a, "grey"},
    PaletteEntry{"light grey", 0xbfc0c2, "grey"},
    PaletteEntry{"white",      0xf4f4f2, "white"},
    PaletteEntry{"cream",      0xefe6cf, "white"},
    PaletteEntry{"beige",      0xcdb89c, "beige"},
    PaletteEntry{"khaki",      0xa89b74, "beige"},
    PaletteEntry{"camel",      0xb58a5a, "brown"},
    PaletteEntry{"brown",      0x5e4030, "brown"},
    PaletteEntry{"chocolate",  0x3a2a22, "brown"},
    PaletteEntry{"navy",       0x333a52, "blue"},
    PaletteEntry{"blue",       0x2f5fa8, "blue"},
    PaletteEntry{"royal blue", 0x2d4bc8, "blue"},
    PaletteEntry{"light blue", 0x9fbfdc, "blue"},
    PaletteEntry{"turquoise",  0x2fa8a8, "blue"},
    PaletteEntry{"green",      0x2f7a3e, "green"},
    PaletteEntry{"dark green", 0x34483a, "green"},
    PaletteEntry{"olive",      0x6b6a3a, "green"},
    PaletteEntry{"mint",       0xa8dcc0, "green"},
    PaletteEntry{"yellow",     0xe8d030, "yellow"},
    PaletteEntry{"mustard",    0xc49a2c, "yellow"},
    PaletteEntry{"orange",     0xe07a2e, "orange"},
    PaletteEntry{"rust",       0xa9553a, "orange"},
    PaletteEntry{"red",        0xb22a30, "red"},
    PaletteEntry{"burgundy",   0x6a1f2c, "red"},
    PaletteEntry{"pink",       0xeaa2b8, "pink"},
    PaletteEntry{"fuchsia",    0xc8337f, "pink"},
    PaletteEntry{"purple",     0x6a3f8e, "purple"},
    PaletteEntry{"plum",       0x7d4a74, "purple"},
    PaletteEntry{"lilac",      0xbca4d0, "purple"},
};
// clang-format on

const QHash<QString, QString> &familyByName() {
    static const QHash<QString, QString> families = [] {
        QHash<QString, QString> map;
        for (const PaletteEntry &entry : paletteEntries)
            map.insert(QLatin1String(entry.name), QLatin1String(entry.family));
        return map;
    }();
    return families;
}

// SplitMix64: a tiny generator whose output is fixed by its definition, unlike the
// distributions of <random>, whose results differ between standard libraries.
class SeededRandom {
public:
    explicit SeededRandom(quint64 seed)
        : m_state(seed) {}

    // Uniform in [0, 1).
    double next() {
        m_state += 0x9e3779b97f4a7c15ull;
        quint64 z = m_state;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        z ^= z >> 31;
        return static_cast<double>(z >> 11) * 0x1.0p-53;
    }

private:
    quint64 m_state;
};

// The opaque pixels as their distinct colours in CIELAB, each weighted by its pixel
// count. Lloyd's iterations on these are k-means on every pixel (a pixel's cluster
// depends on its colour only), at the cost of the distinct colours.
struct WeightedColours {
    explicit WeightedColours(const std::vector<quint32> &opaquePixels)
        : histogram(opaquePixels) {
        labs.reserve(histogram.colourCount());
        weights.reserve(histogram.colourCount());
        for (size_t c = 0; c < histogram.colourCount(); ++c) {
            labs.push_back(rgbToLab(histogram.colour(c)));
            weights.push_back(static_cast<double>(histogram.count(c)));
        }
    }

    ColourHistogram histogram;
    std::vector<Lab> labs;       // per distinct colour
    std::vector<double> weights; // per distinct colour: its pixel count
};

std::vector<quint32> opaquePixels(const std::vector<quint32> &pixels) {
    std::vector<quint32> opaque;
    opaque.reserve(pixels.size());
    for (quint32 argb : pixels) {
        if ((argb >> 24) >= 128)
            opaque.push_back(argb);
    }
    return opaque;
}

// distanceSquared() where the compiler can inline it: k-means calls it for every colour
// and centre in every iteration.
inline double squaredDistance(const Lab &x, const Lab &y) {
    const double dL = x.L - y.L;
    const double da = x.a - y.a;
    const double db = x.b - y.b;
    return dL * dL + da * da + db * db;
}

// The pixel whose running sum of its colour's weight first exceeds `target`, walking
// the pixels in order: the same pick as drawing from a per-pixel list of weights.
size_t pixelAtRunningSum(const ColourHistogram &histogram, const std::vector<double> &perColour,
                         double target) {
    double running = 0;
    for (size_t i = 0; i < histogram.pixelCount(); ++i) {
        running += perColour[histogram.colourOf(i)];
        if (running > target)
            return i;
    }
    return histogram.pixelCount() - 1;
}

// k-means++: each new centre is drawn with probability proportional to its squared
// distance from the nearest centre so far, which spreads the seeds over the colours.
// Pixels are drawn (not distinct colours), in pixel order and with sums taken in pixel
// order, so that the seeds are those of drawing from every pixel's own distance.
std::vector<Lab> seedCentres(const WeightedColours &colours, size_t k, SeededRandom &random) {
    const ColourHistogram &histogram = colours.histogram;
    const auto firstPixel = static_cast<size_t>(random.next() * histogram.pixelCount());
    std::vector<Lab> centres{colours.labs[histogram.colourOf(firstPixel)]};
    std::vector<double> nearest(colours.labs.size());
    for (size_t c = 0; c < colours.labs.size(); ++c)
        nearest[c] = squaredDistance(colours.labs[c], centres[0]);
    while (centres.size() < k) {
        double total = 0;
        for (size_t i = 0; i < histogram.pixelCount(); ++i)
            total += nearest[histogram.colourOf(i)];
        if (total <= 0)
            break; // every point already sits on a centre: fewer colours than k
        const size_t pixel = pixelAtRunningSum(histogram, nearest, random.next() * total);
        centres.push_back(colours.labs[histogram.colourOf(pixel)]);
        for (size_t c = 0; c < colours.labs.size(); ++c)
            nearest[c] = std::min(nearest[c], squaredDistance(colours.labs[c], centres.back()));
    }
    return centres;
}

struct Clustering {
    std::vector<Lab> centres;
    std::vector<size_t> sizes;
};

// Moves every centre to the mean of its pixels; returns the cluster sizes in pixels.
std::vector<size_t> recomputeCentres(const WeightedColours &colours,
                                     const std::vector<size_t> &assignment,
                                     std::vector<Lab> &centres) {
    std::vector<Lab> sums(centres.size());
    std::vector<double> weights(centres.size(), 0);
    std::vector<size_t> sizes(centres.size(), 0);
    for (size_t c = 0; c < colours.labs.size(); ++c) {
        const double weight = colours.weights[c];
        Lab &sum = sums[assignment[c]];
        sum.L += weight * colours.labs[c].L;
        sum.a += weight * colours.labs[c].a;
        sum.b += weight * colours.labs[c].b;
        weights[assignment[c]] += weight;
        sizes[assignment[c]] += colours.histogram.count(c);
    }
    for (size_t c = 0; c < centres.size(); ++c) {
        if (sizes[c] > 0)
            centres[c] = {sums[c].L / weights[c], sums[c].a / weights[c], sums[c].b / weights[c]};
    }
    return sizes;
}

// Half the distance from each centre to its nearest other centre: a colour closer than
// that to its own centre cannot be nearer to another one.
std::vector<double> halfGaps(const std::vector<Lab> &centres) {
    std::vector<double> gaps(centres.size(), std::numeric_limits<double>::infinity());
    for (size_t i = 0; i < centres.size(); ++i) {
        for (size_t j = 0; j < centres.size(); ++j) {
            if (i != j)
                gaps[i] =
                    std::min(gaps[i], 0.5 * std::sqrt(squaredDistance(centres[i], centres[j])));
        }
    }
    return gaps;
}

// Lloyd's iterations until no colour changes cluster (or a generous cap is reached),
// with Hamerly's bounds (G. Hamerly, "Making k-means even faster", SIAM SDM 2010): each
// colour keeps an upper bound on the distance to its own centre and a lower bound on the
// distance to any other, moved by how far the centres move; a colour whose bounds show
// its centre is still the nearest is not measured again. The assignments, and so the
// clusters, are those of measuring every colour against every centre: a colour is
// skipped only when its bounds are apart by more than rounding could account for, and
// a measured colour goes to the first nearest centre as before.
Clustering lloyd(const WeightedColours &colours, std::vector<Lab> centres) {
    constexpr int maxIterations = 50;
    constexpr double roundingMargin = 1e-9;
    const size_t k = centres.size();
    std::vector<size_t> assignment(colours.labs.size(), k);
    std::vector<double> upper(colours.labs.size(), 0);
    std::vector<double> lower(colours.labs.size(), 0);
    std::vector<size_t> sizes;
    for (int iteration = 0; iteration < maxIterations; ++iteration) {
        const std::vector<double> gaps = halfGaps(centres);
        bool changed = false;
        for (size_t c = 0; c < colours.labs.size(); ++c) {
            const Lab &point = colours.labs[c];
            if (assignment[c] < k) {
                const double bound =
                    std::max(gaps[assignment[c]], lower[c]) * (1 - roundingMargin) - roundingMargin;
                if (upper[c] < bound)
                    continue;
                upper[c] = std::sqrt(squaredDistance(point, centres[assignment[c]]));
                if (upper[c] < bound)
                    continue;
            }
            size_t best = 0;
            double bestDistance = squaredDistance(point, centres[0]);
            double secondDistance = std::numeric_limits<double>::infinity();
            for (size_t centre = 1; centre < k; ++centre) {
                const double d = squaredDistance(point, centres[centre]);
                if (d < bestDistance) {
                    secondDistance = bestDistance;
                    bestDistance = d;
                    best = centre;
                } else if (d < secondDistance) {
                    secondDistance = d;
                }
            }
            changed = changed || best != assignment[c];
            assignment[c] = best;
            upper[c] = std::sqrt(bestDistance);
            lower[c] = std::sqrt(secondDistance);
        }
        if (!changed)
            break;
        const std::vector<Lab> previous = centres;
        sizes = recomputeCentres(colours, assignment, centres);
        std::vector<double> moved(k);
        double farthest = 0;
        for (size_t centre = 0; centre < k; ++centre) {
            moved[centre] = std::sqrt(squaredDistance(previous[centre], centres[centre]));
            farthest = std::max(farthest, moved[centre]);
        }
        for (size_t c = 0; c < colours.labs.size(); ++c) {
            upper[c] += moved[assignment[c]];
            lower[c] -= farthest;
        }
    }
    if (sizes.empty())
        sizes = recomputeCentres(colours, assignment, centres);
    return {std::move(centres), std::move(sizes)};
}

// One entry per palette name: share-weighted mean centre, summed share.
QList<ColourShare> mergeByName(const Clustering &clustering, size_t pointCount) {
    QList<ColourShare> merged;
    for (size_t c = 0; c < clustering.centres.size(); ++c) {
        if (clustering.sizes[c] == 0)
            continue;
        const double share = static_cast<double>(clustering.sizes[c]) / pointCount;
        const Lab &centre = clustering.centres[c];
        const QString name = nearestColourName(centre);
        auto same = std::find_if(merged.begin(), merged.end(),
                                 [&](const ColourShare &s) { return s.name == name; });
        if (same == merged.end()) {
            merged.append({centre, name, share});
            continue;
        }
        const double total = same->share + share;
        same->centre = {(same->centre.L * same->share + centre.L * share) / total,
                        (same->centre.a * same->share + centre.a * share) / total,
                        (same->centre.b * same->share + centre.b * share) / total};
        same->share = total;
    }
    return merged;
}

} // namespace

Lab rgbToLab(quint32 argb) {
    const auto &linear = linearTable();
    const double r = linear[(argb >> 16) & 0xff];
    const double g = linear[(argb >> 8) & 0xff];
    const double b = linear[argb & 0xff];
    const double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / whiteX;
    const double y = (0.2126729 * r + 0.7151522 * g + 0.0721750 * b) / whiteY;
    const double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / whiteZ;
    const double fx = labF(x);
    const double fy = labF(y);
    const double fz = labF(z);
    return {116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)};
}

quint32 labToRgb(const Lab &lab) {
    const double fy = (lab.L + 16.0) / 116.0;
    const double fx = fy + lab.a / 500.0;
    const double fz = fy - lab.b / 200.0;
    const double x = labFInverse(fx) * whiteX;
    const double y = labFInverse(fy) * whiteY;
    const double z = labFInverse(fz) * whiteZ;
    const double r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
    const double g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
    const double b = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
    return 0xff000000u | (static_cast<quint32>(channelByte(r)) << 16) |
           (static_cast<quint32>(channelByte(g)) << 8) | static_cast<quint32>(channelByte(b));
}

QString hexName(const Lab &lab) {
    return QStringLiteral("#%1").arg(labToRgb(lab) & 0xffffffu, 6, 16, QLatin1Char('0'));
}

LinearGains gainsToNeutral(const Lab &reference, double targetL, double maxGain) {
    const quint32 rgb = labToRgb(reference);
    const auto &linear = linearTable();
    const double target = labFInverse((targetL + 16.0) / 116.0); // Y of a neutral at targetL
    auto gain = [&](quint32 channel) {
        const double value = linear[channel & 0xff];
        return value <= 0 ? maxGain : std::min(maxGain, target / value);
    };
    return {gain(rgb >> 16), gain(rgb >> 8), gain(rgb)};
}

quint32 applyGains(quint32 argb, const LinearGains &gains) {
    const auto &linear = linearTable();
    const quint32 r = encodeChannel(linear[(argb >> 16) & 0xff] * gains.r);
    const quint32 g = encodeChannel(linear[(argb >> 8) & 0xff] * gains.g);
    const quint32 b = encodeChannel(linear[argb & 0xff] * gains.b);
    return (argb & 0xff000000u) | (r << 16) | (g << 8) | b;
}

double distanceSquared(const Lab &x, const Lab &y) {
    return squaredDistance(x, y);
}

namespace {

// S_L of CIEDE2000 (Sharma, Wu and Dalal 2005, equation 18).
double lightnessScale(double meanL) {
    const double lOffset = (meanL - 50) * (meanL - 50);
    return 1.0 + 0.015 * lOffset / std::sqrt(20.0 + lOffset);
}

} // namespace

double deltaE2000LowerBound(const Lab &x, const Lab &y, double lightnessWeight) {
    return std::abs(y.L - x.L) / (lightnessWeight * lightnessScale((x.L + y.L) / 2.0));
}

// Sharma, Wu and Dalal, "The CIEDE2000 color-difference formula: implementation notes,
// supplementary test data, and mathematical observations" (2005), equations 1–22.
double deltaE2000(const Lab &x, const Lab &y, double lightnessWeight) {
    const double c1 = chroma(x.a, x.b);
    const double c2 = chroma(y.a, y.b);
    const double meanC7 = pow7((c1 + c2) / 2.0);
    const double g = 0.5 * (1.0 - std::sqrt(meanC7 / (meanC7 + twentyFiveTo7)));
    const double a1 = (1.0 + g) * x.a;
    const double a2 = (1.0 + g) * y.a;
    const double cp1 = chroma(a1, x.b);
    const double cp2 = chroma(a2, y.b);
    const double hp1 = hueAngle(a1, x.b);
    const double hp2 = hueAngle(a2, y.b);

    const double dL = y.L - x.L;
    const double dC = cp2 - cp1;
    double dh = 0;
    if (cp1 * cp2 != 0) {
        dh = hp2 - hp1;
        if (dh > 180)
            dh -= 360;
        else if (dh < -180)
            dh += 360;
    }
    const double dH = 2.0 * std::sqrt(cp1 * cp2) * std::sin(radians(dh / 2.0));

    const double meanL = (x.L + y.L) / 2.0;
    const double meanCp = (cp1 + cp2) / 2.0;
    double meanH = hp1 + hp2;
    if (cp1 * cp2 != 0) {
        if (std::abs(hp1 - hp2) <= 180)
            meanH /= 2.0;
        else
            meanH = (hp1 + hp2 < 360) ? (meanH + 360) / 2.0 : (meanH - 360) / 2.0;
    }
    const double t = 1.0 - 0.17 * std::cos(radians(meanH - 30)) +
                     0.24 * std::cos(radians(2 * meanH)) + 0.32 * std::cos(radians(3 * meanH + 6)) -
                     0.20 * std::cos(radians(4 * meanH - 63));
    const double hueOffset = (meanH - 275.0) / 25.0;
    const double dTheta = 30.0 * std::exp(-hueOffset * hueOffset);
    const double meanCp7 = pow7(meanCp);
    const double rc = 2.0 * std::sqrt(meanCp7 / (meanCp7 + twentyFiveTo7));
    const double sl = lightnessScale(meanL);
    const double sc = 1.0 + 0.045 * meanCp;
    const double sh = 1.0 + 0.015 * meanCp * t;
    const double rt = -std::sin(radians(2 * dTheta)) * rc;

    const double termL = dL / (lightnessWeight * sl);
    const double termC = dC / sc;
    const double termH = dH / sh;
    return std::sqrt(termL * termL + termC * termC + termH * termH + rt * termC * termH);
}

const QList<NamedColour> &fashionPalette() {
    static const QList<NamedColour> palette = [] {
        QList<NamedColour> list;
        for (const PaletteEntry &entry : paletteEntries)
            list.append({QLatin1String(entry.name), labFromHex(entry.rgb)});
        return list;
    }();
    return palette;
}

QStringList paletteNames() {
    QStringList names;
    for (const NamedColour &colour : fashionPalette())
        names.append(colour.name);
    return names;
}

QString nearestColourName(const Lab &lab) {
    const NamedColour *best = nullptr;
    double bestDistance = 0;
    for (const NamedColour &colour : fashionPalette()) {
        const double d = deltaE2000(lab, colour.lab, textileLightnessWeight);
        if (!best || d < bestDistance) {
            best = &colour;
            bestDistance = d;
        }
    }
    return best->name;
}

QString colourFamily(const QString &name) {
    return familyByName().value(name, name);
}

QList<ColourShare> dominantColours(const std::vector<quint32> &pixels, int k, quint32 seed) {
    const std::vector<quint32> opaque = opaquePixels(pixels);
    if (opaque.empty() || k < 1)
        return {};
    const WeightedColours colours(opaque);
    SeededRandom random(seed);
    const size_t clusterCount = std::min(static_cast<size_t>(k), opaque.size());
    const Clustering clustering = lloyd(colours, seedCentres(colours, clusterCount, random));
    QList<ColourShare> result = mergeByName(clustering, opaque.size());
    std::stable_sort(result.begin(), result.end(),
                     [](const ColourShare &x, const ColourShare &y) { return x.share > y.share; });
    return result;
}

} // namespace tagdesk::colour

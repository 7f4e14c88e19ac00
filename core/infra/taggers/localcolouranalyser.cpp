#include "taggers/localcolouranalyser.h"

#include "domain/attribute.h"
#include "domain/colourhistogram.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QRect>

#include <algorithm>
#include <cmath>
#include <optional>

namespace tagdesk {

using colour::ColourShare;
using colour::Lab;

namespace {

// Bumped whenever a change to the algorithm would change answers, so that cached
// answers from an older version are not reused (it is part of settingsKey()).
constexpr int algorithmVersion = 3;

// Fixed seed: the same photo always gets the same answer.
constexpr quint32 clusteringSeed = 1;

// Width of the border ring sampled for the background, as a fraction of the shorter side.
constexpr double borderFraction = 0.06;
// Border colour clusters covering at least this share of the ring count as background.
constexpr double backgroundClusterMinShare = 0.12;
constexpr int backgroundClusters = 4;
// A border colour covering this many times more of the image centre than of the border
// is the garment touching the edge, not the backdrop.
constexpr double garmentEvidence = 2.0;
// A pixel within this CIEDE2000 distance of a background colour looks like background.
// Measured with the textile kL = 2: a backdrop's folds and highlights vary mostly in
// lightness, the garment's edge mostly in colour.
constexpr double backgroundDistance = 9.0;
// Somewhat lighter than the backdrop but of its hue is light falling on it (a sheet by a
// window), so lightness counts for even less there. Much lighter is not a highlight but
// a white garment on a grey backdrop. On the labelled photos any weight from 3 to 6 and
// any rise from 20 to 35 give the same answers.
constexpr double highlightLightnessWeight = 4.0;
constexpr double maxHighlightRise = 25.0;
// Below this garment fraction the separation is not trusted (the garment probably has
// the background's colour): the central region of the image is used instead.
constexpr double minGarmentFraction = 0.08;
constexpr double centralRegionFraction = 0.5;

// The background is taken as the photo's white (a sheet, a wall, a studio sweep) when it
// is light and nearly neutral; the garment is then corrected by the gains that make it
// white, undoing the dim, warm indoor light most product photos are taken in.
constexpr double whiteReferenceMinL = 45;
constexpr double whiteReferenceMaxChroma = 25;
constexpr double whiteTargetL = 95;
constexpr double maxWhiteGain = 4;

// "multicolour" when the main colour covers less than this and there are at least
// this many colours of different families.
constexpr double multicolourMaxMainShare = 0.40;
constexpr int multicolourMinFamilies = 3;

// See decodeDownscaled().
constexpr int decodeOversampling = 4;
constexpr int minMaxSide = 8;
constexpr int maxMaxSide = 4096;
constexpr int maxClusters = 16;

Status validate(const LocalColourAnalyser::Settings &settings) {
    if (settings.maxSide < minMaxSide || settings.maxSide > maxMaxSide)
        return Error::invalid(
            QStringLiteral("Local colour analyser: maxSide must be between %1 and %2, not %3.")
                .arg(minMaxSide)
                .arg(maxMaxSide)
                .arg(settings.maxSide));
    if (settings.clusters < 1 || settings.clusters > maxClusters)
        return Error::invalid(
            QStringLiteral("Local colour analyser: clusters must be between 1 and %1, not %2.")
                .arg(maxClusters)
                .arg(settings.clusters));
    if (!(settings.minShare >= 0 && settings.minShare < 1))
        return Error::invalid(
            QStringLiteral("Local colour analyser: minShare must be at least 0 and below 1, "
                           "not %1.")
                .arg(settings.minShare));
    return {};
}

QString describeBytes(const QByteArray &bytes) {
    return QStringLiteral("%1 bytes starting %2")
        .arg(bytes.size())
        .arg(QString::fromLatin1(bytes.left(8).toHex(' ')));
}

QSize fittedSize(const QSize &original, int maxSide) {
    if (original.width() <= maxSide && original.height() <= maxSide)
        return original;
    return original.scaled(maxSide, maxSide, Qt::KeepAspectRatio).expandedTo(QSize(1, 1));
}

// Decodes to at most maxSide on the long side. The JPEG reader is asked for 4 × that,
// which it produces while decoding (DCT scaling: a 2048 px photo decodes at 1/4 size,
// 1.8 × faster than decoding in full); the rest is done by picking pixels
// (FastTransformation), so a fine print keeps its real colours instead of blends of
// them. Measured on tests/data/images: 19/24 named right this way, 17/24 when the
// reader scales smoothly all the way down (which is 1.5 × faster still). Remeasured
// 2026-12-04 (20/24 now): picking from an exact DCT fraction without Qt's smoothing
// (a clip rectangle to a multiple of the denominator) names 19/24 from the fraction
// ≥ 4 × maxSide, 18/24 from ≥ 2 ×, 16/24 from ≥ 1 ×, though decoding costs 2.2, 1.07
// and 0.9 × decoding to maxSide instead of 5 × (BENCHMARKS.md, P8).
Result<QImage> decodeDownscaled(const QByteArray &bytes, int maxSide) {
    if (bytes.isEmpty())
        return Error::invalid(QStringLiteral("The image is empty (0 bytes)."));
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    // Asked before reading: a reader that failed no longer says which format it tried.
    const QByteArray format = QImageReader::imageFormat(&buffer);
    QImageReader reader(&buffer, format);
    if (format.isEmpty() || !reader.canRead())
        return Error::invalid(QStringLiteral("Not a readable image (%1): %2")
                                  .arg(describeBytes(bytes), reader.errorString()));
    const QSize original = reader.size();
    if (original.isValid())
        reader.setScaledSize(fittedSize(original, maxSide * decodeOversampling));
    QImage image = reader.read();
    if (image.isNull())
        return Error::invalid(QStringLiteral("The %1 image could not be decoded (%2): %3")
                                  .arg(QString::fromLatin1(format.toUpper()), describeBytes(bytes),
                                       reader.errorString()));
    // Readers that cannot scale while decoding may return the full size.
    if (image.width() > maxSide || image.height() > maxSide)
        image = image.scaled(fittedSize(image.size(), maxSide), Qt::IgnoreAspectRatio,
                             Qt::FastTransformation);
    return image.convertToFormat(QImage::Format_ARGB32);
}

quint32 pixelAt(const QImage &image, int x, int y) {
    return reinterpret_cast<const quint32 *>(image.constScanLine(y))[x];
}

std::vector<quint32> allPixels(const QImage &image) {
    std::vector<quint32> pixels;
    pixels.reserve(static_cast<size_t>(image.width()) * image.height());
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const quint32 *>(image.constScanLine(y));
        pixels.insert(pixels.end(), line, line + image.width());
    }
    return pixels;
}

// The image's distinct colours, each converted to CIELAB once: the background tests
// below are asked per colour, not per pixel.
class ImageColours {
public:
    explicit ImageColours(const QImage &image)
        : m_width(image.width())
        , m_histogram(allPixels(image)) {
        m_labs.reserve(m_histogram.colourCount());
        for (size_t c = 0; c < m_histogram.colourCount(); ++c)
            m_labs.push_back(colour::rgbToLab(m_histogram.colour(c)));
    }

    size_t colourCount() const { return m_histogram.colourCount(); }
    quint32 colourAt(int x, int y) const {
        return m_histogram.colourOf(static_cast<size_t>(y) * m_width + x);
    }
    quint32 argb(quint32 colour) const { return m_histogram.colour(colour); }
    const Lab &lab(quint32 colour) const { return m_labs[colour]; }

private:
    int m_width;
    colour::ColourHistogram m_histogram;
    std::vector<Lab> m_labs;
};

int borderWidth(const QImage &image) {
    const int shorter = std::min(image.width(), image.height());
    return std::max(1, static_cast<int>(std::lround(shorter * borderFraction)));
}

bool inBorder(const QImage &image, int x, int y, int width) {
    return x < width || y < width || x >= image.width() - width || y >= image.height() - width;
}

std::vector<quint32> borderPixels(const QImage &image) {
    const int width = borderWidth(image);
    std::vector<quint32> pixels;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (inBorder(image, x, y, width))
                pixels.push_back(pixelAt(image, x, y));
        }
    }
    return pixels;
}

QRect centralRegion(const QImage &image) {
    const int marginX = static_cast<int>(image.width() * (1 - centralRegionFraction) / 2);
    const int marginY = static_cast<int>(image.height() * (1 - centralRegionFraction) / 2);
    return QRect(QPoint(marginX, marginY),
                 QPoint(image.width() - marginX - 1, image.height() - marginY - 1));
}

std::vector<quint32> centralPixels(const QImage &image) {
    const QRect centre = centralRegion(image);
    std::vector<quint32> pixels;
    for (int y = centre.top(); y <= centre.bottom(); ++y) {
        for (int x = centre.left(); x <= centre.right(); ++x)
            pixels.push_back(pixelAt(image, x, y));
    }
    return pixels;
}

bool similarToBackground(const Lab &lab, const Lab &background) {
    const double rise = lab.L - background.L;
    const double lightnessWeight = rise > 0 && rise <= maxHighlightRise
                                       ? highlightLightnessWeight
                                       : colour::textileLightnessWeight;
    // Most colours of a photo are far off the backdrop in lightness alone; the bound
    // (exact, see deltaE2000LowerBound) spares them the trigonometry. The margin keeps
    // rounding from deciding a colour the full formula would decide otherwise.
    if (colour::deltaE2000LowerBound(lab, background, lightnessWeight) >
        backgroundDistance * (1 + 1e-9))
        return false;
    return colour::deltaE2000(lab, background, lightnessWeight) < backgroundDistance;
}

// Fraction of the pixels of `region` that look like `colour` (decided once per colour).
double shareSimilarTo(const ImageColours &colours, const QRect &region, const Lab &colour) {
    if (region.isEmpty())
        return 0;
    enum : qint8 { unknown = -1 };
    std::vector<qint8> similar(colours.colourCount(), unknown);
    qsizetype count = 0;
    for (int y = region.top(); y <= region.bottom(); ++y) {
        for (int x = region.left(); x <= region.right(); ++x) {
            const quint32 c = colours.colourAt(x, y);
            if (similar[c] == unknown)
                similar[c] = similarToBackground(colours.lab(c), colour) ? 1 : 0;
            count += similar[c];
        }
    }
    return static_cast<double>(count) / static_cast<double>(region.width() * region.height());
}

// The colours of the background: the main colours of the border ring, except those
// more common in the centre of the image than along its edge — that is a garment
// filling the frame and touching the border, not a backdrop. Transparent pixels are
// background in any case and are never clustered.
QList<Lab> backgroundColours(const QImage &image, const ImageColours &colours) {
    QList<Lab> found;
    const QRect centre = centralRegion(image);
    const auto clusters =
        colour::dominantColours(borderPixels(image), backgroundClusters, clusteringSeed);
    for (const ColourShare &cluster : clusters) {
        if (cluster.share >= backgroundClusterMinShare &&
            shareSimilarTo(colours, centre, cluster.centre) < garmentEvidence * cluster.share)
            found.append(cluster.centre);
    }
    return found;
}

bool looksLikeBackground(quint32 argb, const Lab &lab, const QList<Lab> &background) {
    if ((argb >> 24) < 128)
        return true;
    return std::any_of(background.begin(), background.end(),
                       [&](const Lab &bg) { return similarToBackground(lab, bg); });
}

// Per pixel, row by row: does it look like one of the background colours? Decided once
// per distinct colour: plain backdrops repeat colours, and CIEDE2000 is the cost here.
std::vector<bool> backgroundLike(const QImage &image, const ImageColours &colours,
                                 const QList<Lab> &background) {
    std::vector<bool> perColour(colours.colourCount());
    for (quint32 c = 0; c < colours.colourCount(); ++c)
        perColour[c] = looksLikeBackground(colours.argb(c), colours.lab(c), background);
    std::vector<bool> similar;
    similar.reserve(static_cast<size_t>(image.width()) * image.height());
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            similar.push_back(perColour[colours.colourAt(x, y)]);
    }
    return similar;
}

// The pixels of `candidates` reachable from the image edge through candidates
// (4-connected flood fill). The order pixels are visited in does not change which are
// reached: a stack of indices, cheaper than a queue of coordinates.
std::vector<bool> connectedToEdge(const std::vector<bool> &candidates, int w, int h) {
    std::vector<bool> reached(candidates.size(), false);
    std::vector<int> pending;
    auto visit = [&](int x, int y) {
        const int index = y * w + x;
        if (reached[static_cast<size_t>(index)] || !candidates[static_cast<size_t>(index)])
            return;
        reached[static_cast<size_t>(index)] = true;
        pending.push_back(index);
    };
    for (int x = 0; x < w; ++x) {
        visit(x, 0);
        visit(x, h - 1);
    }
    for (int y = 0; y < h; ++y) {
        visit(0, y);
        visit(w - 1, y);
    }
    while (!pending.empty()) {
        const int index = pending.back();
        pending.pop_back();
        const int x = index % w;
        const int y = index / w;
        if (x + 1 < w)
            visit(x + 1, y);
        if (x > 0)
            visit(x - 1, y);
        if (y + 1 < h)
            visit(x, y + 1);
        if (y > 0)
            visit(x, y - 1);
    }
    return reached;
}

// Background = pixels that look like a background colour and are connected to the
// image edge through such pixels. Connectivity keeps a garment's own white or beige
// areas (a print's ground, a collar) when they are enclosed by the garment.
std::vector<bool> backgroundMask(const QImage &image, const ImageColours &colours,
                                 const QList<Lab> &background) {
    return connectedToEdge(backgroundLike(image, colours, background), image.width(),
                           image.height());
}

std::vector<quint32> unmaskedPixels(const QImage &image, const std::vector<bool> &mask) {
    std::vector<quint32> pixels;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (!mask[static_cast<size_t>(y) * image.width() + x])
                pixels.push_back(pixelAt(image, x, y));
        }
    }
    return pixels;
}

std::optional<Lab> whiteReference(const QList<Lab> &background) {
    std::optional<Lab> lightest;
    for (const Lab &lab : background) {
        const bool neutral = std::hypot(lab.a, lab.b) <= whiteReferenceMaxChroma;
        if (neutral && lab.L >= whiteReferenceMinL && (!lightest || lab.L > lightest->L))
            lightest = lab;
    }
    return lightest;
}

// Returns whether there was a white to balance by.
bool whiteBalance(std::vector<quint32> &pixels, const QList<Lab> &background) {
    const std::optional<Lab> white = whiteReference(background);
    if (!white)
        return false;
    const colour::LinearGains gains = colour::gainsToNeutral(*white, whiteTargetL, maxWhiteGain);
    for (quint32 &pixel : pixels)
        pixel = colour::applyGains(pixel, gains);
    return true;
}

// How clearly `lab` belongs to its palette name: 1 when it sits on the swatch, falling
// towards 0.5 as it nears the boundary with a name of another family.
double namingClarity(const Lab &lab, const QString &name) {
    double own = 0;
    double rival = -1;
    for (const colour::NamedColour &swatch : colour::fashionPalette()) {
        const double d = colour::deltaE2000(lab, swatch.lab, colour::textileLightnessWeight);
        if (swatch.name == name)
            own = d;
        else if (colour::colourFamily(swatch.name) != colour::colourFamily(name) &&
                 (rival < 0 || d < rival))
            rival = d;
    }
    return rival <= 0 ? 1.0 : rival / (own + rival);
}

// The garment's colours grouped by family ("navy" with "blue"): shading splits one
// fabric into several clusters of one family, and together they are what the eye calls
// the garment's colour.
struct FamilyShare {
    QString family;
    double share = 0;
    QList<ColourShare> members; // largest first
};

QList<FamilyShare> byFamily(const QList<ColourShare> &colours) {
    QList<FamilyShare> families;
    for (const ColourShare &c : colours) {
        const QString family = colour::colourFamily(c.name);
        auto it = std::find_if(families.begin(), families.end(),
                               [&](const FamilyShare &f) { return f.family == family; });
        if (it == families.end()) {
            families.append({family, c.share, {c}});
            continue;
        }
        it->share += c.share;
        it->members.append(c);
    }
    std::stable_sort(families.begin(), families.end(),
                     [](const FamilyShare &x, const FamilyShare &y) { return x.share > y.share; });
    return families;
}

bool isNeutral(const QString &family) {
    return family == QStringLiteral("black") || family == QStringLiteral("grey") ||
           family == QStringLiteral("white");
}

// Several hues and none dominant. Black, grey and white count as one hue between them:
// a black-and-white print or a shaded grey fabric is not multicoloured.
bool isMulticolour(const QList<FamilyShare> &families, double minShare) {
    if (families.isEmpty() || families.first().share >= multicolourMaxMainShare)
        return false;
    int hues = 0;
    bool neutralCounted = false;
    for (const FamilyShare &f : families) {
        if (f.share < minShare)
            continue;
        if (isNeutral(f.family)) {
            if (neutralCounted)
                continue;
            neutralCounted = true;
        }
        ++hues;
    }
    return hues >= multicolourMinFamilies;
}

// A heuristic, not a fitted probability: high when the colour's family covers most of
// the garment, its centre sits clearly inside its name, and the background could be
// set aside. The accuracy test prints the mean confidence of right and wrong answers on
// the labelled photos; too few of them (24) to fit a calibration curve.
double confidenceFor(const ColourShare &colour, double familyShare, double sceneReliability) {
    const double coverage = std::sqrt(std::clamp(familyShare, 0.0, 1.0));
    const double clarity = namingClarity(colour.centre, colour.name);
    return std::clamp(coverage * clarity * sceneReliability, 0.0, 1.0);
}

// How far the photo lets colours be trusted: less when the garment could not be told
// from the backdrop, or when no white backdrop showed what the light did to colours.
double sceneReliability(const LocalColourAnalyser::Analysis &analysis) {
    return (analysis.backgroundSeparated ? 1.0 : 0.75) * (analysis.whiteBalanced ? 1.0 : 0.8);
}

// Alternatives: every other named colour covering at least minShare, best first.
QList<Alternative> alternativesFor(const QList<FamilyShare> &families, const QString &value,
                                   double minShare, double reliability) {
    QList<Alternative> alternatives;
    for (const FamilyShare &f : families) {
        for (const ColourShare &c : f.members) {
            if (c.name != value && c.share >= minShare)
                alternatives.append({c.name, confidenceFor(c, f.share, reliability)});
        }
    }
    std::stable_sort(
        alternatives.begin(), alternatives.end(),
        [](const Alternative &x, const Alternative &y) { return x.confidence > y.confidence; });
    return alternatives;
}

Suggestion suggestionFrom(const LocalColourAnalyser::Analysis &analysis, double minShare,
                          const QString &mediaId) {
    const QList<FamilyShare> families = byFamily(analysis.colours);
    const FamilyShare &mainFamily = families.first();
    const ColourShare &main = mainFamily.members.first();
    const bool multicolour = isMulticolour(families, minShare);
    Suggestion s;
    s.attribute = attributes::colour;
    s.sourceImageId = mediaId;
    s.providerLabel = colour::hexName(main.centre);
    s.value = multicolour ? LocalColourAnalyser::multicolour() : main.name;
    const double reliability = sceneReliability(analysis);
    s.confidence = confidenceFor(main, mainFamily.share, reliability);
    s.alternatives = alternativesFor(families, s.value, minShare, reliability);
    return s;
}

} // namespace

LocalColourAnalyser::LocalColourAnalyser()
    : LocalColourAnalyser(Settings{}) {
}

LocalColourAnalyser::LocalColourAnalyser(Settings settings)
    : m_settings(settings) {
}

QString LocalColourAnalyser::settingsKey() const {
    return QStringLiteral("local-colour/v%1;maxSide=%2;clusters=%3;minShare=%4")
        .arg(algorithmVersion)
        .arg(m_settings.maxSide)
        .arg(m_settings.clusters)
        .arg(m_settings.minShare);
}

QString LocalColourAnalyser::multicolour() {
    return QStringLiteral("multicolour");
}

Result<LocalColourAnalyser::Analysis>
LocalColourAnalyser::inspect(const QByteArray &imageBytes) const {
    if (Status valid = validate(m_settings); !valid)
        return valid.error();
    Result<QImage> decoded = decodeDownscaled(imageBytes, m_settings.maxSide);
    if (!decoded)
        return decoded.error();
    const QImage &image = decoded.value();
    Analysis analysis;
    const ImageColours colours(image);
    analysis.background = backgroundColours(image, colours);
    const std::vector<bool> mask = backgroundMask(image, colours, analysis.background);
    std::vector<quint32> garment = unmaskedPixels(image, mask);
    analysis.garmentFraction = static_cast<double>(garment.size()) / mask.size();
    analysis.backgroundSeparated = analysis.garmentFraction >= minGarmentFraction;
    if (analysis.backgroundSeparated) {
        analysis.whiteBalanced = whiteBalance(garment, analysis.background);
    } else {
        // What looked like background was the garment filling the frame: it is neither
        // to be dropped nor to be taken as white.
        garment = centralPixels(image);
        analysis.background.clear();
    }
    analysis.colours = colour::dominantColours(garment, m_settings.clusters, clusteringSeed);
    if (analysis.colours.isEmpty())
        return Error::invalid(QStringLiteral("The image has no opaque pixels to analyse."));
    return analysis;
}

Result<QList<Suggestion>> LocalColourAnalyser::analyse(const QByteArray &imageBytes,
                                                       const QString &mediaId) const {
    Result<Analysis> analysis = inspect(imageBytes);
    if (!analysis)
        return analysis.error();
    return QList<Suggestion>{suggestionFrom(analysis.value(), m_settings.minShare, mediaId)};
}

} // namespace tagdesk

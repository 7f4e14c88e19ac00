#include "imageanalysis.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>

#include <algorithm>
#include <cmath>
#include <queue>
#include <vector>

using namespace Qt::StringLiterals;

namespace tagdesk::sandbox {
namespace {

// Colours are judged on a small copy: enough pixels for stable shares, fast to cluster.
constexpr int kAnalysisEdge = 96;
// How far (CIE76, in Lab units) a pixel may be from the border's colour and still be
// background: wide enough for the shadows and uneven light of phone photos on a wall or a
// sheet. (Tuned on the bundled photos: 14 to 26 were tried, 22 named most colours right.)
constexpr double kBackgroundDistance = 22.0;
// Below this fraction of garment pixels the background guess is wrong (a white shirt on
// white): then the centre of the picture is taken as the garment instead.
constexpr double kMinimumGarmentArea = 0.04;
constexpr int kColourClusters = 4;
// A backdrop this close to neutral is taken for a white or grey one seen under tinted
// light, and the whole picture is corrected so that it becomes a light neutral again.
constexpr double kNeutralBackdropChroma = 30.0;
constexpr double kNeutralBackdropLightness = 30.0;
constexpr double kWhiteBackdropLightness = 85.0;
constexpr double kMaxWhiteBalanceGain = 2.0;
// One colour family over this share of the garment makes it "plain".
constexpr double kPlainShare = 0.72;

colour::Lab medianLab(std::vector<colour::Lab> samples) {
    const auto median = [&samples](double colour::Lab::*channel) {
        auto middle = samples.begin() + std::ptrdiff_t(samples.size() / 2);
        std::nth_element(samples.begin(), middle, samples.end(),
                         [channel](const colour::Lab &x, const colour::Lab &y) {
                             return x.*channel < y.*channel;
                         });
        return (*middle).*channel;
    };
    return {median(&colour::Lab::L), median(&colour::Lab::a), median(&colour::Lab::b)};
}

// The small copy of the picture the analysis works on, in sRGB and in Lab.
struct PixelGrid {
    int width = 0;
    int height = 0;
    std::vector<quint32> pixels;
    std::vector<colour::Lab> lab;

    size_t index(int x, int y) const { return size_t(y) * size_t(width) + size_t(x); }
};

PixelGrid sampled(const QImage &image) {
    // Qt's smooth scaling is plain integer arithmetic: the same pixels everywhere.
    const QImage small =
        image.scaled(kAnalysisEdge, kAnalysisEdge, Qt::KeepAspectRatio, Qt::SmoothTransformation)
            .convertToFormat(QImage::Format_ARGB32);
    PixelGrid grid;
    grid.width = small.width();
    grid.height = small.height();
    grid.pixels.reserve(size_t(grid.width) * size_t(grid.height));
    grid.lab.reserve(grid.pixels.capacity());
    for (int y = 0; y < grid.height; ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(small.constScanLine(y));
        for (int x = 0; x < grid.width; ++x) {
            grid.pixels.push_back(line[x]);
            grid.lab.push_back(colour::rgbToLab(line[x]));
        }
    }
    return grid;
}

// The typical colour of the picture's edge: what the garment was photographed against.
colour::Lab backdropColour(const PixelGrid &grid) {
    std::vector<colour::Lab> border;
    for (int x = 0; x < grid.width; ++x) {
        border.push_back(grid.lab[grid.index(x, 0)]);
        border.push_back(grid.lab[grid.index(x, grid.height - 1)]);
    }
    for (int y = 1; y < grid.height - 1; ++y) {
        border.push_back(grid.lab[grid.index(0, y)]);
        border.push_back(grid.lab[grid.index(grid.width - 1, y)]);
    }
    return medianLab(border);
}

// Marks as background every pixel joined to the picture's edge through pixels that all
// look like the backdrop. Joined-to-the-edge keeps a garment's inner areas of the
// backdrop's colour (a white print on a white backdrop) as garment.
std::vector<bool> backgroundMask(const PixelGrid &grid, const colour::Lab &backdrop) {
    const double limit = kBackgroundDistance * kBackgroundDistance;
    std::vector<bool> background(grid.lab.size(), false);
    std::queue<std::pair<int, int>> pending;
    const auto visit = [&](int x, int y) {
        const size_t index = grid.index(x, y);
        if (!background[index] && colour::distanceSquared(grid.lab[index], backdrop) < limit) {
            background[index] = true;
            pending.push({x, y});
        }
    };
    for (int x = 0; x < grid.width; ++x) {
        visit(x, 0);
        visit(x, grid.height - 1);
    }
    for (int y = 0; y < grid.height; ++y) {
        visit(0, y);
        visit(grid.width - 1, y);
    }
    while (!pending.empty()) {
        const auto [x, y] = pending.front();
        pending.pop();
        if (x > 0)
            visit(x - 1, y);
        if (x + 1 < grid.width)
            visit(x + 1, y);
        if (y > 0)
            visit(x, y - 1);
        if (y + 1 < grid.height)
            visit(x, y + 1);
    }
    return background;
}

// Phone photos of clothes are taken indoors under warm light, which turns every colour
// towards brown. The backdrop is usually a white wall or sheet: when it looks like a
// tinted neutral, undo the tint (and the dimness) it shows.
void correctColourCast(std::vector<quint32> &pixels, const colour::Lab &backdrop) {
    if (std::hypot(backdrop.a, backdrop.b) >= kNeutralBackdropChroma ||
        backdrop.L <= kNeutralBackdropLightness)
        return;
    const colour::LinearGains gains =
        colour::gainsToNeutral(backdrop, kWhiteBackdropLightness, kMaxWhiteBalanceGain);
    for (quint32 &pixel : pixels)
        pixel = colour::applyGains(pixel, gains);
}

struct Garment {
    std::vector<quint32> pixels;
    QRect box; // in grid pixels
};

// The pixels that are not background, and their bounding box; the centre of the picture
// when almost nothing is left (the backdrop guess was wrong: a white shirt on white).
Garment garmentIn(const PixelGrid &grid, const std::vector<bool> &background) {
    Garment garment;
    for (int y = 0; y < grid.height; ++y) {
        for (int x = 0; x < grid.width; ++x) {
            if (background[grid.index(x, y)])
                continue;
            garment.pixels.push_back(grid.pixels[grid.index(x, y)]);
            garment.box |= QRect(x, y, 1, 1);
        }
    }
    if (double(garment.pixels.size()) >= kMinimumGarmentArea * double(grid.pixels.size()))
        return garment;

    garment.pixels.clear();
    garment.box = QRect(grid.width / 4, grid.height / 4, grid.width - grid.width / 2,
                        grid.height - grid.height / 2);
    for (int y = garment.box.top(); y <= garment.box.bottom(); ++y)
        for (int x = garment.box.left(); x <= garment.box.right(); ++x)
            garment.pixels.push_back(grid.pixels[grid.index(x, y)]);
    return garment;
}

QImage decode(const QByteArray &bytes) {
    QBuffer buffer;
    buffer.setData(bytes);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true); // phone photos carry their rotation in EXIF
    return reader.read();
}

} // namespace

QList<GarmentColour> ImageAnalysis::familyShares() const {
    QList<GarmentColour> families;
    for (const GarmentColour &c : colours) {
        auto it = std::find_if(families.begin(), families.end(),
                               [&c](const GarmentColour &f) { return f.family == c.family; });
        if (it == families.end())
            families.append({c.family, c.family, c.hex, c.share});
        else
            it->share += c.share;
    }
    std::stable_sort(
        families.begin(), families.end(),
        [](const GarmentColour &x, const GarmentColour &y) { return x.share > y.share; });
    return families;
}

std::optional<ImageAnalysis> analyseImage(const QByteArray &bytes) {
    const QImage image = decode(bytes);
    if (image.isNull())
        return std::nullopt;

    PixelGrid grid = sampled(image);
    const colour::Lab backdrop = backdropColour(grid);
    const std::vector<bool> background = backgroundMask(grid, backdrop);
    correctColourCast(grid.pixels, backdrop);
    const Garment garment = garmentIn(grid, background);

    ImageAnalysis analysis;
    analysis.width = image.width();
    analysis.height = image.height();
    const double scaleX = double(image.width()) / grid.width;
    const double scaleY = double(image.height()) / grid.height;
    analysis.garmentBox =
        QRect(QPoint(int(garment.box.left() * scaleX), int(garment.box.top() * scaleY)),
              QPoint(std::min(image.width() - 1, int((garment.box.right() + 1) * scaleX)),
                     std::min(image.height() - 1, int((garment.box.bottom() + 1) * scaleY))));
    analysis.garmentArea = double(garment.pixels.size()) / double(grid.pixels.size());
    for (const colour::ColourShare &share :
         colour::dominantColours(garment.pixels, kColourClusters))
        analysis.colours.append({share.name, colour::colourFamily(share.name),
                                 colour::hexName(share.centre), share.share});
    if (analysis.colours.isEmpty())
        return std::nullopt;
    analysis.plain = analysis.familyShares().first().share >= kPlainShare;
    return analysis;
}

} // namespace tagdesk::sandbox

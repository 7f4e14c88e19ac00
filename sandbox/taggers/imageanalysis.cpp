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

// Marks as background every pixel joined to the picture's edge through pixels that all
// look like the edge's typical colour. Joined-to-the-edge keeps a garment's inner areas of
// the background's colour (a white print on a white backdrop) as garment.
colour::Lab borderColour(const std::vector<colour::Lab> &lab, int width, int height) {
    std::vector<colour::Lab> border;
    for (int x = 0; x < width; ++x) {
        border.push_back(lab[size_t(x)]);
        border.push_back(lab[size_t((height - 1) * width + x)]);
    }
    for (int y = 1; y < height - 1; ++y) {
        border.push_back(lab[size_t(y * width)]);
        border.push_back(lab[size_t(y * width + width - 1)]);
    }
    return medianLab(border);
}

std::vector<bool> backgroundMask(const std::vector<colour::Lab> &lab, int width, int height,
                                 const colour::Lab &backdrop) {
    const double limit = kBackgroundDistance * kBackgroundDistance;
    const auto looksLikeBackdrop = [&](size_t index) {
        return colour::distanceSquared(lab[index], backdrop) < limit;
    };

    std::vector<bool> background(lab.size(), false);
    std::queue<size_t> pending;
    const auto visit = [&](size_t index) {
        if (!background[index] && looksLikeBackdrop(index)) {
            background[index] = true;
            pending.push(index);
        }
    };
    for (int x = 0; x < width; ++x) {
        visit(size_t(x));
        visit(size_t((height - 1) * width + x));
    }
    for (int y = 0; y < height; ++y) {
        visit(size_t(y * width));
        visit(size_t(y * width + width - 1));
    }
    while (!pending.empty()) {
        const size_t index = pending.front();
        pending.pop();
        const int x = int(index % size_t(width));
        const int y = int(index / size_t(width));
        if (x > 0)
            visit(index - 1);
        if (x + 1 < width)
            visit(index + 1);
        if (y > 0)
            visit(index - size_t(width));
        if (y + 1 < height)
            visit(index + size_t(width));
    }
    return background;
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
    const QImage original = decode(bytes);
    if (original.isNull())
        return std::nullopt;

    // Qt's smooth scaling is plain integer arithmetic: the same pixels everywhere.
    const QImage small =
        original.scaled(kAnalysisEdge, kAnalysisEdge, Qt::KeepAspectRatio, Qt::SmoothTransformation)
            .convertToFormat(QImage::Format_ARGB32);
    const int width = small.width();
    const int height = small.height();
    std::vector<quint32> pixels;
    std::vector<colour::Lab> lab;
    pixels.reserve(size_t(width * height));
    lab.reserve(size_t(width * height));
    for (int y = 0; y < height; ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(small.constScanLine(y));
        for (int x = 0; x < width; ++x) {
            pixels.push_back(line[x]);
            lab.push_back(colour::rgbToLab(line[x]));
        }
    }

    const colour::Lab backdrop = borderColour(lab, width, height);
    const std::vector<bool> background = backgroundMask(lab, width, height, backdrop);
    // Phone photos of clothes are taken indoors under warm light, which turns every
    // colour towards brown. The backdrop is usually a white wall or sheet: when it looks
    // like a tinted neutral, undo the tint (and the dimness) it shows.
    const double backdropChroma = std::hypot(backdrop.a, backdrop.b);
    if (backdropChroma < kNeutralBackdropChroma && backdrop.L > kNeutralBackdropLightness) {
        const colour::LinearGains gains =
            colour::gainsToNeutral(backdrop, kWhiteBackdropLightness, kMaxWhiteBalanceGain);
        for (quint32 &pixel : pixels)
            pixel = colour::applyGains(pixel, gains);
    }
    std::vector<quint32> garment;
    int left = width, top = height, right = -1, bottom = -1;
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const size_t index = size_t(y * width + x);
            if (background[index])
                continue;
            garment.push_back(pixels[index]);
            left = std::min(left, x);
            right = std::max(right, x);
            top = std::min(top, y);
            bottom = std::max(bottom, y);
        }
    }
    if (double(garment.size()) < kMinimumGarmentArea * double(pixels.size())) {
        garment.clear();
        left = width / 4;
        right = width - 1 - width / 4;
        top = height / 4;
        bottom = height - 1 - height / 4;
        for (int y = top; y <= bottom; ++y)
            for (int x = left; x <= right; ++x)
                garment.push_back(pixels[size_t(y * width + x)]);
    }

    ImageAnalysis analysis;
    analysis.width = original.width();
    analysis.height = original.height();
    const double scaleX = double(original.width()) / width;
    const double scaleY = double(original.height()) / height;
    analysis.garmentBox =
        QRect(QPoint(int(left * scaleX), int(top * scaleY)),
              QPoint(std::min(original.width() - 1, int((right + 1) * scaleX)),
                     std::min(original.height() - 1, int((bottom + 1) * scaleY))));
    analysis.garmentArea = double(garment.size()) / double(pixels.size());
    for (const colour::ColourShare &share : colour::dominantColours(garment, kColourClusters))
        analysis.colours.append({share.name, colour::colourFamily(share.name),
                                 colour::hexName(share.centre), share.share});
    if (analysis.colours.isEmpty())
        return std::nullopt;
    analysis.plain = analysis.familyShares().first().share >= kPlainShare;
    return analysis;
}

} // namespace tagdesk::sandbox

#include "domain/colour.h"
#include "domain/colourhistogram.h"

#include <gtest/gtest.h>

#include <QSet>

using namespace tagdesk::colour;

namespace {

void expectLab(const Lab &actual, const Lab &expected, double tolerance) {
    EXPECT_NEAR(actual.L, expected.L, tolerance);
    EXPECT_NEAR(actual.a, expected.a, tolerance);
    EXPECT_NEAR(actual.b, expected.b, tolerance);
}

constexpr quint32 opaque(quint32 rgb) {
    return 0xff000000u | rgb;
}

// Pixels of a few flat colours, `count` each, interleaved like a patterned fabric.
std::vector<quint32> stripes(const std::vector<std::pair<quint32, int>> &colours) {
    std::vector<quint32> pixels;
    bool any = true;
    for (int i = 0; any; ++i) {
        any = false;
        for (const auto &[rgb, count] : colours) {
            if (i < count) {
                pixels.push_back(opaque(rgb));
                any = true;
            }
        }
    }
    return pixels;
}

} // namespace

// Reference values: Bruce Lindbloom's calculator (sRGB, D65, 2°), which uses the same
// matrix and white point.
TEST(ColourLab, ConvertsSrgbToReferenceLabValues) {
    expectLab(rgbToLab(opaque(0xffffff)), {100.0, 0.0, 0.0}, 0.01);
    expectLab(rgbToLab(opaque(0x000000)), {0.0, 0.0, 0.0}, 0.01);
    expectLab(rgbToLab(opaque(0xff0000)), {53.2408, 80.0925, 67.2032}, 0.01);
    expectLab(rgbToLab(opaque(0x00ff00)), {87.7347, -86.1827, 83.1793}, 0.01);
    expectLab(rgbToLab(opaque(0x0000ff)), {32.2970, 79.1875, -107.8602}, 0.01);
    expectLab(rgbToLab(opaque(0x808080)), {53.5850, 0.0, 0.0}, 0.01);
}

TEST(ColourLab, IgnoresAlphaAndRoundTripsThroughRgb) {
    EXPECT_EQ(rgbToLab(0x00123456), rgbToLab(0xff123456));
    for (quint32 rgb : {0x000000u, 0xffffffu, 0x23283fu, 0xb22a30u, 0x9fbfdcu, 0x5e6140u})
        EXPECT_EQ(labToRgb(rgbToLab(opaque(rgb))), opaque(rgb));
    EXPECT_EQ(hexName(rgbToLab(opaque(0x23283f))), QStringLiteral("#23283f"));
}

// Pairs from Sharma, Wu and Dalal (2005), table 1: the published CIEDE2000 test data,
// chosen to exercise the hue wrap-around, the blue rotation term and near-neutrals.
TEST(ColourDistance, MatchesPublishedCiede2000TestData) {
    struct Pair {
        Lab x, y;
        double expected;
    };
    const Pair pairs[] = {
        {{50.0, 2.6772, -79.7751}, {50.0, 0.0, -82.7485}, 2.0425},
        {{50.0, 3.1571, -77.2803}, {50.0, 0.0, -82.7485}, 2.8615},
        {{50.0, 0.0, 0.0}, {50.0, -1.0, 2.0}, 2.3669},
        {{50.0, 2.49, -0.001}, {50.0, -2.49, 0.0009}, 7.1792},
        {{50.0, 2.5, 0.0}, {73.0, 25.0, -18.0}, 27.1492},
        {{60.2574, -34.0099, 36.2677}, {60.4626, -34.1751, 39.4387}, 1.2644},
        {{2.0776, 0.0795, -1.1350}, {0.9033, -0.0636, -0.5514}, 0.9082},
    };
    for (const Pair &p : pairs) {
        EXPECT_NEAR(deltaE2000(p.x, p.y), p.expected, 1e-4);
        EXPECT_NEAR(deltaE2000(p.y, p.x), p.expected, 1e-4); // symmetric
    }
    EXPECT_EQ(deltaE2000({40, 10, -20}, {40, 10, -20}), 0.0);
}

// The bound is what lets the background test skip CIEDE2000: it must never exceed it.
// Pairs of sRGB colours on a coarse grid (every 51 levels a channel: 216 colours, all
// pairs), at both lightness weights the analyser uses; and it must be tight where only
// lightness differs.
TEST(ColourDistance, LowerBoundNeverExceedsCiede2000) {
    std::vector<Lab> labs;
    for (quint32 r = 0; r <= 255; r += 51)
        for (quint32 g = 0; g <= 255; g += 51)
            for (quint32 b = 0; b <= 255; b += 51)
                labs.push_back(rgbToLab(opaque(r << 16 | g << 8 | b)));
    int tight = 0;
    for (double weight : {1.0, textileLightnessWeight, 4.0}) {
        for (const Lab &x : labs) {
            for (const Lab &y : labs) {
                const double bound = deltaE2000LowerBound(x, y, weight);
                const double full = deltaE2000(x, y, weight);
                ASSERT_LE(bound, full * (1 + 1e-12) + 1e-12)
                    << hexName(x).toStdString() << " " << hexName(y).toStdString() << " kL "
                    << weight;
                tight += (full > 0 && bound > 0.99 * full) ? 1 : 0;
            }
        }
    }
    EXPECT_GT(tight, 0);
    // Two neutrals differ in lightness only: the bound is the whole distance.
    EXPECT_NEAR(deltaE2000LowerBound({30, 0, 0}, {70, 0, 0}, 2.0),
                deltaE2000({30, 0, 0}, {70, 0, 0}, 2.0), 1e-9);
}

TEST(ColourPalette, NamesAreUniqueAndEveryLabelWordIsAFamily) {
    const QStringList names = paletteNames();
    EXPECT_EQ(QSet<QString>(names.begin(), names.end()).size(), names.size());
    // The colour words used in tests/data/images/labels.csv.
    for (const char *label : {"black", "white", "grey", "navy", "blue", "light blue", "beige",
                              "brown", "green", "purple", "yellow", "orange"}) {
        const QString word = QLatin1String(label);
        const bool named = names.contains(word) ||
                           std::any_of(names.begin(), names.end(),
                                       [&](const QString &n) { return colourFamily(n) == word; });
        EXPECT_TRUE(named) << label;
    }
    EXPECT_EQ(colourFamily(QStringLiteral("navy")), QStringLiteral("blue"));
    EXPECT_EQ(colourFamily(QStringLiteral("olive")), QStringLiteral("green"));
    EXPECT_EQ(colourFamily(QStringLiteral("red")), QStringLiteral("red"));
    EXPECT_EQ(colourFamily(QStringLiteral("not a colour")), QStringLiteral("not a colour"));
}

// Screen primaries are far from any fabric swatch, so only their family is asserted:
// pure #0000ff is "royal blue" rather than "blue", and that is still blue.
TEST(ColourPalette, NamesPureColoursByTheirFamily) {
    const std::pair<quint32, const char *> cases[] = {
        {0x000000, "black"},  {0xffffff, "white"},  {0x808080, "grey"},   {0xff0000, "red"},
        {0x0000ff, "blue"},   {0xffff00, "yellow"}, {0xff8000, "orange"}, {0x008000, "green"},
        {0x800080, "purple"}, {0xffc0cb, "pink"},   {0x000080, "blue"},   {0x800000, "red"},
        {0x808000, "green"},  {0x00ffff, "blue"},   {0xff00ff, "pink"},   {0x6f4e37, "brown"},
    };
    for (const auto &[rgb, family] : cases)
        EXPECT_EQ(colourFamily(nearestColourName(rgbToLab(opaque(rgb)))), QLatin1String(family))
            << QStringLiteral("#%1 named %2")
                   .arg(rgb, 6, 16, QLatin1Char('0'))
                   .arg(nearestColourName(rgbToLab(opaque(rgb))))
                   .toStdString();
}

// Colours as garments show them in photos get the catalogue's word.
TEST(ColourPalette, NamesTypicalGarmentColours) {
    const std::pair<quint32, const char *> cases[] = {
        {0x1c1d21, "black"},      {0xf2f2f0, "white"},    {0x2e3650, "navy"},
        {0x88aee3, "light blue"}, {0x6b1e2a, "burgundy"}, {0xcdb5a3, "beige"},
        {0x484c4d, "charcoal"},   {0x787a7e, "grey"},     {0xd3d3d3, "light grey"},
        {0xb5655c, "rust"},       {0x7e546f, "plum"},     {0xe8d13a, "yellow"},
        {0x2f7a3e, "green"},      {0xeee4cc, "cream"},    {0xd87a3a, "orange"},
        {0xb02a30, "red"},        {0xf0a8bc, "pink"},     {0x1d3fc4, "royal blue"},
    };
    for (const auto &[rgb, name] : cases)
        EXPECT_EQ(nearestColourName(rgbToLab(opaque(rgb))), QLatin1String(name))
            << QStringLiteral("#%1").arg(rgb, 6, 16, QLatin1Char('0')).toStdString();
}

TEST(ColourPalette, EverySwatchNamesItself) {
    for (const NamedColour &swatch : fashionPalette())
        EXPECT_EQ(nearestColourName(swatch.lab), swatch.name);
}

TEST(DominantColours, FindsTheColoursAndTheirShares) {
    const auto colours =
        dominantColours(stripes({{0x1c2340, 600}, {0xf0f0ee, 300}, {0xc03030, 100}}), 3);
    ASSERT_EQ(colours.size(), 3);
    EXPECT_EQ(colours[0].name, QStringLiteral("navy"));
    EXPECT_NEAR(colours[0].share, 0.6, 1e-9);
    EXPECT_EQ(colours[1].name, QStringLiteral("white"));
    EXPECT_NEAR(colours[1].share, 0.3, 1e-9);
    EXPECT_EQ(colours[2].name, QStringLiteral("red"));
    EXPECT_EQ(hexName(colours[0].centre), QStringLiteral("#1c2340"));
}

TEST(DominantColours, MergesClustersWithTheSameName) {
    // Two close shades of navy and some white: asked for 3 clusters, two of them are navy.
    const auto colours =
        dominantColours(stripes({{0x1f2644, 400}, {0x262c48, 400}, {0xf4f4f2, 200}}), 3);
    ASSERT_EQ(colours.size(), 2);
    EXPECT_EQ(colours[0].name, QStringLiteral("navy"));
    EXPECT_NEAR(colours[0].share, 0.8, 1e-9);
    EXPECT_EQ(colours[1].name, QStringLiteral("white"));
}

TEST(DominantColours, IsDeterministicForAFixedSeed) {
    // A noisy gradient, where k-means has many local optima to fall into.
    std::vector<quint32> pixels;
    quint32 state = 12345;
    for (int i = 0; i < 5000; ++i) {
        state = state * 1664525u + 1013904223u;
        pixels.push_back(opaque((state >> 8) & 0xffffff));
    }
    const auto first = dominantColours(pixels, 6, 7);
    ASSERT_FALSE(first.isEmpty());
    for (int run = 0; run < 5; ++run) {
        const auto again = dominantColours(pixels, 6, 7);
        ASSERT_EQ(again.size(), first.size());
        for (qsizetype i = 0; i < first.size(); ++i) {
            EXPECT_EQ(again[i].name, first[i].name);
            EXPECT_EQ(again[i].centre, first[i].centre);
            EXPECT_EQ(again[i].share, first[i].share);
        }
    }
}

TEST(DominantColours, HandlesEdgeCases) {
    EXPECT_TRUE(dominantColours({}, 5).isEmpty());
    EXPECT_TRUE(dominantColours({opaque(0x123456)}, 0).isEmpty());
    // Fully transparent pixels are not colours.
    EXPECT_TRUE(dominantColours({0x00ffffff, 0x00000000}, 3).isEmpty());
    // More clusters than distinct colours.
    const auto single = dominantColours(std::vector<quint32>(50, opaque(0xb22a30)), 5);
    ASSERT_EQ(single.size(), 1);
    EXPECT_EQ(single[0].name, QStringLiteral("red"));
    EXPECT_DOUBLE_EQ(single[0].share, 1.0);
    // Transparent pixels do not count towards the shares.
    const auto half = dominantColours({opaque(0x000000), 0x00ffffff, opaque(0xffffff)}, 2);
    ASSERT_EQ(half.size(), 2);
    EXPECT_DOUBLE_EQ(half[0].share + half[1].share, 1.0);
}

TEST(ColourHistogram, CountsDistinctColoursAndKnowsEachPixels) {
    // Alpha is part of the colour: a transparent white is not an opaque white.
    const std::vector<quint32> pixels = {opaque(0x102030), opaque(0xffffff), opaque(0x102030),
                                         0x00ffffff,       opaque(0x102030), opaque(0xffffff)};
    const ColourHistogram histogram(pixels);
    ASSERT_EQ(histogram.colourCount(), 3u);
    ASSERT_EQ(histogram.pixelCount(), pixels.size());
    EXPECT_EQ(histogram.colour(0), opaque(0x102030)); // in the order of their first pixel
    EXPECT_EQ(histogram.colour(1), opaque(0xffffff));
    EXPECT_EQ(histogram.colour(2), 0x00ffffffu);
    EXPECT_EQ(histogram.count(0), 3u);
    EXPECT_EQ(histogram.count(1), 2u);
    EXPECT_EQ(histogram.count(2), 1u);
    for (size_t i = 0; i < pixels.size(); ++i)
        EXPECT_EQ(histogram.colour(histogram.colourOf(i)), pixels[i]) << "pixel " << i;
    EXPECT_EQ(ColourHistogram({}).colourCount(), 0u);
}

TEST(ColourHistogram, KeepsEveryColourOfAManyColouredImage) {
    // Enough colours to fill and probe the table: every pixel a colour of its own, then
    // all of them again.
    std::vector<quint32> pixels;
    for (quint32 i = 0; i < 20000; ++i)
        pixels.push_back(opaque(i * 837u & 0xffffffu));
    const std::vector<quint32> once = pixels;
    pixels.insert(pixels.end(), once.begin(), once.end());
    const ColourHistogram histogram(pixels);
    ASSERT_EQ(histogram.colourCount(), once.size());
    for (size_t i = 0; i < pixels.size(); ++i) {
        ASSERT_EQ(histogram.colour(histogram.colourOf(i)), pixels[i]);
        ASSERT_EQ(histogram.count(histogram.colourOf(i)), 2u);
    }
}

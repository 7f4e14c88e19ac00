#include "labelledphotos.h"

#include "domain/attribute.h"
#include "support/testdatabase.h"
#include "taggers/localcolouranalyser.h"

#include <gtest/gtest.h>

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QtConcurrent>
#include <QThreadPool>

#include <iostream>

using namespace tagdesk;
using tagdesk::test::LabelledPhoto;

namespace {

QByteArray encode(const QImage &image, const char *format) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

// A product shot as a drawing: a garment-shaped block of `garment` on a plain
// `background`, with a little darker trim.
QImage productShot(QRgb background, QRgb garment) {
    QImage image(300, 400, QImage::Format_ARGB32);
    image.fill(background);
    for (int y = 60; y < 360; ++y) {
        for (int x = 70; x < 230; ++x)
            image.setPixel(x, y, garment);
    }
    for (int x = 70; x < 230; ++x)
        image.setPixel(x, 60, qRgb(40, 40, 40));
    return image;
}

QByteArray firstPhotoBytes() {
    return test::readFile(test::labelledPhotos().first().file);
}

QString describe(const Suggestion &s) {
    QStringList others;
    for (const Alternative &a : s.alternatives)
        others.append(QStringLiteral("%1 %2").arg(a.value).arg(a.confidence, 0, 'f', 2));
    return QStringLiteral("%1 %2 (%3) [%4]")
        .arg(s.value)
        .arg(s.confidence, 0, 'f', 2)
        .arg(s.providerLabel, others.join(QStringLiteral(", ")));
}

QString backgroundOf(const LocalColourAnalyser &analyser, const QByteArray &bytes) {
    const auto seen = analyser.inspect(bytes);
    if (!seen)
        return seen.error().message;
    QStringList colours;
    for (const colour::Lab &lab : seen->background)
        colours.append(colour::hexName(lab));
    return QStringLiteral("%1, garment %2% of the image")
        .arg(colours.isEmpty() ? QStringLiteral("none found") : colours.join(QLatin1Char(' ')))
        .arg(qRound(seen->garmentFraction * 100));
}

} // namespace

TEST(LocalColourAnalyser, NamesTheGarmentNotTheBackground) {
    const LocalColourAnalyser analyser;
    struct Case {
        QRgb background, garment;
        const char *expected;
    };
    const Case cases[] = {
        {qRgb(250, 250, 250), qRgb(178, 42, 48), "red"},
        {qRgb(235, 235, 235), qRgb(35, 40, 63), "navy"},
        {qRgb(245, 240, 230), qRgb(26, 26, 28), "black"},
        {qRgb(30, 30, 30), qRgb(244, 244, 242), "white"},
        {qRgb(200, 200, 200), qRgb(47, 122, 62), "green"},
    };
    for (const Case &c : cases) {
        const auto result = analyser.analyse(encode(productShot(c.background, c.garment), "PNG"),
                                             QStringLiteral("gid://shopify/MediaImage/1"));
        ASSERT_TRUE(result.ok()) << result.error().message.toStdString();
        ASSERT_EQ(result->size(), 1);
        const Suggestion &s = result->first();
        EXPECT_EQ(s.attribute, attributes::colour);
        EXPECT_EQ(s.value, QLatin1String(c.expected));
        EXPECT_EQ(s.sourceImageId, QStringLiteral("gid://shopify/MediaImage/1"));
        EXPECT_GT(s.confidence, 0.6) << describe(s).toStdString();
        EXPECT_LE(s.confidence, 1.0);
        EXPECT_TRUE(s.providerLabel.startsWith(QLatin1Char('#'))) << describe(s).toStdString();
    }
}

TEST(LocalColourAnalyser, TreatsTransparentPixelsAsBackground) {
    QImage cutOut = productShot(qRgb(0, 0, 0), qRgb(35, 40, 63));
    for (int y = 0; y < cutOut.height(); ++y) {
        for (int x = 0; x < cutOut.width(); ++x) {
            if (cutOut.pixel(x, y) == qRgb(0, 0, 0))
                cutOut.setPixel(x, y, qRgba(0, 0, 0, 0));
        }
    }
    const auto result = LocalColourAnalyser().analyse(encode(cutOut, "PNG"), QString());
    ASSERT_TRUE(result.ok()) << result.error().message.toStdString();
    EXPECT_EQ(result->first().value, QStringLiteral("navy"));
}

TEST(LocalColourAnalyser, ReportsTheOtherColoursAsAlternatives) {
    // Half navy, half white stripes, on a grey background.
    QImage image = productShot(qRgb(128, 128, 128), qRgb(35, 40, 63));
    for (int y = 61; y < 360; ++y) {
        if ((y / 10) % 2 == 0) {
            for (int x = 70; x < 230; ++x)
                image.setPixel(x, y, qRgb(244, 244, 242));
        }
    }
    const auto result = LocalColourAnalyser().analyse(encode(image, "PNG"), QString());
    ASSERT_TRUE(result.ok()) << result.error().message.toStdString();
    const Suggestion &s = result->first();
    QStringList names{s.value};
    for (const Alternative &a : s.alternatives)
        names.append(a.value);
    EXPECT_TRUE(names.contains(QStringLiteral("navy"))) << describe(s).toStdString();
    EXPECT_TRUE(names.contains(QStringLiteral("white"))) << describe(s).toStdString();
    EXPECT_FALSE(names.contains(QStringLiteral("grey"))) << describe(s).toStdString();
}

TEST(LocalColourAnalyser, TakesLightFallingOnTheBackdropForBackdrop) {
    // A dim sheet with a brighter patch where the light falls, not touching the edge, and
    // a navy garment beside it: the patch is not a second colour of the garment.
    QImage image = productShot(qRgb(120, 118, 114), qRgb(35, 40, 63));
    for (int y = 100; y < 220; ++y) {
        for (int x = 10; x < 60; ++x)
            image.setPixel(x, y, qRgb(175, 173, 168));
    }
    const auto result = LocalColourAnalyser().analyse(encode(image, "PNG"), QString());
    ASSERT_TRUE(result.ok()) << result.error().message.toStdString();
    const Suggestion &s = result->first();
    EXPECT_EQ(s.value, QStringLiteral("navy")) << describe(s).toStdString();
    for (const Alternative &a : s.alternatives) {
        EXPECT_NE(colour::colourFamily(a.value), QStringLiteral("grey"))
            << describe(s).toStdString();
        EXPECT_NE(colour::colourFamily(a.value), QStringLiteral("white"))
            << describe(s).toStdString();
    }
}

TEST(LocalColourAnalyser, RefusesBytesThatAreNotAnImageWithAClearMessage) {
    const LocalColourAnalyser analyser;
    const QByteArray jpeg = firstPhotoBytes();
    const QByteArray pngSignatureThenJunk =
        QByteArray::fromHex("89504e470d0a1a0a") + QByteArray(200, 'x');
    const std::pair<QByteArray, const char *> cases[] = {
        {QByteArray(), "empty"},
        {QByteArrayLiteral("<html><body>502 Bad Gateway</body></html>"), "Not a readable image"},
        {QByteArray(4096, '\0'), "Not a readable image"},
        {pngSignatureThenJunk, "PNG image could not be decoded"},
        {jpeg.left(200), "could not be decoded"},
    };
    for (const auto &[bytes, expected] : cases) {
        const auto result = analyser.analyse(bytes, QStringLiteral("gid://shopify/MediaImage/9"));
        ASSERT_FALSE(result.ok()) << expected;
        EXPECT_EQ(result.error().code, Error::Code::InvalidInput);
        EXPECT_TRUE(result.error().message.contains(QLatin1String(expected)))
            << result.error().message.toStdString();
    }
}

TEST(LocalColourAnalyser, RefusesAFullyTransparentImage) {
    QImage blank(50, 50, QImage::Format_ARGB32);
    blank.fill(qRgba(0, 0, 0, 0));
    const auto result = LocalColourAnalyser().analyse(encode(blank, "PNG"), QString());
    ASSERT_FALSE(result.ok());
    EXPECT_TRUE(result.error().message.contains(QStringLiteral("no opaque pixels")));
}

TEST(LocalColourAnalyser, RefusesSettingsOutOfRangeNamingTheSetting) {
    const QByteArray jpeg = firstPhotoBytes();
    const auto tiny = LocalColourAnalyser({.maxSide = 2}).analyse(jpeg, QString());
    ASSERT_FALSE(tiny.ok());
    EXPECT_TRUE(tiny.error().message.contains(QStringLiteral("maxSide")));
    const auto noClusters = LocalColourAnalyser({.clusters = 0}).analyse(jpeg, QString());
    ASSERT_FALSE(noClusters.ok());
    EXPECT_TRUE(noClusters.error().message.contains(QStringLiteral("clusters")));
    const auto share = LocalColourAnalyser({.minShare = 1.5}).analyse(jpeg, QString());
    ASSERT_FALSE(share.ok());
    EXPECT_TRUE(share.error().message.contains(QStringLiteral("minShare")));
}

TEST(LocalColourAnalyser, SettingsKeyChangesWithEverySetting) {
    const QString base = LocalColourAnalyser().settingsKey();
    EXPECT_EQ(base, LocalColourAnalyser(LocalColourAnalyser::Settings{}).settingsKey());
    EXPECT_NE(base, LocalColourAnalyser({.maxSide = 48}).settingsKey());
    EXPECT_NE(base, LocalColourAnalyser({.clusters = 4}).settingsKey());
    EXPECT_NE(base, LocalColourAnalyser({.minShare = 0.1}).settingsKey());
}

TEST(LocalColourAnalyser, GivesTheSameAnswerEveryTime) {
    const LocalColourAnalyser analyser;
    const QByteArray jpeg = firstPhotoBytes();
    const auto first = analyser.analyse(jpeg, QStringLiteral("m"));
    ASSERT_TRUE(first.ok());
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(analyser.analyse(jpeg, QStringLiteral("m")).value(), first.value());
}

// What issue 4 asks: the main colour of the labelled photos (those not marked
// ambiguous) named right for at least 80% of them. The analyser gets 20 of 24 with its
// default settings; 24 photos are few, so one photo is 4 points of this figure.
constexpr int issueTargetPercent = 80;

TEST(LocalColourAnalyser, NamesTheMainColourOfTheLabelledPhotos) {
    const LocalColourAnalyser analyser;
    int scored = 0;
    int correct = 0;
    int exact = 0;
    double confidenceRight = 0;
    double confidenceWrong = 0;
    QStringList misses;
    for (const LabelledPhoto &photo : test::labelledPhotos()) {
        const QByteArray bytes = test::readFile(photo.file);
        const auto result = analyser.analyse(bytes, QString());
        ASSERT_TRUE(result.ok()) << photo.file.toStdString() << ": "
                                 << result.error().message.toStdString();
        const Suggestion &s = result->first();
        const bool right = test::answersLabel(s.value, photo.colour);
        const QString line = QStringLiteral("%1: labelled %2, got %3; background %4")
                                 .arg(QFileInfo(photo.file).fileName().left(24), photo.colour,
                                      describe(s), backgroundOf(analyser, bytes));
        std::cout << (photo.ambiguous() ? "  (ambiguous) "
                      : right           ? "  ok   "
                                        : "  MISS ")
                  << line.toStdString() << "\n";
        if (photo.ambiguous())
            continue;
        ++scored;
        correct += right ? 1 : 0;
        // The label's own word ("navy" for "navy"), not just a name of its family.
        const bool sameWord =
            s.value == photo.colour || (photo.colour == QStringLiteral("multicolor") && right);
        exact += sameWord ? 1 : 0;
        (right ? confidenceRight : confidenceWrong) += s.confidence;
        if (!right)
            misses.append(line);
    }
    // labels.csv has 30 photos, 6 of them marked ambiguous: a parsing slip would change
    // what the figure means.
    ASSERT_EQ(scored, 24);
    const int wrong = scored - correct;
    std::cout << "colour accuracy: " << correct << "/" << scored << " = " << correct * 100 / scored
              << "%"
              << " (exact palette name: " << exact << "/" << scored << "; issue 4 target "
              << issueTargetPercent
              << "%: " << (correct * 100 >= issueTargetPercent * scored ? "met" : "NOT MET")
              << ")\n";
    std::cout << "mean confidence: right " << (correct ? confidenceRight / correct : 0)
              << ", wrong " << (wrong ? confidenceWrong / wrong : 0) << "\n";
    for (const QString &miss : misses)
        std::cout << "  miss: " << miss.toStdString() << "\n";
    EXPECT_GE(correct * 100, issueTargetPercent * scored);
}

TEST(LocalColourAnalyser, GivesTheSameAnswersWhenRunConcurrently) {
    const LocalColourAnalyser analyser;
    QList<QByteArray> images;
    for (const LabelledPhoto &photo : test::labelledPhotos())
        images.append(test::readFile(photo.file));
    QList<QByteArray> work;
    for (int round = 0; round < 4; ++round)
        work.append(images);

    auto analyseOne = [&analyser](const QByteArray &bytes) {
        return analyser.analyse(bytes, QStringLiteral("m")).value();
    };
    QList<QList<Suggestion>> sequential;
    for (const QByteArray &bytes : images)
        sequential.append(analyseOne(bytes));

    QThreadPool pool;
    pool.setMaxThreadCount(8);
    const QList<QList<Suggestion>> concurrent =
        QtConcurrent::blockingMapped(&pool, work, std::function(analyseOne));
    ASSERT_EQ(concurrent.size(), work.size());
    for (qsizetype i = 0; i < concurrent.size(); ++i)
        EXPECT_EQ(concurrent[i], sequential[i % images.size()]) << "image " << i % images.size();
}

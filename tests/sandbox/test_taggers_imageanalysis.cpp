// What the sandbox's taggers see in an image: the garment's box and colours from the
// pixels, with the background removed, and which bundled photo it is.
#include "taggertestsupport.h"

#include "taggers/imageanalysis.h"
#include "taggers/imagereader.h"

#include <gtest/gtest.h>

#include <QBuffer>
#include <QImage>
#include <QPainter>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace tagdesk;
using namespace tagdesk::sandbox;
using namespace tagdesk::sandbox::test;

namespace {

QByteArray encoded(const QImage &image, const char *format) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

// A red square garment on a light grey studio backdrop.
QImage redGarmentOnGrey() {
    QImage image(200, 300, QImage::Format_RGB32);
    image.fill(QColor(0xe6, 0xe6, 0xe4));
    QPainter painter(&image);
    painter.fillRect(QRect(50, 80, 100, 150), QColor(0xb2, 0x2a, 0x30));
    return image;
}

} // namespace

TEST(TaggersImageAnalysis, IgnoresThePlainBackgroundAroundTheGarment) {
    const auto analysis = analyseImage(encoded(redGarmentOnGrey(), "PNG"));
    ASSERT_TRUE(analysis.has_value());
    EXPECT_EQ(analysis->width, 200);
    EXPECT_EQ(analysis->height, 300);
    EXPECT_EQ(analysis->mainColour().name, u"red"_s);
    EXPECT_EQ(analysis->mainColour().family, u"red"_s);
    EXPECT_GT(analysis->mainColour().share, 0.9);
    EXPECT_TRUE(analysis->plain);
    // The garment's box, within the scaling of the analysis.
    EXPECT_NEAR(analysis->garmentBox.left(), 50, 5);
    EXPECT_NEAR(analysis->garmentBox.top(), 80, 5);
    EXPECT_NEAR(analysis->garmentBox.right(), 150, 5);
    EXPECT_NEAR(analysis->garmentBox.bottom(), 230, 5);
    EXPECT_NEAR(analysis->garmentArea, 100.0 * 150 / (200 * 300), 0.03);
}

TEST(TaggersImageAnalysis, NamesTheColourOfLabelledPhotos) {
    // The exact name for clear-cut photos; the family where neighbouring palette names
    // (grey / light grey, light blue / blue) are both fair.
    const QList<QPair<QString, QString>> exactly{
        {kBlackPufferPhoto, u"black"_s},
        {kYellowSlidesPhoto, u"yellow"_s},
    };
    for (const auto &[photo, colour] : exactly) {
        EXPECT_EQ(photoInfo(photo)->colour, colour) << "labels.csv says so";
        const auto analysis = analyseImage(photoBytes(photo));
        ASSERT_TRUE(analysis.has_value());
        EXPECT_EQ(analysis->mainColour().name, colour) << photo.toStdString();
    }
    const QList<QPair<QString, QString>> byFamily{
        {kGreyJacketPhoto, u"grey"_s},
        {kLightBlueSkirtPhoto, u"blue"_s},
    };
    for (const auto &[photo, family] : byFamily) {
        const auto analysis = analyseImage(photoBytes(photo));
        ASSERT_TRUE(analysis.has_value());
        EXPECT_EQ(analysis->mainColour().family, family) << photo.toStdString();
    }
}

TEST(TaggersImageAnalysis, AgreesWithTheHandLabelsOnMostPhotos) {
    // Reported, and held to a floor: the labels were assigned by eye (eight are marked
    // ambiguous) and the photos are phone shots under indoor light.
    int sameName = 0, sameFamily = 0;
    for (const QString &photo : photoNames()) {
        const auto analysis = analyseImage(photoBytes(photo));
        ASSERT_TRUE(analysis.has_value()) << photo.toStdString();
        const QString labelled = photoInfo(photo)->colour;
        sameName += analysis->mainColour().name == labelled;
        sameFamily += analysis->mainColour().family == colour::colourFamily(labelled);
    }
    std::printf("[ info     ] main colour equals the label on %d/30 photos, same family on %d/30\n",
                sameName, sameFamily);
    EXPECT_GE(sameFamily, 18);
}

TEST(TaggersImageAnalysis, IsDeterministic) {
    for (const QString &photo : photoNames().mid(0, 6)) {
        const auto first = analyseImage(photoBytes(photo));
        const auto second = analyseImage(photoBytes(photo));
        ASSERT_TRUE(first && second);
        ASSERT_EQ(first->colours.size(), second->colours.size());
        for (qsizetype i = 0; i < first->colours.size(); ++i) {
            EXPECT_EQ(first->colours.at(i).name, second->colours.at(i).name);
            EXPECT_EQ(first->colours.at(i).hex, second->colours.at(i).hex);
            EXPECT_EQ(first->colours.at(i).share, second->colours.at(i).share);
        }
        EXPECT_EQ(first->garmentBox, second->garmentBox);
    }
}

TEST(TaggersImageAnalysis, RefusesDataThatIsNotAnImage) {
    EXPECT_FALSE(analyseImage(QByteArray("not an image")).has_value());
    EXPECT_FALSE(analyseImage(QByteArray()).has_value());
}

TEST(TaggersImageReader, KnowsBundledPhotosByUrlAndByContent) {
    ImageReader reader(fetchBundledPhoto);
    const Result<ImageReading> byUrl = reader.readUrl(photoUrl(kYellowSlidesPhoto));
    ASSERT_TRUE(byUrl.ok()) << byUrl.error().message.toStdString();
    EXPECT_EQ(byUrl->photo, kYellowSlidesPhoto);
    EXPECT_EQ(byUrl->label, u"shoes"_s);
    ASSERT_NE(byUrl->garment(), nullptr);
    EXPECT_EQ(byUrl->garment()->ximilarTopCategory, u"Footwear"_s);

    const Result<ImageReading> byDataUri = reader.readUrl(dataUri(photoBytes(kYellowSlidesPhoto)));
    ASSERT_TRUE(byDataUri.ok());
    EXPECT_EQ(byDataUri->photo, kYellowSlidesPhoto);
    EXPECT_EQ(byDataUri->sha1, byUrl->sha1);

    const Result<ImageReading> byBase64 =
        reader.readBase64(QString::fromLatin1(photoBytes(kYellowSlidesPhoto).toBase64()));
    ASSERT_TRUE(byBase64.ok());
    EXPECT_EQ(byBase64->label, u"shoes"_s);
}

TEST(TaggersImageReader, AnUnknownImageStillGetsItsColours) {
    ImageReader reader(fetchBundledPhoto);
    const Result<ImageReading> image = reader.readBytes(encoded(redGarmentOnGrey(), "JPEG"));
    ASSERT_TRUE(image.ok());
    EXPECT_TRUE(image->photo.isEmpty());
    EXPECT_TRUE(image->label.isEmpty());
    EXPECT_EQ(image->garment(), nullptr);
    EXPECT_EQ(image->analysis.mainColour().family, u"red"_s);
}

TEST(TaggersImageReader, SaysWhatWentWrong) {
    ImageReader reader(fetchBundledPhoto);
    const auto missing = reader.readUrl(u"https://cdn.example.com/nowhere.jpg"_s);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, Error::Code::NotFound);
    const auto notBase64 = reader.readUrl(u"data:image/jpeg;base64,@@@not base64@@@"_s);
    ASSERT_FALSE(notBase64.ok());
    EXPECT_EQ(notBase64.error().code, Error::Code::InvalidInput);
    const auto notEncoded = reader.readUrl(u"data:image/jpeg,rawbytes"_s);
    ASSERT_FALSE(notEncoded.ok());
    const auto notAnImage = reader.readBase64(QString::fromLatin1(QByteArray("hello").toBase64()));
    ASSERT_FALSE(notAnImage.ok());
    EXPECT_EQ(notAnImage.error().code, Error::Code::InvalidInput);
}

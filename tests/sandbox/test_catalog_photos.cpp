// The bundled CC0 photos (resources/demo/images) as the sandbox serves them.
#include "catalog/photos.h"

#include <gtest/gtest.h>

#include <QCryptographicHash>
#include <QImage>
#include <QSet>

using namespace Qt::StringLiterals;
using namespace tagdesk::sandbox;

TEST(CatalogPhotos, AllThirtyPhotosAreEmbeddedWithTheirLabels) {
    const QStringList names = photoNames();
    ASSERT_EQ(names.size(), 30);
    EXPECT_TRUE(std::is_sorted(names.cbegin(), names.cend()));
    EXPECT_EQ(photoLabels(),
              QStringList({u"dress"_s, u"hat"_s, u"longsleeve"_s, u"outwear"_s, u"pants"_s,
                           u"shirt"_s, u"shoes"_s, u"shorts"_s, u"skirt"_s, u"t-shirt"_s}));
    for (const QString &label : photoLabels())
        EXPECT_EQ(photosWithLabel(label).size(), 3) << label.toStdString();

    for (const QString &name : names) {
        const QByteArray bytes = photoBytes(name);
        ASSERT_FALSE(bytes.isEmpty()) << name.toStdString();
        EXPECT_TRUE(bytes.startsWith("\xFF\xD8")) << "not a JPEG: " << name.toStdString();
        const auto info = photoInfo(name);
        ASSERT_TRUE(info.has_value());
        EXPECT_EQ(info->name, name);
        EXPECT_TRUE(name.startsWith(info->label + u"__"_s));
        EXPECT_FALSE(info->colour.isEmpty());
        // labels.csv's sizes are the real ones.
        const QImage image = QImage::fromData(bytes);
        EXPECT_EQ(image.width(), info->width) << name.toStdString();
        EXPECT_EQ(image.height(), info->height) << name.toStdString();
    }
}

TEST(CatalogPhotos, KnowsAPhotoByItsContent) {
    const QString name = u"shoes__0dd87e47-ca85-4d5c-9fd1-59f5a01eb656.jpg"_s;
    EXPECT_EQ(photoWithContent(photoBytes(name)), name);
    QByteArray changed = photoBytes(name);
    changed[changed.size() / 2] = char(changed.at(changed.size() / 2) ^ 1);
    EXPECT_FALSE(photoWithContent(changed).has_value());
}

TEST(CatalogPhotos, UnknownNamesGiveNothing) {
    EXPECT_TRUE(photoBytes(u"nope.jpg"_s).isEmpty());
    EXPECT_FALSE(photoInfo(u"nope.jpg"_s).has_value());
    // The licence and labels files sit next to the photos but are not photos.
    EXPECT_TRUE(photoBytes(u"labels.csv"_s).isEmpty());
    EXPECT_TRUE(photoBytes(u"LICENSE-clothing-dataset-small-CC0.txt"_s).isEmpty());
    EXPECT_TRUE(photosWithLabel(u"bags"_s).isEmpty());
}

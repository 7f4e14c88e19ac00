// The content-addressed image cache on a real folder, and its index in the database.
#include "cache/imagecache.h"
#include "cache/imagecompleteness.h"
#include "storage/imagerepository.h"
#include "storage/jobproductrepository.h"
#include "storage/jobrepository.h"
#include "support/testdatabase.h"

#include <gtest/gtest.h>

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QTemporaryDir>

using namespace tagdesk;
using namespace tagdesk::test;

namespace {
QByteArray photo(const char *name) {
    return readFile(testData(QStringLiteral("images/") + QLatin1String(name)));
}
const char *const dress = "dress__06a00c0f-5f9a-410d-a7da-3881a9df3a71.jpg";
const char *const hat = "hat__2a12baab-f020-42e3-8e6b-5d82e3ed0b55.jpg";
} // namespace

TEST(ImageCache, StoresARealPhotoUnderItsHashAndLoadsItBack) {
    QTemporaryDir dir;
    ImageCache cache(dir.path());
    const QByteArray bytes = photo(dress);
    ASSERT_FALSE(bytes.isEmpty());
    auto stored = cache.store(bytes);
    ASSERT_TRUE(stored.ok()) << stored.error().message.toStdString();
    EXPECT_EQ(stored->mime, QStringLiteral("image/jpeg"));
    EXPECT_EQ(stored->width, 400);
    EXPECT_GT(stored->height, 0);
    EXPECT_EQ(stored->sha256.size(), 64);
    EXPECT_TRUE(cache.contains(stored->sha256));
    EXPECT_EQ(cache.load(stored->sha256).value(), bytes);
    EXPECT_EQ(cache.store(bytes)->sha256, stored->sha256) << "storing twice is harmless";
}

TEST(ImageCache, RefusesNonImagesWithAMessageSayingWhatTheyAre) {
    QTemporaryDir dir;
    ImageCache cache(dir.path());
    auto html = cache.store("<!DOCTYPE html><html><body>Not found</body></html>");
    ASSERT_FALSE(html.ok());
    EXPECT_TRUE(html.error().message.contains(QStringLiteral("HTML page")))
        << html.error().message.toStdString();
    EXPECT_FALSE(cache.store(QByteArray()).ok());

    QByteArray truncated = photo(hat).left(20); // a JPEG header and nothing else
    auto broken = cache.store(truncated);
    ASSERT_FALSE(broken.ok());
    EXPECT_TRUE(
        QDir(dir.path()).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot).isEmpty())
        << "nothing was written";
}

TEST(ImageCache, ReportsAFileDamagedOnDisk) {
    QTemporaryDir dir;
    ImageCache cache(dir.path());
    const QString sha = cache.store(photo(hat))->sha256;
    QFile f(cache.pathFor(sha));
    ASSERT_TRUE(f.open(QIODevice::ReadWrite));
    f.seek(100);
    f.write("XXXX");
    f.close();
    auto loaded = cache.load(sha);
    ASSERT_FALSE(loaded.ok());
    EXPECT_TRUE(loaded.error().message.contains(QStringLiteral("damaged")));
}

TEST(ImageCache, EvictionTakesImagesNoActiveJobNeedsLeastRecentlyUsedFirst) {
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    const QList<CacheEntryUse> entries{
        {QStringLiteral("active-old"), 100, t0, true},
        {QStringLiteral("archived-new"), 100, t0.addSecs(30), false},
        {QStringLiteral("archived-old"), 100, t0.addSecs(10), false},
        {QStringLiteral("active-new"), 100, t0.addSecs(40), true},
    };
    EXPECT_EQ(ImageCache::evictionPlan(entries, 400), QList<QString>{});
    EXPECT_EQ(ImageCache::evictionPlan(entries, 300),
              QList<QString>{QStringLiteral("archived-old")});
    EXPECT_EQ(ImageCache::evictionPlan(entries, 0),
              (QList<QString>{QStringLiteral("archived-old"), QStringLiteral("archived-new")}))
        << "images an active job needs are never evicted";
}

TEST(ImageRepository, KnowsWhichImagesActiveJobsNeed) {
    TempSqlite db;
    auto conn = db.open();
    QTemporaryDir dir;
    ImageCache cache(dir.path());
    JobRepository jobs(*conn);
    NewJob n;
    n.name = QStringLiteral("active");
    const qint64 active = jobs.insert(n.validated().value())->id;
    n.name = QStringLiteral("archived");
    const qint64 archived = jobs.insert(n.validated().value())->id;
    ASSERT_TRUE(jobs.setArchived(archived, true).ok());
    JobProduct p;
    p.productId = QStringLiteral("gid://shopify/Product/1");
    ASSERT_TRUE(JobProductRepository(*conn).addProducts(active, {p}).ok());
    ASSERT_TRUE(JobProductRepository(*conn).addProducts(archived, {p}).ok());

    ImageRepository images(*conn);
    const CachedImage a = cache.store(photo(dress)).value();
    const CachedImage b = cache.store(photo(hat)).value();
    ASSERT_TRUE(images.recordImage(a, QDateTime::currentDateTimeUtc()).ok());
    ASSERT_TRUE(images.recordImage(b, QDateTime::currentDateTimeUtc()).ok());
    ASSERT_TRUE(images
                    .saveProductImage({active,
                                       p.productId,
                                       QStringLiteral("gid://shopify/MediaImage/1"),
                                       0,
                                       QUrl(QStringLiteral("https://cdn.example/a.jpg")),
                                       a.sha256,
                                       {}})
                    .ok());
    ASSERT_TRUE(images
                    .saveProductImage({archived,
                                       p.productId,
                                       QStringLiteral("gid://shopify/MediaImage/2"),
                                       0,
                                       QUrl(QStringLiteral("https://cdn.example/b.jpg")),
                                       b.sha256,
                                       {}})
                    .ok());

    auto use = images.cacheUse();
    ASSERT_TRUE(use.ok());
    ASSERT_EQ(use->size(), 2);
    for (const CacheEntryUse &u : use.value())
        EXPECT_EQ(u.neededByActiveJob, u.sha256 == a.sha256);

    const QList<QString> plan = ImageCache::evictionPlan(use.value(), a.bytes);
    ASSERT_EQ(plan, QList<QString>{b.sha256});
    ASSERT_TRUE(images.forgetImages(plan).ok());
    auto archivedImages = images.forProduct(archived, p.productId);
    ASSERT_EQ(archivedImages->size(), 1);
    EXPECT_TRUE(archivedImages->at(0).sha256.isEmpty());
    EXPECT_FALSE(archivedImages->at(0).error.isEmpty());
    EXPECT_EQ(images.forProduct(active, p.productId)->at(0).sha256, a.sha256);
}

TEST(ImageCache, RefusesAPhotoCutShortAtAnyPointButTakesBytesAfterItsEnd) {
    QTemporaryDir dir;
    ImageCache cache(dir.path());
    const QByteArray whole = photo(dress);
    EXPECT_EQ(imageCompleteness(whole), ImageCompleteness::Complete);
    for (int tenth = 1; tenth <= 9; ++tenth) {
        auto cut = cache.store(whole.left(whole.size() * tenth / 10));
        ASSERT_FALSE(cut.ok()) << "cut at " << tenth << "/10 was taken";
        EXPECT_TRUE(cut.error().message.contains(QStringLiteral("cut short")) ||
                    cut.error().message.contains(QStringLiteral("size cannot be read")))
            << cut.error().message.toStdString();
    }
    // Cameras and editors may leave data after the end-of-image marker; decoders ignore it.
    EXPECT_TRUE(cache.store(whole + QByteArray(3000, 'x')).ok());
    QByteArray png;
    {
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        ASSERT_TRUE(QImage::fromData(whole).scaled(64, 64).save(&buffer, "PNG"));
    }
    EXPECT_TRUE(cache.store(png).ok());
    auto cutPng = cache.store(png.left(png.size() - 20));
    ASSERT_FALSE(cutPng.ok());
    EXPECT_TRUE(cutPng.error().message.contains(QStringLiteral("PNG image is cut short")))
        << cutPng.error().message.toStdString();
}

TEST(ImageCache, RefusesAPictureTooManyPixelsToDecodeNamingItsSize) {
    QTemporaryDir dir;
    ImageCache cache(dir.path());
    QImage wide(4000, 3000, QImage::Format_RGB32); // 48 MB decoded: within Qt's limit
    wide.fill(Qt::darkBlue);
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    ASSERT_TRUE(wide.save(&buffer, "JPEG", 50));
    EXPECT_TRUE(cache.store(jpeg).ok());

    const qint64 limit = QImageReader::allocationLimit();
    QImageReader::setAllocationLimit(40); // as if the picture were twice the real limit
    auto refused = cache.store(jpeg);
    QImageReader::setAllocationLimit(int(limit));
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("4000 × 3000 pixels")))
        << refused.error().message.toStdString();
}

// The built-in demo catalog and synthetic growth for benchmarks.
#include "catalog/catalogloader.h"
#include "catalog/photos.h"

#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QFile>
#include <QSet>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace tagdesk::sandbox;

TEST(CatalogDemo, HasSixtyOrMoreFashionProductsWithRealPhotos) {
    const Catalog catalog = demoCatalog();
    ASSERT_GE(catalog.products.size(), 60);
    const QStringList photos = photoNames();
    QSet<QString> ids, handles, photosShown;
    int withTags = 0, withAlt = 0, withMetafields = 0, withoutType = 0;
    for (const StoreProduct &product : catalog.products) {
        EXPECT_TRUE(product.id.startsWith(u"gid://shopify/Product/"_s));
        EXPECT_FALSE(ids.contains(product.id));
        EXPECT_FALSE(handles.contains(product.handle));
        ids.insert(product.id);
        handles.insert(product.handle);
        EXPECT_FALSE(product.title.isEmpty());
        EXPECT_FALSE(product.vendor.isEmpty());
        EXPECT_TRUE(product.descriptionHtml.startsWith(u"<p>"_s));
        withTags += !product.tags.isEmpty();
        withMetafields += !product.metafields.isEmpty();
        withoutType += product.productType.isEmpty();
        for (const StoreImage &image : product.media) {
            EXPECT_TRUE(photos.contains(image.photo));
            photosShown.insert(image.photo);
            withAlt += !image.alt.isEmpty();
        }
    }
    EXPECT_EQ(photosShown.size(), 30) << "every bundled photo is shown";
    EXPECT_GT(withTags, 10);
    EXPECT_GT(withAlt, 10);
    EXPECT_GT(withMetafields, 5);
    EXPECT_GT(withoutType, 10) << "some products leave work for the tagger";
    EXPECT_GE(catalog.collections.size(), 8);

    // Every status a store has.
    QSet<QString> statuses;
    for (const StoreProduct &product : catalog.products)
        statuses.insert(product.status);
    EXPECT_EQ(statuses, QSet<QString>({u"ACTIVE"_s, u"DRAFT"_s, u"ARCHIVED"_s}));
}

TEST(CatalogDemo, TitlesMatchThePhotos) {
    // The photo chosen for a product is the garment its title names.
    const Catalog catalog = demoCatalog();
    const auto product = [&catalog](const QString &title) {
        for (const StoreProduct &p : catalog.products)
            if (p.title == title)
                return p;
        ADD_FAILURE() << "no product " << title.toStdString();
        return StoreProduct{};
    };
    const StoreProduct dress = product(u"Navy Floral Tea Dress"_s);
    ASSERT_EQ(dress.media.size(), 1);
    EXPECT_EQ(dress.media.first().label, u"dress"_s);
    EXPECT_EQ(dress.media.first().colour, u"navy"_s);
    const StoreProduct slides = product(u"Neon Yellow Pool Slides"_s);
    ASSERT_EQ(slides.media.size(), 1);
    EXPECT_EQ(slides.media.first().photo, u"shoes__0dd87e47-ca85-4d5c-9fd1-59f5a01eb656.jpg"_s);
    EXPECT_TRUE(product(u"Digital Gift Card"_s).media.isEmpty());
}

TEST(CatalogDemo, IsTheSameOnEveryCallAndMatchesTheShippedFile) {
    const Catalog first = demoCatalog();
    const Catalog second = demoCatalog();
    EXPECT_EQ(first.products, second.products);
    EXPECT_EQ(first.collections, second.collections);
    // Loaded through the ordinary loader from the embedded file.
    QFile file(u":/demo/catalog.json"_s);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const auto parsed = parseCatalog(file.readAll(), u"catalog.json"_s);
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed->products, first.products);
}

TEST(CatalogGrowth, GrowsToNWithUniqueIdsAndSharedPhotos) {
    Catalog catalog = demoCatalog();
    const qsizetype seedCount = catalog.products.size();
    growCatalog(catalog, 500);
    ASSERT_EQ(catalog.products.size(), 500);
    QSet<QString> ids, handles, mediaIds, metafieldIds;
    for (const StoreProduct &product : catalog.products) {
        ids.insert(product.id);
        handles.insert(product.handle);
        for (const StoreImage &image : product.media) {
            mediaIds.insert(image.mediaId);
            EXPECT_FALSE(image.photo.isEmpty());
        }
        for (const StoreMetafield &metafield : product.metafields)
            metafieldIds.insert(metafield.id);
    }
    EXPECT_EQ(ids.size(), 500);
    EXPECT_EQ(handles.size(), 500);
    qsizetype mediaCount = 0, metafieldCount = 0;
    for (const StoreProduct &product : catalog.products) {
        mediaCount += product.media.size();
        metafieldCount += product.metafields.size();
    }
    EXPECT_EQ(mediaIds.size(), mediaCount);
    EXPECT_EQ(metafieldIds.size(), metafieldCount);

    // The seed products are untouched; a grown one copies its seed's content.
    EXPECT_EQ(catalog.products.mid(0, seedCount), demoCatalog().products);
    const StoreProduct &grown = catalog.products.at(seedCount);
    const StoreProduct &seed = catalog.products.at(0);
    EXPECT_TRUE(grown.title.startsWith(seed.title));
    EXPECT_NE(grown.title, seed.title);
    EXPECT_EQ(grown.tags, seed.tags);
    EXPECT_EQ(grown.media.size(), seed.media.size());
    EXPECT_EQ(grown.media.first().photo, seed.media.first().photo);
}

TEST(CatalogGrowth, IsDeterministicAndLeavesLargeCatalogsAlone) {
    Catalog first = demoCatalog();
    Catalog second = demoCatalog();
    growCatalog(first, 300);
    growCatalog(second, 300);
    EXPECT_EQ(first.products, second.products);
    growCatalog(first, 10);
    EXPECT_EQ(first.products.size(), 300);
    Catalog empty;
    growCatalog(empty, 10);
    EXPECT_TRUE(empty.products.isEmpty()) << "nothing to copy from";
}

TEST(CatalogGrowth, ReachesOneHundredThousandProducts) {
    Catalog catalog = demoCatalog();
    const qsizetype seedCount = catalog.products.size();
    QElapsedTimer timer;
    timer.start();
    growCatalog(catalog, 100'000);
    // Reported, not asserted: timings depend on the machine.
    std::printf("[ info     ] grew the demo catalog to 100,000 products in %lld ms\n",
                static_cast<long long>(timer.elapsed()));
    ASSERT_EQ(catalog.products.size(), 100'000);
    const StoreProduct &last = catalog.products.last();
    EXPECT_EQ(last.handle, catalog.products.at(99'999 % seedCount).handle + u"-100000"_s);
    QSet<QString> ids;
    ids.reserve(100'000);
    for (const StoreProduct &product : catalog.products)
        ids.insert(product.id);
    EXPECT_EQ(ids.size(), 100'000);
    // Photos are shared by name: still only the 30 bundled ones.
    QSet<QString> photos;
    for (const StoreProduct &product : catalog.products)
        for (const StoreImage &image : product.media)
            photos.insert(image.photo);
    EXPECT_EQ(photos.size(), 30);
}

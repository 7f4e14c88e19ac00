// The catalog loader over every real catalog format in tests/data/catalogs (see its
// README.md), and its error messages for malformed input.
#include "catalog/catalogloader.h"
#include "catalog/photomapping.h"
#include "catalog/photos.h"

#include "support/testdatabase.h"

#include <gtest/gtest.h>

#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace tagdesk;
using namespace tagdesk::sandbox;

namespace {

Catalog loadOrFail(const QString &file) {
    Result<Catalog> catalog = loadCatalogFile(test::testData(u"catalogs/"_s + file));
    EXPECT_TRUE(catalog.ok()) << (catalog ? "" : catalog.error().message.toStdString());
    return catalog ? std::move(catalog).value() : Catalog{};
}

const StoreProduct *findProduct(const Catalog &catalog, const QString &id) {
    for (const StoreProduct &product : catalog.products)
        if (product.id == id)
            return &product;
    return nullptr;
}

// What every loaded catalog must satisfy: gids, unique ids, every image on a bundled photo.
void expectWellFormed(const Catalog &catalog) {
    static const QRegularExpression productGid(u"^gid://shopify/Product/\\d+$"_s);
    static const QRegularExpression mediaGid(u"^gid://shopify/MediaImage/\\d+$"_s);
    static const QRegularExpression imageGid(u"^gid://shopify/ImageSource/\\d+$"_s);
    static const QRegularExpression metafieldGid(u"^gid://shopify/Metafield/\\d+$"_s);
    QSet<QString> productIds, mediaIds, handles;
    const QStringList photos = photoNames();
    for (const StoreProduct &product : catalog.products) {
        EXPECT_TRUE(productGid.match(product.id).hasMatch()) << product.id.toStdString();
        EXPECT_FALSE(productIds.contains(product.id)) << product.id.toStdString();
        productIds.insert(product.id);
        EXPECT_FALSE(product.title.isEmpty());
        EXPECT_FALSE(product.handle.isEmpty());
        EXPECT_TRUE(product.createdAt.isValid());
        EXPECT_TRUE(product.updatedAt.isValid());
        EXPECT_EQ(product.updatedAt.timeSpec(), Qt::UTC);
        EXPECT_TRUE(QStringList({u"ACTIVE"_s, u"DRAFT"_s, u"ARCHIVED"_s}).contains(product.status));
        for (const StoreImage &image : product.media) {
            EXPECT_TRUE(mediaGid.match(image.mediaId).hasMatch()) << image.mediaId.toStdString();
            EXPECT_TRUE(imageGid.match(image.imageId).hasMatch()) << image.imageId.toStdString();
            EXPECT_FALSE(mediaIds.contains(image.mediaId)) << image.mediaId.toStdString();
            mediaIds.insert(image.mediaId);
            EXPECT_TRUE(photos.contains(image.photo)) << image.photo.toStdString();
            EXPECT_FALSE(image.label.isEmpty());
            EXPECT_FALSE(image.colour.isEmpty());
            EXPECT_GT(image.width, 0);
            EXPECT_GT(image.height, 0);
        }
        for (const StoreMetafield &metafield : product.metafields)
            EXPECT_TRUE(metafieldGid.match(metafield.id).hasMatch());
    }
}

} // namespace

TEST(CatalogLoader, ReadsAStorefrontProductsJson) {
    const Catalog catalog = loadOrFail(u"kith-storefront-products.json"_s);
    ASSERT_EQ(catalog.products.size(), 30);
    expectWellFormed(catalog);

    const StoreProduct *bikini = findProduct(catalog, u"gid://shopify/Product/8285549396096"_s);
    ASSERT_NE(bikini, nullptr);
    EXPECT_EQ(bikini->title, u"Giorgio Armani & Kith Women Bikini - Nocturnal PH"_s);
    EXPECT_EQ(bikini->handle, u"gw002297f20417n-ph"_s);
    EXPECT_EQ(bikini->vendor, u"Kith Women"_s);
    EXPECT_EQ(bikini->productType, u"Placeholder"_s);
    EXPECT_EQ(bikini->status, u"ACTIVE"_s);
    EXPECT_EQ(bikini->tags.size(), 8);
    EXPECT_TRUE(bikini->tags.contains(u"swim"_s));
    EXPECT_TRUE(bikini->descriptionHtml.startsWith(u"<p>Top and bottom set"_s));
    EXPECT_EQ(bikini->media.size(), 7);
    // The storefront image id is kept as the media number.
    EXPECT_EQ(bikini->media.first().mediaId, u"gid://shopify/MediaImage/41594638434432"_s);
    EXPECT_EQ(bikini->media.first().imageId, u"gid://shopify/ImageSource/41594638434432"_s);
    EXPECT_EQ(bikini->updatedAt, QDateTime::fromString(u"2025-07-09T04:42:45Z"_s, Qt::ISODate));
}

TEST(CatalogLoader, ReadsAStorefrontFileWithoutTypesOrTags) {
    const Catalog catalog = loadOrFail(u"hadesculture-storefront-products.json"_s);
    ASSERT_EQ(catalog.products.size(), 9);
    expectWellFormed(catalog);
    const StoreProduct &first = catalog.products.first();
    EXPECT_EQ(first.title, u"Bronze Ace"_s);
    EXPECT_TRUE(first.productType.isEmpty());
    EXPECT_TRUE(first.tags.isEmpty());
    EXPECT_EQ(first.media.size(), 7);
}

TEST(CatalogLoader, ReadsAnAdminRestProductsJson) {
    const Catalog catalog = loadOrFail(u"devstore-admin-rest-products.json"_s);
    ASSERT_EQ(catalog.products.size(), 47);
    expectWellFormed(catalog);
    const StoreProduct &backpack = catalog.products.first();
    EXPECT_EQ(backpack.id, u"gid://shopify/Product/8546664251674"_s);
    EXPECT_EQ(backpack.title, u"ADIDAS | CLASSIC BACKPACK"_s);
    EXPECT_EQ(backpack.vendor, u"ADIDAS"_s);
    EXPECT_EQ(backpack.productType, u"ACCESSORIES"_s);
    // Admin REST gives tags as one comma-separated string.
    EXPECT_EQ(backpack.tags, QStringList({u"adidas"_s, u"backpack"_s, u"egnition-sample-data"_s}));
    EXPECT_EQ(backpack.media.size(), 3);
    EXPECT_EQ(backpack.media.first().mediaId, u"gid://shopify/MediaImage/42387798262042"_s);

    // SHOES products show shoes.
    qsizetype shoes = 0;
    for (const StoreProduct &product : catalog.products) {
        if (product.productType == u"SHOES"_s) {
            ++shoes;
            for (const StoreImage &image : product.media)
                EXPECT_EQ(image.label, u"shoes"_s) << product.title.toStdString();
        }
    }
    EXPECT_GT(shoes, 20);
    // One product in the file has no images at all, and keeps none.
    EXPECT_EQ(std::count_if(catalog.products.cbegin(), catalog.products.cend(),
                            [](const StoreProduct &p) { return p.media.isEmpty(); }),
              1);
}

TEST(CatalogLoader, ReadsAnArrayOfGraphqlProductNodes) {
    const Catalog catalog = loadOrFail(u"allovin-admin-graphql-products-164.json"_s);
    ASSERT_EQ(catalog.products.size(), 164);
    expectWellFormed(catalog);
    const StoreProduct *dress = findProduct(catalog, u"gid://shopify/Product/6730232070281"_s);
    ASSERT_NE(dress, nullptr);
    EXPECT_EQ(dress->title, u"ALLOVIN Red Long Sleeve Burgundy Dress"_s);
    EXPECT_EQ(dress->handle, u"allovin-red-long-sleeve-burgundy-dress-baby-toddler-girl-lsd001"_s);
    EXPECT_EQ(dress->tags.size(), 10);
    EXPECT_TRUE(dress->descriptionHtml.contains(u"<span>"_s));
    EXPECT_GE(dress->media.size(), 5);
    // "Long Sleeve … Dress" is a dress: the garment word that ends the title wins.
    for (const StoreImage &image : dress->media)
        EXPECT_EQ(image.label, u"dress"_s);
    EXPECT_EQ(dress->createdAt, QDateTime::fromString(u"2021-12-10T08:50:32Z"_s, Qt::ISODate));
    EXPECT_EQ(dress->collectionIds.size(), 10);
    EXPECT_TRUE(dress->collectionIds.contains(u"gid://shopify/Collection/263704477833"_s));

    // Collections are gathered once each, with their real ids, handles and titles.
    QSet<QString> collectionIds;
    for (const StoreCollection &collection : catalog.collections) {
        EXPECT_FALSE(collectionIds.contains(collection.id));
        collectionIds.insert(collection.id);
    }
    const auto sale = std::find_if(catalog.collections.cbegin(), catalog.collections.cend(),
                                   [](const StoreCollection &c) {
                                       return c.id == u"gid://shopify/Collection/263704477833"_s;
                                   });
    ASSERT_NE(sale, catalog.collections.cend());
    EXPECT_EQ(sale->handle, u"sale"_s);
}

TEST(CatalogLoader, ReadsAWholeGraphqlAnswerWithEdges) {
    const Catalog catalog = loadOrFail(u"easybuyadmin-admin-graphql-products-response.json"_s);
    ASSERT_EQ(catalog.products.size(), 5);
    expectWellFormed(catalog);
    const StoreProduct &first = catalog.products.first();
    EXPECT_EQ(first.id, u"gid://shopify/Product/8311143858483"_s);
    EXPECT_EQ(first.title, u"ADIDAS | CLASSIC BACKPACK | LEGEND INK MULTICOLOUR"_s);
    EXPECT_EQ(first.vendor, u"ADIDAS"_s);
    EXPECT_EQ(first.productType, u"ACCESSORIES"_s);
    EXPECT_EQ(first.media.size(), 3);
    // Only a plain `description` was exported: it becomes (escaped) descriptionHtml.
    EXPECT_TRUE(first.descriptionHtml.startsWith(u"The adidas BP Classic Cap"_s));
    // Collections given by title only get a made-up gid and a handle from the title.
    ASSERT_EQ(first.collectionIds.size(), 1);
    const auto adidas =
        std::find_if(catalog.collections.cbegin(), catalog.collections.cend(),
                     [](const StoreCollection &c) { return c.title == u"ADIDAS"_s; });
    ASSERT_NE(adidas, catalog.collections.cend());
    EXPECT_EQ(adidas->handle, u"adidas"_s);
    EXPECT_EQ(first.collectionIds.first(), adidas->id);
}

TEST(CatalogLoader, LoadingTwiceGivesTheSameCatalog) {
    for (const QString &file :
         {u"allovin-admin-graphql-products-164.json"_s, u"kith-storefront-products.json"_s,
          u"devstore-admin-rest-products.json"_s,
          u"easybuyadmin-admin-graphql-products-response.json"_s}) {
        const Catalog first = loadOrFail(file);
        const Catalog second = loadOrFail(file);
        EXPECT_EQ(first.products, second.products) << file.toStdString();
        EXPECT_EQ(first.collections, second.collections) << file.toStdString();
    }
}

TEST(CatalogLoader, MapsImagesByGarmentWordsInTypeAndTitle) {
    const QByteArray json = R"([
        {"id": "gid://shopify/Product/1", "title": "Everyday Crew Neck T-Shirt",
         "images": {"nodes": [{"url": "https://cdn.example/a.jpg"}, {"url": "https://cdn.example/b.jpg"}]}},
        {"id": "gid://shopify/Product/2", "title": "Ribbed Sweatshirt",
         "images": {"nodes": [{"url": "https://cdn.example/c.jpg"}]}},
        {"id": "gid://shopify/Product/3", "title": "Weekend Hoodie", "productType": "Jackets",
         "images": {"nodes": [{"url": "https://cdn.example/d.jpg"}]}},
        {"id": "gid://shopify/Product/4", "title": "Court Sneakers",
         "images": {"edges": [{"node": {"url": "https://cdn.example/e.jpg", "altText": "Side view", "id": "gid://shopify/ImageSource/77"}}]}}
    ])";
    const Result<Catalog> catalog = parseCatalog(json, u"inline.json"_s);
    ASSERT_TRUE(catalog.ok()) << catalog.error().message.toStdString();
    ASSERT_EQ(catalog->products.size(), 4);
    EXPECT_EQ(catalog->products.at(0).media.at(0).label, u"t-shirt"_s);
    EXPECT_EQ(catalog->products.at(0).media.at(1).label, u"t-shirt"_s);
    // Two images of one product show two different photos of the same kind.
    EXPECT_NE(catalog->products.at(0).media.at(0).photo, catalog->products.at(0).media.at(1).photo);
    EXPECT_EQ(catalog->products.at(1).media.at(0).label, u"longsleeve"_s);
    // The product type outranks the title.
    EXPECT_EQ(catalog->products.at(2).media.at(0).label, u"outwear"_s);
    const StoreImage &sneaker = catalog->products.at(3).media.at(0);
    EXPECT_EQ(sneaker.label, u"shoes"_s);
    EXPECT_EQ(sneaker.alt, u"Side view"_s);
    EXPECT_EQ(sneaker.mediaId, u"gid://shopify/MediaImage/77"_s);
}

TEST(CatalogLoader, KeepsAnImageThatAlreadyNamesABundledPhoto) {
    const QString photo = photoNames().at(5);
    const QByteArray json =
        R"({"products": [{"id": 5, "title": "Thing", "images": [{"id": 9, "src": "http://127.0.0.1:1234/_sandbox/images/)" +
        photo.toUtf8() + R"("}]}]})";
    const Result<Catalog> catalog = parseCatalog(json, u"inline.json"_s);
    ASSERT_TRUE(catalog.ok()) << catalog.error().message.toStdString();
    EXPECT_EQ(catalog->products.at(0).media.at(0).photo, photo);
}

TEST(CatalogLoader, ReadsMetafieldsAndMediaFromGraphqlNodes) {
    const QByteArray json = R"({"data": {"products": {"nodes": [
        {"id": "gid://shopify/Product/10", "title": "Linen Shirt", "status": "DRAFT",
         "updatedAt": "2026-02-01T10:00:00+01:00",
         "media": {"nodes": [{"id": "gid://shopify/MediaImage/31", "alt": "Front",
                              "image": {"url": "https://cdn.example/x.jpg"}}]},
         "metafields": {"edges": [{"node": {"id": "gid://shopify/Metafield/5", "namespace": "custom",
                                            "key": "color", "type": "single_line_text_field", "value": "white"}}]}}
    ]}}})";
    const Result<Catalog> catalog = parseCatalog(json, u"inline.json"_s);
    ASSERT_TRUE(catalog.ok()) << catalog.error().message.toStdString();
    const StoreProduct &shirt = catalog->products.first();
    EXPECT_EQ(shirt.status, u"DRAFT"_s);
    EXPECT_EQ(shirt.handle, u"linen-shirt"_s);
    EXPECT_EQ(shirt.updatedAt, QDateTime::fromString(u"2026-02-01T09:00:00Z"_s, Qt::ISODate));
    ASSERT_EQ(shirt.media.size(), 1);
    EXPECT_EQ(shirt.media.first().mediaId, u"gid://shopify/MediaImage/31"_s);
    EXPECT_EQ(shirt.media.first().alt, u"Front"_s);
    EXPECT_EQ(shirt.media.first().label, u"shirt"_s);
    ASSERT_EQ(shirt.metafields.size(), 1);
    EXPECT_EQ(shirt.metafields.first().id, u"gid://shopify/Metafield/5"_s);
    EXPECT_EQ(shirt.metafields.first().ns, u"custom"_s);
    EXPECT_EQ(shirt.metafields.first().value, u"white"_s);
}

TEST(CatalogLoader, ReadsABareProductsConnectionAndSkipsAByteOrderMark) {
    const QByteArray json = "\xEF\xBB\xBF"
                            R"({"products": {"edges": [
        {"node": {"id": "gid://shopify/Product/3", "title": "Wool Coat"}}]}})";
    const Result<Catalog> catalog = parseCatalog(json, u"saved-data.json"_s);
    ASSERT_TRUE(catalog.ok()) << catalog.error().message.toStdString();
    ASSERT_EQ(catalog->products.size(), 1);
    EXPECT_EQ(catalog->products.first().title, u"Wool Coat"_s);
    EXPECT_TRUE(catalog->products.first().media.isEmpty());
}

// Malformed input: the error names the file and says what is wrong.
struct MalformedCase {
    const char *content;
    const char *expectedWords;
};

class CatalogLoaderRejects : public ::testing::TestWithParam<MalformedCase> {};

TEST_P(CatalogLoaderRejects, WithAMessageNamingTheFileAndTheProblem) {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"broken-catalog.json"_s);
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(GetParam().content);
    file.close();

    const Result<Catalog> catalog = loadCatalogFile(path);
    ASSERT_FALSE(catalog.ok());
    EXPECT_EQ(catalog.error().code, Error::Code::InvalidInput);
    const QString message = catalog.error().message;
    EXPECT_TRUE(message.contains(path)) << message.toStdString();
    EXPECT_TRUE(message.contains(QString::fromUtf8(GetParam().expectedWords)))
        << message.toStdString();
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, CatalogLoaderRejects,
    ::testing::Values(
        MalformedCase{"", "the file is empty"}, MalformedCase{"   \n", "the file is empty"},
        MalformedCase{"<html>not json</html>", "not JSON"},
        MalformedCase{"{\"products\": [", "not JSON"},
        MalformedCase{"{\"products\": []}", "contains no products"},
        MalformedCase{"[]", "contains no products"},
        MalformedCase{"{\"data\": {\"products\": {\"edges\": []}}}", "contains no products"},
        MalformedCase{"{\"shop\": {\"name\": \"x\"}}", "found an object with the fields shop"},
        MalformedCase{"{\"errors\": [{\"message\": \"Access denied\"}]}",
                      "GraphQL answer with errors and no products: Access denied"},
        MalformedCase{"[1, 2]", "product 1 is not a JSON object"},
        MalformedCase{"{\"products\": [{\"id\": 1, \"title\": \"A\"}, {\"id\": 2}]}",
                      "product 2: it has no title"},
        MalformedCase{"[{\"id\": \"gid://shopify/Product/1\", \"title\": \"A\"}, "
                      "{\"id\": \"gid://shopify/Product/1\", \"title\": \"B\"}]",
                      "product 2: product id gid://shopify/Product/1 appears twice"}));

TEST(CatalogLoader, SaysWhenTheFileCannotBeRead) {
    const Result<Catalog> catalog = loadCatalogFile(u"/nonexistent/catalog.json"_s);
    ASSERT_FALSE(catalog.ok());
    EXPECT_EQ(catalog.error().code, Error::Code::NotFound);
    EXPECT_TRUE(catalog.error().message.contains(u"/nonexistent/catalog.json"_s));
}

TEST(CatalogLoader, MapsMostProductsOfRealStoresByTheirGarmentWords) {
    // Reported per file, and held to a floor where the store sells clothes: the rest (bags,
    // bikinis, gift cards) get a photo chosen by hash.
    const QList<QPair<QString, double>> files{
        {u"allovin-admin-graphql-products-164.json"_s, 0.85},
        {u"kith-storefront-products.json"_s, 0.6},
        {u"hadesculture-storefront-products.json"_s, 0.0},
        {u"devstore-admin-rest-products.json"_s, 0.5},
        {u"easybuyadmin-admin-graphql-products-response.json"_s, 0.0},
    };
    for (const auto &[file, floor] : files) {
        const Catalog catalog = loadOrFail(file);
        qsizetype byWords = 0;
        for (const StoreProduct &product : catalog.products)
            byWords += !garmentLabelFor(product.productType, product.title).isEmpty();
        const double share = double(byWords) / double(catalog.products.size());
        std::printf("[ info     ] %s: %lld of %lld products mapped by garment words\n",
                    qPrintable(file), static_cast<long long>(byWords),
                    static_cast<long long>(catalog.products.size()));
        EXPECT_GE(share, floor) << file.toStdString();
    }
}

TEST(CatalogLoader, ReadsGarmentWordsTheWayTitlesUseThem) {
    const QList<QPair<QString, QString>> titles{
        {u"ALLOVIN Red Long Sleeve Burgundy Dress"_s, u"dress"_s},
        {u"Giorgio Armani & Kith Sardinia Short Sleeve Zip Shirt - Multi PH"_s, u"shirt"_s},
        {u"Giorgio Armani & Kith Capri Active Short - Multi PH"_s, u"shorts"_s},
        {u"Toddler Boys Bow Tie Short Sleeve Cotton Shirt & Suspender Shorts"_s, u"shorts"_s},
        {u"Essential T-Shirt Short Sleeve"_s, u"t-shirt"_s},
        {u"Giorgio Armani & Kith Summer Trouser - Ghost PH"_s, u"pants"_s},
        {u"Ribbed Sweatshirt"_s, u"longsleeve"_s},
        {u"Giorgio Armani & Kith Twill Two-Tone Classic Cap - Sandrift PH"_s, u"hat"_s},
        {u"RELIC VEST"_s, u"outwear"_s},
        {u"Giorgio Armani & Kith Canvas Tote - Nocturnal PH"_s, QString()},
    };
    for (const auto &[title, label] : titles)
        EXPECT_EQ(garmentLabelFor(QString(), title), label) << title.toStdString();
    EXPECT_EQ(garmentLabelFor(u"SHOES"_s, u"VANS | ERA 59 MOROCCAN | GEO/DRESS BLUES"_s),
              u"shoes"_s)
        << "the product type outranks a word in the title";
}

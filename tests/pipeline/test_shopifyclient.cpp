// The Shopify client against the sandbox store over real sockets: scopes at connect,
// clear refusals, paging through a real catalog, and the throttle absorbing THROTTLED,
// 429 storms and malformed answers.
#include "pipeline/productreadahead.h"
#include "pipeline/sandboxfixture.h"
#include "shopify/bulkmutation.h"
#include "shopify/bulkproductreader.h"
#include "support/qtprinters.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSet>

using namespace tagdesk;
using namespace tagdesk::test;

namespace {
ShopifyCredentials token(const QString &t) {
    ShopifyCredentials c;
    c.accessToken = t;
    return c;
}

QSet<QString> allIds(ShopifyClient &shopify, const QString &query, int pageSize) {
    QSet<QString> ids;
    QString cursor;
    for (;;) {
        auto page = await(shopify.productsPage(query, cursor, pageSize));
        EXPECT_TRUE(page.ok()) << (page ? "" : page.error().message.toStdString());
        if (!page)
            break;
        for (const ProductSnapshot &p : page->products) {
            EXPECT_FALSE(ids.contains(p.id)) << "no product twice: " << p.id.toStdString();
            ids.insert(p.id);
        }
        if (!page->hasNextPage)
            break;
        cursor = page->endCursor;
    }
    return ids;
}

// Every product of the store read page by page, by id.
QHash<QString, ProductSnapshot> pagedProducts(ShopifyClient &shopify) {
    QHash<QString, ProductSnapshot> out;
    QString cursor;
    for (;;) {
        auto page = await(shopify.productsPage(QString(), cursor, 50));
        EXPECT_TRUE(page.ok()) << (page ? "" : page.error().message.toStdString());
        if (!page)
            break;
        for (const ProductSnapshot &p : page->products)
            out.insert(p.id, p);
        if (!page->hasNextPage)
            break;
        cursor = page->endCursor;
    }
    return out;
}

sandbox::StoreMetafield storeMetafield(int n, const QString &ns, const QString &key,
                                       const QString &type, const QString &value) {
    sandbox::StoreMetafield m;
    m.id = QStringLiteral("gid://shopify/Metafield/%1").arg(9900 + n);
    m.ns = ns;
    m.key = key;
    m.type = type;
    m.value = value;
    return m;
}

QByteArray json(const ProductSnapshot &p) {
    return QJsonDocument(p.toJson()).toJson(QJsonDocument::Indented);
}

// Starts the products bulk export and polls it until it is finished, as the lister does.
BulkOperationStatus finishedBulkExport(ShopifyClient &shopify) {
    auto id = await(shopify.startProductsBulkQuery(QString()));
    EXPECT_TRUE(id.ok()) << (id ? "" : id.error().message.toStdString());
    BulkOperationStatus status;
    if (!id)
        return status;
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            auto s = await(shopify.bulkOperation(id.value()));
            EXPECT_TRUE(s.ok());
            status = s ? s.value() : BulkOperationStatus{};
            return !s || status.finished();
        },
        std::numeric_limits<int>::max()));
    return status;
}

QByteArray download(QNetworkAccessManager &network, const QUrl &url) {
    QNetworkReply *reply = network.get(QNetworkRequest(url));
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return reply->isFinished(); }, std::numeric_limits<int>::max()));
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

// Reads `jsonl` fed to the reader in two parts, cut at `split`.
QList<ProductSnapshot> readSplitAt(const QByteArray &jsonl, qsizetype split) {
    QList<ProductSnapshot> products;
    BulkProductReader reader([&](ProductSnapshot p) { products.append(p); });
    EXPECT_TRUE(reader.feed(QByteArrayView(jsonl).first(split)).ok());
    EXPECT_TRUE(reader.feed(QByteArrayView(jsonl).sliced(split)).ok());
    EXPECT_TRUE(reader.finish().ok());
    return products;
}

int throttledAnswers(sandbox::SandboxServer &server, QNetworkAccessManager &network) {
    QNetworkReply *reply =
        network.get(QNetworkRequest(QUrl(server.baseUrl() + QStringLiteral("/_sandbox/requests"))));
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return reply->isFinished(); }, std::numeric_limits<int>::max()));
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return int(body.count("THROTTLED")) + int(body.count("throttle-storm"));
}
} // namespace

TEST(ShopifyClient, ConnectReportsTheShopAndWhatTheTokenMayDo) {
    sandbox::SandboxConfig config;
    config.shopify.readOnlyToken = QStringLiteral("shpat_readonly");
    SandboxFixture sandbox(realCatalog(QStringLiteral("kith-storefront-products.json")), config);
    HttpClient http(&sandbox.network, sandbox.fastRetries());

    ShopifyClient full(&http, sandbox.store(), token(QStringLiteral("shpat_sandbox")));
    auto connection = await(full.connectToShop());
    ASSERT_TRUE(connection.ok()) << connection.error().message.toStdString();
    EXPECT_TRUE(connection->scopes.contains(QStringLiteral("write_products")));
    EXPECT_TRUE(connection->scopes.contains(QStringLiteral("read_products")));
    EXPECT_EQ(connection->shopId, QStringLiteral("gid://shopify/Shop/1"));
    EXPECT_EQ(connection->domain, QStringLiteral("tagdesk-sandbox.myshopify.com"));

    ShopifyClient readOnly(&http, sandbox.store(), token(QStringLiteral("shpat_readonly")));
    auto limited = await(readOnly.connectToShop());
    ASSERT_TRUE(limited.ok()) << limited.error().message.toStdString();
    EXPECT_FALSE(limited->scopes.contains(QStringLiteral("write_products")));
}

TEST(ShopifyClient, AWrongTokenIsRefusedWithAMessageSayingWhatToDo) {
    SandboxFixture sandbox(realCatalog(QStringLiteral("kith-storefront-products.json")));
    HttpClient http(&sandbox.network, sandbox.fastRetries());
    ShopifyClient shopify(&http, sandbox.store(), token(QStringLiteral("shpat_wrong")));
    auto connection = await(shopify.connectToShop());
    ASSERT_FALSE(connection.ok());
    EXPECT_TRUE(
        connection.error().message.contains(QStringLiteral("refused the access token (HTTP 401)")))
        << connection.error().message.toStdString();
    EXPECT_TRUE(connection.error().message.contains(QStringLiteral("Settings")));
}

TEST(ShopifyClient, ClientCredentialsGrantGetsAToken) {
    SandboxFixture sandbox(realCatalog(QStringLiteral("kith-storefront-products.json")));
    HttpClient http(&sandbox.network, sandbox.fastRetries());
    ShopifyCredentials c;
    c.clientId = QStringLiteral("sandbox-client-id");
    c.clientSecret = QStringLiteral("sandbox-client-secret");
    ShopifyClient shopify(&http, sandbox.store(), c);
    auto connection = await(shopify.connectToShop());
    ASSERT_TRUE(connection.ok()) << connection.error().message.toStdString();

    c.clientSecret = QStringLiteral("wrong");
    ShopifyClient refused(&http, sandbox.store(), c);
    auto denied = await(refused.connectToShop());
    ASSERT_FALSE(denied.ok());
    EXPECT_TRUE(denied.error().message.contains(QStringLiteral("client id and secret")))
        << denied.error().message.toStdString();
}

TEST(ShopifyClient, PagesThroughEveryProductOfARealCatalog) {
    const sandbox::Catalog catalog =
        realCatalog(QStringLiteral("allovin-admin-graphql-products-164.json"));
    ASSERT_EQ(catalog.products.size(), 164);
    SandboxFixture sandbox(catalog, roomyBucket()); // pacing has its own test
    HttpClient http(&sandbox.network, sandbox.fastRetries());
    ShopifyClient shopify(&http, sandbox.store(), token(QStringLiteral("shpat_sandbox")));

    auto count = await(shopify.countProducts(QString()));
    ASSERT_TRUE(count.ok()) << count.error().message.toStdString();
    EXPECT_EQ(count.value(), 164);
    const QSet<QString> ids = allIds(shopify, QString(), 25);
    EXPECT_EQ(ids.size(), 164);
    for (const sandbox::StoreProduct &p : catalog.products)
        EXPECT_TRUE(ids.contains(p.id)) << p.id.toStdString();
}

TEST(ShopifyClient, ReadsEverySnapshotFieldAJobMayWrite) {
    const sandbox::Catalog catalog =
        realCatalog(QStringLiteral("devstore-admin-rest-products.json"));
    SandboxFixture sandbox(catalog);
    HttpClient http(&sandbox.network, sandbox.fastRetries());
    ShopifyClient shopify(&http, sandbox.store(), token(QStringLiteral("shpat_sandbox")));
    const sandbox::StoreProduct &expected = catalog.products.first();
    auto product = await(shopify.product(expected.id));
    ASSERT_TRUE(product.ok()) << product.error().message.toStdString();
    ASSERT_TRUE(product->has_value());
    const ProductSnapshot &s = **product;
    EXPECT_EQ(s.title, expected.title);
    EXPECT_EQ(s.productType, expected.productType);
    EXPECT_EQ(s.tags, expected.tags);
    EXPECT_EQ(s.descriptionHtml, expected.descriptionHtml);
    EXPECT_TRUE(s.updatedAt.isValid());
    ASSERT_FALSE(expected.media.isEmpty()) << "the product chosen has images";
    ASSERT_EQ(s.media.size(), std::min<qsizetype>(expected.media.size(), 10));
    EXPECT_EQ(s.media.first().id, expected.media.first().mediaId);
    EXPECT_TRUE(s.media.first().url.toString().startsWith(sandbox.server.baseUrl()));
    auto missing = await(shopify.product(QStringLiteral("gid://shopify/Product/999999999")));
    ASSERT_TRUE(missing.ok());
    EXPECT_FALSE(missing->has_value());
}

TEST(ShopifyClient, ReadsABatchOfProductsByIdAsOneByOneReadsThemInTheOrderAsked) {
    const sandbox::Catalog catalog =
        realCatalog(QStringLiteral("allovin-admin-graphql-products-164.json"));
    SandboxFixture sandbox(catalog, roomyBucket());
    HttpClient http(&sandbox.network, sandbox.fastRetries());
    ShopifyClient shopify(&http, sandbox.store(), token(QStringLiteral("shpat_sandbox")));
    // The products with the most images first: those go on past the query's first ten.
    QList<sandbox::StoreProduct> products = catalog.products;
    std::stable_sort(products.begin(), products.end(),
                     [](const auto &a, const auto &b) { return a.media.size() > b.media.size(); });
    ASSERT_GT(products.first().media.size(), 10) << "the catalog has a product with 11+ images";
    QStringList ids;
    for (qsizetype i = 0; i < 19; ++i)
        ids.prepend(products.at(i).id); // not the store's order
    const QString gone = QStringLiteral("gid://shopify/Product/999999999");
    ids.insert(7, gone);

    auto batch = await(shopify.products(ids));
    ASSERT_TRUE(batch.ok()) << batch.error().message.toStdString();
    ASSERT_EQ(batch->size(), ids.size());
    for (qsizetype i = 0; i < ids.size(); ++i) {
        SCOPED_TRACE(ids.at(i).toStdString());
        auto one = await(shopify.product(ids.at(i)));
        ASSERT_TRUE(one.ok());
        ASSERT_EQ(batch->at(i).has_value(), one->has_value());
        if (one->has_value()) {
            EXPECT_EQ(json(*batch->at(i)), json(**one));
        }
    }
    EXPECT_FALSE(batch->at(7).has_value()) << "a product that no longer exists";
    EXPECT_EQ(batch->first()->media.size(), products.at(18).media.size());
    EXPECT_EQ(batch->last()->media.size(), products.first().media.size()) << "every image";
}

TEST(ProductReadAhead, ReadsWhatTheSyncExpectsABatchAtATimeAndEachBatchedReadOnce) {
    const sandbox::Catalog catalog =
        realCatalog(QStringLiteral("allovin-admin-graphql-products-164.json"));
    SandboxFixture sandbox(catalog, roomyBucket());
    HttpClient http(&sandbox.network, sandbox.fastRetries());
    ShopifyClient shopify(&http, sandbox.store(), token(QStringLiteral("shpat_sandbox")));
    ProductReadAhead reads(&shopify, nullptr, 20);
    QStringList expected;
    for (qsizetype i = 0; i < 45; ++i)
        expected << catalog.products.at(i).id;
    reads.expect(expected);

    // Asked for in order, several at once as a sync's steps may.
    QList<QFuture<ProductReadAhead::Read>> answers;
    for (const QString &id : std::as_const(expected))
        answers << reads.product(id);
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const auto read = await(answers.at(i));
        ASSERT_TRUE(read.ok()) << read.error().message.toStdString();
        ASSERT_TRUE(read->has_value());
        EXPECT_EQ((*read)->id, expected.at(i));
        EXPECT_EQ((*read)->title, catalog.products.at(i).title);
    }
    EXPECT_EQ(reads.requests(), 3) << "45 products, 20 per batch";
    EXPECT_EQ(sandbox.operations(QStringLiteral("ProductsByIds")), 3);
    EXPECT_EQ(sandbox.operations(QStringLiteral("Product")), 0);

    // Asked again (a re-check after a refused write), or never expected: read alone, fresh.
    const auto again = await(reads.product(expected.at(3)));
    ASSERT_TRUE(again.ok() && again->has_value());
    const auto other = await(reads.product(catalog.products.at(100).id));
    ASSERT_TRUE(other.ok() && other->has_value());
    EXPECT_EQ((*other)->id, catalog.products.at(100).id);
    EXPECT_EQ(sandbox.operations(QStringLiteral("Product")), 2);
    EXPECT_EQ(reads.requests(), 5);
}

TEST(ShopifyClient, PacesRequestsSoASmallBucketIsNeverOverdrawn) {
    sandbox::SandboxConfig config;
    config.shopify.bucketSize = 400;
    config.shopify.restoreRate = 400;
    const sandbox::Catalog catalog = realCatalog(QStringLiteral("kith-storefront-products.json"));
    SandboxFixture sandbox(catalog, config);
    HttpClient http(&sandbox.network, sandbox.fastRetries());
    ShopifyClient shopify(&http, sandbox.store(), token(QStringLiteral("shpat_sandbox")));
    // Warm up: the first answer teaches the client the bucket and the page's cost.
    EXPECT_EQ(allIds(shopify, QString(), 5).size(), catalog.products.size());
    EXPECT_EQ(allIds(shopify, QString(), 5).size(), catalog.products.size());
    EXPECT_LE(throttledAnswers(sandbox.server, sandbox.network), 1)
        << "after the first answer the client waits for the bucket instead of being throttled";
    ASSERT_TRUE(shopify.throttle().known().has_value());
    EXPECT_EQ(shopify.throttle().known()->maximumAvailable, 400);
}

// Page sizes from what pages cost: one query may cost at most maxQueryCost
// (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits).
namespace {
sandbox::SandboxConfig roomyBucketWithMaxCost(int maxQueryCost) {
    sandbox::SandboxConfig c = roomyBucket();
    c.shopify.maxQueryCost = maxQueryCost;
    return c;
}

int productsPageRequests(SandboxFixture &sandbox) {
    return sandbox.operations(QStringLiteral("ProductsPage"));
}
} // namespace

TEST(ShopifyClient, AfterAPageItAsksForNoMoreProductsThanOneQueryMayCost) {
    const sandbox::Catalog catalog =
        realCatalog(QStringLiteral("allovin-admin-graphql-products-164.json"));
    SandboxFixture sandbox(catalog, roomyBucketWithMaxCost(1000));
    HttpClient http(&sandbox.network, sandbox.fastRetries());
    ShopifyClient shopify(&http, sandbox.store(), token(QStringLiteral("shpat_sandbox")));

    // 25 products with ProductFields: 2 + 25 × 36 = 902 points, 36.08 a product.
    auto first = await(shopify.productsPage(QString(), QString(), 25));
    ASSERT_TRUE(first.ok()) << first.error().message.toStdString();
    ASSERT_EQ(first->products.size(), 25);
    // Asked for up to 250, the client sends what 1000 points buy at that price: 27
    // (2 + 27 × 36 = 974), not 250 (9002) which Shopify would refuse.
    auto second = await(shopify.productsPage(QString(), first->endCursor, 250));
    ASSERT_TRUE(second.ok()) << second.error().message.toStdString();
    EXPECT_EQ(second->products.size(), 27);
    EXPECT_EQ(productsPageRequests(sandbox), 2) << "no page was refused as too expensive";
}

TEST(ShopifyClient, APageRefusedAsTooExpensiveIsAskedForAgainSmaller) {
    const sandbox::Catalog catalog =
        realCatalog(QStringLiteral("allovin-admin-graphql-products-164.json"));
    SandboxFixture sandbox(catalog, roomyBucketWithMaxCost(300));
    HttpClient http(&sandbox.network, sandbox.fastRetries());
    ShopifyClient shopify(&http, sandbox.store(), token(QStringLiteral("shpat_sandbox")));

    // 25 cost 902 > 300: refused once, then 300 ÷ 36.08 = 8 a page (290 points).
    const QSet<QString> ids = allIds(shopify, QString(), 25);
    EXPECT_EQ(ids.size(), 164);
    EXPECT_EQ(productsPageRequests(sandbox), 1 + (164 + 7) / 8)
        << "one refusal, then pages of 8 that are never refused";
}

TEST(ShopifyClient, APageIsNeverDearerThanTheWholeBucket) {
    // A page the bucket can never hold would be THROTTLED for ever: 400 points buy 11.
    sandbox::SandboxConfig config = roomyBucketWithMaxCost(1000);
    config.shopify.bucketSize = 400;
    const sandbox::Catalog catalog = realCatalog(QStringLiteral("kith-storefront-products.json"));
    SandboxFixture sandbox(catalog, config);
    HttpClient http(&sandbox.network, sandbox.fastRetries());
    ShopifyClient shopify(&http, sandbox.store(), token(QStringLiteral("shpat_sandbox")));
    EXPECT_EQ(allIds(shopify, QString(), 250).size(), 30);
    EXPECT_EQ(throttledAnswers(sandbox.server, sandbox.network), 0);
}

TEST(ShopifyClient, OneProductOverTheLimitFailsNamingTheStoreTheCostAndTheLimit) {
    const sandbox::Catalog catalog = realCatalog(QStringLiteral("kith-storefront-products.json"));
    SandboxFixture sandbox(catalog, roomyBucketWithMaxCost(30));
    HttpClient http(&sandbox.network, sandbox.fastRetries());
    ShopifyClient shopify(&http, sandbox.store(), token(QStringLiteral("shpat_sandbox")));
    auto page = await(shopify.productsPage(QString(), QString(), 25));
    ASSERT_FALSE(page.ok());
    EXPECT_EQ(page.error().code, Error::Code::TooExpensive);
    const QString message = page.error().message;
    EXPECT_TRUE(message.contains(sandbox.store().domain())) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("38")))
        << "a product's cost: " << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("30"))) << "the limit: " << message.toStdString();
    EXPECT_FALSE(message.contains(QStringLiteral("bug"))) << message.toStdString();
    EXPECT_EQ(productsPageRequests(sandbox), 2) << "25, then 1; never below one product";
}

TEST(ShopifyClient, ThrottleStormsAndMalformedAnswersAreWaitedOutInBothThrottleModes) {
    for (const auto mode : {sandbox::ThrottleMode::Http200, sandbox::ThrottleMode::Http429}) {
        sandbox::SandboxConfig config;
        config.shopify.throttleMode = mode;
        config.shopify.restoreRate = 2000; // a drained bucket refills in well under a second
        ASSERT_TRUE(
            config.faults
                .addFlag(QStringLiteral("shopify:stormEvery=4,stormLength=2,malformed=0.15"))
                .ok());
        const sandbox::Catalog catalog =
            realCatalog(QStringLiteral("kith-storefront-products.json"));
        SandboxFixture sandbox(catalog, config);
        HttpClient http(&sandbox.network, sandbox.fastRetries(30));
        ShopifyClient shopify(&http, sandbox.store(), token(QStringLiteral("shpat_sandbox")));
        EXPECT_EQ(allIds(shopify, QString(), 5).size(), catalog.products.size());
        EXPECT_GT(throttledAnswers(sandbox.server, sandbox.network), 0)
            << "the storm really happened";
    }
}

TEST(ShopifyClient, SearchQueriesSelectProducts) {
    const sandbox::Catalog catalog =
        realCatalog(QStringLiteral("devstore-admin-rest-products.json"));
    SandboxFixture sandbox(catalog);
    HttpClient http(&sandbox.network, sandbox.fastRetries());
    ShopifyClient shopify(&http, sandbox.store(), token(QStringLiteral("shpat_sandbox")));
    const QString type = catalog.products.first().productType;
    ASSERT_FALSE(type.isEmpty());
    qsizetype expected = 0;
    for (const auto &p : catalog.products)
        expected += p.productType == type ? 1 : 0;
    const QSet<QString> ids = allIds(shopify, QStringLiteral("product_type:'%1'").arg(type), 25);
    EXPECT_EQ(ids.size(), expected);
}

TEST(ShopifyClient, StreamsABulkExportOfThousandsOfProducts) {
    sandbox::Catalog catalog = realCatalog(QStringLiteral("kith-storefront-products.json"));
    sandbox::growCatalog(catalog, 3000);
    SandboxFixture sandbox(catalog);
    HttpClient http(&sandbox.network, sandbox.fastRetries());
    ShopifyClient shopify(&http, sandbox.store(), token(QStringLiteral("shpat_sandbox")));
    const BulkOperationStatus status = finishedBulkExport(shopify);
    ASSERT_EQ(status.status, QStringLiteral("COMPLETED"));
    QSet<QString> ids;
    int withMedia = 0;
    auto read = await(shopify.readBulkProducts(status.url, [&](ProductSnapshot p) {
        ids.insert(p.id);
        withMedia += p.media.isEmpty() ? 0 : 1;
    }));
    ASSERT_TRUE(read.ok()) << read.error().message.toStdString();
    EXPECT_EQ(read.value(), 3000);
    EXPECT_EQ(ids.size(), 3000);
    EXPECT_GT(withMedia, 2900) << "children (media lines) were attached to their products";
}

TEST(ShopifyClient, ABulkExportIsUngroupedAndEveryChildReachesItsProduct) {
    sandbox::Catalog catalog = realCatalog(QStringLiteral("kith-storefront-products.json"));
    for (qsizetype i = 0; i < catalog.products.size(); ++i) {
        sandbox::StoreMetafield colour;
        colour.id = QStringLiteral("gid://shopify/Metafield/%1").arg(9000 + i);
        colour.ns = QStringLiteral("tagdesk");
        colour.key = QStringLiteral("colour");
        colour.type = QStringLiteral("single_line_text_field");
        colour.value = QStringLiteral("colour %1").arg(i);
        catalog.products[i].metafields.append(colour);
    }
    SandboxFixture sandbox(catalog);
    HttpClient http(&sandbox.network, sandbox.fastRetries());
    ShopifyClient shopify(&http, sandbox.store(), token(QStringLiteral("shpat_sandbox")));
    const BulkOperationStatus status = finishedBulkExport(shopify);
    ASSERT_EQ(status.status, QStringLiteral("COMPLETED"));

    // Asked for with groupObjects: false, the sandbox writes the children apart from their
    // products, all after the last product (as Shopify may).
    const QList<QByteArray> lines = download(sandbox.network, status.url).trimmed().split('\n');
    qsizetype lastProduct = -1;
    qsizetype firstChild = lines.size();
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines[i].contains("\"__parentId\""))
            firstChild = std::min(firstChild, i);
        else
            lastProduct = i;
    }
    EXPECT_EQ(lastProduct, catalog.products.size() - 1);
    EXPECT_GT(firstChild, lastProduct) << "the export is not grouped";

    QHash<QString, ProductSnapshot> read;
    auto count = await(
        shopify.readBulkProducts(status.url, [&](ProductSnapshot p) { read.insert(p.id, p); }));
    ASSERT_TRUE(count.ok()) << count.error().message.toStdString();
    EXPECT_EQ(count.value(), catalog.products.size());
    ASSERT_EQ(read.size(), catalog.products.size());
    for (const sandbox::StoreProduct &expected : catalog.products) {
        const ProductSnapshot &p = read.value(expected.id);
        QStringList mediaIds;
        for (const MediaImage &m : p.media)
            mediaIds << m.id;
        QStringList expectedIds;
        for (const sandbox::StoreImage &m : expected.media)
            expectedIds << m.mediaId;
        EXPECT_EQ(mediaIds, expectedIds) << expected.id.toStdString();
        const Metafield *colour = p.metafield(QStringLiteral("tagdesk"), QStringLiteral("colour"));
        ASSERT_NE(colour, nullptr) << expected.id.toStdString();
        EXPECT_EQ(colour->value, expected.metafields.last().value);
    }
}

TEST(ShopifyClient, ABulkExportReadsEachProductAsAPageDoesCategoryMetafieldsIncluded) {
    // The demo store's first product lists the store's Black and Blue colour entries, its
    // Cotton entry and an entry the store no longer has, beside Tagdesk's own colour.
    sandbox::Catalog catalog = sandbox::demoCatalog();
    const QString list = QStringLiteral("list.metaobject_reference");
    const QString black = QStringLiteral("gid://shopify/Metaobject/130000000001");
    const QString blue = QStringLiteral("gid://shopify/Metaobject/130000000000");
    const QString cotton = QStringLiteral("gid://shopify/Metaobject/130000000002");
    const QString gone = QStringLiteral("gid://shopify/Metaobject/999");
    sandbox::StoreProduct &dress = catalog.products.first();
    dress.metafields = {
        storeMetafield(1, QStringLiteral("shopify"), QStringLiteral("color-pattern"), list,
                       QStringLiteral("[\"%1\",\"%2\"]").arg(black, blue)),
        storeMetafield(2, QStringLiteral("tagdesk"), QStringLiteral("colour"),
                       QStringLiteral("single_line_text_field"), QStringLiteral("navy")),
        storeMetafield(3, QStringLiteral("shopify"), QStringLiteral("fabric"), list,
                       QStringLiteral("[\"%1\"]").arg(cotton)),
        storeMetafield(4, QStringLiteral("shopify"), QStringLiteral("neckline"), list,
                       QStringLiteral("[\"%1\"]").arg(gone))};
    SandboxFixture sandbox(catalog);
    HttpClient http(&sandbox.network, sandbox.fastRetries());
    for (const bool categoryMetafields : {true, false}) {
        SCOPED_TRACE(categoryMetafields ? "reading category metafields" : "not reading them");
        ShopifyClient shopify(&http, sandbox.store(), token(QStringLiteral("shpat_sandbox")));
        shopify.setReadsCategoryMetafields(categoryMetafields);
        const QHash<QString, ProductSnapshot> paged = pagedProducts(shopify);
        ASSERT_EQ(paged.size(), catalog.products.size());
        const ProductSnapshot &pagedDress = paged.value(dress.id);
        ASSERT_EQ(pagedDress.metafields.size(), categoryMetafields ? 4 : 1);
        EXPECT_EQ(pagedDress.categoryMetaobjects.size(), categoryMetafields ? 3 : 0)
            << "Black, Blue and Cotton; the missing entry stays an id";

        const BulkOperationStatus status = finishedBulkExport(shopify);
        ASSERT_EQ(status.status, QStringLiteral("COMPLETED"));
        QHash<QString, ProductSnapshot> bulk;
        auto read = await(
            shopify.readBulkProducts(status.url, [&](ProductSnapshot p) { bulk.insert(p.id, p); }));
        ASSERT_TRUE(read.ok()) << read.error().message.toStdString();
        ASSERT_EQ(bulk.size(), paged.size());
        EXPECT_EQ(bulk.value(dress.id).metafields, pagedDress.metafields)
            << json(bulk.value(dress.id)).constData() << "\nread by page:\n"
            << json(pagedDress).constData();
        EXPECT_EQ(bulk.value(dress.id).categoryMetaobjects, pagedDress.categoryMetaobjects);
        for (auto it = paged.cbegin(); it != paged.cend(); ++it)
            EXPECT_EQ(json(bulk.value(it.key())), json(it.value())) << it.key().toStdString();
    }
}

TEST(BulkMutationResults, EachLineIsAnsweredInOrderOrTheFileIsNotTakenAsResults) {
    // Lines come in any order, each with the __lineNumber it answers
    // (shopify.dev/docs/api/usage/bulk-operations/imports).
    const QByteArray file = R"({"data":{"tagsAdd":{"userErrors":[]}},"__lineNumber":1}
{"errors":[{"message":"Product not found"}],"__lineNumber":0}
)";
    const auto results = bulkmutation::parseResults(file, 2);
    ASSERT_TRUE(results.has_value());
    EXPECT_TRUE(results->at(0).contains(QStringLiteral("errors")));
    EXPECT_TRUE(results->at(1).contains(QStringLiteral("tagsAdd")));
    // Cut short, or something else served in its place: not "those lines did not run".
    EXPECT_FALSE(bulkmutation::parseResults(file.left(file.indexOf('\n')), 2));
    EXPECT_FALSE(bulkmutation::parseResults(
        R"({"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED"}}]})", 2));
    EXPECT_FALSE(bulkmutation::parseResults(file.left(file.size() / 2 + 30), 2));
    EXPECT_TRUE(bulkmutation::parseResults({}, 0).has_value());
}

TEST(BulkProductReader, AttachesChildrenToTheirProductWhereverTheyCome) {
    // Ungrouped (https://shopify.dev/docs/api/usage/bulk-operations/queries): a child may
    // come before its product, after it, or after every product.
    const QByteArray jsonl =
        "{\"id\":\"gid://shopify/MediaImage/21\",\"alt\":\"back\",\"mediaContentType\":"
        "\"IMAGE\",\"image\":{\"url\":\"https://cdn.example/b.jpg\"},"
        "\"__parentId\":\"gid://shopify/Product/2\"}\n"
        "{\"id\":\"gid://shopify/Product/1\",\"title\":\"A\",\"updatedAt\":"
        "\"2026-01-01T00:00:00Z\"}\n"
        "{\"id\":\"gid://shopify/Product/2\",\"title\":\"B\",\"updatedAt\":"
        "\"2026-01-01T00:00:00Z\"}\n"
        "{\"id\":\"gid://shopify/MediaImage/11\",\"alt\":\"front\",\"mediaContentType\":"
        "\"IMAGE\",\"image\":{\"url\":\"https://cdn.example/a.jpg\"},"
        "\"__parentId\":\"gid://shopify/Product/1\"}\n"
        "{\"id\":\"gid://shopify/Metafield/5\",\"namespace\":\"tagdesk\",\"key\":\"colour\","
        "\"value\":\"red\",\"__parentId\":\"gid://shopify/Product/1\"}\n"
        "{\"id\":\"gid://shopify/MediaImage/12\",\"alt\":\"side\",\"mediaContentType\":"
        "\"IMAGE\",\"image\":{\"url\":\"https://cdn.example/c.jpg\"},"
        "\"__parentId\":\"gid://shopify/Product/1\"}\n";
    for (int split = 1; split < jsonl.size(); split += 11) {
        const QList<ProductSnapshot> products = readSplitAt(jsonl, split);
        ASSERT_EQ(products.size(), 2);
        EXPECT_EQ(products[0].title, QStringLiteral("A")) << "products keep the file's order";
        ASSERT_EQ(products[0].media.size(), 2);
        EXPECT_EQ(products[0].media[0].alt, QStringLiteral("front"));
        EXPECT_EQ(products[0].media[1].alt, QStringLiteral("side"));
        ASSERT_NE(products[0].metafield(QStringLiteral("tagdesk"), QStringLiteral("colour")),
                  nullptr);
        ASSERT_EQ(products[1].media.size(), 1);
        EXPECT_EQ(products[1].media[0].alt, QStringLiteral("back"));
    }
}

TEST(BulkProductReader, AChildOfAProductNotInTheExportIsAnError) {
    BulkProductReader reader([](ProductSnapshot) {});
    ASSERT_TRUE(reader
                    .feed("{\"id\":\"gid://shopify/Product/1\",\"title\":\"A\","
                          "\"updatedAt\":\"2026-01-01T00:00:00Z\"}\n"
                          "{\"id\":\"gid://shopify/MediaImage/9\",\"__parentId\":"
                          "\"gid://shopify/Product/7\"}\n")
                    .ok());
    auto finished = reader.finish();
    ASSERT_FALSE(finished.ok());
    EXPECT_TRUE(finished.error().message.contains(QStringLiteral("gid://shopify/Product/7")))
        << finished.error().message.toStdString();
    EXPECT_TRUE(finished.error().message.contains(QStringLiteral("Line 2")))
        << finished.error().message.toStdString();
}

TEST(BulkProductReader, ChildrenFindTheirProductByItsWholeIdWhateverItsForm) {
    // Children are indexed by the number in gid://shopify/Product/N; other forms of id, and
    // a number written with a leading zero, stand for products of their own.
    auto productLine = [](const char *id, const char *title) -> QByteArray {
        return QByteArray("{\"id\":\"") + id + "\",\"title\":\"" + title +
               "\",\"updatedAt\":\"2026-01-01T00:00:00Z\"}\n";
    };
    auto mediaLine = [](const char *alt, const char *parent) -> QByteArray {
        return QByteArray("{\"id\":\"gid://shopify/MediaImage/1\",\"alt\":\"") + alt +
               "\",\"mediaContentType\":\"IMAGE\",\"image\":{\"url\":"
               "\"https://cdn.example/a.jpg\"},\"__parentId\":\"" +
               parent + "\"}\n";
    };
    const QByteArray jsonl = mediaLine("of 01", "gid://shopify/Product/01") +
                             productLine("gid://shopify/Product/1", "One") +
                             productLine("gid://shopify/Product/01", "Zero one") +
                             mediaLine("of x", "gid://shopify/Product/x-7") +
                             productLine("gid://shopify/Product/x-7", "Lettered") +
                             mediaLine("of 1", "gid://shopify/Product/1") +
                             productLine("gid://shopify/Product/1", "One again");
    QList<ProductSnapshot> products;
    BulkProductReader reader([&](ProductSnapshot p) { products.append(p); });
    ASSERT_TRUE(reader.feed(jsonl).ok());
    ASSERT_TRUE(reader.finish().ok());
    ASSERT_EQ(products.size(), 4);
    ASSERT_EQ(products[0].media.size(), 1);
    EXPECT_EQ(products[0].media[0].alt, QStringLiteral("of 1"));
    ASSERT_EQ(products[1].media.size(), 1);
    EXPECT_EQ(products[1].media[0].alt, QStringLiteral("of 01"));
    ASSERT_EQ(products[2].media.size(), 1);
    EXPECT_EQ(products[2].media[0].alt, QStringLiteral("of x"));
    EXPECT_TRUE(products[3].media.isEmpty()) << "a product listed twice has its children once";

    BulkProductReader childrenOnly([](ProductSnapshot) {});
    ASSERT_TRUE(childrenOnly.feed(mediaLine("lost", "gid://shopify/Product/x-7")).ok());
    auto orphan = childrenOnly.finish();
    ASSERT_FALSE(orphan.ok());
    EXPECT_TRUE(orphan.error().message.contains(QStringLiteral("gid://shopify/Product/x-7")))
        << orphan.error().message.toStdString();
}

TEST(BulkProductReader, AssemblesProductsFromLinesSplitAnywhere) {
    const QByteArray jsonl =
        "{\"id\":\"gid://shopify/Product/"
        "1\",\"title\":\"A\",\"tags\":[\"x\"],\"updatedAt\":\"2026-01-01T00:00:00Z\"}\n"
        "{\"id\":\"gid://shopify/MediaImage/11\",\"alt\":\"front\",\"mediaContentType\":\"IMAGE\","
        "\"image\":{\"url\":\"https://cdn.example/a.jpg\"},\"__parentId\":\"gid://shopify/Product/"
        "1\"}\n"
        "{\"id\":\"gid://shopify/Metafield/"
        "5\",\"namespace\":\"tagdesk\",\"key\":\"colour\",\"value\":\"red\","
        "\"__parentId\":\"gid://shopify/Product/1\"}\n"
        "{\"id\":\"gid://shopify/Product/"
        "2\",\"title\":\"B\",\"updatedAt\":\"2026-01-01T00:00:00Z\"}";
    for (int split = 1; split < jsonl.size(); split += 7) {
        const QList<ProductSnapshot> products = readSplitAt(jsonl, split);
        ASSERT_EQ(products.size(), 2);
        ASSERT_EQ(products[0].media.size(), 1);
        EXPECT_EQ(products[0].media[0].alt, QStringLiteral("front"));
        ASSERT_NE(products[0].metafield(QStringLiteral("tagdesk"), QStringLiteral("colour")),
                  nullptr);
        EXPECT_EQ(products[1].title, QStringLiteral("B"));
    }
    BulkProductReader broken([](ProductSnapshot) {});
    auto bad = broken.feed("{\"id\":\"gid://shopify/Product/1\"\n");
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(bad.error().message.contains(QStringLiteral("Line 1")))
        << bad.error().message.toStdString();
}

TEST(BulkProductReader,
     KeepsCategoryMetafieldsAfterTagdesksWithTheEntriesTheyReferenceOnlyIfAsked) {
    // The category metafield's line comes first: a line says only its parent.
    const QByteArray jsonl =
        "{\"id\":\"gid://shopify/Product/1\",\"title\":\"A\",\"updatedAt\":"
        "\"2026-01-01T00:00:00Z\"}\n"
        "{\"id\":\"gid://shopify/Metafield/6\",\"namespace\":\"shopify\",\"key\":"
        "\"color-pattern\",\"type\":\"list.metaobject_reference\",\"value\":"
        "\"[\\\"gid://shopify/Metaobject/1\\\",\\\"gid://shopify/Metaobject/2\\\"]\","
        "\"__parentId\":\"gid://shopify/Product/1\"}\n"
        "{\"id\":\"gid://shopify/Metafield/5\",\"namespace\":\"tagdesk\",\"key\":\"colour\","
        "\"value\":\"red\",\"__parentId\":\"gid://shopify/Product/1\"}\n";
    const CategoryMetaobject blue{QStringLiteral("gid://shopify/Metaobject/2"),
                                  QStringLiteral("shopify--color-pattern"),
                                  QStringLiteral("blue"),
                                  {QStringLiteral("gid://shopify/TaxonomyValue/2")}};

    QList<ProductSnapshot> products;
    BulkProductReader reader([&](ProductSnapshot p) { products.append(p); }, true);
    ASSERT_TRUE(reader.feed(jsonl).ok());
    EXPECT_EQ(reader.categoryMetaobjectIds(),
              (QStringList{QStringLiteral("gid://shopify/Metaobject/1"), blue.id}));
    reader.setCategoryMetaobjects({{blue.id, blue}});
    ASSERT_TRUE(reader.finish().ok());
    ASSERT_EQ(products.size(), 1);
    ASSERT_EQ(products[0].metafields.size(), 2);
    EXPECT_EQ(products[0].metafields[0].ns, QStringLiteral("tagdesk"));
    EXPECT_EQ(products[0].metafields[1].key, QStringLiteral("color-pattern"));
    EXPECT_EQ(products[0].categoryMetaobjects, QList<CategoryMetaobject>{blue})
        << "an entry not read stays an id";

    products.clear();
    BulkProductReader without([&](ProductSnapshot p) { products.append(p); });
    ASSERT_TRUE(without.feed(jsonl).ok());
    EXPECT_TRUE(without.categoryMetaobjectIds().isEmpty());
    ASSERT_TRUE(without.finish().ok());
    ASSERT_EQ(products.size(), 1);
    ASSERT_EQ(products[0].metafields.size(), 1);
    EXPECT_EQ(products[0].metafields[0].ns, QStringLiteral("tagdesk"));
}

TEST(ShopifyClient, AQueryWaitingForTheRateLimitIsStoppedWithoutBeingSent) {
    sandbox::SandboxConfig config;
    config.shopify.bucketSize = 2000;
    config.shopify.restoreRate = 1; // an empty bucket takes minutes to refill
    SandboxFixture sandbox(realCatalog(QStringLiteral("kith-storefront-products.json")), config);
    HttpClient http(&sandbox.network, sandbox.fastRetries());
    auto shopify = std::make_unique<ShopifyClient>(&http, sandbox.store(),
                                                   token(QStringLiteral("shpat_sandbox")));
    // Pages until the client knows it must wait for the bucket.
    QFuture<Result<ProductPage>> waiting;
    for (int page = 0; page < 40; ++page) {
        waiting = shopify->productsPage(QString(), QString(), 25);
        // An answer comes in milliseconds; a wait for the bucket lasts tens of seconds.
        if (!QTest::qWaitFor([&] { return waiting.isFinished(); }, 3000))
            break;
    }
    ASSERT_FALSE(waiting.isFinished()) << "the bucket never ran dry";
    const int sent = productsPageRequests(sandbox);
    EXPECT_EQ(shopify->stopWaiting(), 1);
    ASSERT_TRUE(QTest::qWaitFor([&] { return waiting.isFinished(); }, 60'000));
    ASSERT_FALSE(waiting.result().ok());
    EXPECT_TRUE(waiting.result().error().message.contains(QStringLiteral("Stopped before")))
        << waiting.result().error().message.toStdString();
    shopify.reset(); // nothing of it is left to fire
    QTest::qWait(100);
    EXPECT_EQ(productsPageRequests(sandbox), sent) << "the stopped query was never sent";
}

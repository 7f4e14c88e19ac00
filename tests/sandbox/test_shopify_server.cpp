// The sandbox server itself: inspection endpoints, images, tagger routing, the state file,
// the tagdesk-sandbox executable, and every GraphQL document Tagdesk sends.
#include "server/commandline.h"
#include "shopifytestsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace tagdesk::sandbox;
using namespace tagdesk::sandbox::test;
using tagdesk::test::testData;

namespace {

QString document(const QString &name) {
    QFile f(testData(QStringLiteral("../../resources/graphql/") + name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(f.readAll());
    // The fragments it spreads, and those they spread, as the client adds them.
    const QDir fragments(testData(QStringLiteral("../../resources/graphql/fragments")));
    const QStringList names = fragments.entryList({QStringLiteral("*.graphql")}, QDir::Files);
    for (bool grew = true; grew;) {
        grew = false;
        for (const QString &file : names) {
            const QString name = file.section(u'.', 0, 0);
            const QString spread = QStringLiteral("...") + name;
            const QString definition = QStringLiteral("fragment ") + name + u' ';
            if (!text.contains(spread) || text.contains(definition))
                continue;
            QFile fragment(fragments.filePath(file));
            if (fragment.open(QIODevice::ReadOnly)) {
                text += u'\n' + QString::fromUtf8(fragment.readAll());
                grew = true;
            }
        }
    }
    return text;
}

} // namespace

class ShopifyServer : public SandboxFixture {};

TEST_F(ShopifyServer, ProductsEndpointListsTheStoreAndPatchEditsLikeAMerchant) {
    start({}, syntheticCatalog(4));
    const HttpResult list = get(url(QStringLiteral("/_sandbox/products")));
    ASSERT_EQ(list.status, 200);
    const QJsonArray products = list.json().value(QStringLiteral("products")).toArray();
    ASSERT_EQ(products.size(), 4);
    const QJsonObject first = products.first().toObject();
    for (const char *key : {"id", "title", "productType", "tags", "descriptionHtml", "updatedAt",
                            "metafields", "media"})
        EXPECT_TRUE(first.contains(QString::fromLatin1(key))) << key;
    EXPECT_EQ(at(first, {"media", "0", "alt"}).toString(),
              QStringLiteral("Front of Dress number 0"));
    EXPECT_TRUE(at(first, {"media", "0", "url"}).toString().startsWith(server->baseUrl()));

    const QString id = first.value(QStringLiteral("id")).toString();
    const HttpResult patched =
        send("PATCH", url(QStringLiteral("/_sandbox/products?id=") + id),
             R"({"title":"Changed in the admin","tags":["a","b"],"productType":"Gowns"})");
    ASSERT_EQ(patched.status, 200) << patched.body.constData();
    EXPECT_EQ(patched.json().value(QStringLiteral("title")).toString(),
              QStringLiteral("Changed in the admin"));
    EXPECT_GT(patched.json().value(QStringLiteral("updatedAt")).toString(),
              first.value(QStringLiteral("updatedAt")).toString());
    const HttpResult viaApi =
        graphql(QStringLiteral("query P($id: ID!) { product(id: $id) { title tags productType } }"),
                {{QStringLiteral("id"), id}});
    EXPECT_EQ(at(viaApi.data(), {"product", "tags"}).toArray(),
              (QJsonArray{QStringLiteral("a"), QStringLiteral("b")}));
    // Saving again with the same values still moves updatedAt, as the admin does.
    const HttpResult same = send("PATCH", url(QStringLiteral("/_sandbox/products?id=") + id),
                                 R"({"productType":"Gowns"})");
    EXPECT_GT(same.json().value(QStringLiteral("updatedAt")).toString(),
              patched.json().value(QStringLiteral("updatedAt")).toString());

    EXPECT_EQ(
        send("PATCH", url(QStringLiteral("/_sandbox/products?id=") + id), R"({"colour":"red"})")
            .status,
        400);
    EXPECT_EQ(send("PATCH", url(QStringLiteral("/_sandbox/products?id=gid://shopify/Product/1")),
                   R"({"title":"x"})")
                  .status,
              404);
}

TEST_F(ShopifyServer, RequestLogListsWhatWasReceived) {
    start();
    graphql(QStringLiteral("query Scopes { currentAppInstallation { accessScopes { handle } } }"));
    get(url(QStringLiteral("/_sandbox/images/") + photoNames().value(0)));
    const QJsonArray log = get(url(QStringLiteral("/_sandbox/requests")))
                               .json()
                               .value(QStringLiteral("requests"))
                               .toArray();
    ASSERT_EQ(log.size(), 2);
    EXPECT_EQ(at(log, {"0", "method"}).toString(), QStringLiteral("POST"));
    EXPECT_EQ(at(log, {"0", "path"}).toString(), QStringLiteral("/admin/api/2026-01/graphql.json"));
    EXPECT_EQ(at(log, {"0", "service"}).toString(), QStringLiteral("shopify"));
    EXPECT_EQ(at(log, {"0", "operationName"}).toString(), QStringLiteral("Scopes"));
    EXPECT_EQ(at(log, {"0", "status"}).toInt(), 200);
    EXPECT_FALSE(at(log, {"0", "time"}).toString().isEmpty());
    EXPECT_EQ(at(log, {"1", "service"}).toString(), QStringLiteral("images"));
    EXPECT_EQ(send("DELETE", url(QStringLiteral("/_sandbox/requests")), {}).status, 200);
    EXPECT_TRUE(get(url(QStringLiteral("/_sandbox/requests")))
                    .json()
                    .value(QStringLiteral("requests"))
                    .toArray()
                    .isEmpty());
}

TEST_F(ShopifyServer, StatsCountRequestsPerServiceAndThePointsReallySpent) {
    start({}, syntheticCatalog(4));
    // A page asks for more than it returns: the bucket is charged the requested cost and
    // refunded down to the actual one, and only that is spent.
    const QJsonObject first =
        graphql(QStringLiteral("{ products(first: 50) { nodes { id title } } }")).json();
    const QJsonObject second = graphql(QStringLiteral("{ shop { name } }")).json();
    get(url(QStringLiteral("/_sandbox/images/") + photoNames().value(0)));
    const double actual = at(first, {"extensions", "cost", "actualQueryCost"}).toDouble() +
                          at(second, {"extensions", "cost", "actualQueryCost"}).toDouble();
    ASSERT_GT(actual, 0);
    EXPECT_LT(at(first, {"extensions", "cost", "actualQueryCost"}).toDouble(),
              at(first, {"extensions", "cost", "requestedQueryCost"}).toDouble());
    // Clearing the log keeps the counts.
    EXPECT_EQ(send("DELETE", url(QStringLiteral("/_sandbox/requests")), {}).status, 200);
    const QJsonObject stats = get(url(QStringLiteral("/_sandbox/stats"))).json();
    EXPECT_EQ(at(stats, {"requests", "shopify"}).toInt(), 2);
    EXPECT_EQ(at(stats, {"requests", "images"}).toInt(), 1);
    EXPECT_DOUBLE_EQ(at(stats, {"cost", "spent"}).toDouble(), actual);
    EXPECT_EQ(at(stats, {"cost", "maximumAvailable"}).toDouble(), 2000.0);
    EXPECT_EQ(at(stats, {"cost", "restoreRate"}).toDouble(), 100.0);
    EXPECT_EQ(send("POST", url(QStringLiteral("/_sandbox/stats")), {}).status, 405);
}

TEST_F(ShopifyServer, ImagesAreTheBundledPhotosAndTaggerPathsAreRouted) {
    start();
    const QString photo = photoNames().value(0);
    ASSERT_FALSE(photo.isEmpty());
    const HttpResult image = get(url(QStringLiteral("/_sandbox/images/") + photo));
    EXPECT_EQ(image.status, 200);
    EXPECT_EQ(image.body, photoBytes(photo));
    EXPECT_EQ(get(url(QStringLiteral("/_sandbox/images/nope.jpg"))).status, 404);
    const HttpResult ximilar =
        send("POST", url(QStringLiteral("/tagging/fashion/v2/detect_tags")), "{}");
    EXPECT_NE(ximilar.status, 404) << "the tagger endpoints answer their own paths";
    EXPECT_EQ(get(url(QStringLiteral("/nowhere"))).status, 404);
}

namespace {

// A store whose first product's first image shows `photo`, with the photo's own size (as a
// loaded catalog's images have: sandbox/catalog/photomapping.cpp).
Catalog catalogShowing(const QString &photo) {
    Catalog catalog = syntheticCatalog(1);
    StoreImage &image = catalog.products[0].media[0];
    image.photo = photo;
    image.width = photoInfo(photo)->width;
    image.height = photoInfo(photo)->height;
    return catalog;
}

QSize decodedSize(const QByteArray &bytes) {
    return QImage::fromData(bytes).size();
}

} // namespace

TEST_F(ShopifyServer, ImageUrlTransformAnswersARenditionScaledDownFromALargeOriginal) {
    const QString photo = photoNames().value(0);
    ASSERT_TRUE(photoInfo(photo)) << "labels.csv gives every bundled photo its size";
    const QSize bundled(photoInfo(photo)->width, photoInfo(photo)->height);
    SandboxConfig config;
    config.shopify.originalLongSide = 2048;
    start(config, catalogShowing(photo));
    const HttpResult r = graphql(QStringLiteral(
        "{ products(first: 1) { nodes { media(first: 1) { nodes { ... on MediaImage { image { "
        "url width height analysis: url(transform: {maxWidth: 800, maxHeight: 800}) "
        "narrow: url(transform: {maxWidth: 300}) "
        "retina: url(transform: {maxWidth: 300, scale: 2}) } } } } } } }"));
    ASSERT_TRUE(r.errors().isEmpty()) << r.body.constData();
    const QJsonObject image =
        at(r.data(), {"products", "nodes", "0", "media", "nodes", "0", "image"}).toObject();
    const QString original = image.value(QStringLiteral("url")).toString();
    const QString analysis = image.value(QStringLiteral("analysis")).toString();
    EXPECT_EQ(analysis, original + QStringLiteral("?width=800&height=800"))
        << "Shopify's CDN form: the box as width= and height=";
    EXPECT_EQ(image.value(QStringLiteral("narrow")).toString(),
              original + QStringLiteral("?width=300"));
    EXPECT_EQ(image.value(QStringLiteral("retina")).toString(),
              original + QStringLiteral("?width=600"))
        << "scale multiplies the box";

    // The original: the photo scaled up to 2048 px on its long side, as Image says.
    const QSize large = bundled.scaled(2048, 2048, Qt::KeepAspectRatio);
    EXPECT_EQ(QSize(image.value(QStringLiteral("width")).toInt(),
                    image.value(QStringLiteral("height")).toInt()),
              large);
    const HttpResult originalBytes = get(QUrl(original));
    ASSERT_EQ(originalBytes.status, 200);
    EXPECT_EQ(decodedSize(originalBytes.body), large);

    // The rendition: scaled down from it to fit 800 × 800, the aspect kept.
    const HttpResult renditionBytes = get(QUrl(analysis));
    ASSERT_EQ(renditionBytes.status, 200);
    EXPECT_EQ(decodedSize(renditionBytes.body), large.scaled(800, 800, Qt::KeepAspectRatio));
    EXPECT_LT(renditionBytes.body.size(), originalBytes.body.size() / 2);
    EXPECT_EQ(decodedSize(get(QUrl(image.value(QStringLiteral("narrow")).toString())).body),
              large.scaled(300, 2048 * 300, Qt::KeepAspectRatio));
}

TEST_F(ShopifyServer, ARenditionIsNeverLargerThanTheOriginal) {
    const QString photo = photoNames().value(0);
    start({}, catalogShowing(photo));
    const QSize bundled(photoInfo(photo)->width, photoInfo(photo)->height);
    ASSERT_LT(std::max(bundled.width(), bundled.height()), 800);
    // Without --original-size the originals are the bundled photos; a box larger than the
    // photo gives the photo itself, never an enlargement
    // (shopify.dev/docs/api/liquid/filters/image_url).
    const HttpResult same =
        get(url(QStringLiteral("/_sandbox/images/%1?width=800&height=800").arg(photo)));
    ASSERT_EQ(same.status, 200);
    EXPECT_EQ(same.body, photoBytes(photo));
    const HttpResult smaller = get(
        url(QStringLiteral("/_sandbox/images/%1?height=%2").arg(photo).arg(bundled.height() / 2)));
    ASSERT_EQ(smaller.status, 200);
    EXPECT_EQ(decodedSize(smaller.body).height(), bundled.height() / 2);
    EXPECT_EQ(get(url(QStringLiteral("/_sandbox/images/nope.jpg?width=100"))).status, 404);
}

TEST_F(ShopifyServer, ImageTransformsTheSandboxCannotHonourAreRefused) {
    start({}, syntheticCatalog(1));
    const auto transformed = [this](const char *transform) {
        return graphql(QStringLiteral("{ products(first: 1) { nodes { media(first: 1) { nodes { "
                                      "... on MediaImage { image { url(transform: %1) } } } } } "
                                      "} }")
                           .arg(QLatin1String(transform)));
    };
    EXPECT_TRUE(transformed("{maxWidth: 800}").errors().isEmpty());
    for (const char *refused : {"{maxWidth: 0}", "{maxHeight: 5761}", "{maxWidth: 10, scale: 4}",
                                "{maxWidth: 10, crop: LEFT}", "{preferredContentType: WEBP}"}) {
        const HttpResult r = transformed(refused);
        EXPECT_FALSE(r.errors().isEmpty()) << refused << ": " << r.body.constData();
    }
    EXPECT_FALSE(transformed("{maxWidth: 10, rotate: 90}").errors().isEmpty())
        << "not a field of ImageTransformInput";
}

TEST_F(ShopifyServer, AnyApiVersionFallsForwardToTheServedOne) {
    start();
    const HttpResult r =
        graphql(QStringLiteral("{ shop { name } }"), {}, fullToken, QStringLiteral("2024-10"));
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.header("X-Shopify-API-Version"), QByteArray("2026-01"));
}

TEST_F(ShopifyServer, TheStateFileCarriesTheStoreAcrossRuns) {
    QTemporaryDir dir;
    const QString state = dir.filePath(QStringLiteral("store.json"));
    SandboxConfig config;
    config.statePath = state;
    start(config, syntheticCatalog(3));
    EXPECT_TRUE(QFile::exists(state));
    graphql(QStringLiteral("mutation { tagsAdd(id: \"gid://shopify/Product/1002\", tags: "
                           "[\"kept\"]) { node { id } } }"));
    const QString digestQuery =
        QStringLiteral("{ product(id: \"gid://shopify/Product/1002\") { metafields(first: 5) { "
                       "nodes { compareDigest } } } }");
    graphql(QStringLiteral(
        "mutation { metafieldsSet(metafields: [{ownerId: \"gid://shopify/Product/1002\", "
        "namespace: \"tagdesk\", key: \"colour\", value: \"teal\"}]) { userErrors { message } } "
        "}"));
    const QString digest =
        at(graphql(digestQuery).data(), {"product", "metafields", "nodes", "0", "compareDigest"})
            .toString();
    server.reset();                      // writes on the way out
    start(config, syntheticCatalog(50)); // the state wins over the catalog
    const HttpResult r = graphql(QStringLiteral(
        "{ productsCount { count } product(id: \"gid://shopify/Product/1002\") { tags } }"));
    EXPECT_EQ(at(r.data(), {"productsCount", "count"}).toInt(), 3);
    EXPECT_TRUE(at(r.data(), {"product", "tags"}).toArray().contains(QStringLiteral("kept")));
    EXPECT_EQ(
        at(graphql(digestQuery).data(), {"product", "metafields", "nodes", "0", "compareDigest"})
            .toString(),
        digest)
        << "a digest read before a restart still matches after it";

    QFile broken(dir.filePath(QStringLiteral("broken.json")));
    ASSERT_TRUE(broken.open(QIODevice::WriteOnly));
    broken.write("{\"products\": [");
    broken.close();
    SandboxConfig bad;
    bad.statePath = broken.fileName();
    SandboxServer badServer(bad, syntheticCatalog(1));
    const auto port = badServer.start();
    ASSERT_FALSE(port.ok());
    EXPECT_TRUE(port.error().message.contains(broken.fileName()))
        << qPrintable(port.error().message);
}

TEST_F(ShopifyServer, EveryDocumentTagdeskSendsRunsWithoutErrors) {
    start({}, syntheticCatalog(30));
    const QString id = QStringLiteral("gid://shopify/Product/1001");
    auto clean = [&](const QString &name, const QJsonObject &vars) {
        const QString doc = document(name);
        EXPECT_FALSE(doc.isEmpty()) << qPrintable(name);
        const HttpResult r = graphql(doc, vars);
        EXPECT_EQ(r.status, 200) << qPrintable(name);
        EXPECT_TRUE(r.errors().isEmpty())
            << qPrintable(name) << ": " << r.body.left(400).constData();
        return r;
    };
    clean(QStringLiteral("AccessScopes.graphql"), {});
    // One ProductFields node has a fixed price; the largest page under the 1000-point
    // single query limit follows from it, and one more product per page is refused.
    const HttpResult one =
        clean(QStringLiteral("ProductsPage.graphql"), {{QStringLiteral("first"), 1}});
    const int node = one.cost().value(QStringLiteral("requestedQueryCost")).toInt() - 2;
    ASSERT_GT(node, 0);
    const int largest = (1000 - 2) / node;
    const HttpResult page =
        clean(QStringLiteral("ProductsPage.graphql"), {{QStringLiteral("first"), largest}});
    EXPECT_EQ(page.cost().value(QStringLiteral("requestedQueryCost")).toInt(), 2 + largest * node);
    EXPECT_EQ(graphql(document(QStringLiteral("ProductsPage.graphql")),
                      {{QStringLiteral("first"), largest + 1}})
                  .firstErrorCode(),
              QStringLiteral("MAX_COST_EXCEEDED"));
    std::printf("[ figures  ] ProductsPage: %d points per product, at most %d products per page\n",
                node, largest);
    const HttpResult product =
        clean(QStringLiteral("Product.graphql"), {{QStringLiteral("id"), id}});
    clean(QStringLiteral("ProductMedia.graphql"),
          {{QStringLiteral("id"), id},
           {QStringLiteral("after"),
            at(product.data(), {"product", "media", "pageInfo", "endCursor"}).toString()}});
    clean(QStringLiteral("ProductsCount.graphql"),
          {{QStringLiteral("query"), QStringLiteral("tag:needs-ai")}});
    clean(QStringLiteral("ProductUpdate.graphql"),
          {{QStringLiteral("product"),
            QJsonObject{{QStringLiteral("id"), id},
                        {QStringLiteral("productType"), QStringLiteral("Gowns")}}}});
    clean(QStringLiteral("TagsAdd.graphql"),
          {{QStringLiteral("id"), id}, {QStringLiteral("tags"), QJsonArray{QStringLiteral("ai")}}});
    clean(QStringLiteral("TagsRemove.graphql"),
          {{QStringLiteral("id"), id}, {QStringLiteral("tags"), QJsonArray{QStringLiteral("ai")}}});
    const QString digest =
        at(product.data(), {"product", "metafields", "nodes", "0", "compareDigest"}).toString();
    clean(
        QStringLiteral("MetafieldsSet.graphql"),
        {{QStringLiteral("metafields"),
          QJsonArray{QJsonObject{{QStringLiteral("ownerId"), id},
                                 {QStringLiteral("namespace"), QStringLiteral("tagdesk")},
                                 {QStringLiteral("key"), QStringLiteral("colour")},
                                 {QStringLiteral("type"), QStringLiteral("single_line_text_field")},
                                 {QStringLiteral("value"), QStringLiteral("teal")},
                                 {QStringLiteral("compareDigest"), digest}}}}});
    const QString mediaId = at(product.data(), {"product", "media", "nodes", "0", "id"}).toString();
    clean(QStringLiteral("FileUpdate.graphql"),
          {{QStringLiteral("files"),
            QJsonArray{QJsonObject{{QStringLiteral("id"), mediaId},
                                   {QStringLiteral("alt"), QStringLiteral("Teal dress")}}}}});
    QString bulkQuery = document(QStringLiteral("BulkProductsQuery.graphql"));
    bulkQuery.replace(QStringLiteral("$SEARCH"), QStringLiteral("status:active"));
    const HttpResult run =
        clean(QStringLiteral("BulkProductsRun.graphql"), {{QStringLiteral("query"), bulkQuery}});
    clean(QStringLiteral("BulkOperation.graphql"),
          {{QStringLiteral("id"),
            at(run.data(), {"bulkOperationRunQuery", "bulkOperation", "id"}).toString()}});
    const QJsonObject stored = sandboxProduct(id);
    EXPECT_EQ(stored.value(QStringLiteral("productType")).toString(), QStringLiteral("Gowns"));
    EXPECT_EQ(at(stored, {"metafields", "0", "value"}).toString(), QStringLiteral("teal"));
    EXPECT_EQ(at(stored, {"media", "0", "alt"}).toString(), QStringLiteral("Teal dress"));
}

TEST(ShopifySandboxExecutable, ServesARealCatalogAndSaysWhereFirst) {
    const QString program = QDir(QCoreApplication::applicationDirPath())
                                .absoluteFilePath(QStringLiteral("../sandbox/tagdesk-sandbox"));
    if (!QFile::exists(program))
        GTEST_SKIP() << "tagdesk-sandbox is not built next to this test: " << qPrintable(program);
    QTemporaryDir dir;
    QProcess process;
    process.start(program,
                  {QStringLiteral("--catalog"),
                   testData(QStringLiteral("catalogs/allovin-admin-graphql-products-164.json")),
                   QStringLiteral("--state"), dir.filePath(QStringLiteral("state.json")),
                   QStringLiteral("--throttle-mode"), QStringLiteral("429")});
    ASSERT_TRUE(process.waitForStarted(-1));
    waitUntil([&] { return process.canReadLine() || process.state() == QProcess::NotRunning; });
    const QString line = QString::fromUtf8(process.readLine()).trimmed();
    ASSERT_TRUE(line.startsWith(QStringLiteral("listening on http://127.0.0.1:")))
        << qPrintable(line) << process.readAllStandardError().constData();
    const QString base = line.mid(QStringLiteral("listening on ").size());
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(base + QStringLiteral("/admin/api/2026-01/graphql.json")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setRawHeader("X-Shopify-Access-Token", "shpat_sandbox");
    const HttpResult r = finish(
        nam.post(request, QByteArray(R"({"query":"{ productsCount(limit: null) { count } }"})")));
    EXPECT_EQ(at(r.data(), {"productsCount", "count"}).toInt(), 164) << r.body.constData();
    process.terminate();
    ASSERT_TRUE(process.waitForFinished(-1));
    EXPECT_EQ(process.exitStatus(), QProcess::NormalExit);
    EXPECT_TRUE(QFile::exists(dir.filePath(QStringLiteral("state.json"))));

    QProcess bad;
    bad.start(program, {QStringLiteral("--throttle-mode"), QStringLiteral("300")});
    ASSERT_TRUE(bad.waitForFinished(-1));
    EXPECT_EQ(bad.exitCode(), 2);
    EXPECT_TRUE(bad.readAllStandardError().contains("--throttle-mode must be 200 or 429"));
}

TEST(ShopifySandboxRouting, EachPathBelongsToTheServiceItsFaultsApplyTo) {
    EXPECT_EQ(SandboxServer::serviceFor(QStringLiteral("/admin/api/2026-01/graphql.json")),
              QStringLiteral("shopify"));
    EXPECT_EQ(SandboxServer::serviceFor(QStringLiteral("/admin/oauth/access_token")),
              QStringLiteral("shopify"));
    EXPECT_EQ(SandboxServer::serviceFor(QStringLiteral("/_sandbox/bulk/1.jsonl")),
              QStringLiteral("shopify"));
    EXPECT_EQ(SandboxServer::serviceFor(QStringLiteral("/_sandbox/uploads")),
              QStringLiteral("shopify"));
    EXPECT_EQ(SandboxServer::serviceFor(QStringLiteral("/_sandbox/images/a.jpg")),
              QStringLiteral("images"));
    EXPECT_EQ(SandboxServer::serviceFor(QStringLiteral("/tagging/fashion/v2/detect_tags")),
              QStringLiteral("ximilar"));
    EXPECT_EQ(SandboxServer::serviceFor(QStringLiteral("/auth/v1/token")),
              QStringLiteral("pixyle"));
    EXPECT_EQ(SandboxServer::serviceFor(QStringLiteral("/main/v1.1/products")),
              QStringLiteral("pixyle"));
    EXPECT_EQ(SandboxServer::serviceFor(QStringLiteral("/v1/chat/completions")),
              QStringLiteral("openai"));
    EXPECT_EQ(SandboxServer::serviceFor(QStringLiteral("/_sandbox/products")),
              QStringLiteral("sandbox"));
}

TEST(ShopifySandboxCommandLine, FlagsFillTheConfigAndBadOnesAreNamed) {
    auto args = [](std::initializer_list<const char *> list) {
        QStringList out{QStringLiteral("tagdesk-sandbox")};
        for (const char *a : list)
            out.append(QString::fromUtf8(a));
        return out;
    };
    const auto o = parseSandboxArguments(args({"--port",
                                               "0",
                                               "--bucket",
                                               "1000",
                                               "--restore",
                                               "50",
                                               "--throttle-mode",
                                               "429",
                                               "--token",
                                               "shpat_x",
                                               "--read-only-token",
                                               "shpat_r",
                                               "--scoped-token",
                                               "shpat_p=read_products,write_products",
                                               "--shop-domain",
                                               "other.myshopify.com",
                                               "--shop-id",
                                               "2",
                                               "--products",
                                               "100000",
                                               "--fault",
                                               "openai:latency=5-9,drop=0.5",
                                               "--remote-edit",
                                               "gid://shopify/Product/7@2:tags=a,b",
                                               "--seed",
                                               "9",
                                               "--bulk-slice",
                                               "10",
                                               "--bulk-delay",
                                               "20"}));
    ASSERT_TRUE(o.ok()) << qPrintable(o.error().message);
    EXPECT_EQ(o->config.shopify.bucketSize, 1000.0);
    EXPECT_EQ(o->config.shopify.restoreRate, 50.0);
    EXPECT_EQ(o->config.shopify.throttleMode, ThrottleMode::Http429);
    EXPECT_EQ(o->config.shopify.token, QStringLiteral("shpat_x"));
    EXPECT_EQ(o->config.shopify.readOnlyToken, QStringLiteral("shpat_r"));
    EXPECT_EQ(o->config.shopify.scopedTokens.value(QStringLiteral("shpat_p")),
              QStringList({QStringLiteral("read_products"), QStringLiteral("write_products")}));
    EXPECT_EQ(o->config.shopify.shop.domain, QStringLiteral("other.myshopify.com"));
    EXPECT_EQ(o->config.shopify.shop.id, QStringLiteral("gid://shopify/Shop/2"));
    EXPECT_EQ(o->products, 100000);
    EXPECT_EQ(o->config.faults.services.value(QStringLiteral("openai")).latencyMaxMs, 9);
    EXPECT_EQ(o->config.faults.services.value(QStringLiteral("openai")).dropRate, 0.5);
    ASSERT_EQ(o->config.faults.remoteEdits.size(), 1);
    EXPECT_EQ(
        o->config.faults.remoteEdits.first().fields.value(QStringLiteral("tags")).toArray().size(),
        2);
    EXPECT_EQ(o->config.faults.seed, 9u);
    EXPECT_EQ(o->config.shopify.bulkSliceSize, 10);
    EXPECT_EQ(o->config.shopify.bulkSliceDelayMs, 20);

    const auto badMode = parseSandboxArguments(args({"--throttle-mode", "500"}));
    ASSERT_FALSE(badMode.ok());
    EXPECT_TRUE(badMode.error().message.contains(QStringLiteral("--throttle-mode")));
    const auto missing = parseSandboxArguments(args({"--faults", "/nonexistent/faults.json"}));
    ASSERT_FALSE(missing.ok());
    EXPECT_TRUE(missing.error().message.contains(QStringLiteral("/nonexistent/faults.json")));
    EXPECT_FALSE(parseSandboxArguments(args({"--fault", "shopfy:errorRate=1"})).ok());
    EXPECT_FALSE(parseSandboxArguments(args({"--bucket", "-5"})).ok());

    const auto large = parseSandboxArguments(args({"--original-size", "2048"}));
    ASSERT_TRUE(large.ok()) << qPrintable(large.error().message);
    EXPECT_EQ(large->config.shopify.originalLongSide, 2048);
    EXPECT_EQ(parseSandboxArguments(args({})).value().config.shopify.originalLongSide, 0);
    for (const char *bad : {"0", "5761", "1.5", "big"}) {
        const auto refused = parseSandboxArguments(args({"--original-size", bad}));
        ASSERT_FALSE(refused.ok()) << bad;
        EXPECT_TRUE(refused.error().message.contains(QStringLiteral("--original-size")));
    }
}

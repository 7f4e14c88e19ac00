// Bulk operations end to end over loopback: a bulk query with a JSONL download carrying
// __parentId, and a bulk mutation from a staged multipart upload with __lineNumber results.
#include "shopifytestsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHttpMultiPart>
#include <QSet>

#include <gtest/gtest.h>

using namespace tagdesk::sandbox;
using namespace tagdesk::sandbox::test;
using tagdesk::test::testData;

namespace {

const QString pollQuery =
    QStringLiteral("query B($id: ID!) { bulkOperation(id: $id) { id status errorCode objectCount "
                   "rootObjectCount fileSize url partialDataUrl type } }");

QString resource(const QString &name) {
    QFile f(testData(QStringLiteral("../../resources/graphql/") + name));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QList<QJsonObject> jsonLines(const QByteArray &body) {
    QList<QJsonObject> lines;
    for (const QByteArray &line : body.split('\n'))
        if (!line.isEmpty())
            lines.append(QJsonDocument::fromJson(line).object());
    return lines;
}

} // namespace

class ShopifyBulk : public SandboxFixture {
protected:
    // Polls bulkOperation(id:) until it is finished, as a client would.
    QJsonObject waitForOperation(const QString &id) {
        QJsonObject op;
        waitUntil([&] {
            op = graphql(pollQuery, {{QStringLiteral("id"), id}})
                     .data()
                     .value(QStringLiteral("bulkOperation"))
                     .toObject();
            const QString status = op.value(QStringLiteral("status")).toString();
            return status != QLatin1String("CREATED") && status != QLatin1String("RUNNING");
        });
        return op;
    }
};

TEST_F(ShopifyBulk, ABulkQueryExportsJsonlWithParentIds) {
    SandboxConfig config;
    config.shopify.bulkSliceSize = 7; // several slices: the operation is seen RUNNING
    start(config, syntheticCatalog(30));
    QString query = resource(QStringLiteral("BulkProductsQuery.graphql"));
    ASSERT_FALSE(query.isEmpty());
    query.replace(QStringLiteral("$SEARCH"), QStringLiteral("tag:needs-ai"));
    const HttpResult run = graphql(resource(QStringLiteral("BulkProductsRun.graphql")),
                                   {{QStringLiteral("query"), query}});
    const QJsonObject payload =
        run.data().value(QStringLiteral("bulkOperationRunQuery")).toObject();
    ASSERT_TRUE(payload.value(QStringLiteral("userErrors")).toArray().isEmpty())
        << run.body.constData();
    const QString id = at(payload, {"bulkOperation", "id"}).toString();
    EXPECT_TRUE(id.startsWith(QStringLiteral("gid://shopify/BulkOperation/")));
    EXPECT_EQ(at(payload, {"bulkOperation", "status"}).toString(), QStringLiteral("CREATED"));
    const HttpResult current = graphql(QStringLiteral("{ currentBulkOperation { id status } }"));
    EXPECT_EQ(at(current.data(), {"currentBulkOperation", "id"}).toString(), id);

    const QJsonObject op = waitForOperation(id);
    EXPECT_EQ(op.value(QStringLiteral("status")).toString(), QStringLiteral("COMPLETED"));
    // 15 products tagged needs-ai, each with 2 media and 1 tagdesk metafield.
    EXPECT_EQ(op.value(QStringLiteral("rootObjectCount")).toString(), QStringLiteral("15"));
    EXPECT_EQ(op.value(QStringLiteral("objectCount")).toString(), QStringLiteral("60"));
    const HttpResult file = get(QUrl(op.value(QStringLiteral("url")).toString()));
    ASSERT_EQ(file.status, 200);
    EXPECT_EQ(op.value(QStringLiteral("fileSize")).toString(), QString::number(file.body.size()));
    const QList<QJsonObject> lines = jsonLines(file.body);
    ASSERT_EQ(lines.size(), 60);
    QSet<QString> seenParents;
    int products = 0, media = 0, metafields = 0;
    for (const QJsonObject &line : lines) {
        const QString lineId = line.value(QStringLiteral("id")).toString();
        if (!line.contains(QStringLiteral("__parentId"))) {
            ++products;
            EXPECT_TRUE(lineId.startsWith(QStringLiteral("gid://shopify/Product/")));
            EXPECT_TRUE(
                line.value(QStringLiteral("tags")).toArray().contains(QStringLiteral("needs-ai")));
            EXPECT_FALSE(line.contains(QStringLiteral("media")))
                << "nested connections are lines of their own";
            seenParents.insert(lineId);
            continue;
        }
        EXPECT_TRUE(seenParents.contains(line.value(QStringLiteral("__parentId")).toString()))
            << "a parent comes before its children";
        if (lineId.contains(QStringLiteral("/MediaImage/"))) {
            ++media;
            EXPECT_TRUE(
                line.value(QStringLiteral("image")).toObject().contains(QStringLiteral("url")));
        } else {
            ++metafields;
            EXPECT_EQ(line.value(QStringLiteral("namespace")).toString(),
                      QStringLiteral("tagdesk"));
            EXPECT_EQ(line.value(QStringLiteral("compareDigest")).toString().size(), 64);
        }
    }
    EXPECT_EQ(products, 15);
    EXPECT_EQ(media, 30);
    EXPECT_EQ(metafields, 15);
}

TEST_F(ShopifyBulk, GroupObjectsDecidesWhetherChildrenFollowTheirParent) {
    // https://shopify.dev/changelog/posts/bulk-operations-group-objects-default-changed-to-false
    SandboxConfig config;
    config.shopify.bulkSliceSize = 4; // several slices
    start(config, syntheticCatalog(12));
    const QString run =
        QStringLiteral("mutation R($q: String!, $g: Boolean!) { bulkOperationRunQuery(query: $q, "
                       "groupObjects: $g) { bulkOperation { id } userErrors { message } } }");
    const QString query = resource(QStringLiteral("BulkProductsQuery.graphql"))
                              .replace(QStringLiteral("$SEARCH"), QString());
    for (const bool grouped : {true, false}) {
        const HttpResult started =
            graphql(run, {{QStringLiteral("q"), query}, {QStringLiteral("g"), grouped}});
        const QString id =
            at(started.data(), {"bulkOperationRunQuery", "bulkOperation", "id"}).toString();
        ASSERT_FALSE(id.isEmpty()) << started.body.constData();
        const QJsonObject op = waitForOperation(id);
        ASSERT_EQ(op.value(QStringLiteral("status")).toString(), QStringLiteral("COMPLETED"));
        const QList<QJsonObject> lines =
            jsonLines(get(QUrl(op.value(QStringLiteral("url")).toString())).body);
        ASSERT_EQ(lines.size(), 12 * 4) << "each product, its 2 media and its metafield";
        QString lastParent;
        QSet<QString> parents;
        int childrenRightAfterTheirParent = 0;
        int childrenAfterEveryParent = 0;
        for (const QJsonObject &line : lines) {
            const QString parent = line.value(QStringLiteral("__parentId")).toString();
            if (parent.isEmpty()) {
                lastParent = line.value(QStringLiteral("id")).toString();
                parents.insert(lastParent);
                continue;
            }
            childrenRightAfterTheirParent += parent == lastParent ? 1 : 0;
            childrenAfterEveryParent += parents.size() == 12 ? 1 : 0;
        }
        if (grouped) {
            EXPECT_EQ(childrenRightAfterTheirParent, 36) << "grouped: under their parent";
        } else {
            EXPECT_EQ(childrenAfterEveryParent, 36) << "ungrouped: after every parent";
            EXPECT_LT(childrenRightAfterTheirParent, 36);
        }
    }
}

TEST_F(ShopifyBulk, InvalidBulkQueriesAreUserErrors) {
    start();
    auto userError = [&](const QString &query) {
        const HttpResult r = graphql(resource(QStringLiteral("BulkProductsRun.graphql")),
                                     {{QStringLiteral("query"), query}});
        return at(r.data(), {"bulkOperationRunQuery", "userErrors", "0"}).toObject();
    };
    QJsonObject e = userError(QStringLiteral("{ products { edges { node { id colour } } } }"));
    EXPECT_EQ(e.value(QStringLiteral("code")).toString(), QStringLiteral("INVALID"));
    EXPECT_TRUE(e.value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("Field 'colour' doesn't exist on type 'Product'")));
    e = userError(QStringLiteral("{ nodes(ids: [\"gid://shopify/Product/1001\"]) { id } }"));
    EXPECT_EQ(e.value(QStringLiteral("code")).toString(), QStringLiteral("INVALID"));
    e = userError(QStringLiteral("{ shop { name } }"));
    EXPECT_EQ(e.value(QStringLiteral("code")).toString(), QStringLiteral("INVALID"));
}

TEST_F(ShopifyBulk, ABulkHundredThousandProductExportStaysLinear) {
    // The same export at 10,000 and 100,000 products: linear means the same time per
    // product. Not a time limit (machines are noisy): a ratio between sizes, generously
    // bounded, since a quadratic export would cost ten times as much per product.
    auto exportMicrosPerProduct = [this](int products) {
        Catalog catalog = demoCatalog();
        growCatalog(catalog, products);
        start({}, std::move(catalog));
        QElapsedTimer timer;
        timer.start();
        const HttpResult run = graphql(
            resource(QStringLiteral("BulkProductsRun.graphql")),
            {{QStringLiteral("query"),
              QStringLiteral("{ products { edges { node { id title media { edges { node { id } "
                             "} } } } } }")}});
        const QString id =
            at(run.data(), {"bulkOperationRunQuery", "bulkOperation", "id"}).toString();
        EXPECT_FALSE(id.isEmpty()) << run.body.constData();
        const QJsonObject op = waitForOperation(id);
        const qint64 elapsed = timer.nsecsElapsed();
        EXPECT_EQ(op.value(QStringLiteral("status")).toString(), QStringLiteral("COMPLETED"));
        EXPECT_EQ(op.value(QStringLiteral("rootObjectCount")).toString(),
                  QString::number(products));
        const HttpResult file = get(QUrl(op.value(QStringLiteral("url")).toString()));
        EXPECT_EQ(file.body.count('\n'),
                  op.value(QStringLiteral("objectCount")).toString().toLongLong());
        const double perProduct = double(elapsed) / 1e3 / products;
        std::printf("[ figures  ] bulk export of %d products: %s lines, %lld bytes, %lld ms "
                    "(%.1f µs a product)\n",
                    products, qPrintable(op.value(QStringLiteral("objectCount")).toString()),
                    qint64(file.body.size()), qint64(elapsed / 1000000), perProduct);
        return perProduct;
    };
    const double small = exportMicrosPerProduct(10000);
    const double large = exportMicrosPerProduct(100000);
    std::printf("[ figures  ] per-product time at 100,000 ÷ at 10,000: %.2f\n", large / small);
    EXPECT_LT(large / small, 3.0);
}

TEST_F(ShopifyBulk, ABulkMutationRunsEachUploadedLine) {
    start({}, syntheticCatalog(5));
    // 1. An upload target.
    const HttpResult staged = graphql(QStringLiteral(
        "mutation { stagedUploadsCreate(input: [{resource: BULK_MUTATION_VARIABLES, filename: "
        "\"vars.jsonl\", mimeType: \"text/jsonl\", httpMethod: POST}]) { stagedTargets { url "
        "resourceUrl parameters { name value } } userErrors { field message } } }"));
    const QJsonObject target =
        at(staged.data(), {"stagedUploadsCreate", "stagedTargets", "0"}).toObject();
    ASSERT_FALSE(target.isEmpty()) << staged.body.constData();
    // 2. The multipart upload: every parameter in order, the file last.
    const QByteArray jsonl =
        "{\"product\":{\"id\":\"gid://shopify/Product/1001\",\"productType\":\"Gowns\"}}\n"
        "{\"product\":{\"id\":\"gid://shopify/Product/1002\",\"title\":\"\"}}\n"
        "{\"product\":{\"id\":\"gid://shopify/Product/1003\",\"productType\":\"Blouses\"}}\n";
    auto *multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    QString key;
    for (const QJsonValue &p : target.value(QStringLiteral("parameters")).toArray()) {
        QHttpPart part;
        part.setHeader(
            QNetworkRequest::ContentDispositionHeader,
            QStringLiteral("form-data; name=\"%1\"").arg(p[QStringLiteral("name")].toString()));
        part.setBody(p[QStringLiteral("value")].toString().toUtf8());
        multipart->append(part);
        if (p[QStringLiteral("name")].toString() == QLatin1String("key"))
            key = p[QStringLiteral("value")].toString();
    }
    QHttpPart file;
    file.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("text/jsonl"));
    file.setHeader(QNetworkRequest::ContentDispositionHeader,
                   QStringLiteral("form-data; name=\"file\"; filename=\"vars.jsonl\""));
    file.setBody(jsonl);
    multipart->append(file);
    QNetworkReply *reply =
        nam.post(QNetworkRequest(QUrl(target.value(QStringLiteral("url")).toString())), multipart);
    multipart->setParent(reply);
    const HttpResult uploaded = finish(reply);
    ASSERT_EQ(uploaded.status, 201) << uploaded.body.constData();
    // 3. Run it.
    const HttpResult run = graphql(
        QStringLiteral(
            "mutation R($m: String!, $path: String!) { bulkOperationRunMutation(mutation: $m, "
            "stagedUploadPath: $path) { bulkOperation { id status } userErrors { field message "
            "code } } }"),
        {{QStringLiteral("m"),
          QStringLiteral(
              "mutation U($product: ProductUpdateInput!) { productUpdate(product: "
              "$product) { product { id productType } userErrors { field message } } }")},
         {QStringLiteral("path"), key}});
    const QString id =
        at(run.data(), {"bulkOperationRunMutation", "bulkOperation", "id"}).toString();
    ASSERT_FALSE(id.isEmpty()) << run.body.constData();
    const QJsonObject op = waitForOperation(id);
    EXPECT_EQ(op.value(QStringLiteral("status")).toString(), QStringLiteral("COMPLETED"));
    EXPECT_EQ(op.value(QStringLiteral("type")).toString(), QStringLiteral("MUTATION"));
    const HttpResult results = get(QUrl(op.value(QStringLiteral("url")).toString()));
    const QList<QJsonObject> lines = jsonLines(results.body);
    ASSERT_EQ(lines.size(), 3) << results.body.constData();
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(lines.at(i).value(QStringLiteral("__lineNumber")).toInt(), i);
    EXPECT_EQ(at(lines.at(0), {"data", "productUpdate", "product", "productType"}).toString(),
              QStringLiteral("Gowns"));
    // COMPLETED does not mean every row succeeded: line 1 carries its userErrors.
    EXPECT_EQ(at(lines.at(1), {"data", "productUpdate", "userErrors", "0", "message"}).toString(),
              QStringLiteral("Title can't be blank"));
    EXPECT_EQ(sandboxProduct(QStringLiteral("gid://shopify/Product/1003"))
                  .value(QStringLiteral("productType"))
                  .toString(),
              QStringLiteral("Blouses"));
    const HttpResult current =
        graphql(QStringLiteral("{ currentBulkOperation(type: MUTATION) { id } }"));
    EXPECT_EQ(at(current.data(), {"currentBulkOperation", "id"}).toString(), id);
}

TEST_F(ShopifyBulk, ABulkMutationWithoutItsUploadIsNoSuchFile) {
    start();
    const HttpResult run = graphql(QStringLiteral(
        "mutation { bulkOperationRunMutation(mutation: \"mutation U($p: ProductUpdateInput!) { "
        "productUpdate(product: $p) { product { id } } }\", stagedUploadPath: \"tmp/nothing\") { "
        "bulkOperation { id } userErrors { field message code } } }"));
    EXPECT_TRUE(at(run.data(), {"bulkOperationRunMutation", "bulkOperation"}).isNull());
    EXPECT_EQ(at(run.data(), {"bulkOperationRunMutation", "userErrors", "0", "code"}).toString(),
              QStringLiteral("NO_SUCH_FILE"));
}

TEST_F(ShopifyBulk, ABulkQueryCanBeCanceled) {
    SandboxConfig config;
    config.shopify.bulkSliceSize = 1;
    config.shopify.bulkSliceDelayMs = 3600 * 1000; // one product, then a long wait
    start(config, syntheticCatalog(30));
    const HttpResult run = graphql(QStringLiteral(
        "mutation { bulkOperationRunQuery(query: \"{ products { edges { node { id } } } }\") { "
        "bulkOperation { id } userErrors { message } } }"));
    const QString id = at(run.data(), {"bulkOperationRunQuery", "bulkOperation", "id"}).toString();
    ASSERT_FALSE(id.isEmpty()) << run.body.constData();
    const HttpResult cancel = graphql(
        QStringLiteral(
            "mutation C($id: ID!) { bulkOperationCancel(id: $id) { bulkOperation { status } "
            "userErrors { message } } }"),
        {{QStringLiteral("id"), id}});
    EXPECT_EQ(at(cancel.data(), {"bulkOperationCancel", "bulkOperation", "status"}).toString(),
              QStringLiteral("CANCELING"));
    const QJsonObject op = waitForOperation(id);
    EXPECT_EQ(op.value(QStringLiteral("status")).toString(), QStringLiteral("CANCELED"));
    EXPECT_LE(op.value(QStringLiteral("rootObjectCount")).toString().toInt(), 1);
}

TEST_F(ShopifyBulk, AStagedUploadCanAlsoBeAPut) {
    start({}, syntheticCatalog(3));
    const HttpResult staged = graphql(QStringLiteral(
        "mutation { stagedUploadsCreate(input: [{resource: BULK_MUTATION_VARIABLES, filename: "
        "\"vars.jsonl\", mimeType: \"text/jsonl\"}]) { stagedTargets { url resourceUrl parameters "
        "{ name value } } userErrors { message } } }"));
    const QJsonObject target =
        at(staged.data(), {"stagedUploadsCreate", "stagedTargets", "0"}).toObject();
    const QUrl putUrl(target.value(QStringLiteral("url")).toString());
    const HttpResult put =
        send("PUT", putUrl, "{\"id\":\"gid://shopify/Product/1001\",\"tags\":[\"bulk\"]}\n",
             "text/jsonl");
    ASSERT_EQ(put.status, 200) << put.body.constData();
    const QString path = putUrl.path().mid(QStringLiteral("/_sandbox/uploads/").size());
    const HttpResult run =
        graphql(QStringLiteral(
                    "mutation R($path: String!) { bulkOperationRunMutation(mutation: \"mutation "
                    "T($id: ID!, $tags: [String!]!) { tagsAdd(id: $id, tags: $tags) { node { id } "
                    "userErrors { message } } }\", stagedUploadPath: $path) { bulkOperation { id } "
                    "userErrors { message code } } }"),
                {{QStringLiteral("path"), path}});
    const QString id =
        at(run.data(), {"bulkOperationRunMutation", "bulkOperation", "id"}).toString();
    ASSERT_FALSE(id.isEmpty()) << run.body.constData();
    EXPECT_EQ(waitForOperation(id).value(QStringLiteral("status")).toString(),
              QStringLiteral("COMPLETED"));
    EXPECT_TRUE(sandboxProduct(QStringLiteral("gid://shopify/Product/1001"))
                    .value(QStringLiteral("tags"))
                    .toArray()
                    .contains(QStringLiteral("bulk")));
    const HttpResult forged = send(
        "PUT", QUrl(target.value(QStringLiteral("resourceUrl")).toString()), "{}\n", "text/jsonl");
    EXPECT_EQ(forged.status, 404) << "a used or unsigned upload URL is refused";
}

// The cost bucket over loopback: requested cost charged, refunded to actual, THROTTLED
// (HTTP 200) or 429 when overdrawn, MAX_COST_EXCEEDED over 1000, restore over time.
#include "shopifytestsupport.h"

#include <gtest/gtest.h>

using namespace tagdesk::sandbox;
using namespace tagdesk::sandbox::test;

namespace {

// 2 + 10 × (1 + 0) = 12 requested; 2 + 5 products = 7 actual on a 5-product store.
const QString tenIds = QStringLiteral("{ products(first: 10) { nodes { id } } }");

SandboxConfig bucket(double size, double restore, ThrottleMode mode = ThrottleMode::Http200) {
    SandboxConfig c;
    c.shopify.bucketSize = size;
    c.shopify.restoreRate = restore;
    c.shopify.throttleMode = mode;
    return c;
}

double available(const HttpResult &r) {
    return at(r.cost(), {"throttleStatus", "currentlyAvailable"}).toDouble();
}

} // namespace

class ShopifyCost : public SandboxFixture {};

TEST_F(ShopifyCost, EveryAnswerCarriesCostAndThrottleStatus) {
    start(bucket(2000, 100), syntheticCatalog(5));
    const HttpResult r = graphql(tenIds);
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.cost().value(QStringLiteral("requestedQueryCost")).toInt(), 12);
    EXPECT_EQ(r.cost().value(QStringLiteral("actualQueryCost")).toInt(), 7);
    EXPECT_EQ(at(r.cost(), {"throttleStatus", "maximumAvailable"}).toDouble(), 2000.0);
    EXPECT_EQ(at(r.cost(), {"throttleStatus", "restoreRate"}).toDouble(), 100.0);
    EXPECT_LE(available(r), 1993.0 + 1); // charged 12, refunded 5 (plus any restore)
    EXPECT_GE(available(r), 1993.0);
}

TEST_F(ShopifyCost, NestedConnectionsMultiplyAndMutationsCostTen) {
    start(bucket(2000, 100), syntheticCatalog(5));
    // 2 + 3 × (1 + media(2 + 4 × (1 + image 1)) + seo 1) = 2 + 3 × 12 = 38
    const HttpResult q = graphql(QStringLiteral(
        "{ products(first: 3) { nodes { id seo { title } media(first: 4) { nodes { id ... on "
        "MediaImage { image { url } } } } } } }"));
    EXPECT_EQ(q.cost().value(QStringLiteral("requestedQueryCost")).toInt(), 38);
    // actual: 2 + 3 × (1 + seo 1 + media 2 + 2 images × (1 + 1)) = 2 + 3 × 8 = 26
    EXPECT_EQ(q.cost().value(QStringLiteral("actualQueryCost")).toInt(), 26);
    const HttpResult m = graphql(QStringLiteral(
        "mutation { tagsAdd(id: \"gid://shopify/Product/1001\", tags: [\"x\"]) { node { id } "
        "userErrors { field message } } }"));
    EXPECT_EQ(m.cost().value(QStringLiteral("requestedQueryCost")).toInt(), 10);
    EXPECT_EQ(m.cost().value(QStringLiteral("actualQueryCost")).toInt(), 10);
}

TEST_F(ShopifyCost, NodesByIdsArePricedPerId) {
    start(bucket(2000, 100), syntheticCatalog(5));
    // 1 + 3 ids × (seo 1): a batch of reads costs what its products would one by one.
    const HttpResult three = graphql(QStringLiteral(
        "{ nodes(ids: [\"gid://shopify/Product/1001\", \"gid://shopify/Product/1002\", "
        "\"gid://shopify/Product/1003\"]) { id ... on Product { seo { title } } } }"));
    ASSERT_EQ(three.status, 200);
    EXPECT_EQ(three.cost().value(QStringLiteral("requestedQueryCost")).toInt(), 4);
    const HttpResult one = graphql(QStringLiteral(
        "{ nodes(ids: [\"gid://shopify/Product/1001\"]) { id ... on Product { seo { title } } "
        "} }"));
    EXPECT_EQ(one.cost().value(QStringLiteral("requestedQueryCost")).toInt(), 2);
}

TEST_F(ShopifyCost, OverTheSingleQueryLimitIsMaxCostExceeded) {
    start(bucket(2000, 100));
    const HttpResult r = graphql(QStringLiteral(
        "{ products(first: 250) { nodes { id media(first: 10) { nodes { id } } } } }"));
    ASSERT_EQ(r.status, 200);
    EXPECT_FALSE(r.json().contains(QStringLiteral("data")));
    EXPECT_EQ(r.firstErrorCode(), QStringLiteral("MAX_COST_EXCEEDED"));
    EXPECT_EQ(at(r.errors(), {"0", "message"}).toString(),
              QStringLiteral("Query cost is 3252, which exceeds the single query max cost limit "
                             "(1000)."));
    EXPECT_EQ(at(r.errors(), {"0", "extensions", "cost"}).toInt(), 3252);
    EXPECT_EQ(at(r.errors(), {"0", "extensions", "maxCost"}).toInt(), 1000);
    EXPECT_EQ(available(r), 2000.0) << "a rejected query is not charged";
}

TEST_F(ShopifyCost, AnOverdrawnBucketAnswersThrottledWithHttp200) {
    // 2 + 250 = 252 per call on a 600-point bucket that barely refills.
    start(bucket(600, 0.001), syntheticCatalog(3));
    const QString q = QStringLiteral("{ products(first: 250) { nodes { id } } }");
    // Actual cost is 5, so each call keeps 5: charge 252 up front needs 252 available.
    HttpResult r;
    int calls = 0;
    do {
        r = graphql(q);
        ++calls;
    } while (r.errors().isEmpty() && calls < 1000);
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.firstErrorCode(), QStringLiteral("THROTTLED"));
    EXPECT_EQ(at(r.errors(), {"0", "message"}).toString(), QStringLiteral("Throttled"));
    EXPECT_FALSE(r.json().contains(QStringLiteral("data")));
    EXPECT_TRUE(r.cost().value(QStringLiteral("actualQueryCost")).isNull());
    EXPECT_EQ(r.cost().value(QStringLiteral("requestedQueryCost")).toInt(), 252);
    EXPECT_LT(available(r), 252.0);
    // (600 − 252) / 5 + 1 calls fit before the bucket holds less than 252 points.
    EXPECT_EQ(calls, 71);
}

TEST_F(ShopifyCost, InThrottleMode429TheStatusIs429WithRetryAfter) {
    // 250 products: the actual cost is the full 252, so nothing is refunded.
    start(bucket(300, 1, ThrottleMode::Http429), syntheticCatalog(250));
    const QString q = QStringLiteral("{ products(first: 250) { nodes { id } } }");
    EXPECT_EQ(graphql(q).status, 200);
    const HttpResult r = graphql(q); // 48 points left: throttled
    EXPECT_EQ(r.status, 429);
    EXPECT_EQ(r.error, QNetworkReply::UnknownContentError);
    EXPECT_EQ(r.firstErrorCode(), QStringLiteral("THROTTLED"));
    const int retryAfter = r.header("Retry-After").toInt();
    EXPECT_GE(retryAfter, 195); // (252 − ~48) / 1 per second
    EXPECT_LE(retryAfter, 205);
}

TEST_F(ShopifyCost, TheBucketRestoresOverTime) {
    start(bucket(260, 50), syntheticCatalog(250));
    const QString q = QStringLiteral("{ products(first: 250) { nodes { id } } }");
    EXPECT_TRUE(graphql(q).errors().isEmpty());
    EXPECT_EQ(graphql(q).firstErrorCode(), QStringLiteral("THROTTLED"));
    // No deadline: wait until the restore rate has refilled enough, then it works again.
    waitUntil([&] { return server->shopify().bucket().available() >= 252; });
    EXPECT_TRUE(graphql(q).errors().isEmpty());
}

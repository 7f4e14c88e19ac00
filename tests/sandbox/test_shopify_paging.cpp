// Cursor paging over loopback sockets: every product of a real catalog exactly once, in
// both directions, and a 100,000-product store without quadratic work.
#include "shopifytestsupport.h"

#include <QElapsedTimer>
#include <QSet>

#include <algorithm>

#include <gtest/gtest.h>

using namespace tagdesk::sandbox;
using namespace tagdesk::sandbox::test;
using tagdesk::test::testData;

namespace {

const QString pageQuery = QStringLiteral(
    "query Page($first: Int, $last: Int, $after: String, $before: String, $query: String, "
    "$sortKey: ProductSortKeys = ID, $reverse: Boolean = false) {\n"
    "  products(first: $first, last: $last, after: $after, before: $before, query: $query, "
    "sortKey: $sortKey, reverse: $reverse) {\n"
    "    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n"
    "    edges { cursor node { id title } }\n"
    "  }\n"
    "}");

SandboxConfig roomyBucket() {
    SandboxConfig c;
    c.shopify.bucketSize = 1e9;
    c.shopify.restoreRate = 1e9;
    return c;
}

} // namespace

class ShopifyPaging : public SandboxFixture {
protected:
    // Pages forward with `first`, returning ids in the order received.
    // Every product id, page by page; `pageNanoseconds` gets how long each page took.
    QStringList pageAll(int first, const QJsonObject &extra = {}, int *requests = nullptr,
                        QList<qint64> *pageNanoseconds = nullptr) {
        QStringList ids;
        QString after;
        bool more = true;
        int count = 0;
        QElapsedTimer pageTimer;
        while (more) {
            QJsonObject vars = extra;
            vars.insert(QStringLiteral("first"), first);
            if (!after.isEmpty())
                vars.insert(QStringLiteral("after"), after);
            pageTimer.start();
            const HttpResult r = graphql(pageQuery, vars);
            if (pageNanoseconds)
                pageNanoseconds->append(pageTimer.nsecsElapsed());
            ++count;
            EXPECT_EQ(r.status, 200);
            EXPECT_TRUE(r.errors().isEmpty()) << r.body.left(500).constData();
            if (!r.errors().isEmpty())
                break;
            const QJsonObject products = r.data().value(QStringLiteral("products")).toObject();
            for (const QJsonValue &e : products.value(QStringLiteral("edges")).toArray())
                ids.append(at(e, {"node", "id"}).toString());
            more = at(products, {"pageInfo", "hasNextPage"}).toBool();
            after = at(products, {"pageInfo", "endCursor"}).toString();
        }
        if (requests)
            *requests = count;
        return ids;
    }
};

TEST_F(ShopifyPaging, PagesThroughEveryProductOfARealCatalog) {
    auto catalog = loadCatalogFile(
        testData(QStringLiteral("catalogs/allovin-admin-graphql-products-164.json")));
    ASSERT_TRUE(catalog.ok()) << qPrintable(catalog.error().message);
    QStringList expected;
    for (const StoreProduct &p : catalog->products)
        expected.append(p.id);
    start(roomyBucket(), *catalog);
    int requests = 0;
    const QStringList ids = pageAll(50, {}, &requests);
    EXPECT_EQ(ids.size(), expected.size());
    EXPECT_EQ(QSet<QString>(ids.begin(), ids.end()),
              QSet<QString>(expected.begin(), expected.end()));
    EXPECT_EQ(requests, (expected.size() + 49) / 50);
    QStringList sorted = ids;
    std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) {
        return a.section(u'/', -1).toLongLong() < b.section(u'/', -1).toLongLong();
    });
    EXPECT_EQ(ids, sorted) << "sortKey ID pages in id order";
}

TEST_F(ShopifyPaging, EveryOrderAndDirectionVisitsEachProductOnce) {
    start(roomyBucket(), syntheticCatalog(37));
    for (const char *sortKey :
         {"ID", "TITLE", "UPDATED_AT", "CREATED_AT", "PRODUCT_TYPE", "VENDOR"})
        for (bool reverse : {false, true}) {
            const QStringList ids =
                pageAll(5, {{QStringLiteral("sortKey"), QString::fromLatin1(sortKey)},
                            {QStringLiteral("reverse"), reverse}});
            EXPECT_EQ(ids.size(), 37) << sortKey << reverse;
            EXPECT_EQ(QSet<QString>(ids.begin(), ids.end()).size(), 37) << sortKey << reverse;
        }
}

TEST_F(ShopifyPaging, ReverseIsTheForwardOrderBackwards) {
    start(roomyBucket(), syntheticCatalog(12));
    QStringList forward = pageAll(4, {{QStringLiteral("sortKey"), QStringLiteral("TITLE")}});
    const QStringList backward = pageAll(4, {{QStringLiteral("sortKey"), QStringLiteral("TITLE")},
                                             {QStringLiteral("reverse"), true}});
    std::reverse(forward.begin(), forward.end());
    EXPECT_EQ(forward, backward);
}

TEST_F(ShopifyPaging, LastAndBeforePageBackwards) {
    start(roomyBucket(), syntheticCatalog(10));
    const HttpResult tail = graphql(pageQuery, {{QStringLiteral("last"), 3}});
    const QJsonObject products = tail.data().value(QStringLiteral("products")).toObject();
    const QJsonArray edges = products.value(QStringLiteral("edges")).toArray();
    ASSERT_EQ(edges.size(), 3);
    EXPECT_EQ(at(edges, {"0", "node", "id"}).toString(),
              QStringLiteral("gid://shopify/Product/1008"));
    EXPECT_EQ(at(edges, {"2", "node", "id"}).toString(),
              QStringLiteral("gid://shopify/Product/1010"));
    EXPECT_TRUE(at(products, {"pageInfo", "hasPreviousPage"}).toBool());
    EXPECT_FALSE(at(products, {"pageInfo", "hasNextPage"}).toBool());
    const HttpResult before =
        graphql(pageQuery,
                {{QStringLiteral("last"), 3},
                 {QStringLiteral("before"), at(products, {"pageInfo", "startCursor"}).toString()}});
    const QJsonArray earlier = at(before.data(), {"products", "edges"}).toArray();
    ASSERT_EQ(earlier.size(), 3);
    EXPECT_EQ(at(earlier, {"2", "node", "id"}).toString(),
              QStringLiteral("gid://shopify/Product/1007"));
    EXPECT_TRUE(at(before.data(), {"products", "pageInfo", "hasNextPage"}).toBool());
}

TEST_F(ShopifyPaging, EditsWhilePagingByUpdatedAtNeitherSkipNorRepeat) {
    // Cursors hold the sort value and id, not a position: an edit that moves an already
    // seen product to the end shows it again (as in Shopify), but nothing is skipped.
    start(roomyBucket(), syntheticCatalog(9));
    const HttpResult first =
        graphql(pageQuery, {{QStringLiteral("first"), 3},
                            {QStringLiteral("sortKey"), QStringLiteral("UPDATED_AT")}});
    const QString after = at(first.data(), {"products", "pageInfo", "endCursor"}).toString();
    ASSERT_EQ(send("PATCH", url(QStringLiteral("/_sandbox/products?id=gid://shopify/Product/1005")),
                   R"({"title":"Edited"})")
                  .status,
              200);
    QStringList rest;
    QString cursor = after;
    bool more = true;
    while (more) {
        const HttpResult r =
            graphql(pageQuery, {{QStringLiteral("first"), 3},
                                {QStringLiteral("after"), cursor},
                                {QStringLiteral("sortKey"), QStringLiteral("UPDATED_AT")}});
        for (const QJsonValue &e : at(r.data(), {"products", "edges"}).toArray())
            rest.append(at(e, {"node", "id"}).toString());
        more = at(r.data(), {"products", "pageInfo", "hasNextPage"}).toBool();
        cursor = at(r.data(), {"products", "pageInfo", "endCursor"}).toString();
    }
    EXPECT_EQ(rest.size(), 6);
    EXPECT_EQ(rest.last(), QStringLiteral("gid://shopify/Product/1005"));
}

TEST_F(ShopifyPaging, PageSizeAboveTwoHundredFiftyAndBadCursorsAreErrors) {
    start(roomyBucket());
    const HttpResult big = graphql(pageQuery, {{QStringLiteral("first"), 251}});
    EXPECT_FALSE(big.errors().isEmpty());
    const HttpResult none = graphql(QStringLiteral("{ products { nodes { id } } }"));
    EXPECT_EQ(at(none.errors(), {"0", "message"}).toString(),
              QStringLiteral("you must provide one of first or last"));
    const HttpResult bad = graphql(pageQuery, {{QStringLiteral("first"), 2},
                                               {QStringLiteral("after"), QStringLiteral("%%%")}});
    EXPECT_EQ(at(bad.errors(), {"0", "message"}).toString(),
              QStringLiteral("Invalid cursor for current pagination sort."));
}

TEST_F(ShopifyPaging, AHundredThousandProductsPageInLinearTime) {
    Catalog catalog = demoCatalog();
    growCatalog(catalog, 100000);
    ASSERT_EQ(catalog.products.size(), 100000);
    start(roomyBucket(), std::move(catalog));
    int requests = 0;
    QList<qint64> pageTimes;
    const QStringList ids = pageAll(250, {}, &requests, &pageTimes);
    EXPECT_EQ(ids.size(), 100000);
    EXPECT_EQ(QSet<QString>(ids.begin(), ids.end()).size(), 100000);
    ASSERT_EQ(requests, 400);
    // Linear overall means a page deep in the catalog costs what the first pages cost: a
    // cursor found by scanning from the start would make the last pages hundreds of times
    // slower. Medians of 40 pages each, and a generous bound, because machines are noisy.
    auto medianMs = [](QList<qint64> times) {
        std::sort(times.begin(), times.end());
        return double(times.at(times.size() / 2)) / 1e6;
    };
    const double first = medianMs(pageTimes.mid(0, 40));
    const double last = medianMs(pageTimes.mid(pageTimes.size() - 40));
    std::printf("[ figures  ] 100,000 products in %d pages of 250 over loopback: median page "
                "%.2f ms among the first 40, %.2f ms among the last 40 (ratio %.2f)\n",
                requests, first, last, last / first);
    EXPECT_LT(last / first, 4.0) << "a page's cost grows with its depth in the catalog";
    // A filtered walk goes on from where its cursor is, not from the start of the catalog:
    // its late pages cost what its early pages cost.
    QList<qint64> filteredTimes;
    const QStringList filtered =
        pageAll(250, {{QStringLiteral("query"), QStringLiteral("product_type:Dresses")}}, nullptr,
                &filteredTimes);
    ASSERT_GE(filteredTimes.size(), 12) << filtered.size() << " dresses";
    const qsizetype quarter = filteredTimes.size() / 4;
    const double filteredFirst = medianMs(filteredTimes.mid(0, quarter));
    const double filteredLast = medianMs(filteredTimes.mid(filteredTimes.size() - quarter));
    std::printf("[ figures  ] product_type:Dresses matched %lld in %lld pages: median page "
                "%.2f ms among the first %lld, %.2f ms among the last (ratio %.2f)\n",
                qint64(filtered.size()), qint64(filteredTimes.size()), filteredFirst,
                qint64(quarter), filteredLast, filteredLast / filteredFirst);
    EXPECT_LT(filteredLast / filteredFirst, 4.0) << "a filtered page rescans the catalog";
}

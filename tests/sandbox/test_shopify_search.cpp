// The products `query:` argument over loopback: each filter, comparators, AND/OR/NOT,
// quoting, and unknown fields reported the way Shopify reports them.
#include "shopifytestsupport.h"

#include <gtest/gtest.h>

using namespace tagdesk::sandbox;
using namespace tagdesk::sandbox::test;

namespace {

// The synthetic catalog's products 1001 + i for i in 0..11: type Dress/Shirt/Shoes by
// i % 3, vendor Acme/Northwind Traders by i % 2, status ACTIVE, ACTIVE, DRAFT, ARCHIVED by
// i % 4, tag batch-(i % 5), needs-ai when i is even, "summer sale" when i % 3 == 0,
// collection 501 when i % 4 == 0 and 502 for shoes, updatedAt 2025-01-(1 + i) 13:00Z.
QList<int> expected(const std::function<bool(int)> &rule) {
    QList<int> out;
    for (int i = 0; i < 12; ++i)
        if (rule(i))
            out.append(i);
    return out;
}

} // namespace

class ShopifySearch : public SandboxFixture {
protected:
    void SetUp() override { start({}, syntheticCatalog(12)); }

    QList<int> matching(const QString &query) {
        const HttpResult r = graphql(
            QStringLiteral("query S($q: String) { products(first: 50, query: $q) { nodes { id } } "
                           "productsCount(query: $q) { count precision } }"),
            {{QStringLiteral("q"), query}});
        EXPECT_TRUE(r.errors().isEmpty()) << r.body.constData();
        QList<int> out;
        for (const QJsonValue &n : at(r.data(), {"products", "nodes"}).toArray())
            out.append(n[QStringLiteral("id")].toString().section(u'/', -1).toInt() - 1001);
        EXPECT_EQ(at(r.data(), {"productsCount", "count"}).toInt(), out.size())
            << qPrintable(query);
        EXPECT_EQ(at(r.data(), {"productsCount", "precision"}).toString(), QStringLiteral("EXACT"));
        return out;
    }
};

TEST_F(ShopifySearch, Tag) {
    EXPECT_EQ(matching(QStringLiteral("tag:needs-ai")), expected([](int i) { return i % 2 == 0; }));
    EXPECT_EQ(matching(QStringLiteral("tag:'summer sale'")),
              expected([](int i) { return i % 3 == 0; }));
    EXPECT_EQ(matching(QStringLiteral("tag:\"summer sale\"")),
              expected([](int i) { return i % 3 == 0; }));
    EXPECT_EQ(matching(QStringLiteral("tag:NEEDS-AI")), expected([](int i) { return i % 2 == 0; }));
    EXPECT_EQ(matching(QStringLiteral("tag:batch*")), expected([](int) { return true; }));
    EXPECT_EQ(matching(QStringLiteral("tag_not:needs-ai")),
              expected([](int i) { return i % 2 == 1; }));
}

TEST_F(ShopifySearch, ProductTypeVendorStatusTitle) {
    EXPECT_EQ(matching(QStringLiteral("product_type:Shoes")),
              expected([](int i) { return i % 3 == 2; }));
    EXPECT_EQ(matching(QStringLiteral("vendor:'Northwind Traders'")),
              expected([](int i) { return i % 2 == 1; }));
    EXPECT_EQ(matching(QStringLiteral("status:draft")), expected([](int i) { return i % 4 == 2; }));
    EXPECT_EQ(matching(QStringLiteral("status:active,archived")),
              expected([](int i) { return i % 4 != 2; }));
    EXPECT_EQ(matching(QStringLiteral("title:'Shirt number 4'")), (QList<int>{4}));
    EXPECT_EQ(matching(QStringLiteral("title:shirt")), expected([](int i) { return i % 3 == 1; }));
}

TEST_F(ShopifySearch, UpdatedAtWithComparators) {
    EXPECT_EQ(matching(QStringLiteral("updated_at:>'2025-01-10T00:00:00Z'")),
              expected([](int i) { return i >= 9; }));
    EXPECT_EQ(matching(QStringLiteral("updated_at:<=2025-01-03")),
              expected([](int i) { return i <= 2; }));
    EXPECT_EQ(matching(QStringLiteral("updated_at:2025-01-05")), (QList<int>{4}));
    EXPECT_EQ(matching(QStringLiteral("updated_at:>=2025-01-11 updated_at:<2025-01-12")),
              (QList<int>{10}));
    EXPECT_EQ(matching(QStringLiteral("created_at:<'2025-01-02T00:00:00Z'")), (QList<int>{0}));
}

TEST_F(ShopifySearch, CollectionAndId) {
    EXPECT_EQ(matching(QStringLiteral("collection_id:501")),
              expected([](int i) { return i % 4 == 0; }));
    EXPECT_EQ(matching(QStringLiteral("collection_id:502")),
              expected([](int i) { return i % 3 == 2; }));
    EXPECT_EQ(matching(QStringLiteral("id:1003")), (QList<int>{2}));
    EXPECT_EQ(matching(QStringLiteral("id:>=1010")), (QList<int>{9, 10, 11}));
}

TEST_F(ShopifySearch, ConnectivesGroupingAndFreeText) {
    EXPECT_EQ(matching(QStringLiteral("product_type:Dress tag:needs-ai")),
              expected([](int i) { return i % 3 == 0 && i % 2 == 0; }));
    EXPECT_EQ(matching(QStringLiteral("product_type:Dress AND vendor:Acme")),
              expected([](int i) { return i % 3 == 0 && i % 2 == 0; }));
    EXPECT_EQ(matching(QStringLiteral("product_type:Dress OR product_type:Shoes")),
              expected([](int i) { return i % 3 != 1; }));
    EXPECT_EQ(matching(QStringLiteral("NOT tag:needs-ai")),
              expected([](int i) { return i % 2 == 1; }));
    EXPECT_EQ(matching(QStringLiteral("-tag:needs-ai")),
              expected([](int i) { return i % 2 == 1; }));
    EXPECT_EQ(matching(QStringLiteral(
                  "(product_type:Dress OR product_type:Shoes) AND NOT status:archived")),
              expected([](int i) { return i % 3 != 1 && i % 4 != 3; }));
    EXPECT_EQ(matching(QStringLiteral("northwind shoes")),
              expected([](int i) { return i % 2 == 1 && i % 3 == 2; }));
}

TEST_F(ShopifySearch, UnknownFieldsAreIgnoredWithAWarningAsShopifyDoes) {
    const HttpResult r = graphql(QStringLiteral(
        "{ products(first: 50, query: \"colour:red tag:needs-ai\") { nodes { id } } }"));
    EXPECT_TRUE(r.errors().isEmpty());
    EXPECT_EQ(at(r.data(), {"products", "nodes"}).toArray().size(), 6);
    const QJsonArray search = at(r.json(), {"extensions", "search"}).toArray();
    ASSERT_EQ(search.size(), 1) << r.body.constData();
    EXPECT_EQ(at(search, {"0", "warnings", "0", "field"}).toString(), QStringLiteral("colour"));
    EXPECT_EQ(at(search, {"0", "warnings", "0", "message"}).toString(),
              QStringLiteral("Invalid search field for this query."));
}

TEST_F(ShopifySearch, ProductsCountStopsAtItsLimit) {
    const HttpResult r = graphql(QStringLiteral(
        "{ limited: productsCount(limit: 5) { count precision } all: productsCount(limit: null) "
        "{ count precision } }"));
    EXPECT_EQ(at(r.data(), {"limited", "count"}).toInt(), 5);
    EXPECT_EQ(at(r.data(), {"limited", "precision"}).toString(), QStringLiteral("AT_LEAST"));
    EXPECT_EQ(at(r.data(), {"all", "count"}).toInt(), 12);
    EXPECT_EQ(at(r.data(), {"all", "precision"}).toString(), QStringLiteral("EXACT"));
}

// Reads beyond paging: single products, nodes, collections, metafields by namespace,
// media as the Media interface, and the default variant every Shopify product has.
#include "shopifytestsupport.h"

#include <gtest/gtest.h>

using namespace tagdesk::sandbox;
using namespace tagdesk::sandbox::test;

class ShopifyReads : public SandboxFixture {
protected:
    void SetUp() override { start({}, syntheticCatalog(8)); }
};

TEST_F(ShopifyReads, ProductByIdWithItsMediaMetafieldsAndVariant) {
    const HttpResult r = graphql(
        QStringLiteral(
            "query P($id: ID!) { product(id: $id) { id legacyResourceId handle "
            "description(truncateAt: 8) "
            "featuredMedia { __typename id } mediaCount { count precision } "
            "media(first: 5) { edges { cursor node { __typename id alt mediaContentType status "
            "... on MediaImage { image { id url altText width height } } } } } "
            "metafields(first: 5, namespace: \"tagdesk\") { nodes { namespace key type value "
            "jsonValue } } "
            "other: metafields(first: 5, namespace: \"nothing\") { nodes { id } } "
            "metafield(namespace: \"tagdesk\", key: \"colour\") { value } "
            "variants(first: 5) { nodes { title selectedOptions { name value } } } options { name "
            "values } } "
            "missing: product(id: \"gid://shopify/Product/1\") { id } }"),
        {{QStringLiteral("id"), QStringLiteral("gid://shopify/Product/1002")}});
    ASSERT_TRUE(r.errors().isEmpty()) << r.body.constData();
    const QJsonObject p = r.data().value(QStringLiteral("product")).toObject();
    EXPECT_EQ(p.value(QStringLiteral("legacyResourceId")).toString(), QStringLiteral("1002"));
    EXPECT_EQ(p.value(QStringLiteral("description")).toString(), QStringLiteral("A fin..."));
    EXPECT_EQ(at(p, {"featuredMedia", "__typename"}).toString(), QStringLiteral("MediaImage"));
    EXPECT_EQ(at(p, {"mediaCount", "count"}).toInt(), 2);
    const QJsonObject media = at(p, {"media", "edges", "0", "node"}).toObject();
    EXPECT_EQ(media.value(QStringLiteral("mediaContentType")).toString(), QStringLiteral("IMAGE"));
    EXPECT_EQ(media.value(QStringLiteral("status")).toString(), QStringLiteral("READY"));
    EXPECT_EQ(at(media, {"image", "altText"}), media.value(QStringLiteral("alt")));
    EXPECT_TRUE(at(media, {"image", "url"})
                    .toString()
                    .startsWith(server->baseUrl() + QStringLiteral("/_sandbox/images/")));
    EXPECT_EQ(at(p, {"metafields", "nodes", "0", "value"}).toString(), QStringLiteral("navy"));
    EXPECT_TRUE(at(p, {"other", "nodes"}).toArray().isEmpty());
    EXPECT_EQ(at(p, {"metafield", "value"}).toString(), QStringLiteral("navy"));
    EXPECT_EQ(at(p, {"variants", "nodes", "0", "title"}).toString(),
              QStringLiteral("Default Title"));
    EXPECT_EQ(at(p, {"options", "0", "name"}).toString(), QStringLiteral("Title"));
    EXPECT_TRUE(r.data().value(QStringLiteral("missing")).isNull());
}

TEST_F(ShopifyReads, NodesResolveEachKindOfId) {
    const HttpResult r = graphql(QStringLiteral(
        "{ nodes(ids: [\"gid://shopify/Product/1001\", \"gid://shopify/MediaImage/50000\", "
        "\"gid://shopify/Collection/501\", \"gid://shopify/Product/99\"]) { __typename id "
        "... on Product { title } ... on MediaImage { alt } ... on Collection { handle } } }"));
    ASSERT_TRUE(r.errors().isEmpty()) << r.body.constData();
    const QJsonArray nodes = r.data().value(QStringLiteral("nodes")).toArray();
    ASSERT_EQ(nodes.size(), 4);
    EXPECT_EQ(at(nodes, {"0", "title"}).toString(), QStringLiteral("Dress number 0"));
    EXPECT_EQ(at(nodes, {"1", "alt"}).toString(), QStringLiteral("Front of Dress number 0"));
    EXPECT_EQ(at(nodes, {"2", "handle"}).toString(), QStringLiteral("summer"));
    EXPECT_TRUE(nodes.at(3).isNull());
}

TEST_F(ShopifyReads, CollectionsAndTheirProducts) {
    const HttpResult r = graphql(
        QStringLiteral("{ collections(first: 10) { nodes { id title handle productsCount { count } "
                       "products(first: 10) { nodes { id } } } } collection(id: "
                       "\"gid://shopify/Collection/502\") { title } }"));
    ASSERT_TRUE(r.errors().isEmpty()) << r.body.constData();
    const QJsonArray collections = at(r.data(), {"collections", "nodes"}).toArray();
    ASSERT_EQ(collections.size(), 2);
    EXPECT_EQ(at(collections, {"0", "productsCount", "count"}).toInt(), 2); // products 0 and 4
    EXPECT_EQ(at(collections, {"0", "products", "nodes"}).toArray().size(), 2);
    EXPECT_EQ(at(collections, {"1", "productsCount", "count"}).toInt(), 2); // shoes: 2 and 5
    EXPECT_EQ(at(r.data(), {"collection", "title"}).toString(), QStringLiteral("Shoes"));
}

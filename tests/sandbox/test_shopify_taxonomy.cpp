// The sandbox's Standard Product Taxonomy, product categories, metaobjects and category
// metafields, over loopback. Every document is valid against Shopify's 2026-01 schema.
#include "shopifytestsupport.h"

#include "catalog/catalogloader.h"
#include "server/adminendpoints.h"
#include "shopify/sandboxtaxonomy.h"
#include "support/qtprinters.h"

#include <QTemporaryDir>

using namespace tagdesk::sandbox;
using namespace tagdesk::sandbox::test;

namespace {

const QString dresses = QStringLiteral("gid://shopify/TaxonomyCategory/aa-1-4");
const QString blueValue = QStringLiteral("gid://shopify/TaxonomyValue/2");
const QString solidValue = QStringLiteral("gid://shopify/TaxonomyValue/2874");
const QString colorPattern = QStringLiteral("shopify--color-pattern");

const QString searchCategories = QStringLiteral(
    "query Search($q: String!) { taxonomy { categories(first: 5, search: $q) { nodes { id name "
    "fullName isLeaf isRoot isArchived level parentId ancestorIds childrenIds "
    "attributes(first: 30) { nodes { __typename ... on TaxonomyChoiceListAttribute { id name "
    "values(first: 3) { nodes { id name } } } ... on TaxonomyAttribute { id } } } } } } }");

const QString productCategory = QStringLiteral(
    "query P($id: ID!) { product(id: $id) { updatedAt category { id name fullName isArchived } "
    "} }");

const QString setCategory = QStringLiteral(
    "mutation U($product: ProductUpdateInput!) { productUpdate(product: $product) { product { "
    "category { id } } userErrors { field message } } }");

const QString createMetaobject = QStringLiteral(
    "mutation C($m: MetaobjectCreateInput!) { metaobjectCreate(metaobject: $m) { metaobject { "
    "id handle type displayName updatedAt fields { key type value } } userErrors { field "
    "message code elementKey } } }");

const QString upsertMetaobject = QStringLiteral(
    "mutation U($h: MetaobjectHandleInput!, $m: MetaobjectUpsertInput!) { metaobjectUpsert("
    "handle: $h, metaobject: $m) { metaobject { id handle displayName field(key: \"label\") { "
    "value } } userErrors { field message code } } }");

const QString byHandle = QStringLiteral(
    "query H($h: MetaobjectHandleInput!) { metaobjectByHandle(handle: $h) { id handle "
    "displayName } }");

const QString deleteMetaobject = QStringLiteral(
    "mutation D($id: ID!) { metaobjectDelete(id: $id) { deletedId userErrors { field message "
    "code } } }");

const QString metafieldsSet = QStringLiteral(
    "mutation S($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { key "
    "namespace type value } userErrors { field message code } } }");

const QString readReferences = QStringLiteral(
    "query R($id: ID!) { product(id: $id) { metafield(namespace: \"shopify\", key: "
    "\"color-pattern\") { value references(first: 5) { nodes { __typename ... on Metaobject { "
    "id type handle displayName } } } } } }");

QJsonObject field(const QString &key, const QString &value) {
    return {{QStringLiteral("key"), key}, {QStringLiteral("value"), value}};
}

QJsonObject colourInput(const QString &label, const QString &handle = {}) {
    QJsonObject m{{QStringLiteral("type"), colorPattern},
                  {QStringLiteral("fields"),
                   QJsonArray{field(QStringLiteral("label"), label),
                              field(QStringLiteral("color_taxonomy_reference"),
                                    QStringLiteral("[\"%1\"]").arg(blueValue)),
                              field(QStringLiteral("pattern_taxonomy_reference"), solidValue)}}};
    if (!handle.isEmpty())
        m.insert(QStringLiteral("handle"), handle);
    return m;
}

QJsonObject categoryMetafield(const QString &owner, const QString &key, const QJsonArray &ids) {
    return {{QStringLiteral("ownerId"), owner},
            {QStringLiteral("namespace"), QStringLiteral("shopify")},
            {QStringLiteral("key"), key},
            {QStringLiteral("type"), QStringLiteral("list.metaobject_reference")},
            {QStringLiteral("value"),
             QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact))}};
}

QStringList codes(const QJsonValue &userErrors) {
    QStringList out;
    for (const QJsonValue &e : userErrors.toArray())
        out.append(e.toObject().value(QStringLiteral("code")).toString());
    return out;
}

// A user error's `field`: the path of the argument it is about.
QStringList fieldPath(const QJsonValue &userError) {
    QStringList out;
    for (const QJsonValue &f : userError.toObject().value(QStringLiteral("field")).toArray())
        out.append(f.toString());
    return out;
}

class ShopifyTaxonomy : public SandboxFixture {
protected:
    void SetUp() override {
        SandboxConfig config;
        config.shopify.scopedTokens.insert(
            QStringLiteral("shpat_products_only"),
            {QStringLiteral("read_products"), QStringLiteral("write_products")});
        config.shopify.scopedTokens.insert(
            QStringLiteral("shpat_read_metaobjects"),
            {QStringLiteral("read_products"), QStringLiteral("read_metaobjects")});
        start(config, demoCatalog());
    }

    const QString dress = QStringLiteral("gid://shopify/Product/8100000000000");
    const QString uncategorised = QStringLiteral("gid://shopify/Product/8100000000003");
    const QString archived = QStringLiteral("gid://shopify/Product/8100000000010");

    QString demoMetaobject(const QString &handle) {
        const HttpResult r = graphql(
            byHandle, {{QStringLiteral("h"), QJsonObject{{QStringLiteral("type"), colorPattern},
                                                         {QStringLiteral("handle"), handle}}}});
        return at(r.data(), {"metaobjectByHandle", "id"}).toString();
    }
};

} // namespace

TEST_F(ShopifyTaxonomy, SearchFindsDressesWithItsAttributesAndValues) {
    const HttpResult r =
        graphql(searchCategories, {{QStringLiteral("q"), QStringLiteral("dresses")}});
    ASSERT_TRUE(r.errors().isEmpty()) << r.body.constData();
    const QJsonObject first = at(r.data(), {"taxonomy", "categories", "nodes", "0"}).toObject();
    EXPECT_EQ(first.value(QStringLiteral("id")).toString(), dresses);
    EXPECT_EQ(first.value(QStringLiteral("fullName")).toString(),
              QStringLiteral("Apparel & Accessories > Clothing > Dresses"));
    EXPECT_EQ(first.value(QStringLiteral("level")).toInt(), 3);
    EXPECT_FALSE(first.value(QStringLiteral("isRoot")).toBool());
    EXPECT_FALSE(first.value(QStringLiteral("isArchived")).toBool());
    EXPECT_EQ(first.value(QStringLiteral("parentId")).toString(),
              QStringLiteral("gid://shopify/TaxonomyCategory/aa-1"));
    EXPECT_EQ(first.value(QStringLiteral("ancestorIds")).toArray(),
              (QJsonArray{QStringLiteral("gid://shopify/TaxonomyCategory/aa-1"),
                          QStringLiteral("gid://shopify/TaxonomyCategory/aa")}));
    bool colourSeen = false;
    bool bareSeen = false;
    for (const QJsonValue &a : at(first, {"attributes", "nodes"}).toArray()) {
        const QJsonObject o = a.toObject();
        if (o.value(QStringLiteral("__typename")) == QLatin1String("TaxonomyChoiceListAttribute") &&
            o.value(QStringLiteral("name")) == QLatin1String("Color")) {
            colourSeen = true;
            EXPECT_EQ(o.value(QStringLiteral("id")).toString(),
                      QStringLiteral("gid://shopify/TaxonomyAttribute/1"));
            EXPECT_EQ(at(o, {"values", "nodes"}).toArray().size(), 3);
        }
        bareSeen =
            bareSeen || o.value(QStringLiteral("__typename")) == QLatin1String("TaxonomyAttribute");
    }
    EXPECT_TRUE(colourSeen);
    EXPECT_TRUE(bareSeen); // e.g. dress-style: the sandbox has no values for it

    const HttpResult children = graphql(QStringLiteral(
        "{ taxonomy { categories(first: 50, childrenOf: \"gid://shopify/TaxonomyCategory/aa-1\") "
        "{ nodes { id isArchived } } } }"));
    const QJsonArray kids = at(children.data(), {"taxonomy", "categories", "nodes"}).toArray();
    EXPECT_GT(kids.size(), 15);
    for (const QJsonValue &k : kids)
        EXPECT_NE(k.toObject().value(QStringLiteral("id")).toString(),
                  SandboxTaxonomy::archivedCategoryId); // archived ones are not offered
    const HttpResult nothing =
        graphql(searchCategories, {{QStringLiteral("q"), QStringLiteral("zebra crossing")}});
    EXPECT_TRUE(at(nothing.data(), {"taxonomy", "categories", "nodes"}).toArray().isEmpty());
}

TEST_F(ShopifyTaxonomy, ProductCategoryReadsUpdatesRemovesAndRefusesUnknownIds) {
    HttpResult r = graphql(productCategory, {{QStringLiteral("id"), dress}});
    EXPECT_EQ(at(r.data(), {"product", "category", "id"}).toString(), dresses);
    EXPECT_EQ(at(r.data(), {"product", "category", "name"}).toString(), QStringLiteral("Dresses"));
    r = graphql(productCategory, {{QStringLiteral("id"), uncategorised}});
    EXPECT_TRUE(at(r.data(), {"product", "category"}).isNull());
    r = graphql(productCategory, {{QStringLiteral("id"), archived}});
    EXPECT_TRUE(at(r.data(), {"product", "category", "isArchived"}).toBool());

    r = graphql(setCategory,
                {{QStringLiteral("product"), QJsonObject{{QStringLiteral("id"), uncategorised},
                                                         {QStringLiteral("category"), dresses}}}});
    EXPECT_TRUE(at(r.data(), {"productUpdate", "userErrors"}).toArray().isEmpty())
        << r.body.constData();
    EXPECT_EQ(at(r.data(), {"productUpdate", "product", "category", "id"}).toString(), dresses);
    EXPECT_EQ(sandboxProduct(uncategorised).value(QStringLiteral("category")).toString(), dresses);

    r = graphql(setCategory,
                {{QStringLiteral("product"),
                  QJsonObject{{QStringLiteral("id"), uncategorised},
                              {QStringLiteral("category"),
                               QStringLiteral("gid://shopify/TaxonomyCategory/zz-9")}}}});
    EXPECT_TRUE(at(r.data(), {"productUpdate", "product"}).isNull());
    EXPECT_EQ(at(r.data(), {"productUpdate", "userErrors", "0", "field"}).toArray(),
              QJsonArray{QStringLiteral("category")});
    EXPECT_EQ(sandboxProduct(uncategorised).value(QStringLiteral("category")).toString(), dresses);

    r = graphql(setCategory, {{QStringLiteral("product"),
                               QJsonObject{{QStringLiteral("id"), uncategorised},
                                           {QStringLiteral("category"), QJsonValue()}}}});
    EXPECT_TRUE(at(r.data(), {"productUpdate", "userErrors"}).toArray().isEmpty())
        << r.body.constData();
    EXPECT_TRUE(at(r.data(), {"productUpdate", "product", "category"}).isNull());
    EXPECT_TRUE(sandboxProduct(uncategorised).value(QStringLiteral("category")).isNull());
}

TEST_F(ShopifyTaxonomy, ProductsCanBeSearchedAndBulkExportedWithTheirCategory) {
    const HttpResult r = graphql(QStringLiteral(
        "{ products(first: 50, query: \"category_id:aa-1-4\") { nodes { id category { id } } } }"));
    const QJsonArray found = at(r.data(), {"products", "nodes"}).toArray();
    ASSERT_FALSE(found.isEmpty()) << r.body.constData();
    for (const QJsonValue &p : found)
        EXPECT_EQ(at(p, {"category", "id"}).toString(), dresses);
    EXPECT_FALSE(found.contains(QJsonObject{{QStringLiteral("id"), uncategorised},
                                            {QStringLiteral("category"), QJsonValue()}}));

    const HttpResult bulk = graphql(
        QStringLiteral("mutation B($q: String!) { bulkOperationRunQuery(query: $q) { "
                       "bulkOperation { id } userErrors { field message } } }"),
        {{QStringLiteral("q"), QStringLiteral("{ products { edges { node { id category { id "
                                              "fullName } } } } }")}});
    const QString id = at(bulk.data(), {"bulkOperationRunQuery", "bulkOperation", "id"}).toString();
    ASSERT_FALSE(id.isEmpty()) << bulk.body.constData();
    QString url;
    waitUntil([&] {
        const HttpResult s = graphql(QStringLiteral("query S($id: ID!) { node(id: $id) { ... on "
                                                    "BulkOperation { status url } } }"),
                                     {{QStringLiteral("id"), id}});
        url = at(s.data(), {"node", "url"}).toString();
        return at(s.data(), {"node", "status"}).toString() == QLatin1String("COMPLETED");
    });
    const HttpResult lines = get(QUrl(url));
    EXPECT_TRUE(lines.body.contains(
        R"({"id":"gid://shopify/Product/8100000000000","category":{"id":"gid://shopify/TaxonomyCategory/aa-1-4","fullName":"Apparel & Accessories > Clothing > Dresses"}})"))
        << lines.body.left(400).constData();
}

TEST_F(ShopifyTaxonomy, AMerchantsCategoryEditMovesUpdatedAt) {
    const QString before =
        sandboxProduct(uncategorised).value(QStringLiteral("updatedAt")).toString();
    const HttpResult edit =
        send("PATCH", url(QStringLiteral("/_sandbox/products?id=") + uncategorised),
             QJsonDocument(QJsonObject{{QStringLiteral("category"),
                                        QStringLiteral("gid://shopify/TaxonomyCategory/aa-1-15")}})
                 .toJson());
    ASSERT_EQ(edit.status, 200) << edit.body.constData();
    const QJsonObject after = sandboxProduct(uncategorised);
    EXPECT_EQ(after.value(QStringLiteral("category")).toString(),
              QStringLiteral("gid://shopify/TaxonomyCategory/aa-1-15"));
    EXPECT_GT(after.value(QStringLiteral("updatedAt")).toString(), before);
    const HttpResult bad =
        send("PATCH", url(QStringLiteral("/_sandbox/products?id=") + uncategorised),
             R"({"category":"gid://shopify/TaxonomyCategory/nope"})");
    EXPECT_EQ(bad.status, 400);
}

TEST_F(ShopifyTaxonomy, MetaobjectsAreCreatedFoundUpsertedAndDeleted) {
    const HttpResult defs = graphql(QStringLiteral(
        "{ metaobjectDefinitionByType(type: \"shopify--color-pattern\") { id type "
        "displayNameKey fieldDefinitions { key required type { name } } metaobjectsCount } }"));
    ASSERT_TRUE(defs.errors().isEmpty()) << defs.body.constData();
    EXPECT_EQ(at(defs.data(), {"metaobjectDefinitionByType", "metaobjectsCount"}).toInt(), 2);

    HttpResult r = graphql(createMetaobject,
                           {{QStringLiteral("m"), colourInput(QStringLiteral("Navy Blue"))}});
    ASSERT_TRUE(at(r.data(), {"metaobjectCreate", "userErrors"}).toArray().isEmpty())
        << r.body.constData();
    const QJsonObject created = at(r.data(), {"metaobjectCreate", "metaobject"}).toObject();
    EXPECT_TRUE(created.value(QStringLiteral("id"))
                    .toString()
                    .startsWith(QStringLiteral("gid://shopify/Metaobject/")));
    EXPECT_EQ(created.value(QStringLiteral("handle")).toString(), QStringLiteral("navy-blue"));
    EXPECT_EQ(created.value(QStringLiteral("displayName")).toString(), QStringLiteral("Navy Blue"));

    r = graphql(
        createMetaobject,
        {{QStringLiteral("m"), colourInput(QStringLiteral("Navy"), QStringLiteral("navy-blue"))}});
    EXPECT_EQ(codes(at(r.data(), {"metaobjectCreate", "userErrors"})),
              QStringList{QStringLiteral("TAKEN")});

    QJsonObject noType = colourInput(QStringLiteral("X"));
    noType.insert(QStringLiteral("type"), QStringLiteral("shopify--nothing"));
    r = graphql(createMetaobject, {{QStringLiteral("m"), noType}});
    EXPECT_EQ(codes(at(r.data(), {"metaobjectCreate", "userErrors"})),
              QStringList{QStringLiteral("UNDEFINED_OBJECT_TYPE")});
    EXPECT_EQ(fieldPath(at(r.data(), {"metaobjectCreate", "userErrors", "0"})),
              (QStringList{QStringLiteral("metaobject"), QStringLiteral("type")}))
        << "the argument that named the type";

    QJsonObject noPattern{{QStringLiteral("type"), colorPattern},
                          {QStringLiteral("fields"),
                           QJsonArray{field(QStringLiteral("label"), QStringLiteral("Teal")),
                                      field(QStringLiteral("color_taxonomy_reference"),
                                            QStringLiteral("[\"%1\"]").arg(blueValue))}}};
    r = graphql(createMetaobject, {{QStringLiteral("m"), noPattern}});
    EXPECT_EQ(codes(at(r.data(), {"metaobjectCreate", "userErrors"})),
              QStringList{QStringLiteral("OBJECT_FIELD_REQUIRED")});
    EXPECT_EQ(at(r.data(), {"metaobjectCreate", "userErrors", "0", "elementKey"}).toString(),
              QStringLiteral("pattern_taxonomy_reference"));

    QJsonObject wrongValue = colourInput(QStringLiteral("Odd"));
    wrongValue.insert(QStringLiteral("fields"),
                      QJsonArray{field(QStringLiteral("label"), QStringLiteral("Odd")),
                                 field(QStringLiteral("color_taxonomy_reference"),
                                       QStringLiteral("[\"%1\"]").arg(solidValue)),
                                 field(QStringLiteral("pattern_taxonomy_reference"), solidValue)});
    r = graphql(createMetaobject, {{QStringLiteral("m"), wrongValue}});
    EXPECT_EQ(codes(at(r.data(), {"metaobjectCreate", "userErrors"})),
              QStringList{QStringLiteral("INVALID_VALUE")});

    const QJsonObject handle{{QStringLiteral("type"), colorPattern},
                             {QStringLiteral("handle"), QStringLiteral("navy-blue")}};
    r = graphql(
        upsertMetaobject,
        {{QStringLiteral("h"), handle},
         {QStringLiteral("m"),
          QJsonObject{{QStringLiteral("fields"),
                       QJsonArray{field(QStringLiteral("label"), QStringLiteral("Midnight"))}}}}});
    ASSERT_TRUE(at(r.data(), {"metaobjectUpsert", "userErrors"}).toArray().isEmpty())
        << r.body.constData();
    EXPECT_EQ(at(r.data(), {"metaobjectUpsert", "metaobject", "id"}),
              created.value(QStringLiteral("id")));
    EXPECT_EQ(at(r.data(), {"metaobjectUpsert", "metaobject", "field", "value"}).toString(),
              QStringLiteral("Midnight"));

    r = graphql(byHandle, {{QStringLiteral("h"), handle}});
    EXPECT_EQ(at(r.data(), {"metaobjectByHandle", "displayName"}).toString(),
              QStringLiteral("Midnight"));

    r = graphql(upsertMetaobject,
                {{QStringLiteral("h"),
                  QJsonObject{{QStringLiteral("type"), noType.value(QStringLiteral("type"))},
                              {QStringLiteral("handle"), QStringLiteral("x")}}},
                 {QStringLiteral("m"), QJsonObject{}}});
    EXPECT_EQ(codes(at(r.data(), {"metaobjectUpsert", "userErrors"})),
              QStringList{QStringLiteral("UNDEFINED_OBJECT_TYPE")})
        << r.body.constData();
    EXPECT_EQ(fieldPath(at(r.data(), {"metaobjectUpsert", "userErrors", "0"})),
              (QStringList{QStringLiteral("handle"), QStringLiteral("type")}))
        << "the argument that named the type";

    r = graphql(deleteMetaobject, {{QStringLiteral("id"), created.value(QStringLiteral("id"))}});
    EXPECT_EQ(at(r.data(), {"metaobjectDelete", "deletedId"}), created.value(QStringLiteral("id")));
    r = graphql(byHandle, {{QStringLiteral("h"), handle}});
    EXPECT_TRUE(at(r.data(), {"metaobjectByHandle"}).isNull());
    r = graphql(deleteMetaobject, {{QStringLiteral("id"), created.value(QStringLiteral("id"))}});
    EXPECT_EQ(codes(at(r.data(), {"metaobjectDelete", "userErrors"})),
              QStringList{QStringLiteral("RECORD_NOT_FOUND")});
}

TEST_F(ShopifyTaxonomy, ACategoryMetafieldTakesTheStoresMetaobjectsAndReadsBackReferences) {
    const QString blue = demoMetaobject(QStringLiteral("blue"));
    const QString black = demoMetaobject(QStringLiteral("black"));
    ASSERT_FALSE(blue.isEmpty());
    HttpResult r = graphql(
        metafieldsSet,
        {{QStringLiteral("m"),
          QJsonArray{categoryMetafield(dress, QStringLiteral("color-pattern"), {blue, black})}}});
    ASSERT_TRUE(at(r.data(), {"metafieldsSet", "userErrors"}).toArray().isEmpty())
        << r.body.constData();
    r = graphql(readReferences, {{QStringLiteral("id"), dress}});
    const QJsonArray refs = at(r.data(), {"product", "metafield", "references", "nodes"}).toArray();
    ASSERT_EQ(refs.size(), 2) << r.body.constData();
    EXPECT_EQ(at(refs, {"0", "__typename"}).toString(), QStringLiteral("Metaobject"));
    EXPECT_EQ(at(refs, {"0", "displayName"}).toString(), QStringLiteral("Blue"));
    EXPECT_EQ(at(refs, {"1", "handle"}).toString(), QStringLiteral("black"));

    const HttpResult defs = graphql(QStringLiteral(
        "{ metafieldDefinitions(first: 20, ownerType: PRODUCT, namespace: \"shopify\") { nodes { "
        "key type { name } validations { name value } } } }"));
    bool found = false;
    for (const QJsonValue &d : at(defs.data(), {"metafieldDefinitions", "nodes"}).toArray())
        if (d.toObject().value(QStringLiteral("key")) == QLatin1String("color-pattern")) {
            found = true;
            EXPECT_EQ(at(d, {"type", "name"}).toString(),
                      QStringLiteral("list.metaobject_reference"));
            EXPECT_EQ(at(d, {"validations", "0", "name"}).toString(),
                      QStringLiteral("metaobject_definition_id"));
        }
    EXPECT_TRUE(found) << defs.body.constData();
}

TEST_F(ShopifyTaxonomy,
       ACategoryMetafieldRefusesTaxonomyValuesOtherTypesAndProductsWithoutTheCategory) {
    const QString before = sandboxProduct(dress).value(QStringLiteral("updatedAt")).toString();
    HttpResult r = graphql(
        metafieldsSet,
        {{QStringLiteral("m"),
          QJsonArray{categoryMetafield(dress, QStringLiteral("color-pattern"), {blueValue})}}});
    EXPECT_EQ(codes(at(r.data(), {"metafieldsSet", "userErrors"})),
              QStringList{QStringLiteral("INVALID_VALUE")});
    EXPECT_EQ(
        at(r.data(), {"metafieldsSet", "userErrors", "0", "field"}).toArray(),
        (QJsonArray{QStringLiteral("metafields"), QStringLiteral("0"), QStringLiteral("value")}));

    const HttpResult cotton =
        graphql(byHandle, {{QStringLiteral("h"),
                            QJsonObject{{QStringLiteral("type"), QStringLiteral("shopify--fabric")},
                                        {QStringLiteral("handle"), QStringLiteral("cotton")}}}});
    const QString fabric = at(cotton.data(), {"metaobjectByHandle", "id"}).toString();
    ASSERT_FALSE(fabric.isEmpty());
    r = graphql(metafieldsSet,
                {{QStringLiteral("m"), QJsonArray{categoryMetafield(
                                           dress, QStringLiteral("color-pattern"), {fabric})}}});
    EXPECT_EQ(codes(at(r.data(), {"metafieldsSet", "userErrors"})),
              QStringList{QStringLiteral("INVALID_VALUE")});

    r = graphql(metafieldsSet,
                {{QStringLiteral("m"),
                  QJsonArray{categoryMetafield(uncategorised, QStringLiteral("color-pattern"),
                                               {demoMetaobject(QStringLiteral("blue"))})}}});
    EXPECT_EQ(codes(at(r.data(), {"metafieldsSet", "userErrors"})),
              QStringList{QStringLiteral("INVALID")});
    EXPECT_EQ(sandboxProduct(dress).value(QStringLiteral("updatedAt")).toString(), before);
}

TEST_F(ShopifyTaxonomy, MetaobjectsNeedTheirScopes) {
    const QString read = QStringLiteral(
        "{ metaobjects(type: \"shopify--color-pattern\", first: 5) { nodes { id } } }");
    HttpResult r = graphql(read, {}, QStringLiteral("shpat_products_only"));
    EXPECT_EQ(r.firstErrorCode(), QStringLiteral("ACCESS_DENIED"));
    r = graphql(read, {}, QStringLiteral("shpat_read_metaobjects"));
    EXPECT_TRUE(r.errors().isEmpty()) << r.body.constData();
    EXPECT_EQ(at(r.data(), {"metaobjects", "nodes"}).toArray().size(), 2);
    r = graphql(createMetaobject, {{QStringLiteral("m"), colourInput(QStringLiteral("Sky"))}},
                QStringLiteral("shpat_read_metaobjects"));
    EXPECT_EQ(r.firstErrorCode(), QStringLiteral("ACCESS_DENIED"));
    EXPECT_TRUE(at(r.data(), {"metaobjectCreate"}).isNull());
    r = graphql(read); // the full token has write_metaobjects, which grants the read scope
    EXPECT_TRUE(r.errors().isEmpty()) << r.body.constData();
}

TEST(ShopifyTaxonomyState, CategoriesAndMetaobjectsSurviveARestart) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    SandboxConfig config;
    config.statePath = dir.filePath(QStringLiteral("state.json"));
    const QString product = QStringLiteral("gid://shopify/Product/8100000000003");
    QString created;
    {
        SandboxServer server(config, demoCatalog());
        ASSERT_TRUE(server.start().ok());
        ASSERT_TRUE(
            editProductAsMerchant(server.store(), product, {{QStringLiteral("category"), dresses}})
                .ok());
        const StoreMetaobject &m = server.store().mutableMetaobjects().create(
            colorPattern, QStringLiteral("sky"), {{QStringLiteral("label"), QStringLiteral("Sky")}},
            server.store().now());
        created = m.id;
        server.store().noteWrite();
        ASSERT_TRUE(server.saveState().ok());
    }
    SandboxServer again(config, demoCatalog());
    ASSERT_TRUE(again.start().ok());
    EXPECT_EQ(again.store().product(product)->category, dresses);
    const StoreMetaobject *m =
        again.store().metaobjects().byHandle(colorPattern, QStringLiteral("sky"));
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->id, created);
    EXPECT_EQ(m->field(QStringLiteral("label")), QStringLiteral("Sky"));
    EXPECT_EQ(again.store().metaobjects().entries().size(), 4);
}

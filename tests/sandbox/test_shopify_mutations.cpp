// Writes over loopback: productUpdate, tagsAdd/tagsRemove, metafieldsSet with
// compareDigest, fileUpdate; auth (401, ACCESS_DENIED, client credentials).
#include "shopifytestsupport.h"

#include <QSet>

#include <gtest/gtest.h>

using namespace tagdesk::sandbox;
using namespace tagdesk::sandbox::test;

namespace {

const QString product1 = QStringLiteral("gid://shopify/Product/1001");

const QString productUpdate = QStringLiteral(
    "mutation U($p: ProductUpdateInput!) { productUpdate(product: $p) { product { id title "
    "productType descriptionHtml tags updatedAt seo { title description } } userErrors { field "
    "message } } }");
const QString tagsAdd = QStringLiteral(
    "mutation A($id: ID!, $tags: [String!]!) { tagsAdd(id: $id, tags: $tags) { node { id ... on "
    "Product { tags updatedAt } } userErrors { field message } } }");
const QString tagsRemove = QStringLiteral(
    "mutation R($id: ID!, $tags: [String!]!) { tagsRemove(id: $id, tags: $tags) { node { id ... "
    "on Product { tags } } userErrors { field message } } }");
const QString metafieldsSet = QStringLiteral(
    "mutation M($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { metafields { id "
    "namespace key type value compareDigest } userErrors { field message code elementIndex } } }");
const QString fileUpdate = QStringLiteral(
    "mutation F($f: [FileUpdateInput!]!) { fileUpdate(files: $f) { files { id alt ... on "
    "MediaImage { image { altText } } } userErrors { field message code } } }");
const QString readBack = QStringLiteral(
    "query P($id: ID!) { product(id: $id) { updatedAt tags metafields(first: 10, namespace: "
    "\"tagdesk\") { nodes { key value compareDigest } } media(first: 5) { nodes { id alt } } } }");

QJsonObject metafield(const QString &key, const QString &value,
                      const QJsonValue &digest = QJsonValue::Undefined) {
    QJsonObject m{{QStringLiteral("ownerId"), product1},
                  {QStringLiteral("namespace"), QStringLiteral("tagdesk")},
                  {QStringLiteral("key"), key},
                  {QStringLiteral("type"), QStringLiteral("single_line_text_field")},
                  {QStringLiteral("value"), value}};
    if (!digest.isUndefined())
        m.insert(QStringLiteral("compareDigest"), digest);
    return m;
}

// Shopify refuses a stale compareDigest with either code
// (shopify.dev/docs/api/admin-graphql/latest/enums/MetafieldsSetUserErrorCode).
bool isStaleDigestCode(const QString &code) {
    return code == QLatin1String("STALE_OBJECT") || code == QLatin1String("INVALID_COMPARE_DIGEST");
}

} // namespace

class ShopifyMutations : public SandboxFixture {
protected:
    void SetUp() override {
        SandboxConfig config;
        config.shopify.readOnlyToken = QStringLiteral("shpat_readonly");
        start(config);
    }

    QJsonObject product(const QString &id = product1) {
        return graphql(readBack, {{QStringLiteral("id"), id}})
            .data()
            .value(QStringLiteral("product"))
            .toObject();
    }
};

TEST_F(ShopifyMutations, ProductUpdateRoundTripMovesUpdatedAt) {
    const QString before = product().value(QStringLiteral("updatedAt")).toString();
    const HttpResult r = graphql(
        productUpdate,
        {{QStringLiteral("p"),
          QJsonObject{
              {QStringLiteral("id"), product1},
              {QStringLiteral("productType"), QStringLiteral("Maxi Dresses")},
              {QStringLiteral("descriptionHtml"), QStringLiteral("<p>Flowing.</p>")},
              {QStringLiteral("seo"),
               QJsonObject{{QStringLiteral("title"), QStringLiteral("Maxi")},
                           {QStringLiteral("description"), QStringLiteral("A maxi dress")}}}}}});
    ASSERT_EQ(r.status, 200);
    const QJsonObject payload = r.data().value(QStringLiteral("productUpdate")).toObject();
    EXPECT_TRUE(payload.value(QStringLiteral("userErrors")).toArray().isEmpty())
        << r.body.constData();
    EXPECT_EQ(at(payload, {"product", "productType"}).toString(), QStringLiteral("Maxi Dresses"));
    EXPECT_EQ(at(payload, {"product", "seo", "title"}).toString(), QStringLiteral("Maxi"));
    const QString after = at(payload, {"product", "updatedAt"}).toString();
    EXPECT_GT(after, before);
    const QJsonObject stored = sandboxProduct(product1);
    EXPECT_EQ(stored.value(QStringLiteral("productType")).toString(),
              QStringLiteral("Maxi Dresses"));
    EXPECT_EQ(stored.value(QStringLiteral("descriptionHtml")).toString(),
              QStringLiteral("<p>Flowing.</p>"));
    EXPECT_EQ(stored.value(QStringLiteral("updatedAt")).toString(), after);
    // A second write in the same second still moves updatedAt.
    const HttpResult again = graphql(
        productUpdate,
        {{QStringLiteral("p"), QJsonObject{{QStringLiteral("id"), product1},
                                           {QStringLiteral("title"), QStringLiteral("Renamed")}}}});
    EXPECT_GT(at(again.data(), {"productUpdate", "product", "updatedAt"}).toString(), after);
}

TEST_F(ShopifyMutations, ProductUpdateUserErrors) {
    const HttpResult missing =
        graphql(productUpdate,
                {{QStringLiteral("p"),
                  QJsonObject{{QStringLiteral("id"), QStringLiteral("gid://shopify/Product/9")},
                              {QStringLiteral("title"), QStringLiteral("x")}}}});
    EXPECT_TRUE(at(missing.data(), {"productUpdate", "product"}).isNull());
    EXPECT_EQ(at(missing.data(), {"productUpdate", "userErrors", "0", "field"}).toArray(),
              QJsonArray{QStringLiteral("id")});
    EXPECT_EQ(at(missing.data(), {"productUpdate", "userErrors", "0", "message"}).toString(),
              QStringLiteral("Product does not exist"));
    const HttpResult blank = graphql(
        productUpdate,
        {{QStringLiteral("p"), QJsonObject{{QStringLiteral("id"), product1},
                                           {QStringLiteral("title"), QStringLiteral(" ")}}}});
    EXPECT_EQ(at(blank.data(), {"productUpdate", "userErrors", "0", "message"}).toString(),
              QStringLiteral("Title can't be blank"));
    EXPECT_EQ(sandboxProduct(product1).value(QStringLiteral("title")).toString(),
              QStringLiteral("Dress number 0"));
}

TEST_F(ShopifyMutations, TagsAddAndRemoveAreDeltasAndIdempotent) {
    const HttpResult added =
        graphql(tagsAdd, {{QStringLiteral("id"), product1},
                          {QStringLiteral("tags"),
                           QJsonArray{QStringLiteral("colour:red"), QStringLiteral("needs-ai")}}});
    EXPECT_TRUE(at(added.data(), {"tagsAdd", "userErrors"}).toArray().isEmpty());
    QJsonArray tags = at(added.data(), {"tagsAdd", "node", "tags"}).toArray();
    EXPECT_TRUE(tags.contains(QStringLiteral("colour:red")));
    EXPECT_TRUE(tags.contains(QStringLiteral("batch-0")));
    EXPECT_EQ(std::count(tags.begin(), tags.end(), QJsonValue(QStringLiteral("needs-ai"))), 1);
    const QString updatedAt = at(added.data(), {"tagsAdd", "node", "updatedAt"}).toString();
    // Repeating the push changes nothing, not even updatedAt.
    const HttpResult again =
        graphql(tagsAdd, {{QStringLiteral("id"), product1},
                          {QStringLiteral("tags"), QStringLiteral("colour:red, needs-ai")}});
    EXPECT_EQ(at(again.data(), {"tagsAdd", "node", "tags"}).toArray(), tags);
    EXPECT_EQ(at(again.data(), {"tagsAdd", "node", "updatedAt"}).toString(), updatedAt);
    const HttpResult removed =
        graphql(tagsRemove, {{QStringLiteral("id"), product1},
                             {QStringLiteral("tags"), QJsonArray{QStringLiteral("NEEDS-AI")}}});
    tags = at(removed.data(), {"tagsRemove", "node", "tags"}).toArray();
    EXPECT_FALSE(tags.contains(QStringLiteral("needs-ai")));
    EXPECT_TRUE(tags.contains(QStringLiteral("colour:red")));
    EXPECT_EQ(sandboxProduct(product1).value(QStringLiteral("tags")).toArray(), tags);
    const HttpResult unknown =
        graphql(tagsAdd, {{QStringLiteral("id"), QStringLiteral("gid://shopify/Product/1")},
                          {QStringLiteral("tags"), QJsonArray{QStringLiteral("x")}}});
    EXPECT_TRUE(at(unknown.data(), {"tagsAdd", "node"}).isNull());
    EXPECT_EQ(at(unknown.data(), {"tagsAdd", "userErrors", "0", "message"}).toString(),
              QStringLiteral("Product does not exist"));
}

TEST_F(ShopifyMutations, MetafieldsSetIsACompareAndSet) {
    const QString digest = at(product(), {"metafields", "nodes", "0", "compareDigest"}).toString();
    ASSERT_EQ(digest.size(), 64);
    // Right digest: written; a new metafield with compareDigest null: created.
    const HttpResult ok = graphql(
        metafieldsSet,
        {{QStringLiteral("m"),
          QJsonArray{metafield(QStringLiteral("colour"), QStringLiteral("green"), digest),
                     metafield(QStringLiteral("sleeve"), QStringLiteral("long"), QJsonValue())}}});
    const QJsonObject payload = ok.data().value(QStringLiteral("metafieldsSet")).toObject();
    EXPECT_TRUE(payload.value(QStringLiteral("userErrors")).toArray().isEmpty())
        << ok.body.constData();
    ASSERT_EQ(payload.value(QStringLiteral("metafields")).toArray().size(), 2);
    const QString newDigest = at(payload, {"metafields", "0", "compareDigest"}).toString();
    EXPECT_NE(newDigest, digest);
    // The old digest is stale now: nothing of the batch is written (atomic).
    const HttpResult stale = graphql(
        metafieldsSet,
        {{QStringLiteral("m"),
          QJsonArray{metafield(QStringLiteral("fabric"), QStringLiteral("silk")),
                     metafield(QStringLiteral("colour"), QStringLiteral("blue"), digest)}}});
    const QJsonObject staleErr = at(stale.data(), {"metafieldsSet", "userErrors", "0"}).toObject();
    EXPECT_TRUE(isStaleDigestCode(staleErr.value(QStringLiteral("code")).toString()));
    EXPECT_EQ(staleErr.value(QStringLiteral("elementIndex")).toInt(), 1);
    EXPECT_EQ(staleErr.value(QStringLiteral("field")).toArray(),
              (QJsonArray{QStringLiteral("metafields"), QStringLiteral("1"),
                          QStringLiteral("compareDigest")}));
    EXPECT_TRUE(at(stale.data(), {"metafieldsSet", "metafields"}).isNull());
    // compareDigest null on an existing metafield: stale too; a malformed digest: invalid.
    const HttpResult exists = graphql(
        metafieldsSet,
        {{QStringLiteral("m"),
          QJsonArray{metafield(QStringLiteral("sleeve"), QStringLiteral("short"), QJsonValue())}}});
    EXPECT_TRUE(isStaleDigestCode(
        at(exists.data(), {"metafieldsSet", "userErrors", "0", "code"}).toString()));
    const HttpResult invalid = graphql(
        metafieldsSet, {{QStringLiteral("m"),
                         QJsonArray{metafield(QStringLiteral("colour"), QStringLiteral("blue"),
                                              QStringLiteral("abc"))}}});
    EXPECT_EQ(at(invalid.data(), {"metafieldsSet", "userErrors", "0", "code"}).toString(),
              QStringLiteral("INVALID_COMPARE_DIGEST"));
    QStringList stored;
    for (const QJsonValue &m :
         sandboxProduct(product1).value(QStringLiteral("metafields")).toArray())
        stored.append(m[QStringLiteral("key")].toString() + u'=' +
                      m[QStringLiteral("value")].toString());
    stored.sort();
    EXPECT_EQ(stored, (QStringList{QStringLiteral("colour=green"), QStringLiteral("sleeve=long")}));
}

class ShopifyStaleDigest : public SandboxFixture {};

TEST_F(ShopifyStaleDigest, TheRefusalsCodeIsDrawnBySeedAndBothCodesOccur) {
    // Per seed, three refusals in a row; the same seed answers the same codes again.
    const auto codesFor = [this](quint64 seed) {
        SandboxConfig config;
        config.shopify.seed = seed;
        start(config);
        QStringList codes;
        for (int i = 0; i < 3; ++i) {
            const HttpResult r = graphql(
                metafieldsSet,
                {{QStringLiteral("m"), QJsonArray{metafield(QStringLiteral("colour"),
                                                            QStringLiteral("x"), QJsonValue())}}});
            codes << at(r.data(), {"metafieldsSet", "userErrors", "0", "code"}).toString();
        }
        return codes;
    };
    QSet<QString> seen;
    for (quint64 seed = 1; seed <= 6; ++seed) {
        const QStringList codes = codesFor(seed);
        for (const QString &code : codes) {
            EXPECT_TRUE(isStaleDigestCode(code)) << code.toStdString();
            seen.insert(code);
        }
        EXPECT_EQ(codesFor(seed), codes) << "seed " << seed;
    }
    EXPECT_EQ(seen.size(), 2) << "both codes occur across seeds";
}

TEST_F(ShopifyMutations, MetafieldsSetLimitsAndValidation) {
    QJsonArray many;
    for (int i = 0; i < 26; ++i)
        many.append(metafield(QStringLiteral("k%1").arg(i), QStringLiteral("v")));
    const HttpResult tooMany = graphql(metafieldsSet, {{QStringLiteral("m"), many}});
    EXPECT_EQ(at(tooMany.data(), {"metafieldsSet", "userErrors", "0", "code"}).toString(),
              QStringLiteral("LESS_THAN_OR_EQUAL_TO"));
    QJsonObject badList = metafield(QStringLiteral("colours"), QStringLiteral("not json"));
    badList.insert(QStringLiteral("type"), QStringLiteral("list.single_line_text_field"));
    const HttpResult bad = graphql(metafieldsSet, {{QStringLiteral("m"), QJsonArray{badList}}});
    EXPECT_EQ(at(bad.data(), {"metafieldsSet", "userErrors", "0", "code"}).toString(),
              QStringLiteral("INVALID_VALUE"));
    QJsonObject noType = metafield(QStringLiteral("brand_new"), QStringLiteral("x"));
    noType.remove(QStringLiteral("type"));
    const HttpResult blank = graphql(metafieldsSet, {{QStringLiteral("m"), QJsonArray{noType}}});
    EXPECT_EQ(at(blank.data(), {"metafieldsSet", "userErrors", "0", "code"}).toString(),
              QStringLiteral("BLANK"));
}

TEST_F(ShopifyMutations, FileUpdateSetsAltTextOnMediaImages) {
    const QString mediaId = at(product(), {"media", "nodes", "1", "id"}).toString();
    const HttpResult r = graphql(
        fileUpdate,
        {{QStringLiteral("f"), QJsonArray{QJsonObject{{QStringLiteral("id"), mediaId},
                                                      {QStringLiteral("alt"),
                                                       QStringLiteral("Red dress, back view")}}}}});
    EXPECT_TRUE(at(r.data(), {"fileUpdate", "userErrors"}).toArray().isEmpty())
        << r.body.constData();
    EXPECT_EQ(at(r.data(), {"fileUpdate", "files", "0", "alt"}).toString(),
              QStringLiteral("Red dress, back view"));
    EXPECT_EQ(at(r.data(), {"fileUpdate", "files", "0", "image", "altText"}).toString(),
              QStringLiteral("Red dress, back view"));
    EXPECT_EQ(at(sandboxProduct(product1), {"media", "1", "alt"}).toString(),
              QStringLiteral("Red dress, back view"));

    const HttpResult tooLong = graphql(
        fileUpdate, {{QStringLiteral("f"),
                      QJsonArray{QJsonObject{{QStringLiteral("id"), mediaId},
                                             {QStringLiteral("alt"), QString(513, u'a')}}}}});
    EXPECT_EQ(at(tooLong.data(), {"fileUpdate", "userErrors", "0", "code"}).toString(),
              QStringLiteral("ALT_VALUE_LIMIT_EXCEEDED"));
    const HttpResult missing = graphql(
        fileUpdate, {{QStringLiteral("f"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("id"), QStringLiteral("gid://shopify/MediaImage/1")},
                          {QStringLiteral("alt"), QStringLiteral("x")}}}}});
    EXPECT_EQ(at(missing.data(), {"fileUpdate", "userErrors", "0", "code"}).toString(),
              QStringLiteral("FILE_DOES_NOT_EXIST"));
    const HttpResult removal = graphql(
        fileUpdate,
        {{QStringLiteral("f"),
          QJsonArray{QJsonObject{{QStringLiteral("id"), mediaId},
                                 {QStringLiteral("referencesToRemove"), QJsonArray{product1}}}}}});
    EXPECT_FALSE(at(removal.data(), {"fileUpdate", "userErrors"}).toArray().isEmpty());
    EXPECT_EQ(sandboxProduct(product1).value(QStringLiteral("media")).toArray().size(), 2);
}

TEST_F(ShopifyMutations, AWrongTokenIs401) {
    const HttpResult r =
        graphql(QStringLiteral("{ shop { name } }"), {}, QStringLiteral("shpat_wrong"));
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(r.error, QNetworkReply::AuthenticationRequiredError);
    EXPECT_EQ(r.json().value(QStringLiteral("errors")).toString(),
              QStringLiteral(
                  "[API] Invalid API key or access token (unrecognized login or wrong password)"));
    EXPECT_EQ(graphql(QStringLiteral("{ shop { name } }"), {}, QString()).status, 401);
}

TEST_F(ShopifyMutations, AReadOnlyTokenReadsButGetsAccessDeniedOnWrites) {
    const QString token = QStringLiteral("shpat_readonly");
    const HttpResult scopes = graphql(
        QStringLiteral("{ currentAppInstallation { accessScopes { handle } } }"), {}, token);
    QStringList handles;
    for (const QJsonValue &s :
         at(scopes.data(), {"currentAppInstallation", "accessScopes"}).toArray())
        handles.append(s[QStringLiteral("handle")].toString());
    EXPECT_TRUE(handles.contains(QStringLiteral("read_products")));
    EXPECT_FALSE(handles.contains(QStringLiteral("write_products")));
    const HttpResult denied = graphql(tagsAdd,
                                      {{QStringLiteral("id"), product1},
                                       {QStringLiteral("tags"), QJsonArray{QStringLiteral("x")}}},
                                      token);
    EXPECT_EQ(denied.status, 200);
    EXPECT_TRUE(denied.data().value(QStringLiteral("tagsAdd")).isNull());
    EXPECT_EQ(denied.firstErrorCode(), QStringLiteral("ACCESS_DENIED"));
    EXPECT_EQ(
        at(denied.errors(), {"0", "message"}).toString(),
        QStringLiteral(
            "Access denied for tagsAdd field. Required access: `write_products` access scope."));
    EXPECT_EQ(at(denied.errors(), {"0", "path"}).toArray(), QJsonArray{QStringLiteral("tagsAdd")});
    EXPECT_FALSE(sandboxProduct(product1)
                     .value(QStringLiteral("tags"))
                     .toArray()
                     .contains(QStringLiteral("x")));
    const HttpResult full =
        graphql(QStringLiteral("{ currentAppInstallation { accessScopes { handle } } }"));
    EXPECT_EQ(at(full.data(), {"currentAppInstallation", "accessScopes"}).toArray().size(), 6);
}

TEST_F(ShopifyMutations, ClientCredentialsGrantIssuesAWorkingToken) {
    const HttpResult form = send("POST", url(QStringLiteral("/admin/oauth/access_token")),
                                 "grant_type=client_credentials&client_id=sandbox-client-id&client_"
                                 "secret=sandbox-client-secret",
                                 "application/x-www-form-urlencoded");
    ASSERT_EQ(form.status, 200) << form.body.constData();
    const QString token = form.json().value(QStringLiteral("access_token")).toString();
    EXPECT_TRUE(token.startsWith(QStringLiteral("shpat_")));
    EXPECT_EQ(form.json().value(QStringLiteral("scope")).toString(),
              QStringLiteral("read_products,write_products,read_files,write_files,read_metaobjects,"
                             "write_metaobjects"));
    EXPECT_EQ(form.json().value(QStringLiteral("expires_in")).toInt(), 86399);
    EXPECT_TRUE(graphql(tagsAdd,
                        {{QStringLiteral("id"), product1},
                         {QStringLiteral("tags"), QJsonArray{QStringLiteral("y")}}},
                        token)
                    .errors()
                    .isEmpty());
    const HttpResult json = send(
        "POST", url(QStringLiteral("/admin/oauth/access_token")),
        R"({"grant_type":"client_credentials","client_id":"sandbox-client-id","client_secret":"sandbox-client-secret"})");
    EXPECT_EQ(json.status, 200);
    const HttpResult wrong =
        send("POST", url(QStringLiteral("/admin/oauth/access_token")),
             "grant_type=client_credentials&client_id=sandbox-client-id&client_secret=nope",
             "application/x-www-form-urlencoded");
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(wrong.json().value(QStringLiteral("error")).toString(),
              QStringLiteral("invalid_client"));
}

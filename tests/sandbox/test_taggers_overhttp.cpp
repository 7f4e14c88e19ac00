// The tagger endpoints served by the real sandbox server over loopback sockets, with the
// demo catalog's image URLs — what Tagdesk does in the demo.
#include "shopifytestsupport.h"

#include "catalog/catalogloader.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace tagdesk::sandbox;
using namespace tagdesk::sandbox::test;

namespace {

class TaggersOverHttp : public SandboxFixture {
protected:
    void SetUp() override { start({}, demoCatalog()); }

    HttpResult post(const QString &path, const QJsonObject &body, const QByteArray &authorization) {
        QNetworkRequest request(url(path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        request.setRawHeader("Authorization", authorization);
        return finish(nam.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact)));
    }

    // The first image of the demo product with this title, as the Admin API gives it.
    QPair<QString, QString> mediaOf(const QString &title) {
        const HttpResult r = graphql(
            u"query($q: String) { products(first: 1, query: $q) { nodes { title media(first: 1) "
            "{ nodes { ... on MediaImage { id image { url } } } } } } }"_s,
            {{u"q"_s, u"title:'%1'"_s.arg(title)}});
        const QJsonValue media = at(r.data(), {"products", "nodes", "0", "media", "nodes", "0"});
        return {media[u"id"_s].toString(), media[u"image"_s][u"url"_s].toString()};
    }
};

} // namespace

TEST_F(TaggersOverHttp, XimilarTagsADemoImageByItsUrl) {
    const auto [mediaId, imageUrl] = mediaOf(u"Navy Floral Tea Dress"_s);
    ASSERT_TRUE(imageUrl.startsWith(server->baseUrl())) << imageUrl.toStdString();
    const HttpResult r =
        post(u"/tagging/fashion/v2/detect_tags"_s,
             {{u"records"_s, QJsonArray{QJsonObject{{u"_id"_s, mediaId}, {u"_url"_s, imageUrl}}}}},
             "Token sandbox-ximilar");
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    const QJsonValue record = r.json()[u"records"_s][0];
    EXPECT_EQ(record[u"_id"_s].toString(), mediaId);
    EXPECT_EQ(record[u"_status"_s][u"code"_s].toInt(), 200);
    EXPECT_EQ(record[u"_objects"_s][0][u"_tags"_s][u"Category"_s][0][u"name"_s].toString(),
              u"Clothing/Dresses"_s);

    const HttpResult refused = post(u"/tagging/fashion/v2/detect_tags"_s, {}, "Token wrong");
    EXPECT_EQ(refused.status, 401);
    EXPECT_EQ(refused.json()[u"detail"_s].toString(), u"Invalid token."_s);
}

TEST_F(TaggersOverHttp, OpenAiTagsADownloadedImageSentAsADataUri) {
    const auto [mediaId, imageUrl] = mediaOf(u"Neon Yellow Pool Slides"_s);
    const HttpResult image = get(QUrl(imageUrl));
    ASSERT_EQ(image.status, 200);
    const QString dataUri =
        u"data:image/jpeg;base64,"_s + QString::fromLatin1(image.body.toBase64());
    const QJsonObject schema{
        {u"type"_s, u"object"_s},
        {u"properties"_s,
         QJsonObject{
             {u"category"_s, QJsonObject{{u"type"_s, u"string"_s}}},
             {u"colors"_s, QJsonObject{{u"type"_s, u"array"_s},
                                       {u"items"_s, QJsonObject{{u"type"_s, u"string"_s}}}}}}}};
    const QJsonObject request{
        {u"model"_s, u"gpt-4o-mini"_s},
        {u"messages"_s,
         QJsonArray{QJsonObject{
             {u"role"_s, u"user"_s},
             {u"content"_s,
              QJsonArray{QJsonObject{{u"type"_s, u"image_url"_s},
                                     {u"image_url"_s, QJsonObject{{u"url"_s, dataUri}}}}}}}}},
        {u"response_format"_s,
         QJsonObject{
             {u"type"_s, u"json_schema"_s},
             {u"json_schema"_s, QJsonObject{{u"name"_s, u"tags"_s}, {u"schema"_s, schema}}}}}};
    const HttpResult r = post(u"/v1/chat/completions"_s, request, "Bearer sk-sandbox");
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    const QJsonObject tags =
        QJsonDocument::fromJson(
            r.json()[u"choices"_s][0][u"message"_s][u"content"_s].toString().toUtf8())
            .object();
    EXPECT_EQ(tags[u"category"_s].toString(), u"shoes"_s);
    EXPECT_EQ(tags[u"colors"_s][0].toString(), u"yellow"_s);
}

TEST_F(TaggersOverHttp, PixyleLogsInAndTagsALiveProduct) {
    const auto [mediaId, imageUrl] = mediaOf(u"Black Hooded Puffer Jacket"_s);
    const HttpResult login =
        post(u"/auth/v1/token"_s,
             {{u"email"_s, u"sandbox@tagdesk.test"_s}, {u"password"_s, u"sandbox"_s}}, {});
    ASSERT_EQ(login.status, 200) << login.body.toStdString();
    const QByteArray token = login.json()[u"access_token"_s].toString().toLatin1();
    const HttpResult r =
        post(u"/main/v1.1/products"_s, {{u"sku"_s, mediaId}, {u"image_url_1"_s, imageUrl}},
             "Bearer " + token);
    ASSERT_EQ(r.status, 200) << r.body.toStdString();
    EXPECT_EQ(r.json()[u"category"_s].toString(), u"jackets"_s);
    EXPECT_EQ(r.json()[u"attributes"_s][u"color"_s][u"correct"_s][0].toObject().keys().value(0),
              u"black"_s);
}

// The sandbox's Ximilar fashion tagging endpoint through TaggerEndpoints::handle().
#include "taggertestsupport.h"

#include <gtest/gtest.h>

#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace tagdesk::sandbox;
using namespace tagdesk::sandbox::test;

namespace {

const QString kPath = u"/tagging/fashion/v2/detect_tags"_s;
const QByteArray kAuth = "Token sandbox-ximilar";

QJsonObject urlRecord(const QString &photo, const QString &id = {}) {
    QJsonObject record{{u"_url"_s, photoUrl(photo)}};
    if (!id.isEmpty())
        record.insert(u"_id"_s, id);
    return record;
}

SandboxResponse detect(TaggerEndpoints &taggers, const QJsonArray &records,
                       const QByteArray &auth = kAuth) {
    const auto response =
        taggers.handle(jsonRequest("POST", kPath, {{u"records"_s, records}}, auth));
    EXPECT_TRUE(response.has_value());
    return response.value_or(SandboxResponse{});
}

} // namespace

TEST(TaggersXimilar, TagsAPhotoByUrlInXimilarsShape) {
    TaggerEndpoints taggers(fetchBundledPhoto);
    const SandboxResponse response =
        detect(taggers, {urlRecord(kBlackPufferPhoto, u"gid://shopify/MediaImage/456"_s)});
    ASSERT_EQ(response.status, 200);
    EXPECT_EQ(response.contentType, "application/json");
    const QJsonObject body = bodyOf(response);
    EXPECT_EQ(body[u"status"_s][u"code"_s].toInt(), 200);
    EXPECT_EQ(body[u"status"_s][u"text"_s].toString(), u"OK"_s);
    EXPECT_FALSE(body[u"status"_s][u"request_id"_s].toString().isEmpty());
    EXPECT_TRUE(body[u"statistics"_s][u"processing time"_s].isDouble());

    const QJsonArray records = body[u"records"_s].toArray();
    ASSERT_EQ(records.size(), 1);
    const QJsonObject record = records.first().toObject();
    EXPECT_EQ(record[u"_id"_s].toString(), u"gid://shopify/MediaImage/456"_s);
    EXPECT_EQ(record[u"_url"_s].toString(), photoUrl(kBlackPufferPhoto));
    EXPECT_EQ(record[u"_status"_s][u"code"_s].toInt(), 200);
    EXPECT_EQ(record[u"_width"_s].toInt(), 400);
    EXPECT_EQ(record[u"_height"_s].toInt(), 448);

    const QJsonArray objects = record[u"_objects"_s].toArray();
    ASSERT_EQ(objects.size(), 1);
    const QJsonObject object = objects.first().toObject();
    EXPECT_EQ(object[u"name"_s].toString(), u"Clothing"_s);
    EXPECT_EQ(object[u"Top Category"_s][0][u"name"_s].toString(), u"Clothing"_s);
    const QJsonArray box = object[u"bound_box"_s].toArray();
    ASSERT_EQ(box.size(), 4);
    EXPECT_LT(box[0].toInt(), box[2].toInt());
    EXPECT_LT(box[1].toInt(), box[3].toInt());
    EXPECT_GT(object[u"prob"_s].toDouble(), 0.5);
    EXPECT_GT(object[u"area"_s].toDouble(), 0.1);

    const QJsonObject tags = object[u"_tags"_s].toObject();
    EXPECT_EQ(tags[u"Category"_s][0][u"name"_s].toString(), u"Clothing/Jackets and Coats"_s);
    EXPECT_EQ(tags[u"Subcategory"_s][0][u"name"_s].toString(), u"jackets"_s);
    EXPECT_EQ(tags[u"Color"_s][0][u"name"_s].toString(), u"black"_s);
    EXPECT_EQ(tags[u"Sleeves"_s][0][u"name"_s].toString(), u"sleeves long"_s);
    for (const QString &feature : tags.keys()) {
        for (const QJsonValue &tag : tags[feature].toArray()) {
            const double probability = tag[u"prob"_s].toDouble();
            EXPECT_GT(probability, 0.0) << feature.toStdString();
            EXPECT_LE(probability, 1.0) << feature.toStdString();
            EXPECT_FALSE(tag[u"id"_s].toString().isEmpty());
        }
    }
    const QJsonArray simple = object[u"_tags_simple"_s].toArray();
    EXPECT_TRUE(simple.contains(u"Clothing/Jackets and Coats"_s));
    EXPECT_TRUE(simple.contains(u"black"_s));
}

TEST(TaggersXimilar, TagsBase64RecordsAndEchoesCustomFields) {
    TaggerEndpoints taggers(fetchBundledPhoto);
    const QJsonObject base64Record{
        {u"_base64"_s, QString::fromLatin1(photoBytes(kYellowSlidesPhoto).toBase64())},
        {u"product_id"_s, u"gid://shopify/Product/7"_s}};
    const SandboxResponse response = detect(taggers, {base64Record});
    ASSERT_EQ(response.status, 200);
    const QJsonObject record = bodyOf(response)[u"records"_s][0].toObject();
    EXPECT_FALSE(record.contains(u"_base64"_s)) << "the image data is not sent back";
    EXPECT_EQ(record[u"product_id"_s].toString(), u"gid://shopify/Product/7"_s);
    EXPECT_FALSE(record[u"_id"_s].toString().isEmpty());
    const QJsonObject object = record[u"_objects"_s][0].toObject();
    EXPECT_EQ(object[u"name"_s].toString(), u"Footwear"_s);
    EXPECT_EQ(object[u"_tags"_s][u"Category"_s][0][u"name"_s].toString(), u"Footwear/Shoes"_s);
    EXPECT_EQ(object[u"_tags"_s][u"Color"_s][0][u"name"_s].toString(), u"yellow"_s);
}

TEST(TaggersXimilar, ReportsABadRecordInItsOwnStatus) {
    TaggerEndpoints taggers(fetchBundledPhoto);
    const SandboxResponse response = detect(
        taggers, {urlRecord(kBlackPufferPhoto),
                  QJsonObject{{u"_url"_s, u"https://cdn.example.com/gone.jpg"_s}},
                  QJsonObject{{u"_base64"_s, u"aGVsbG8="_s}}, QJsonObject{{u"_id"_s, u"x"_s}}});
    ASSERT_EQ(response.status, 200) << "the method as a whole succeeded";
    const QJsonArray records = bodyOf(response)[u"records"_s].toArray();
    ASSERT_EQ(records.size(), 4);
    EXPECT_EQ(records[0][u"_status"_s][u"code"_s].toInt(), 200);
    EXPECT_EQ(records[1][u"_status"_s][u"code"_s].toInt(), 404);
    EXPECT_TRUE(records[1][u"_status"_s][u"text"_s].toString().contains(u"download"_s));
    EXPECT_EQ(records[2][u"_status"_s][u"code"_s].toInt(), 400);
    EXPECT_EQ(records[3][u"_status"_s][u"code"_s].toInt(), 400);
    EXPECT_EQ(records[3][u"_id"_s].toString(), u"x"_s);
    for (int i = 1; i < 4; ++i)
        EXPECT_FALSE(records[i].toObject().contains(u"_objects"_s));
}

TEST(TaggersXimilar, AcceptsTenRecordsAndRefusesEleven) {
    TaggerEndpoints taggers(fetchBundledPhoto);
    const QStringList photos = photoNames();
    QJsonArray ten;
    for (int i = 0; i < 10; ++i)
        ten.append(urlRecord(photos.at(i * 3)));
    const SandboxResponse accepted = detect(taggers, ten);
    ASSERT_EQ(accepted.status, 200);
    EXPECT_EQ(bodyOf(accepted)[u"records"_s].toArray().size(), 10);

    QJsonArray eleven = ten;
    eleven.append(urlRecord(photos.at(1)));
    const SandboxResponse refused = detect(taggers, eleven);
    EXPECT_EQ(refused.status, 400);
    EXPECT_EQ(bodyOf(refused)[u"status"_s][u"code"_s].toInt(), 400);
    EXPECT_TRUE(bodyOf(refused)[u"status"_s][u"text"_s].toString().contains(u"10"_s));

    const SandboxResponse none = detect(taggers, {});
    EXPECT_EQ(none.status, 400);
}

TEST(TaggersXimilar, RefusesMissingOrWrongTokensAsXimilarDoes) {
    TaggerEndpoints taggers(fetchBundledPhoto);
    SandboxRequest request =
        jsonRequest("POST", kPath, {{u"records"_s, QJsonArray{urlRecord(kBlackPufferPhoto)}}});
    const auto missing = taggers.handle(request);
    ASSERT_TRUE(missing.has_value());
    EXPECT_EQ(missing->status, 401);
    EXPECT_EQ(bodyOf(*missing)[u"detail"_s].toString(),
              u"Authentication credentials were not provided."_s);

    for (const QByteArray &wrong :
         {QByteArray("Token nope"), QByteArray("Bearer sandbox-ximilar")}) {
        request.headers.insert("authorization", wrong);
        const auto refused = taggers.handle(request);
        ASSERT_TRUE(refused.has_value());
        EXPECT_EQ(refused->status, 401);
        EXPECT_EQ(bodyOf(*refused)[u"detail"_s].toString(), u"Invalid token."_s);
    }

    TaggerEndpoints custom(fetchBundledPhoto, {.ximilarToken = u"other"_s});
    request.headers.insert("authorization", "Token other");
    EXPECT_EQ(custom.handle(request)->status, 200);
}

TEST(TaggersXimilar, RefusesABodyThatIsNotJson) {
    TaggerEndpoints taggers(fetchBundledPhoto);
    SandboxRequest request = jsonRequest("POST", kPath, {}, kAuth);
    request.body = "records=1";
    EXPECT_EQ(taggers.handle(request)->status, 400);
    request.method = "GET";
    EXPECT_EQ(taggers.handle(request)->status, 405);
}

TEST(TaggersXimilar, AnswersAreDeterministic) {
    TaggerEndpoints first(fetchBundledPhoto);
    TaggerEndpoints second(fetchBundledPhoto);
    const QJsonArray records{urlRecord(kGreyJacketPhoto), urlRecord(kLightBlueSkirtPhoto)};
    const QByteArray a = detect(first, records).body;
    EXPECT_EQ(detect(first, records).body, a);
    EXPECT_EQ(detect(second, records).body, a);
}

TEST(TaggersXimilar, OtherPathsAreNotTaggerEndpoints) {
    TaggerEndpoints taggers(fetchBundledPhoto);
    EXPECT_FALSE(
        taggers.handle(jsonRequest("POST", u"/admin/api/2026-01/graphql.json"_s, {})).has_value());
    EXPECT_FALSE(taggers.handle(jsonRequest("GET", u"/_sandbox/products"_s, {})).has_value());
    EXPECT_FALSE(
        taggers.handle(jsonRequest("POST", u"/tagging/fashion/v2/unknown"_s, {})).has_value());
}

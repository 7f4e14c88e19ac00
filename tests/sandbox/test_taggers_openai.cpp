// The sandbox's OpenAI-compatible vision model through TaggerEndpoints::handle().
#include "taggertestsupport.h"

#include <gtest/gtest.h>

#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace tagdesk::sandbox;
using namespace tagdesk::sandbox::test;

namespace {

const QString kPath = u"/v1/chat/completions"_s;
const QByteArray kAuth = "Bearer sk-sandbox";

// A garment schema in OpenAI's strict structured-output form: every object closed with
// additionalProperties:false, every property required
// (https://platform.openai.com/docs/guides/structured-outputs).
QJsonObject garmentSchema() {
    return QJsonDocument::fromJson(R"({
      "type": "object", "additionalProperties": false,
      "required": ["category", "colors", "pattern", "sleeve_length", "material", "style", "alt_text"],
      "properties": {
        "category": {"type": "string", "enum": ["dress", "top", "skirt", "trousers", "jacket", "other"]},
        "colors": {"type": "array", "items": {"type": "string"}},
        "pattern": {"type": "string", "enum": ["plain", "floral", "striped", "checked", "animal", "other"]},
        "sleeve_length": {"type": ["string", "null"], "enum": ["sleeveless", "short", "three_quarter", "long", null]},
        "material": {"type": ["string", "null"]},
        "style": {"type": "string"},
        "alt_text": {"type": "string"}
      }})")
        .object();
}

QJsonObject chatRequest(const QString &imageUrl, const QJsonObject &responseFormat) {
    const QJsonArray content{
        QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u"Tag this product."_s}},
        QJsonObject{{u"type"_s, u"image_url"_s},
                    {u"image_url"_s, QJsonObject{{u"url"_s, imageUrl}, {u"detail"_s, u"low"_s}}}}};
    QJsonObject request{
        {u"model"_s, u"gpt-4o-mini"_s},
        {u"temperature"_s, 0},
        {u"messages"_s,
         QJsonArray{QJsonObject{{u"role"_s, u"system"_s}, {u"content"_s, u"You tag photos."_s}},
                    QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, content}}}}};
    if (!responseFormat.isEmpty())
        request.insert(u"response_format"_s, responseFormat);
    return request;
}

QJsonObject schemaFormat(const QJsonObject &schema) {
    return {
        {u"type"_s, u"json_schema"_s},
        {u"json_schema"_s,
         QJsonObject{{u"name"_s, u"garment_tags"_s}, {u"strict"_s, true}, {u"schema"_s, schema}}}};
}

SandboxResponse chat(TaggerEndpoints &taggers, const QJsonObject &body,
                     const QByteArray &auth = kAuth) {
    return taggers.handle(jsonRequest("POST", kPath, body, auth)).value_or(SandboxResponse{});
}

// The JSON document inside choices[0].message.content.
QJsonObject contentOf(const SandboxResponse &response) {
    const QString content =
        bodyOf(response)[u"choices"_s][0][u"message"_s][u"content"_s].toString();
    return QJsonDocument::fromJson(content.toUtf8()).object();
}

} // namespace

TEST(TaggersOpenAi, AnswersAChatCompletionFollowingTheSchema) {
    TaggerEndpoints taggers(fetchBundledPhoto);
    const SandboxResponse response =
        chat(taggers,
             chatRequest(dataUri(photoBytes(kBlackPufferPhoto)), schemaFormat(garmentSchema())));
    ASSERT_EQ(response.status, 200) << response.body.toStdString();
    const QJsonObject body = bodyOf(response);
    EXPECT_TRUE(body[u"id"_s].toString().startsWith(u"chatcmpl-"_s));
    EXPECT_EQ(body[u"object"_s].toString(), u"chat.completion"_s);
    EXPECT_EQ(body[u"model"_s].toString(), u"gpt-4o-mini"_s);
    EXPECT_GT(body[u"created"_s].toInteger(), 0);
    const QJsonObject choice = body[u"choices"_s][0].toObject();
    EXPECT_EQ(choice[u"index"_s].toInt(), 0);
    EXPECT_EQ(choice[u"finish_reason"_s].toString(), u"stop"_s);
    EXPECT_EQ(choice[u"message"_s][u"role"_s].toString(), u"assistant"_s);
    EXPECT_TRUE(choice[u"message"_s][u"refusal"_s].isNull());
    const QJsonObject usage = body[u"usage"_s].toObject();
    EXPECT_EQ(usage[u"total_tokens"_s].toInt(),
              usage[u"prompt_tokens"_s].toInt() + usage[u"completion_tokens"_s].toInt());

    // The content is a JSON string with exactly the schema's properties, valid values.
    const QJsonObject tags = contentOf(response);
    QStringList keys = tags.keys();
    QStringList required;
    for (const QJsonValue &name : garmentSchema()[u"required"_s].toArray())
        required << name.toString();
    keys.sort();
    required.sort();
    EXPECT_EQ(keys, required);
    EXPECT_EQ(tags[u"category"_s].toString(), u"jacket"_s);
    EXPECT_EQ(tags[u"colors"_s][0].toString(), u"black"_s);
    EXPECT_TRUE(QStringList({u"plain"_s, u"other"_s}).contains(tags[u"pattern"_s].toString()));
    EXPECT_EQ(tags[u"sleeve_length"_s].toString(), u"long"_s);
    EXPECT_TRUE(tags[u"material"_s].isNull()) << "a photo cannot tell; the schema allows null";
    EXPECT_TRUE(tags[u"style"_s].isString());
    EXPECT_TRUE(tags[u"alt_text"_s].toString().contains(u"jacket"_s));
}

TEST(TaggersOpenAi, MapsTheGarmentOntoTheCallersEnum) {
    TaggerEndpoints taggers(fetchBundledPhoto);
    const QList<QPair<QString, QString>> expected{
        {u"dress__28b09463-6bbb-491d-9ffc-f36df5c6b211.jpg"_s, u"dress"_s},
        {u"t-shirt__0af4203f-8998-4719-92fe-65c14a6b6093.jpg"_s, u"top"_s},
        {u"pants__046d0a65-f5a6-47f6-afaf-e692bfcfcb00.jpg"_s, u"trousers"_s},
        {u"skirt__2001dec1-1e0a-4c11-9d15-120b019b3dea.jpg"_s, u"skirt"_s},
        {kYellowSlidesPhoto, u"other"_s}, // shoes are not in this enum
    };
    for (const auto &[photo, category] : expected) {
        const SandboxResponse response =
            chat(taggers, chatRequest(dataUri(photoBytes(photo)), schemaFormat(garmentSchema())));
        ASSERT_EQ(response.status, 200);
        EXPECT_EQ(contentOf(response)[u"category"_s].toString(), category) << photo.toStdString();
    }
}

// Shopify's taxonomy as enums: categories by full name ("… > Clothing > Dresses"), colours in
// American spelling ("Gray"); what a photo cannot tell stays null rather than "Other".
TEST(TaggersOpenAi, AnswersInShopifysTaxonomyWhenTheSchemaListsIt) {
    TaggerEndpoints taggers(fetchBundledPhoto);
    const QJsonObject schema = QJsonDocument::fromJson(R"({
      "type": "object", "additionalProperties": false,
      "required": ["shopify_category", "colour", "material"],
      "properties": {
        "shopify_category": {"type": "string", "enum": [
          "Apparel & Accessories > Clothing > Skirts",
          "Apparel & Accessories > Clothing > Dresses",
          "Apparel & Accessories > Clothing > Outerwear"]},
        "colour": {"type": "string", "enum": ["Black", "Blue", "Gray", "Navy", "White"]},
        "material": {"type": ["string", "null"], "enum": ["Cotton", "Denim", "Other", null]}
      }})")
                                   .object();
    const SandboxResponse dress =
        chat(taggers,
             chatRequest(dataUri(photoBytes(u"dress__28b09463-6bbb-491d-9ffc-f36df5c6b211.jpg"_s)),
                         schemaFormat(schema)));
    ASSERT_EQ(dress.status, 200) << dress.body.toStdString();
    EXPECT_EQ(contentOf(dress)[u"shopify_category"_s].toString(),
              u"Apparel & Accessories > Clothing > Dresses"_s);
    EXPECT_TRUE(contentOf(dress)[u"material"_s].isNull());

    const SandboxResponse grey =
        chat(taggers, chatRequest(dataUri(photoBytes(kGreyJacketPhoto)), schemaFormat(schema)));
    ASSERT_EQ(grey.status, 200) << grey.body.toStdString();
    EXPECT_EQ(contentOf(grey)[u"colour"_s].toString(), u"Gray"_s);
}

TEST(TaggersOpenAi, FollowsNestedSchemasAndOtherTypes) {
    TaggerEndpoints taggers(fetchBundledPhoto);
    const QJsonObject schema = QJsonDocument::fromJson(R"({
      "type": "object",
      "properties": {
        "garment": {"$ref": "#/$defs/garment"},
        "confidence": {"type": "number"},
        "tags": {"type": "array", "items": {"type": "string"}},
        "on_sale": {"type": "boolean"},
        "colour": {"anyOf": [{"type": "string", "enum": ["black", "white", "yellow"]}, {"type": "null"}]},
        "attributes": {"type": "array", "items": {"type": "object", "properties": {
          "colour": {"type": "string"}, "score": {"type": "number"}}}}
      },
      "$defs": {"garment": {"type": "object", "properties": {
        "product_type": {"type": "string"}, "title": {"type": "string"}}}}
    })")
                                   .object();
    const SandboxResponse response =
        chat(taggers, chatRequest(photoUrl(kYellowSlidesPhoto), schemaFormat(schema)));
    ASSERT_EQ(response.status, 200) << response.body.toStdString();
    const QJsonObject answer = contentOf(response);
    EXPECT_EQ(answer[u"garment"_s][u"product_type"_s].toString(), u"shoes"_s);
    EXPECT_EQ(answer[u"garment"_s][u"title"_s].toString(), u"Yellow Pair of shoes"_s);
    const double confidence = answer[u"confidence"_s].toDouble();
    EXPECT_GT(confidence, 0.5);
    EXPECT_LE(confidence, 1.0);
    EXPECT_TRUE(answer[u"tags"_s].toArray().contains(u"yellow"_s));
    EXPECT_FALSE(answer[u"on_sale"_s].toBool());
    EXPECT_EQ(answer[u"colour"_s].toString(), u"yellow"_s);
    const QJsonArray attributes = answer[u"attributes"_s].toArray();
    ASSERT_EQ(attributes.size(), 1);
    EXPECT_EQ(attributes[0][u"colour"_s].toString(), u"yellow"_s);
    EXPECT_GT(attributes[0][u"score"_s].toDouble(), 0.5);
}

TEST(TaggersOpenAi, AnswersJsonObjectAndTextModes) {
    TaggerEndpoints taggers(fetchBundledPhoto);
    const SandboxResponse json = chat(taggers, chatRequest(dataUri(photoBytes(kGreyJacketPhoto)),
                                                           {{u"type"_s, u"json_object"_s}}));
    ASSERT_EQ(json.status, 200);
    EXPECT_EQ(contentOf(json)[u"category"_s].toString(), u"jacket"_s);
    EXPECT_EQ(contentOf(json)[u"colors"_s][0].toString(), u"grey"_s);

    const SandboxResponse text =
        chat(taggers, chatRequest(dataUri(photoBytes(kGreyJacketPhoto)), {}));
    ASSERT_EQ(text.status, 200);
    const QString sentence = bodyOf(text)[u"choices"_s][0][u"message"_s][u"content"_s].toString();
    EXPECT_TRUE(sentence.contains(u"jacket"_s)) << sentence.toStdString();
}

TEST(TaggersOpenAi, AnUnknownImageStillGetsItsColour) {
    TaggerEndpoints taggers(fetchBundledPhoto);
    QByteArray changed = photoBytes(kYellowSlidesPhoto);
    // Same picture, different bytes (a comment segment after the JPEG header).
    changed.insert(2, QByteArray("\xFF\xFE\x00\x07hello", 9));
    const SandboxResponse response =
        chat(taggers, chatRequest(dataUri(changed), schemaFormat(garmentSchema())));
    ASSERT_EQ(response.status, 200) << response.body.toStdString();
    const QJsonObject tags = contentOf(response);
    EXPECT_EQ(tags[u"category"_s].toString(), u"other"_s);
    EXPECT_EQ(tags[u"colors"_s][0].toString(), u"yellow"_s);
}

TEST(TaggersOpenAi, RefusesMissingAndWrongKeysAsOpenAiDoes) {
    TaggerEndpoints taggers(fetchBundledPhoto);
    const QJsonObject request =
        chatRequest(dataUri(photoBytes(kGreyJacketPhoto)), schemaFormat(garmentSchema()));
    const SandboxResponse missing = chat(taggers, request, {});
    EXPECT_EQ(missing.status, 401);
    const QJsonObject missingError = bodyOf(missing)[u"error"_s].toObject();
    EXPECT_EQ(missingError[u"type"_s].toString(), u"invalid_request_error"_s);
    EXPECT_TRUE(missingError[u"message"_s].toString().contains(u"didn't provide an API key"_s));

    const SandboxResponse wrong = chat(taggers, request, "Bearer sk-wrong-key-1234");
    EXPECT_EQ(wrong.status, 401);
    const QJsonObject wrongError = bodyOf(wrong)[u"error"_s].toObject();
    EXPECT_EQ(wrongError[u"code"_s].toString(), u"invalid_api_key"_s);
    EXPECT_TRUE(wrongError[u"message"_s].toString().contains(u"sk-*"_s));
    EXPECT_FALSE(wrongError[u"message"_s].toString().contains(u"wrong-key"_s)) << "masked";
    EXPECT_TRUE(wrongError.contains(u"param"_s));

    const auto models = taggers.handle(jsonRequest("GET", u"/v1/models"_s, {}, "Bearer nope"));
    ASSERT_TRUE(models.has_value());
    EXPECT_EQ(models->status, 401);
}

TEST(TaggersOpenAi, RefusesMalformedRequestsWithOpenAiErrors) {
    TaggerEndpoints taggers(fetchBundledPhoto);
    const auto errorOf = [](const SandboxResponse &r) {
        return bodyOf(r)[u"error"_s].toObject();
    };

    QJsonObject noMessages = chatRequest(photoUrl(kGreyJacketPhoto), {});
    noMessages.remove(u"messages"_s);
    const SandboxResponse a = chat(taggers, noMessages);
    EXPECT_EQ(a.status, 400);
    EXPECT_EQ(errorOf(a)[u"param"_s].toString(), u"messages"_s);

    QJsonObject noImage = chatRequest(photoUrl(kGreyJacketPhoto), {});
    noImage[u"messages"_s] =
        QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"hi"_s}}};
    EXPECT_EQ(chat(taggers, noImage).status, 400);

    const SandboxResponse unreachable =
        chat(taggers, chatRequest(u"https://cdn.example.com/x.jpg"_s, {}));
    EXPECT_EQ(unreachable.status, 400);
    EXPECT_EQ(errorOf(unreachable)[u"code"_s].toString(), u"invalid_image_url"_s);

    const SandboxResponse notImage =
        chat(taggers, chatRequest(u"data:image/jpeg;base64,aGVsbG8="_s, {}));
    EXPECT_EQ(notImage.status, 400);
    EXPECT_EQ(errorOf(notImage)[u"code"_s].toString(), u"invalid_image_format"_s);

    const SandboxResponse badFormat =
        chat(taggers, chatRequest(photoUrl(kGreyJacketPhoto), {{u"type"_s, u"yaml"_s}}));
    EXPECT_EQ(badFormat.status, 400);
    EXPECT_EQ(errorOf(badFormat)[u"param"_s].toString(), u"response_format.type"_s);

    const SandboxResponse arraySchema = chat(
        taggers, chatRequest(photoUrl(kGreyJacketPhoto),
                             schemaFormat({{u"type"_s, u"array"_s}, {u"items"_s, QJsonObject{}}})));
    EXPECT_EQ(arraySchema.status, 400);

    SandboxRequest notJson = jsonRequest("POST", kPath, {}, kAuth);
    notJson.body = "{oops";
    EXPECT_EQ(taggers.handle(notJson)->status, 400);
}

TEST(TaggersOpenAi, ListsModels) {
    TaggerEndpoints taggers(fetchBundledPhoto);
    const auto response = taggers.handle(jsonRequest("GET", u"/v1/models"_s, {}, kAuth));
    ASSERT_TRUE(response.has_value());
    ASSERT_EQ(response->status, 200);
    const QJsonObject body = bodyOf(*response);
    EXPECT_EQ(body[u"object"_s].toString(), u"list"_s);
    ASSERT_FALSE(body[u"data"_s].toArray().isEmpty());
    EXPECT_EQ(body[u"data"_s][0][u"object"_s].toString(), u"model"_s);
}

TEST(TaggersOpenAi, AnswersAreDeterministic) {
    const auto fixedClock = [] {
        return QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    };
    TaggerEndpoints first(fetchBundledPhoto, {}, fixedClock);
    TaggerEndpoints second(fetchBundledPhoto, {}, fixedClock);
    const QJsonObject request =
        chatRequest(dataUri(photoBytes(kLightBlueSkirtPhoto)), schemaFormat(garmentSchema()));
    const QByteArray answer = chat(first, request).body;
    EXPECT_EQ(chat(first, request).body, answer);
    EXPECT_EQ(chat(second, request).body, answer);
}

// The sandbox's Pixyle endpoints (token login, live single product, 2 requests/s) through
// TaggerEndpoints::handle(). A hand-moved clock makes the rate limit exact.
#include "taggertestsupport.h"

#include <gtest/gtest.h>

#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace tagdesk::sandbox;
using namespace tagdesk::sandbox::test;

namespace {

const QString kLoginPath = u"/auth/v1/token"_s;
const QString kLivePath = u"/main/v1.1/products"_s;

class TaggersPixyle : public ::testing::Test {
protected:
    QDateTime now = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
    TaggerEndpoints taggers{fetchBundledPhoto, {}, [this] {
                                return now;
                            }};

    SandboxResponse login(const QJsonObject &body) {
        return taggers.handle(jsonRequest("POST", kLoginPath, body)).value_or(SandboxResponse{});
    }
    QString accessToken() {
        const SandboxResponse response =
            login({{u"email"_s, u"sandbox@tagdesk.test"_s}, {u"password"_s, u"sandbox"_s}});
        EXPECT_EQ(response.status, 200);
        return bodyOf(response)[u"access_token"_s].toString();
    }
    SandboxResponse upload(const QString &token, const QJsonObject &product) {
        return taggers.handle(jsonRequest("POST", kLivePath, product, "Bearer " + token.toLatin1()))
            .value_or(SandboxResponse{});
    }
    static QJsonObject product(const QString &sku, const QString &photo) {
        return {{u"sku"_s, sku}, {u"image_url_1"_s, photoUrl(photo)}};
    }
};

QString firstKey(const QJsonValue &tagScore) {
    return tagScore.toObject().keys().value(0);
}

} // namespace

TEST_F(TaggersPixyle, LogsInWithAJwtThatExpires) {
    const SandboxResponse response = login({{u"email"_s, u"sandbox@tagdesk.test"_s},
                                            {u"password"_s, u"sandbox"_s},
                                            {u"permanent_login"_s, false}});
    ASSERT_EQ(response.status, 200);
    const QJsonObject body = bodyOf(response);
    EXPECT_EQ(body[u"token_type"_s].toString(), u"Bearer"_s);
    EXPECT_EQ(body[u"expires_in"_s].toInt(), 3600);
    const QString token = body[u"access_token"_s].toString();
    const QStringList parts = token.split(u'.');
    ASSERT_EQ(parts.size(), 3) << "header.payload.signature";
    const QJsonObject payload =
        QJsonDocument::fromJson(
            QByteArray::fromBase64(parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding))
            .object();
    EXPECT_EQ(payload[u"sub"_s].toString(), u"sandbox@tagdesk.test"_s);
    EXPECT_EQ(payload[u"exp"_s].toInteger(), now.toSecsSinceEpoch() + 3600);
    EXPECT_FALSE(body[u"refresh_token"_s].toString().isEmpty());
    EXPECT_NE(body[u"refresh_token"_s].toString(), token);

    EXPECT_EQ(upload(token, product(u"A1"_s, kBlackPufferPhoto)).status, 200);
    now = now.addSecs(3601);
    const SandboxResponse expired = upload(token, product(u"A1"_s, kBlackPufferPhoto));
    EXPECT_EQ(expired.status, 401);
    EXPECT_EQ(bodyOf(expired)[u"error"_s].toString(), u"Token has expired"_s);
}

TEST_F(TaggersPixyle, RefusesWrongCredentialsAndMissingBodies) {
    const SandboxResponse wrong =
        login({{u"email"_s, u"sandbox@tagdesk.test"_s}, {u"password"_s, u"guess"_s}});
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(bodyOf(wrong)[u"error"_s].toString(), u"Invalid credentials"_s);
    SandboxRequest empty = jsonRequest("POST", kLoginPath, {});
    empty.body.clear();
    EXPECT_EQ(taggers.handle(empty)->status, 400);
    EXPECT_EQ(login({{u"email"_s, u"sandbox@tagdesk.test"_s}}).status, 400);
}

TEST_F(TaggersPixyle, RefusesMissingForgedAndRefreshTokens) {
    const SandboxResponse none =
        taggers.handle(jsonRequest("POST", kLivePath, product(u"A"_s, kBlackPufferPhoto))).value();
    EXPECT_EQ(none.status, 401);
    EXPECT_TRUE(bodyOf(none).contains(u"error"_s));

    QString token = accessToken();
    QString forged = token;
    forged[forged.size() - 2] = forged.at(forged.size() - 2) == u'A' ? u'B' : u'A';
    EXPECT_EQ(upload(forged, product(u"A"_s, kBlackPufferPhoto)).status, 401);
    EXPECT_EQ(upload(u"not-a-jwt"_s, product(u"A"_s, kBlackPufferPhoto)).status, 401);

    const QString refresh = bodyOf(login({{u"email"_s, u"sandbox@tagdesk.test"_s},
                                          {u"password"_s, u"sandbox"_s}}))[u"refresh_token"_s]
                                .toString();
    EXPECT_EQ(upload(refresh, product(u"A"_s, kBlackPufferPhoto)).status, 401);
}

TEST_F(TaggersPixyle, AnswersTheLiveProductWithPixylesAttributeModel) {
    const QString token = accessToken();
    QJsonObject request = product(u"SKU-42"_s, kBlackPufferPhoto);
    request.insert(u"image_url_2"_s, photoUrl(kGreyJacketPhoto));
    const SandboxResponse response = upload(token, request);
    ASSERT_EQ(response.status, 200) << response.body.toStdString();
    const QJsonObject body = bodyOf(response);
    EXPECT_EQ(body[u"sku"_s].toString(), u"SKU-42"_s);
    EXPECT_EQ(body[u"category"_s].toString(), u"jackets"_s);
    EXPECT_EQ(body[u"primary_image"_s].toString(), photoUrl(kBlackPufferPhoto));
    EXPECT_EQ(body[u"extra_images"_s].toArray(), QJsonArray{photoUrl(kGreyJacketPhoto)});
    EXPECT_FALSE(body[u"verified"_s].toBool());
    EXPECT_TRUE(body[u"errors"_s].toArray().isEmpty());
    EXPECT_TRUE(body[u"hex_codes"_s][0].toString().startsWith(u'#'));

    const QJsonObject attributes = body[u"attributes"_s].toObject();
    const QJsonObject colour = attributes[u"color"_s].toObject();
    ASSERT_EQ(colour[u"correct"_s].toArray().size(), 1);
    EXPECT_EQ(firstKey(colour[u"correct"_s][0]), u"black"_s);
    EXPECT_GE(colour[u"all"_s].toArray().size(), 1);
    EXPECT_EQ(firstKey(attributes[u"sleeve_length"_s][u"correct"_s][0]), u"long-sleeve"_s);
    EXPECT_TRUE(attributes.contains(u"pattern"_s));
}

TEST_F(TaggersPixyle, UsesPixylesColourWordsAndRecordsAnUnknownCategory) {
    const QString token = accessToken();
    QJsonObject request = product(u"G1"_s, kGreyJacketPhoto);
    request.insert(u"category"_s, u"spaceships"_s);
    const SandboxResponse response = upload(token, request);
    ASSERT_EQ(response.status, 200);
    const QJsonObject body = bodyOf(response);
    EXPECT_EQ(firstKey(body[u"attributes"_s][u"color"_s][u"correct"_s][0]), u"gray"_s);
    EXPECT_EQ(body[u"category"_s].toString(), u"jackets"_s) << "processed anyway";
    ASSERT_EQ(body[u"errors"_s].toArray().size(), 1);
    EXPECT_TRUE(body[u"errors"_s][0].toString().contains(u"spaceships"_s));
}

TEST_F(TaggersPixyle, ValidatesTheProduct) {
    const QString token = accessToken();
    EXPECT_EQ(upload(token, {{u"image_url_1"_s, photoUrl(kBlackPufferPhoto)}}).status, 400);
    now = now.addSecs(1);
    EXPECT_EQ(upload(token, {{u"sku"_s, u"A"_s}}).status, 400);
    now = now.addSecs(1);
    const SandboxResponse unreachable =
        upload(token, {{u"sku"_s, u"A"_s}, {u"image_url_1"_s, u"https://cdn.example/x.jpg"_s}});
    EXPECT_EQ(unreachable.status, 400);
    EXPECT_TRUE(bodyOf(unreachable)[u"error"_s].toString().contains(u"image_url_1"_s));
}

TEST_F(TaggersPixyle, AllowsTwoRequestsPerSecondThenAnswers429WithRetryAfter) {
    const QString token = accessToken();
    EXPECT_EQ(upload(token, product(u"1"_s, kBlackPufferPhoto)).status, 200);
    now = now.addMSecs(300);
    EXPECT_EQ(upload(token, product(u"2"_s, kBlackPufferPhoto)).status, 200);
    now = now.addMSecs(300);
    const SandboxResponse limited = upload(token, product(u"3"_s, kBlackPufferPhoto));
    ASSERT_EQ(limited.status, 429);
    EXPECT_TRUE(bodyOf(limited)[u"error"_s].toString().contains(u"2 requests per second"_s));
    ASSERT_EQ(limited.headers.size(), 1);
    EXPECT_EQ(limited.headers.first().first, "Retry-After");
    EXPECT_EQ(limited.headers.first().second, "1");

    // Another token has its own allowance.
    const QString other = accessToken();
    EXPECT_EQ(upload(other, product(u"4"_s, kBlackPufferPhoto)).status, 200);

    // One second after the first request, a slot is free again (429s do not count).
    now = now.addMSecs(400);
    EXPECT_EQ(upload(token, product(u"5"_s, kBlackPufferPhoto)).status, 200);
    EXPECT_EQ(upload(token, product(u"6"_s, kBlackPufferPhoto)).status, 429);
}

TEST_F(TaggersPixyle, AnswersAreDeterministic) {
    const QString token = accessToken();
    const QByteArray first = upload(token, product(u"D"_s, kLightBlueSkirtPhoto)).body;
    now = now.addSecs(5);
    EXPECT_EQ(upload(token, product(u"D"_s, kLightBlueSkirtPhoto)).body, first);
}

// Every injected fault, seen by a real QNetworkAccessManager over loopback.
#include "shopifytestsupport.h"

#include <QElapsedTimer>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace tagdesk::sandbox;
using namespace tagdesk::sandbox::test;

namespace {

const QString shopQuery = QStringLiteral("{ shop { name } }");

SandboxConfig withFault(const QString &spec) {
    SandboxConfig c;
    const auto st = c.faults.addFlag(spec);
    EXPECT_TRUE(st.ok()) << qPrintable(st.error().message);
    return c;
}

} // namespace

class ShopifyFaults : public SandboxFixture {
protected:
    QJsonArray requestLog() {
        return get(url(QStringLiteral("/_sandbox/requests")))
            .json()
            .value(QStringLiteral("requests"))
            .toArray();
    }
};

TEST_F(ShopifyFaults, ErrorRateAnswersTheConfiguredStatus) {
    start(withFault(QStringLiteral("shopify:errorRate=1,errorStatus=502")));
    const HttpResult r = graphql(shopQuery);
    EXPECT_EQ(r.status, 502);
    EXPECT_EQ(r.firstErrorCode(), QStringLiteral("INTERNAL_SERVER_ERROR"));
    EXPECT_EQ(at(requestLog(), {"0", "fault"}).toString(), QStringLiteral("error"));
    // Other services are unaffected.
    const QString photo = photoNames().value(0);
    ASSERT_FALSE(photo.isEmpty());
    EXPECT_EQ(get(url(QStringLiteral("/_sandbox/images/") + photo)).status, 200);
}

TEST_F(ShopifyFaults, LatencyDelaysTheAnswer) {
    start(withFault(QStringLiteral("shopify:latency=150-200")));
    QElapsedTimer timer;
    timer.start();
    const HttpResult r = graphql(shopQuery);
    EXPECT_EQ(r.status, 200);
    EXPECT_GE(timer.elapsed(), 150); // a lower bound only: never a time limit
}

TEST_F(ShopifyFaults, AHangNeverAnswersSoTheClientTimeoutFires) {
    start(withFault(QStringLiteral("shopify:hang=1")));
    QNetworkRequest request(QUrl(server->graphqlUrl()));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setRawHeader("X-Shopify-Access-Token", "shpat_sandbox");
    request.setTransferTimeout(300);
    const HttpResult r = finish(nam.post(request, QByteArray(R"({"query":"{ shop { name } }"})")));
    EXPECT_EQ(r.error, QNetworkReply::OperationCanceledError);
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(at(requestLog(), {"0", "fault"}).toString(), QStringLiteral("hang"));
}

TEST_F(ShopifyFaults, ADroppedConnectionLosesTheAnswerButNotTheWrite) {
    start(withFault(QStringLiteral("shopify:drop=1")));
    const HttpResult r =
        graphql(QStringLiteral("mutation { tagsAdd(id: \"gid://shopify/Product/1001\", tags: "
                               "[\"dropped\"]) { node { id } } }"));
    EXPECT_TRUE(r.error == QNetworkReply::RemoteHostClosedError ||
                r.error == QNetworkReply::ConnectionRefusedError)
        << r.error;
    EXPECT_EQ(r.status, 0);
    EXPECT_TRUE(sandboxProduct(QStringLiteral("gid://shopify/Product/1001"))
                    .value(QStringLiteral("tags"))
                    .toArray()
                    .contains(QStringLiteral("dropped")));
}

TEST_F(ShopifyFaults, AMalformedBodyIsNotJson) {
    start(withFault(QStringLiteral("shopify:malformed=1")));
    const HttpResult r = graphql(shopQuery);
    EXPECT_EQ(r.status, 200);
    QJsonParseError error;
    QJsonDocument::fromJson(r.body, &error);
    EXPECT_NE(error.error, QJsonParseError::NoError);
}

TEST_F(ShopifyFaults, ThrottleStormsThrottleAWindowOfRequests) {
    start(withFault(QStringLiteral("shopify:stormEvery=5,stormLength=2")));
    QStringList pattern;
    for (int i = 0; i < 10; ++i) {
        const HttpResult r = graphql(shopQuery);
        pattern.append(r.errors().isEmpty() ? QStringLiteral("ok") : r.firstErrorCode());
    }
    EXPECT_EQ(pattern,
              (QStringList{QStringLiteral("THROTTLED"), QStringLiteral("THROTTLED"),
                           QStringLiteral("ok"), QStringLiteral("ok"), QStringLiteral("ok"),
                           QStringLiteral("THROTTLED"), QStringLiteral("THROTTLED"),
                           QStringLiteral("ok"), QStringLiteral("ok"), QStringLiteral("ok")}));
}

TEST_F(ShopifyFaults, ThrottleStormsOnTaggersAre429WithRetryAfter) {
    start(withFault(QStringLiteral("ximilar:stormEvery=1,stormLength=1")));
    const HttpResult r = send("POST", url(QStringLiteral("/tagging/fashion/v2/detect_tags")), "{}");
    EXPECT_EQ(r.status, 429);
    EXPECT_EQ(r.header("Retry-After"), QByteArray("1"));
}

TEST_F(ShopifyFaults, RetryAfterOfInjectedErrorsAndStormsIsConfigurable) {
    SandboxConfig config = withFault(QStringLiteral("ximilar:errorRate=1,errorStatus=503,"
                                                    "retryAfter=0.25"));
    ASSERT_TRUE(
        config.faults.addFlag(QStringLiteral("shopify:stormEvery=1,stormLength=1,retryAfter=0"))
            .ok());
    config.shopify.throttleMode = ThrottleMode::Http429;
    start(config);
    const HttpResult tagger =
        send("POST", url(QStringLiteral("/tagging/fashion/v2/detect_tags")), "{}");
    EXPECT_EQ(tagger.status, 503);
    EXPECT_EQ(tagger.header("Retry-After"), QByteArray("0.25"));
    const HttpResult shop = graphql(shopQuery);
    EXPECT_EQ(shop.status, 429);
    EXPECT_EQ(shop.header("Retry-After"), QByteArray("0"));
    EXPECT_FALSE(SandboxConfig().faults.addFlag(QStringLiteral("shopify:retryAfter=-1")).ok());
}

TEST_F(ShopifyFaults, FaultsCanBeLimitedToNamedOperations) {
    start(withFault(QStringLiteral("shopify:errorRate=1,errorStatus=500,operations=Shop+Other")));
    EXPECT_EQ(graphql(QStringLiteral("query Shop { shop { name } }")).status, 500);
    EXPECT_EQ(graphql(QStringLiteral("query Other { shop { name } }")).status, 500);
    const HttpResult spared = graphql(QStringLiteral("query Spared { shop { name } }"));
    EXPECT_EQ(spared.status, 200);
    EXPECT_FALSE(at(spared.data(), {"shop", "name"}).toString().isEmpty());
    auto file = FaultPlan::fromJson(
        R"({"services": {"shopify": {"malformedRate": 1, "operations": ["TagsAdd"]}}})",
        QStringLiteral("f.json"));
    ASSERT_TRUE(file.ok()) << qPrintable(file.error().message);
    EXPECT_EQ(file->services.value(QStringLiteral("shopify")).operations,
              QStringList{QStringLiteral("TagsAdd")});
    EXPECT_FALSE(SandboxConfig().faults.addFlag(QStringLiteral("shopify:operations=")).ok());
}

TEST_F(ShopifyFaults, ARemoteEditLandsAfterKRequests) {
    SandboxConfig config;
    ASSERT_TRUE(config.faults
                    .addRemoteEditFlag(
                        QStringLiteral("gid://shopify/Product/1002@3:title=Edited by a merchant"))
                    .ok());
    start(config);
    const QString read =
        QStringLiteral("{ product(id: \"gid://shopify/Product/1002\") { title updatedAt } }");
    const HttpResult first = graphql(read);
    const HttpResult second = graphql(read);
    EXPECT_EQ(at(second.data(), {"product", "title"}).toString(),
              at(first.data(), {"product", "title"}).toString());
    const HttpResult third = graphql(read); // the edit lands just before request 3
    EXPECT_EQ(at(third.data(), {"product", "title"}).toString(),
              QStringLiteral("Edited by a merchant"));
    EXPECT_GT(at(third.data(), {"product", "updatedAt"}).toString(),
              at(first.data(), {"product", "updatedAt"}).toString());
}

TEST_F(ShopifyFaults, ARemoteEditMakesTheSnapshotsDigestStale) {
    // The conflict test Tagdesk needs: read, someone edits, the compare-and-set fails.
    SandboxConfig config;
    auto plan =
        FaultPlan::fromJson(R"({"seed": 7, "remoteEdits": [{"product": "gid://shopify/Product/1001",
        "afterRequests": 2, "set": {"tags": ["edited"]}}]})",
                            QStringLiteral("faults.json"));
    ASSERT_TRUE(plan.ok()) << qPrintable(plan.error().message);
    config.faults = *plan;
    start(config);
    const HttpResult snapshot = graphql(
        QStringLiteral("{ product(id: \"gid://shopify/Product/1001\") { updatedAt tags } }"));
    const HttpResult recheck = graphql(
        QStringLiteral("{ product(id: \"gid://shopify/Product/1001\") { updatedAt tags } }"));
    EXPECT_NE(at(recheck.data(), {"product", "updatedAt"}),
              at(snapshot.data(), {"product", "updatedAt"}));
    EXPECT_EQ(at(recheck.data(), {"product", "tags"}).toArray(),
              QJsonArray{QStringLiteral("edited")});
}

TEST_F(ShopifyFaults, TheSameSeedFailsTheSameRequests) {
    auto run = [this](quint64 seed) {
        SandboxConfig config = withFault(QStringLiteral("shopify:errorRate=0.5"));
        config.faults.seed = seed;
        start(config);
        QString pattern;
        for (int i = 0; i < 24; ++i)
            pattern += graphql(shopQuery).status == 200 ? u'.' : u'x';
        server.reset();
        return pattern;
    };
    const QString a = run(42);
    EXPECT_EQ(run(42), a);
    EXPECT_TRUE(a.contains(u'x') && a.contains(u'.')) << qPrintable(a);
    EXPECT_NE(run(43), a);
}

TEST_F(ShopifyFaults, AFaultsFileIsCheckedAndNamesWhatIsWrong) {
    auto bad = FaultPlan::fromJson(R"({"services": {"shopfy": {"errorRate": 0.1}}})",
                                   QStringLiteral("f.json"));
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(bad.error().message.contains(QStringLiteral("unknown service 'shopfy'")));
    auto rate = FaultPlan::fromJson(R"({"services": {"shopify": {"errorRate": 2}}})",
                                    QStringLiteral("f.json"));
    ASSERT_FALSE(rate.ok());
    EXPECT_TRUE(
        rate.error().message.contains(QStringLiteral("errorRate must be a number from 0 to 1")));
    auto good = FaultPlan::fromJson(R"({"seed": 3, "services": {"openai": {"latencyMs": [5, 10],
        "hangRate": 0.1, "dropRate": 0.1, "malformedRate": 0.1, "errorRate": 0.2, "errorStatus": 500,
        "stormEvery": 10, "stormLength": 1}}})",
                                    QStringLiteral("f.json"));
    ASSERT_TRUE(good.ok()) << qPrintable(good.error().message);
    EXPECT_EQ(good->services.value(QStringLiteral("openai")).errorStatus, 500);
    EXPECT_EQ(good->services.value(QStringLiteral("openai")).latencyMaxMs, 10);
    FaultPlan flags;
    EXPECT_FALSE(flags.addFlag(QStringLiteral("shopify:colour=1")).ok());
    EXPECT_FALSE(flags.addRemoteEditFlag(QStringLiteral("gid://shopify/Product/1@0:title=x")).ok());
}

TEST_F(ShopifyFaults, ImagesCanFailToo) {
    start(withFault(QStringLiteral("images:errorRate=1,errorStatus=503")));
    const QString photo = photoNames().value(0);
    ASSERT_FALSE(photo.isEmpty());
    const HttpResult r = get(url(QStringLiteral("/_sandbox/images/") + photo));
    EXPECT_EQ(r.status, 503);
    EXPECT_EQ(r.header("Retry-After"), QByteArray("1"));
    EXPECT_EQ(graphql(shopQuery).status, 200);
}

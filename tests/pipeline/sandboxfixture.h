#pragma once

// An in-process sandbox store on a free loopback port, and Tagdesk's own network stack
// pointed at it, with retries and timeouts short enough for tests (never a time limit on
// the test itself: a hang shows as a hung test, not a flaky one).
#include "catalog/catalogloader.h"
#include "net/httpclient.h"
#include "server/sandboxserver.h"
#include "shopify/shopifyclient.h"
#include "support/sandboxhttp.h"
#include "support/testdatabase.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

#include <memory>

namespace tagdesk::test {

inline sandbox::Catalog realCatalog(const QString &file) {
    auto catalog = sandbox::loadCatalogFile(testData(QStringLiteral("catalogs/") + file));
    EXPECT_TRUE(catalog.ok()) << (catalog ? "" : catalog.error().message.toStdString());
    return catalog ? catalog.value() : sandbox::Catalog{};
}

template <typename T> T await(QFuture<T> future) {
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return future.isFinished(); }, std::numeric_limits<int>::max()));
    return future.result();
}

// A cost bucket no test of the pipeline runs dry (pacing has tests of its own).
inline sandbox::SandboxConfig roomyBucket() {
    sandbox::SandboxConfig c;
    c.shopify.bucketSize = 20000;
    c.shopify.restoreRate = 10000;
    return c;
}

struct SandboxFixture {
    explicit SandboxFixture(sandbox::Catalog catalog, sandbox::SandboxConfig config = {})
        : server(std::move(config), std::move(catalog)) {
        auto port = server.start();
        EXPECT_TRUE(port.ok()) << (port ? "" : port.error().message.toStdString());
    }

    HttpClient::Options fastRetries(int maxAttempts = 8) const {
        HttpClient::Options o;
        o.policy.baseDelay = std::chrono::milliseconds(5);
        o.policy.maxDelay = std::chrono::milliseconds(50);
        o.policy.maxAttempts = maxAttempts;
        o.transferTimeout = std::chrono::milliseconds(600);
        o.random = [] {
            return 0.5;
        };
        return o;
    }

    ShopifyStore store() const { return ShopifyStore::parse(server.baseUrl()).value(); }

    // The sandbox's full-access token.
    static ShopifyCredentials credentials() {
        ShopifyCredentials c;
        c.accessToken = QStringLiteral("shpat_sandbox");
        return c;
    }

    // What the sandbox received, oldest first (GET /_sandbox/requests).
    QJsonArray requestLog() { return sandboxRequestLog(network, server.baseUrl()); }
    // How many requests for `path` the sandbox received.
    int requestCount(const QString &path) {
        return int(sandboxRequestPaths(network, server.baseUrl()).count(path));
    }
    // How many GraphQL requests of the operation `name` the sandbox received.
    int operations(const QString &name) {
        int n = 0;
        for (const QJsonValue &v : requestLog())
            n += v.toObject().value(QStringLiteral("operationName")).toString() == name;
        return n;
    }

    sandbox::SandboxServer server;
    QNetworkAccessManager network;
};

} // namespace tagdesk::test

// HttpClient against the sandbox over real loopback sockets: retries through injected
// faults, no retry on other 4xx, the size cap, and https-only outside this machine.
#include "catalog/photos.h"
#include "pipeline/sandboxfixture.h"
#include "support/qtprinters.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QThread>
#include <QUrlQuery>

#include <algorithm>

using namespace tagdesk;
using namespace tagdesk::test;

namespace {
sandbox::SandboxConfig withImageFaults(const QString &spec) {
    sandbox::SandboxConfig config;
    EXPECT_TRUE(config.faults.addFlag(spec).ok()) << spec.toStdString();
    return config;
}

QUrl photoUrl(const sandbox::SandboxServer &server, const QString &photo) {
    return QUrl(server.baseUrl() + QStringLiteral("/_sandbox/images/") + photo);
}

// The sandbox answering from a thread of its own, so that a test can keep its own thread
// busy while the server goes on sending.
class SandboxOnItsOwnThread {
public:
    explicit SandboxOnItsOwnThread(sandbox::Catalog catalog) {
        m_thread.start();
        m_context.moveToThread(&m_thread);
        QMetaObject::invokeMethod(
            &m_context,
            [this, &catalog] {
                m_server = std::make_unique<sandbox::SandboxServer>(sandbox::SandboxConfig{},
                                                                    std::move(catalog));
                auto port = m_server->start();
                EXPECT_TRUE(port.ok()) << (port ? "" : port.error().message.toStdString());
            },
            Qt::BlockingQueuedConnection);
    }
    ~SandboxOnItsOwnThread() {
        QMetaObject::invokeMethod(
            &m_context, [this] { m_server.reset(); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    QString baseUrl() const { return m_server->baseUrl(); }

private:
    QThread m_thread;
    QObject m_context;
    std::unique_ptr<sandbox::SandboxServer> m_server;
};

Result<HttpResponse> get(HttpClient &http, const QUrl &url, qint64 maxBytes = 64 * 1024 * 1024) {
    HttpRequest r;
    r.url = url;
    r.maxResponseBytes = maxBytes;
    return await(http.send(r));
}
} // namespace

TEST(HttpClient, RetriesServerErrorsDroppedConnectionsAndHangsUntilItGetsTheAnswer) {
    SandboxFixture sandbox({}, withImageFaults(QStringLiteral(
                                   "images:errorRate=0.3,errorStatus=503,drop=0.2,hang=0.1")));
    HttpClient http(&sandbox.network, sandbox.fastRetries(20));
    int retried = 0;
    for (const QString &photo : sandbox::photoNames().mid(0, 12)) {
        auto answer = get(http, photoUrl(sandbox.server, photo));
        ASSERT_TRUE(answer.ok()) << answer.error().message.toStdString();
        ASSERT_EQ(answer->status, 200);
        EXPECT_EQ(answer->body, sandbox::photoBytes(photo)) << "the whole picture, byte for byte";
        retried += answer->attempts > 1 ? 1 : 0;
    }
    EXPECT_GT(retried, 0) << "the faults were really there";
}

TEST(HttpClient, NeverRetriesAClientError) {
    SandboxFixture sandbox({});
    HttpClient http(&sandbox.network, sandbox.fastRetries());
    auto answer = get(http, photoUrl(sandbox.server, QStringLiteral("no-such-photo.jpg")));
    ASSERT_TRUE(answer.ok());
    EXPECT_EQ(answer->status, 404);
    EXPECT_EQ(answer->attempts, 1);
}

TEST(HttpClient, GivesUpAfterTheLastAttemptWithAMessageNamingTheHost) {
    SandboxFixture sandbox({}, withImageFaults(QStringLiteral("images:drop=1")));
    HttpClient http(&sandbox.network, sandbox.fastRetries(3));
    auto answer = get(http, photoUrl(sandbox.server, sandbox::photoNames().first()));
    ASSERT_FALSE(answer.ok());
    EXPECT_TRUE(answer.error().message.contains(QStringLiteral("Could not reach 127.0.0.1")))
        << answer.error().message.toStdString();
    EXPECT_TRUE(answer.error().message.contains(QStringLiteral("3 attempt")))
        << answer.error().message.toStdString();
}

TEST(HttpClient, StopsReadingAnAnswerLargerThanTheCap) {
    SandboxFixture sandbox({});
    HttpClient http(&sandbox.network, sandbox.fastRetries());
    auto answer = get(http, photoUrl(sandbox.server, sandbox::photoNames().first()), 1000);
    ASSERT_FALSE(answer.ok());
    EXPECT_TRUE(answer.error().message.contains(QStringLiteral("larger than")))
        << answer.error().message.toStdString();
}

TEST(HttpClient, SendsCredentialsOverPlainHttpOnlyToThisMachine) {
    QNetworkAccessManager network;
    HttpClient http(&network);
    HttpRequest r;
    r.url = QUrl(QStringLiteral("http://shop.example.com/admin"));
    auto refused = await(http.send(r));
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("plain http")));
    EXPECT_TRUE(HttpClient::checkUrlIsSafe(QUrl(QStringLiteral("http://127.0.0.1:8080/x"))).ok());
    EXPECT_TRUE(HttpClient::checkUrlIsSafe(QUrl(QStringLiteral("http://localhost/x"))).ok());
    EXPECT_TRUE(
        HttpClient::checkUrlIsSafe(QUrl(QStringLiteral("https://shop.example.com/x"))).ok());
    EXPECT_FALSE(HttpClient::checkUrlIsSafe(QUrl(QStringLiteral("ftp://shop.example.com/x"))).ok());
}

TEST(HttpClient, AHostThatDoesNotResolveIsSaidAtOnceNotRetried) {
    // ".invalid" is reserved never to resolve (RFC 6761, section 6.4).
    QNetworkAccessManager network;
    HttpClient::Options options;
    int attempts = 0;
    options.random = [&attempts] {
        ++attempts; // the policy is asked once after every attempt
        return 0.0;
    };
    HttpClient http(&network, options);
    auto answer = get(http, QUrl(QStringLiteral("https://no-such-shop.invalid/admin")));
    ASSERT_FALSE(answer.ok());
    EXPECT_EQ(answer.error().code, Error::Code::Unreachable) << "a sync waits for the network";
    const std::string message = answer.error().message.toStdString();
    EXPECT_TRUE(answer.error().message.contains(QStringLiteral("no-such-shop.invalid"))) << message;
    EXPECT_TRUE(answer.error().message.contains(QStringLiteral("does not resolve"))) << message;
    EXPECT_TRUE(answer.error().message.contains(QStringLiteral("typo"))) << message;
    EXPECT_EQ(attempts, 1) << "a name that does not resolve is not asked for again";
}

TEST(HttpClient, FollowsARedirectWithCredentialsOnlyToTheSameHost) {
    SandboxFixture sandbox({});
    HttpClient http(&sandbox.network, sandbox.fastRetries());
    const QString photo = sandbox::photoNames().first();
    const QString port = QString::number(QUrl(sandbox.server.baseUrl()).port());
    const auto via = [&](const QString &target) {
        QUrl url(sandbox.server.baseUrl() + QStringLiteral("/_sandbox/redirect"));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("to"), target);
        url.setQuery(query);
        return url;
    };
    const auto withToken = [&](const QUrl &url) {
        HttpRequest r;
        r.url = url;
        r.headers.append({QByteArray("X-Shopify-Access-Token"), QByteArray("shpat_sandbox")});
        return await(http.send(r));
    };

    // The same host: followed, token and all.
    auto same = withToken(via(photoUrl(sandbox.server, photo).toString()));
    ASSERT_TRUE(same.ok()) << same.error().message.toStdString();
    EXPECT_EQ(same->body, sandbox::photoBytes(photo));

    // The same server under another name is another host: the token is not taken there.
    const QString elsewhere =
        QStringLiteral("http://localhost:%1/_sandbox/images/%2").arg(port, photo);
    const int before = sandbox.requestCount(QStringLiteral("/_sandbox/images/") + photo);
    auto refused = withToken(via(elsewhere));
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("redirected to another host")))
        << refused.error().message.toStdString();
    EXPECT_EQ(sandbox.requestCount(QStringLiteral("/_sandbox/images/") + photo), before)
        << "the redirect was not followed";

    // No credentials (an image from a CDN): followed wherever it leads, https or this computer.
    auto image = get(http, via(elsewhere));
    ASSERT_TRUE(image.ok()) << image.error().message.toStdString();
    EXPECT_EQ(image->body, sandbox::photoBytes(photo));
}

// Qt 6.4 opens at most six connections per host and network manager; a seventh request
// waited for one of the first six to be answered. Sixteen slow requests at once now all
// reach the server before the first is answered.
TEST(HttpClient, RunsMoreThanSixRequestsToOneHostAtOnce) {
    const int latencyMs = 1500;
    SandboxFixture sandbox({},
                           withImageFaults(QStringLiteral("images:latency=%1-%1").arg(latencyMs)));
    QNetworkAccessManager network;
    HttpClient::Options patient = sandbox.fastRetries();
    patient.transferTimeout = std::chrono::milliseconds(60'000);
    HttpClient slowHttp(&network, patient);
    const QString photo = sandbox::photoNames().first();
    QList<QFuture<Result<HttpResponse>>> answers;
    for (int i = 0; i < 16; ++i) {
        HttpRequest r;
        r.url = photoUrl(sandbox.server, photo);
        answers << slowHttp.send(r);
    }
    for (const auto &answer : answers) {
        const auto response = await(answer);
        ASSERT_TRUE(response.ok()) << response.error().message.toStdString();
        EXPECT_EQ(response->status, 200);
    }
    QList<QDateTime> arrived;
    for (const QJsonValue &entry : sandbox.requestLog())
        if (entry.toObject().value(QStringLiteral("service")).toString() == QLatin1String("images"))
            arrived << QDateTime::fromString(
                entry.toObject().value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    ASSERT_EQ(arrived.size(), 16);
    const auto [first, last] = std::minmax_element(arrived.cbegin(), arrived.cend());
    EXPECT_LT(first->msecsTo(*last), latencyMs) << "no request waited for another's answer";
    EXPECT_GE(slowHttp.managerCount(), 3) << "six per manager";
}

TEST(HttpClient, AStreamedAnswerReadSlowerThanItArrivesIsHeldAMegabyteAtATime) {
    // Without a bound, Qt's HTTP thread reads the whole answer ahead of a busy receiver:
    // a bulk export of 100,000 products sat in memory at once.
    sandbox::Catalog catalog = realCatalog(QStringLiteral("kith-storefront-products.json"));
    sandbox::growCatalog(catalog, 6000);
    SandboxOnItsOwnThread sandbox(std::move(catalog));
    QNetworkAccessManager network;
    HttpClient http(&network);
    HttpRequest request;
    request.url = QUrl(sandbox.baseUrl() + QStringLiteral("/_sandbox/products"));
    qint64 received = 0;
    qint64 largest = 0;
    int chunks = 0;
    request.onData = [&](QByteArrayView chunk) -> Status {
        if (chunks++ == 0)
            QThread::msleep(500); // the receiver is busy; the network is not
        received += chunk.size();
        largest = std::max<qint64>(largest, chunk.size());
        return {};
    };
    auto answer = await(http.send(request));
    ASSERT_TRUE(answer.ok()) << answer.error().message.toStdString();
    ASSERT_EQ(answer->status, 200);
    EXPECT_GT(received, 4 * HttpClient::streamedReadBufferBytes) << "a download worth bounding";
    EXPECT_LE(largest, 2 * HttpClient::streamedReadBufferBytes)
        << "the largest piece handed over, of " << received << " bytes in " << chunks;
}

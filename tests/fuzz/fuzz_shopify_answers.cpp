// Shopify's GraphQL answers as the client reads them: products pages (with their media
// and category metafields), a single product, the products count, the shop and its access
// scopes, a bulk operation's state and start, and a mutation's userErrors, each with the
// cost and throttle extensions every answer carries. The input is the HTTP body every
// request gets (status 200); its first byte chooses the call. The answers come from a
// QNetworkAccessManager whose replies are the input itself, so the whole path from
// HttpClient through ShopifyClient runs as in the program, without sockets.

#include "fuzzsupport.h"

#include "net/httpclient.h"
#include "shopify/productwriter.h"
#include "shopify/shopifyclient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>

using namespace tagdesk;

namespace {

// A finished answer with a fixed body, or a refused connection.
class CannedReply : public QNetworkReply {
public:
    CannedReply(QNetworkAccessManager::Operation operation, const QNetworkRequest &request,
                QByteArray body, bool refused, QObject *parent)
        : QNetworkReply(parent)
        , m_body(std::move(body)) {
        setRequest(request);
        setOperation(operation);
        setUrl(request.url());
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        if (refused) {
            m_body.clear();
            setError(ConnectionRefusedError, QStringLiteral("refused by the fuzz harness"));
        } else {
            setAttribute(QNetworkRequest::HttpStatusCodeAttribute, 200);
            setRawHeader("Content-Type", "application/json");
        }
        QMetaObject::invokeMethod(
            this,
            [this, refused] {
                if (refused)
                    emit errorOccurred(error());
                else
                    emit readyRead();
                setFinished(true);
                emit finished();
            },
            Qt::QueuedConnection);
    }

    void abort() override {}
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override {
        return m_body.size() - m_offset + QNetworkReply::bytesAvailable();
    }

protected:
    qint64 readData(char *data, qint64 maxSize) override {
        const qint64 n = std::min(maxSize, qint64(m_body.size()) - m_offset);
        if (n <= 0)
            return -1;
        std::memcpy(data, m_body.constData() + m_offset, size_t(n));
        m_offset += n;
        return n;
    }

private:
    QByteArray m_body;
    qint64 m_offset = 0;
};

// Answers the first few requests with the input; later ones are refused, so that an
// answer asking for page after page (more media, a smaller page) ends.
class CannedNetwork : public QNetworkAccessManager {
public:
    explicit CannedNetwork(QByteArray answer)
        : m_answer(std::move(answer)) {}

protected:
    QNetworkReply *createRequest(Operation operation, const QNetworkRequest &request,
                                 QIODevice *) override {
        const bool refused = m_answered++ >= 4;
        return new CannedReply(operation, request, m_answer, refused, this);
    }

private:
    QByteArray m_answer;
    int m_answered = 0;
};

// One input's client and what it talks through.
struct Session {
    explicit Session(QByteArray answer)
        : network(std::move(answer)) {}

    CannedNetwork network;
    HttpClient http{&network, [] {
                        HttpClient::Options options;
                        options.policy.maxAttempts = 1; // a retry would wait on a timer
                        options.random = [] {
                            return 0.0;
                        };
                        return options;
                    }()};
    ShopifyClient client{&http, ShopifyStore{QUrl(QStringLiteral("http://127.0.0.1:9"))},
                         ShopifyCredentials{QStringLiteral("shpat_fuzz"), {}, {}}};
};

bool run(ShopifyClient &client, uint8_t call) {
    client.setReadsCategoryMetafields(call & 0x80);
    switch (call % 7) {
    case 0:
        return fuzz::settle(client.connectToShop());
    case 1:
        return fuzz::settle(client.countProducts(QStringLiteral("status:active")));
    case 2:
        return fuzz::settle(client.productsPage(QString(), QString(), 1 + (call >> 3)));
    case 3:
        return fuzz::settle(client.product(QStringLiteral("gid://shopify/Product/1")));
    case 4:
        return fuzz::settle(client.bulkOperation(QStringLiteral("gid://shopify/BulkOperation/1")));
    case 5:
        return fuzz::settle(client.startProductsBulkQuery(QString()));
    default: {
        ProductWrites writes;
        writes.tagsToAdd = {QStringLiteral("colour:red")};
        writes.tagsToRemove = {QStringLiteral("colour:blue")};
        return fuzz::settle(productwriter::apply(
            &client,
            productwriter::mutationsFor(QStringLiteral("gid://shopify/Product/1"), writes)));
    }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0)
        return 0;
    auto session = std::make_unique<Session>(fuzz::bytes(data + 1, size - 1));
    if (!run(session->client, data[0])) {
        // Still waiting on the throttle. A ShopifyClient destroyed while a request waits
        // for the bucket aborts later, when the wait's timer goes and the continuations
        // find their context gone (Qt 6.4's assertion in qfuture_impl.h; not fixed yet,
        // tests/fuzz/README.md): such a session is kept for the rest of the run, and past
        // its end (never destroyed, as the application's timers outlive the statics).
        static auto *waiting = new std::vector<std::unique_ptr<Session>>;
        waiting->push_back(std::move(session));
    }
    return 0;
}

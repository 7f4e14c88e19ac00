#include "net/httpclient.h"

#include "domain/urlsafety.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QPointer>
#include <QPromise>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(HttpClient)
};

AttemptOutcome::Kind kindOf(QNetworkReply::NetworkError error) {
    switch (error) {
    case QNetworkReply::OperationCanceledError: // our own transfer timeout
    case QNetworkReply::TimeoutError:
        return AttemptOutcome::Kind::Timeout;
    case QNetworkReply::HostNotFoundError:
        return AttemptOutcome::Kind::HostNotFound;
    default:
        return AttemptOutcome::Kind::ConnectionError;
    }
}
} // namespace

// One request from first attempt to final answer. Deletes itself when done.
class HttpExchange : public QObject {
public:
    HttpExchange(HttpClient *client, HttpRequest request)
        : QObject(client)
        , m_client(client)
        , m_request(std::move(request)) {
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, &HttpExchange::timedOut);
        m_promise.start();
    }

    QFuture<Result<HttpResponse>> future() { return m_promise.future(); }

    // Ends the exchange with "stopped"; false when it had already ended.
    bool stop() {
        if (m_delivered)
            return false;
        m_stopped = true;
        m_timer.stop();
        if (m_reply)
            m_reply->abort(); // finished() delivers
        else
            deliverStopped(); // between attempts
        return true;
    }

    void attempt() {
        ++m_attempts;
        m_timedOut = false;
        m_tooLarge = false;
        m_streamed = false;
        m_streamError.reset();
        m_redirectRefused.reset();
        m_received.clear();
        QNetworkRequest r(m_request.url);
        // Each redirect is judged by checkRedirect before it is followed.
        r.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                       QNetworkRequest::UserVerifiedRedirectPolicy);
        r.setMaximumRedirectsAllowed(5);
        for (const auto &[name, value] : m_request.headers)
            r.setRawHeader(name, value);
        m_network = m_client->acquire(m_request.url);
        // A GET without a body goes through get(): sendCustomRequest wraps even an empty body
        // in a QBuffer, and Qt then starts the request from the event loop, after this
        // returns, so a read buffer size set on the reply here would reach no one.
        m_reply = m_request.method == "GET" && m_request.body.isEmpty()
                      ? m_network->get(r)
                      : m_network->sendCustomRequest(r, m_request.method, m_request.body);
        if (m_request.onData)
            m_reply->setReadBufferSize(HttpClient::streamedReadBufferBytes);
        connect(m_reply, &QNetworkReply::readyRead, this, &HttpExchange::readAvailable);
        connect(m_reply, &QNetworkReply::uploadProgress, this, [this] { m_timer.start(); });
        connect(m_reply, &QNetworkReply::finished, this, &HttpExchange::finished);
        connect(m_reply, &QNetworkReply::redirected, this, &HttpExchange::redirected);
        m_at = m_request.url;
        m_timer.start(timeout());
    }

private:
    void readAvailable() {
        m_timer.start();
        if (m_request.onData) {
            const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
            if (status.toInt() >= 200 && status.toInt() < 300) {
                const QByteArray chunk = m_reply->readAll();
                m_streamed = true;
                if (auto taken = m_request.onData(chunk); !taken) {
                    m_streamError = taken.error();
                    m_reply->abort();
                }
                return;
            }
        }
        if (m_received.size() + m_reply->bytesAvailable() > m_request.maxResponseBytes) {
            m_tooLarge = true;
            m_reply->abort();
            return;
        }
        m_received += m_reply->readAll();
    }

    // With UserVerifiedRedirectPolicy Qt follows a redirect only once redirectAllowed() is
    // emitted on the reply (QNetworkRequest::RedirectPolicy, Qt 6 documentation).
    void redirected(const QUrl &to) {
        if (auto safe = checkRedirect(m_at, to, carriesCredentials()); !safe) {
            m_redirectRefused = safe.error();
            m_reply->abort();
            return;
        }
        m_at = to;
        emit m_reply->redirectAllowed();
    }

    bool carriesCredentials() const {
        if (!m_request.body.isEmpty())
            return true;
        for (const auto &[name, value] : m_request.headers) {
            const QByteArray lower = name.toLower();
            if (lower == "authorization" || lower.contains("token") || lower.contains("key"))
                return true;
        }
        return false;
    }

    void timedOut() {
        if (m_reply) {
            m_timedOut = true;
            m_reply->abort();
        }
    }

    void finished() {
        m_timer.stop();
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->deleteLater();
        m_client->release(std::exchange(m_network, nullptr), m_request.url);
        if (m_stopped)
            return deliverStopped();
        if (!m_tooLarge && reply->bytesAvailable() > 0)
            m_received += reply->readAll();

        if (m_streamError)
            return deliver(*m_streamError);
        if (m_redirectRefused)
            return deliver(*m_redirectRefused);
        if (m_request.onData) {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const bool broken = reply->error() != QNetworkReply::NoError || m_timedOut;
            if (m_streamed && broken)
                return deliver(Error::unreachable(
                    Texts::tr("The download for %1 broke off (%2)")
                        .arg(purpose(), m_timedOut ? Texts::tr("no data for a while")
                                                   : reply->errorString())));
            if (!broken && status >= 200 && status < 300) {
                if (auto rest = m_request.onData(std::exchange(m_received, QByteArray())); !rest)
                    return deliver(rest.error());
            }
        }
        if (m_tooLarge)
            return deliver(
                Error::failed(Texts::tr("The answer to %1 was larger than %2 MB and was not read")
                                  .arg(purpose())
                                  .arg(m_request.maxResponseBytes / (1024 * 1024))));

        const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        AttemptOutcome outcome;
        HttpResponse response;
        if (!statusAttr.isValid() || m_timedOut) {
            outcome.kind = m_timedOut ? AttemptOutcome::Kind::Timeout : kindOf(reply->error());
            m_lastNetworkError =
                m_timedOut ? Texts::tr("no answer for %1 s").arg(timeout().count() / 1000.0)
                           : reply->errorString();
        } else {
            response.status = statusAttr.toInt();
            response.body = m_received;
            for (const auto &[name, value] : reply->rawHeaderPairs())
                response.headers.insert(name.toLower(), value);
            response.attempts = m_attempts;
            outcome = m_request.classify ? m_request.classify(response)
                                         : HttpClient::classifyByStatus(response);
            if (!outcome.retryAfter)
                outcome.retryAfter = RetryPolicy::parseRetryAfter(response.header("retry-after"),
                                                                  QDateTime::currentDateTimeUtc());
        }

        const RetryPolicy::Decision next =
            m_client->m_options.policy.decide(m_attempts, outcome, m_client->m_options.random());
        if (next.retry) {
            QTimer::singleShot(next.delay, this, [this] {
                if (!m_stopped)
                    attempt();
            });
            return;
        }
        if (outcome.kind == AttemptOutcome::Kind::HostNotFound)
            return deliver(Error::unreachable(
                Texts::tr("Could not find the server %1 while %2: the name does not resolve. "
                          "Check the address for a typo, and that this computer is online")
                    .arg(m_request.url.host(), purpose())));
        if (response.status == 0)
            return deliver(Error::unreachable(
                Texts::tr("Could not reach %1 while %2 (%3, after %n attempt(s))", nullptr,
                          m_attempts)
                    .arg(m_request.url.host(), purpose(), m_lastNetworkError)));
        if (outcome.kind == AttemptOutcome::Kind::Malformed)
            return deliver(Error::failed(
                Texts::tr(
                    "%1 answered %2 with something that could not be read (after %n attempt(s))",
                    nullptr, m_attempts)
                    .arg(m_request.url.host(), purpose())));
        deliver(std::move(response));
    }

    std::chrono::milliseconds timeout() const {
        return m_request.transferTimeout.value_or(m_client->m_options.transferTimeout);
    }

    QString purpose() const {
        return m_request.purpose.isEmpty() ? m_request.url.toDisplayString(QUrl::RemoveQuery)
                                           : m_request.purpose;
    }

    void deliverStopped() {
        deliver(Error::failed(Texts::tr("Stopped before %1 was answered").arg(purpose())));
    }

    void deliver(Result<HttpResponse> result) {
        if (std::exchange(m_delivered, true))
            return;
        m_promise.addResult(std::move(result));
        m_promise.finish();
        deleteLater();
    }

    HttpClient *m_client;
    HttpRequest m_request;
    QPromise<Result<HttpResponse>> m_promise;
    QPointer<QNetworkReply> m_reply;
    QNetworkAccessManager *m_network = nullptr; // the one m_reply came from
    QTimer m_timer;
    QByteArray m_received;
    QString m_lastNetworkError;
    int m_attempts = 0;
    bool m_timedOut = false;
    bool m_tooLarge = false;
    bool m_streamed = false;
    bool m_stopped = false;
    bool m_delivered = false;
    std::optional<Error> m_streamError;
    std::optional<Error> m_redirectRefused;
    QUrl m_at; // where the current attempt has been redirected to so far
};

HttpClient::HttpClient(QNetworkAccessManager *network, QObject *parent)
    : HttpClient(network, Options{}, parent) {
}

HttpClient::HttpClient(QNetworkAccessManager *network, Options options, QObject *parent)
    : QObject(parent)
    , m_lanes{Lane{network}}
    , m_options(std::move(options)) {
    if (!m_options.random)
        m_options.random = [] {
            return QRandomGenerator::global()->generateDouble();
        };
}

HttpClient::~HttpClient() {
    // The exchanges go first, while the lanes they count their requests in still exist
    // (QObject would delete them after the members are gone).
    const QObjectList children = this->children();
    for (QObject *child : children)
        delete dynamic_cast<HttpExchange *>(child);
}

Status HttpClient::checkUrlIsSafe(const QUrl &url) {
    return tagdesk::checkUrlIsSafe(url);
}

AttemptOutcome HttpClient::classifyByStatus(const HttpResponse &response) {
    if (response.isSuccess())
        return {AttemptOutcome::Kind::Success, response.status, {}};
    return {AttemptOutcome::Kind::HttpError, response.status, {}};
}

QNetworkAccessManager *HttpClient::acquire(const QUrl &url) {
    const QString host = urlOrigin(url);
    auto lane = std::find_if(m_lanes.begin(), m_lanes.end(), [&](const Lane &l) {
        return l.inFlight.value(host) < connectionsPerHostAndManager;
    });
    if (lane == m_lanes.end()) {
        QNetworkAccessManager *first = m_lanes.first().network;
        auto *more = new QNetworkAccessManager(this);
        more->setProxy(first->proxy());
        more->setRedirectPolicy(first->redirectPolicy());
        more->setStrictTransportSecurityEnabled(first->isStrictTransportSecurityEnabled());
        m_lanes.append(Lane{more});
        lane = std::prev(m_lanes.end());
    }
    ++lane->inFlight[host];
    return lane->network;
}

void HttpClient::release(QNetworkAccessManager *network, const QUrl &url) {
    const QString host = urlOrigin(url);
    for (Lane &lane : m_lanes) {
        if (lane.network != network)
            continue;
        if (--lane.inFlight[host] <= 0)
            lane.inFlight.remove(host);
        return;
    }
}

int HttpClient::stopAll() {
    int stopped = 0;
    for (QObject *child : children())
        if (auto *exchange = dynamic_cast<HttpExchange *>(child); exchange && exchange->stop())
            ++stopped;
    return stopped;
}

QFuture<Result<HttpResponse>> HttpClient::send(HttpRequest request) {
    if (auto safe = checkUrlIsSafe(request.url); !safe) {
        QPromise<Result<HttpResponse>> refused;
        refused.start();
        refused.addResult(safe.error());
        refused.finish();
        return refused.future();
    }
    auto *exchange = new HttpExchange(this, std::move(request));
    QFuture<Result<HttpResponse>> future = exchange->future();
    exchange->attempt();
    return future;
}

} // namespace tagdesk

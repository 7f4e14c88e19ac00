#pragma once

#include "net/retrypolicy.h"
#include "util/result.h"

#include <QByteArray>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>

#include <chrono>
#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace tagdesk {

struct HttpResponse {
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    int attempts = 0;

    bool isSuccess() const { return status >= 200 && status < 300; }
    QByteArray header(const QByteArray &lowerCaseName) const {
        return headers.value(lowerCaseName);
    }
};

struct HttpRequest {
    QByteArray method = "GET";
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // No byte received for this long ends the attempt (reset whenever data arrives);
    // unset: the client's default.
    std::optional<std::chrono::milliseconds> transferTimeout;
    // An answer larger than this is cut off and reported, never buffered whole.
    qint64 maxResponseBytes = 64 * 1024 * 1024;
    // What the request is for, in words, for messages: "reading products from shop.example".
    QString purpose;
    // Streams the body instead of buffering it (no size cap then): each chunk as it
    // arrives. An error from it ends the request with that error. Once data has been
    // handed over, a failure is not retried (the receiver would see bytes twice).
    std::function<Status(QByteArrayView)> onData;
    // Looks at an HTTP answer that may still be a failure in disguise (GraphQL THROTTLED
    // with status 200). Defaults to judging by the status code alone.
    std::function<AttemptOutcome(const HttpResponse &)> classify;
};

// The one way Tagdesk talks HTTP: one exchange object per request owning its reply, a
// transfer timeout reset on progress, a cap on the answer's size, no redirect from https
// to http nor with credentials to another host (checkRedirect), plain http only to
// loopback, and the one RetryPolicy between attempts.
//
// More than six requests at once to one host are spread over several network managers:
// Qt 6.4 opens at most six HTTP/1.1 connections per host and manager (the fixed
// defaultHttpChannelCount in qhttpnetworkconnection.cpp; QHttp1Configuration, which makes
// it settable, came in Qt 6.5) and queues the rest, so a tagger asked to run eight calls at
// once ran six. Each manager keeps its own connections, so requests past six to a host go
// through another manager the client makes (same thread, same proxy), and up to six
// through the caller's, which keeps its connections warm.
//
// The future holds an HttpResponse for every answer that came (including 4xx, and 5xx
// or 429 once retries are used up: the caller knows what they mean for its service), or
// an Error when no usable answer came at all. Lives on the thread of its
// QNetworkAccessManager; call send() from that thread.
class HttpClient : public QObject {
    Q_OBJECT
public:
    struct Options {
        RetryPolicy policy;
        std::chrono::milliseconds transferTimeout{30'000};
        std::function<double()> random; // [0, 1) for backoff jitter; default: a real PRNG

        // The defaults with another transfer timeout (Preferences::networkTimeoutSeconds).
        static Options withTransferTimeout(std::chrono::milliseconds timeout) {
            Options options;
            options.transferTimeout = timeout;
            return options;
        }
    };

    explicit HttpClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    HttpClient(QNetworkAccessManager *network, Options options, QObject *parent = nullptr);
    ~HttpClient() override;

    QFuture<Result<HttpResponse>> send(HttpRequest request);

    // http:// is allowed only to this machine; everything else must be https://.
    static Status checkUrlIsSafe(const QUrl &url);
    static AttemptOutcome classifyByStatus(const HttpResponse &response);

    const RetryPolicy &policy() const { return m_options.policy; }

    // Stops every request still in flight (or waiting to be tried again): each ends at once
    // with an error saying it was stopped, never retried. Gives how many there were.
    int stopAll();

    // How much of a streamed answer Qt holds for the receiver before it stops reading the
    // socket (QNetworkReply::setReadBufferSize): a receiver slower than the network then
    // holds this much, not the whole download.
    static constexpr qint64 streamedReadBufferBytes = 1024 * 1024;

    // The most requests to one host Qt 6.4 runs at once through one manager.
    static constexpr int connectionsPerHostAndManager = 6;

    // How many network managers the client has used so far (the caller's and its own).
    int managerCount() const { return int(m_lanes.size()); }

private:
    friend class HttpExchange;

    // One network manager and how many requests are in flight through it, per host.
    struct Lane {
        QNetworkAccessManager *network = nullptr;
        QHash<QString, int> inFlight = {};
    };

    // The manager an attempt on `url` goes through (counted in flight until released).
    QNetworkAccessManager *acquire(const QUrl &url);
    void release(QNetworkAccessManager *network, const QUrl &url);

    QList<Lane> m_lanes; // the first holds the caller's manager
    Options m_options;
};

} // namespace tagdesk

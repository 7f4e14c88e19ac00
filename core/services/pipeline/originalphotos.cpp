#include "pipeline/originalphotos.h"

#include "cache/imagecache.h"
#include "net/httpclient.h"
#include "settings/account.h"
#include "util/futures.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QPromise>
#include <QtConcurrent>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(OriginalPhotos)
};

// Someone is looking at the photo, waiting: three attempts (about a second of backoff)
// rather than a run's six (about twelve), then the smaller copy stays, with the reason.
HttpClient::Options lookingOptions(std::chrono::milliseconds transferTimeout) {
    HttpClient::Options options = HttpClient::Options::withTransferTimeout(transferTimeout);
    options.policy.maxAttempts = 3;
    return options;
}
} // namespace

struct OriginalPhotos::Line {
    Line(QString imageFolder, std::chrono::milliseconds transferTimeout)
        : http(&network, lookingOptions(transferTimeout))
        , cache(std::move(imageFolder)) {}

    QNetworkAccessManager network;
    HttpClient http;
    ImageCache cache;
    QHash<QUrl, std::shared_ptr<QPromise<Result<QString>>>> promises;
};

OriginalPhotos::OriginalPhotos(const Account &account, QObject *parent)
    : OriginalPhotos(account.imageCacheFolder(), account.transferTimeout(), parent) {
}

OriginalPhotos::OriginalPhotos(QString imageFolder, std::chrono::milliseconds transferTimeout,
                               QObject *parent)
    : QObject(parent)
    , m_line(std::make_unique<Line>(std::move(imageFolder), transferTimeout)) {
}

OriginalPhotos::~OriginalPhotos() = default;

QFuture<Result<QString>> OriginalPhotos::fetch(const QUrl &url) {
    // Asked for and not yet answered: the same answer.
    if (const auto going = m_line->promises.constFind(url); going != m_line->promises.cend())
        return (*going)->future();
    auto promise = std::make_shared<QPromise<Result<QString>>>();
    promise->start();
    m_line->promises.insert(url, promise);

    const QString known = m_stored.take(url);
    if (known.isEmpty()) {
        download(url);
    } else {
        // Fetched before: still in the cache? (Its janitor may have made room since.) A look
        // at the disk, so on the pool.
        whenFinished(this, QtConcurrent::run([cache = m_line->cache, known] {
                         return cache.contains(known);
                     }),
                     [this, url, known](bool there) {
                         if (there)
                             finish(url, known);
                         else
                             download(url);
                     });
    }
    return promise->future();
}

void OriginalPhotos::download(const QUrl &url) {
    HttpRequest request;
    request.url = url;
    request.purpose = Texts::tr("downloading the full-size photo from %1").arg(url.host());
    whenFinished(this, m_line->http.send(request), [this, url](const Result<HttpResponse> &answer) {
        if (!answer)
            return finish(url, answer.error());
        if (!answer->isSuccess())
            return finish(url,
                          Error::failed(Texts::tr("%1 answered HTTP %2 for the full-size photo")
                                            .arg(url.host())
                                            .arg(answer->status)));
        // Checking that it is a picture and writing the file is disk work: on the pool.
        whenFinished(this, QtConcurrent::run([cache = m_line->cache, body = answer->body] {
                         auto stored = cache.store(body);
                         return stored ? Result<QString>(stored->sha256)
                                       : Result<QString>(stored.error());
                     }),
                     [this, url](const Result<QString> &stored) { finish(url, stored); });
    });
}

void OriginalPhotos::finish(const QUrl &url, const Result<QString> &stored) {
    if (stored)
        m_stored.insert(url, stored.value());
    if (auto promise = m_line->promises.take(url)) {
        promise->addResult(stored);
        promise->finish();
    }
}

} // namespace tagdesk

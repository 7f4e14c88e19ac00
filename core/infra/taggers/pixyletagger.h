#pragma once

#include "net/httpclient.h"
#include "taggers/requestpacer.h"
#include "taggers/tagger.h"

#include <QObject>
#include <QUrl>

#include <functional>

namespace tagdesk {

// Pixyle's live single-product API
// (https://pixyleai.gitbook.io/pixyle.ai-documentation): a JWT from `POST {url}/auth/v1/token`
// (e-mail and password; kept, and asked for again once when Pixyle answers 401), then
// `POST {url}/main/v1.1/products` with `Authorization: Bearer`, one product per image:
// {sku, image_url_1}. At most 2 requests a second leave this client (paced here; a 429
// that still comes is waited out by the shared retry policy).
//
// UNVERIFIED against the live service: the route after /main/v1.1, the token's field name
// (`access_token`) and whether `image_url_1` accepts a data URI. Tagdesk sends the cached
// bytes as a data URI — the tagger never sees Shopify URLs — which the sandbox accepts; if
// Pixyle refuses it, the 400 becomes a clear per-image error naming Pixyle's reason.
class PixyleTagger : public Tagger {
public:
    static constexpr int kRequestsPerSecond = 2;

    struct Settings {
        QUrl url; // https://api.pixyle.ai
        QString email;
        QString password; // never part of settingsKey()
        int concurrency = 2;
    };

    PixyleTagger(Settings settings, HttpClient *http);

    TaggerKind kind() const override { return TaggerKind::Pixyle; }
    QString settingsKey() const override;
    int concurrency() const override { return m_settings.concurrency; }
    QFuture<Result<QList<Result<TaggerAnswer>>>> analyse(const QList<TaggerImage> &images) override;
    Result<QList<Suggestion>> interpret(const QByteArray &raw,
                                        const QString &mediaId) const override;

private:
    using Answers = QList<Result<TaggerAnswer>>;
    using TokenCallback = std::function<void(const Result<QString> &)>;

    void analyseNext(std::shared_ptr<QPromise<Result<Answers>>> promise, QList<TaggerImage> images,
                     std::shared_ptr<Answers> answers);
    // Calls `then` with a token: the kept one, or a fresh one from one login that all
    // callers waiting at that moment share.
    void withToken(TokenCallback then);
    void login();
    // The outer Result fails for the whole job (wrong password, no credits), the inner one
    // for this image only.
    using UploadDone = std::function<void(const Result<Result<TaggerAnswer>> &)>;
    // One product upload, paced; `afterNewLogin` once a 401 led to a new token.
    void upload(const TaggerImage &image, UploadDone done, bool afterNewLogin = false);
    // Runs `send` once the pacer lets a request out.
    void whenPaced(std::function<void()> send);
    Result<Result<TaggerAnswer>> readUpload(const TaggerImage &image,
                                            const HttpResponse &response) const;

    Settings m_settings;
    HttpClient *m_http;
    RequestPacer m_pacer{kRequestsPerSecond, std::chrono::milliseconds(1000)};
    QString m_token;
    bool m_loggingIn = false;
    QList<TokenCallback> m_waitingForToken;
    QObject m_context; // timers and continuations end with the tagger
};

} // namespace tagdesk

#include "taggers/pixyletagger.h"

#include "taggers/pixyleanswer.h"
#include "taggers/remotetaggersupport.h"
#include "taggers/taxonomy.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QTimer>

#include <memory>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(PixyleTagger)
};

const QString kProvider = QStringLiteral("Pixyle");

// UNVERIFIED: how Pixyle reports a plan's limit. Its documented errors are 400/401/403;
// a 402, or any refusal that speaks of quota, credits or the subscription, is treated as
// the account's limit being reached.
bool isQuotaRefusal(int status, const QString &text) {
    if (status == 402)
        return true;
    if (status != 403 && status != 429)
        return false;
    for (const char *word : {"quota", "credit", "subscription", "plan limit"})
        if (text.contains(QLatin1String(word), Qt::CaseInsensitive))
            return true;
    return false;
}

// A limit that waiting does not lift is judged as 402 Payment Required, which the retry
// policy never retries, even when it comes as a 429.
AttemptOutcome classifyUpload(const HttpResponse &response) {
    if (isQuotaRefusal(response.status, remote::errorText(response.body)))
        return {AttemptOutcome::Kind::HttpError, 402, {}};
    return remote::classifyJsonAnswer(response);
}

Error refusedCredentials(int status, const QString &detail) {
    return Error::tokenRejected(Texts::tr("Pixyle refused the e-mail and password (HTTP %1: %2). "
                                          "Check the Pixyle account in Settings, or set "
                                          "TAGDESK_PIXYLE_EMAIL and TAGDESK_PIXYLE_PASSWORD.")
                                    .arg(status)
                                    .arg(detail));
}

// The product's sku: the image's content hash, so the same picture is the same product to
// Pixyle whichever Shopify product shows it (Pixyle products cannot be changed later).
QString skuFor(const TaggerImage &image) {
    const QString sha =
        image.sha256.isEmpty()
            ? QString::fromLatin1(
                  QCryptographicHash::hash(image.bytes, QCryptographicHash::Sha256).toHex())
            : image.sha256;
    return QStringLiteral("tagdesk-") + sha.left(32);
}
} // namespace

PixyleTagger::PixyleTagger(Settings settings, HttpClient *http)
    : m_settings(std::move(settings))
    , m_http(http) {
}

QString PixyleTagger::settingsKey() const {
    // Pixyle tags with all features active on the account, so the account is part of it —
    // as a digest: the login name is half of the credentials and stays out of the database.
    const QByteArray account =
        QCryptographicHash::hash(m_settings.email.toLower().toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(16);
    return QStringLiteral("pixyle-v1|") + remote::endpointKey(m_settings.url) +
           QStringLiteral("|main/v1.1|account=") + QString::fromLatin1(account);
}

QFuture<Result<QList<Result<TaggerAnswer>>>>
PixyleTagger::analyse(const QList<TaggerImage> &images) {
    auto promise = std::make_shared<QPromise<Result<Answers>>>();
    promise->start();
    analyseNext(promise, images, std::make_shared<Answers>());
    return promise->future();
}

void PixyleTagger::analyseNext(std::shared_ptr<QPromise<Result<Answers>>> promise,
                               QList<TaggerImage> images, std::shared_ptr<Answers> answers) {
    if (images.isEmpty()) {
        promise->addResult(*answers);
        promise->finish();
        return;
    }
    const TaggerImage image = images.takeFirst();
    if (const auto unusable = remote::unusableImage(image, kProvider)) {
        answers->append(*unusable);
        return analyseNext(promise, images, answers);
    }
    upload(image, [this, promise, images, answers](const Result<Result<TaggerAnswer>> &result) {
        if (!result) {
            promise->addResult(result.error());
            promise->finish();
            return;
        }
        answers->append(result.value());
        analyseNext(promise, images, answers);
    });
}

void PixyleTagger::withToken(TokenCallback then) {
    if (!m_token.isEmpty())
        return then(m_token);
    m_waitingForToken.append(std::move(then));
    if (!m_loggingIn)
        login();
}

void PixyleTagger::login() {
    m_loggingIn = true;
    HttpRequest request;
    request.method = "POST";
    request.url = remote::joinPath(m_settings.url, QStringLiteral("/auth/v1/token"));
    request.purpose = Texts::tr("signing in to Pixyle");
    request.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
    request.body = QJsonDocument(QJsonObject{{QStringLiteral("email"), m_settings.email},
                                             {QStringLiteral("password"), m_settings.password},
                                             {QStringLiteral("permanent_login"), false}})
                       .toJson(QJsonDocument::Compact);
    request.classify = remote::classifyJsonAnswer;
    m_http->send(request).then(&m_context, [this](const Result<HttpResponse> &answer) {
        Result<QString> token = [&answer]() -> Result<QString> {
            if (!answer)
                return answer.error();
            const QString detail = remote::errorText(answer->body);
            if (answer->status == 401 || answer->status == 400)
                return refusedCredentials(answer->status, detail);
            if (answer->status == 403)
                return Error::tokenRejected(
                    Texts::tr("Pixyle did not let the account sign in (%1): "
                              "verify its e-mail address, or check the "
                              "account in Settings.")
                        .arg(detail));
            if (!answer->isSuccess())
                return Error::failed(Texts::tr("Pixyle's sign-in answered HTTP %1: %2")
                                         .arg(answer->status)
                                         .arg(detail));
            const QJsonObject body = remote::jsonObject(answer->body).value_or(QJsonObject{});
            // `access_token` as the legacy v4 API and the sandbox name it; `token` as a
            // fallback: Pixyle's current documentation does not name the field
            // (https://pixyleai.gitbook.io/pixyle.ai-documentation).
            QString value = body.value(QLatin1String("access_token")).toString();
            if (value.isEmpty())
                value = body.value(QLatin1String("token")).toString();
            if (value.isEmpty())
                return Error::failed(Texts::tr("Pixyle's sign-in answer has no access token "
                                               "(fields: %1)")
                                         .arg(body.keys().join(QStringLiteral(", "))));
            return value;
        }();
        m_loggingIn = false;
        m_token = token ? token.value() : QString();
        const QList<TokenCallback> waiting = std::exchange(m_waitingForToken, {});
        for (const TokenCallback &callback : waiting)
            callback(token);
    });
}

void PixyleTagger::upload(const TaggerImage &image, UploadDone done, bool afterNewLogin) {
    withToken([this, image, done, afterNewLogin](const Result<QString> &token) {
        if (!token)
            return done(token.error());
        HttpRequest request;
        request.method = "POST";
        request.url = remote::joinPath(m_settings.url, QStringLiteral("/main/v1.1/products"));
        request.purpose = Texts::tr("tagging an image with Pixyle");
        request.headers = {{"Content-Type", "application/json"},
                           {"Accept", "application/json"},
                           {"Authorization", "Bearer " + token.value().toUtf8()}};
        request.body =
            QJsonDocument(
                QJsonObject{{QStringLiteral("sku"), skuFor(image)},
                            {QStringLiteral("image_url_1"),
                             remote::dataUri(image.bytes, remote::sniffImageMime(image.bytes))}})
                .toJson(QJsonDocument::Compact);
        request.classify = classifyUpload;
        const QString usedToken = token.value();
        whenPaced([this, request, image, done, afterNewLogin, usedToken] {
            m_http->send(request).then(&m_context, [this, image, done, afterNewLogin,
                                                    usedToken](const Result<HttpResponse> &answer) {
                if (!answer)
                    return done(answer.error());
                if (answer->status == 401 && !afterNewLogin) {
                    // The token expired (or was revoked): sign in again, once.
                    if (m_token == usedToken)
                        m_token.clear();
                    return upload(image, done, true);
                }
                done(readUpload(image, answer.value()));
            });
        });
    });
}

void PixyleTagger::whenPaced(std::function<void()> send) {
    const auto now = RequestPacer::Clock::now();
    if (const auto wait = m_pacer.waitBeforeStart(now); wait.count() > 0) {
        QTimer::singleShot(wait, &m_context, [this, send] { whenPaced(send); });
        return;
    }
    m_pacer.started(now);
    send();
}

Result<Result<TaggerAnswer>> PixyleTagger::readUpload(const TaggerImage &image,
                                                      const HttpResponse &response) const {
    const QString detail = remote::errorText(response.body);
    if (isQuotaRefusal(response.status, detail))
        return Error::quota(Texts::tr("Pixyle says the account's limit is reached (%1). Check "
                                      "the Pixyle plan, then run the job again.")
                                .arg(detail));
    if (response.status == 401)
        return Error::tokenRejected(
            Texts::tr("Pixyle refused a fresh sign-in token (%1). Check the "
                      "Pixyle account in Settings.")
                .arg(detail));
    if (response.status == 400)
        return Result<TaggerAnswer>(
            Error::failed(Texts::tr("Pixyle could not process this image: %1").arg(detail)));
    if (!response.isSuccess())
        return Error::failed(
            Texts::tr("Pixyle answered HTTP %1: %2").arg(response.status).arg(detail));
    // The answer echoes image_url_1; the image is in the cache already, so the stored answer
    // keeps a placeholder instead of a second copy of it.
    QJsonObject product = remote::jsonObject(response.body).value_or(QJsonObject{});
    if (product.value(QLatin1String("primary_image")).toString().startsWith(QLatin1String("data:")))
        product.insert(QStringLiteral("primary_image"), QStringLiteral("data:(cached image)"));
    const QByteArray raw = QJsonDocument(product).toJson(QJsonDocument::Compact);
    auto suggestions = interpret(raw, image.mediaId);
    if (!suggestions)
        return Result<TaggerAnswer>(suggestions.error());
    return Result<TaggerAnswer>(TaggerAnswer{raw, suggestions.value()});
}

Result<QList<Suggestion>> PixyleTagger::interpret(const QByteArray &raw,
                                                  const QString &mediaId) const {
    const std::optional<QJsonObject> product = remote::jsonObject(raw);
    if (!product)
        return Error::failed(Texts::tr("A stored Pixyle answer is not a JSON object"));
    auto labels = pixyle::productLabels(*product);
    if (!labels)
        return labels.error();
    return Taxonomy::suggestions(TaggerKind::Pixyle, labels.value(), mediaId);
}

} // namespace tagdesk

#include "taggers/ximilartagger.h"

#include "net/httpclient.h"
#include "taggers/remotetaggersupport.h"
#include "taggers/taxonomy.h"
#include "taggers/ximilaranswer.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <memory>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(XimilarTagger)
};

const QString kProvider = QStringLiteral("Ximilar");

bool mentionsCredits(const QString &text) {
    return text.contains(QLatin1String("credit"), Qt::CaseInsensitive) ||
           text.contains(QLatin1String("quota"), Qt::CaseInsensitive);
}

Error quotaError(const QString &detail) {
    return Error::quota(Texts::tr("Ximilar says the account has no credits left (%1). Buy "
                                  "credits or wait for the monthly reset, then run the job "
                                  "again.")
                            .arg(detail));
}

// A record Ximilar failed on its side (5xx in `_status`) is worth asking again, the whole
// call through the one retry policy: the other records cost the same again, but no
// second retry loop is needed.
AttemptOutcome classify(const HttpResponse &response) {
    // No credits left is not a rate limit, whatever its status: judged as 402 Payment
    // Required, which is never retried.
    if (!response.isSuccess() && mentionsCredits(remote::errorText(response.body)))
        return {AttemptOutcome::Kind::HttpError, 402, {}};
    const AttemptOutcome byBody = remote::classifyJsonAnswer(response);
    if (byBody.kind != AttemptOutcome::Kind::Success)
        return byBody;
    for (const QJsonObject &record : ximilar::records(*remote::jsonObject(response.body)))
        if (ximilar::recordStatusCode(record) >= 500)
            return {AttemptOutcome::Kind::HttpError, ximilar::recordStatusCode(record), {}};
    return byBody;
}
} // namespace

XimilarTagger::XimilarTagger(Settings settings, HttpClient *http)
    : m_settings(std::move(settings))
    , m_http(http) {
}

QString XimilarTagger::settingsKey() const {
    // v1: the parsing in ximilaranswer.cpp; the profile renames tags, so it changes answers.
    return QStringLiteral("ximilar-v1|") + remote::endpointKey(m_settings.url) +
           QStringLiteral("|detect_tags|profile=") + m_settings.profile;
}

QFuture<Result<QList<Result<TaggerAnswer>>>>
XimilarTagger::analyse(const QList<TaggerImage> &images) {
    // More than 10 images: one call per 10, one after the other (the runner decides how
    // many calls run at once).
    if (images.size() <= kMaxRecordsPerCall)
        return analyseBatch(images);
    auto promise = std::make_shared<QPromise<Result<Answers>>>();
    auto collected = std::make_shared<Answers>();
    promise->start();
    auto next = std::make_shared<std::function<void(qsizetype)>>();
    *next = [this, images, promise, collected, next](qsizetype from) {
        if (from >= images.size()) {
            promise->addResult(*collected);
            promise->finish();
            *next = nullptr; // breaks the cycle through the captured `next`
            return;
        }
        analyseBatch(images.mid(from, kMaxRecordsPerCall))
            .then(&m_context, [promise, collected, next, from](const Result<Answers> &batch) {
                if (!batch) {
                    promise->addResult(batch.error());
                    promise->finish();
                    *next = nullptr;
                    return;
                }
                *collected += batch.value();
                (*next)(from + kMaxRecordsPerCall);
            });
    };
    (*next)(0);
    return promise->future();
}

QFuture<Result<XimilarTagger::Answers>>
XimilarTagger::analyseBatch(const QList<TaggerImage> &images) {
    QJsonArray records;
    QList<int> sent; // indexes into `images` of the records sent, in order
    for (int i = 0; i < images.size(); ++i) {
        if (remote::unusableImage(images[i], kProvider))
            continue;
        records.append(QJsonObject{
            {QStringLiteral("_id"), images[i].mediaId},
            {QStringLiteral("_base64"), QString::fromLatin1(images[i].bytes.toBase64())}});
        sent << i;
    }
    if (sent.isEmpty())
        return readyFuture(readAnswer(images, sent, HttpResponse{}));

    QJsonObject body{{QStringLiteral("records"), records}};
    if (!m_settings.profile.isEmpty())
        body.insert(QStringLiteral("profile"), m_settings.profile);
    HttpRequest request;
    request.method = "POST";
    request.url =
        remote::joinPath(m_settings.url, QStringLiteral("/tagging/fashion/v2/detect_tags"));
    request.purpose = Texts::tr("tagging images with Ximilar");
    request.headers = {{"Content-Type", "application/json"},
                       {"Accept", "application/json"},
                       {"Authorization", "Token " + m_settings.key.toUtf8()}};
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.classify = classify;
    return m_http->send(request).then(&m_context,
                                      [this, images, sent](const Result<HttpResponse> &answer) {
                                          return readAnswer(images, sent, answer);
                                      });
}

Result<XimilarTagger::Answers> XimilarTagger::readAnswer(const QList<TaggerImage> &images,
                                                         const QList<int> &sent,
                                                         const Result<HttpResponse> &answer) const {
    if (!answer)
        return answer.error();
    std::optional<QJsonObject> envelope;
    if (!sent.isEmpty()) {
        const HttpResponse &r = answer.value();
        const QString detail = remote::errorText(r.body);
        if (r.status == 401 || r.status == 403)
            return Error::tokenRejected(
                Texts::tr("Ximilar refused the API key (HTTP %1: %2). Check "
                          "the Ximilar key in Settings, or set "
                          "TAGDESK_XIMILAR_KEY.")
                    .arg(r.status)
                    .arg(detail));
        if (r.status == 402 || (!r.isSuccess() && mentionsCredits(detail)))
            return quotaError(detail);
        if (!r.isSuccess())
            return Error::failed(
                Texts::tr("Ximilar answered HTTP %1: %2").arg(r.status).arg(detail));
        envelope = remote::jsonObject(r.body);
        const QJsonObject status = envelope->value(QLatin1String("status")).toObject();
        const int code = status.value(QLatin1String("code")).toInt(200);
        if (code >= 400) {
            const QString text = status.value(QLatin1String("text")).toString();
            if (code == 402 || mentionsCredits(text))
                return quotaError(text);
            return Error::failed(
                Texts::tr("Ximilar could not tag the images (%1: %2)").arg(code).arg(text));
        }
    }

    // Records come back in the order sent, each with the `_id` it was sent with; match by
    // id and fall back to the position.
    QHash<QString, QJsonObject> byId;
    const QList<QJsonObject> returned =
        envelope ? ximilar::records(*envelope) : QList<QJsonObject>{};
    for (const QJsonObject &record : returned)
        byId.insert(record.value(QLatin1String("_id")).toString(), record);

    Answers answers;
    for (int i = 0; i < images.size(); ++i) {
        if (const auto unusable = remote::unusableImage(images[i], kProvider)) {
            answers.append(*unusable);
            continue;
        }
        const qsizetype position = sent.indexOf(i);
        QJsonObject record = byId.value(images[i].mediaId);
        if (record.isEmpty() && position < returned.size())
            record = returned.at(position);
        if (record.isEmpty()) {
            answers.append(
                Error::failed(Texts::tr("Ximilar's answer had no record for this image")));
            continue;
        }
        record.remove(QStringLiteral("_base64")); // the image is in the cache already
        const QByteArray raw = QJsonDocument(record).toJson(QJsonDocument::Compact);
        auto suggestions = interpret(raw, images[i].mediaId);
        if (!suggestions)
            answers.append(suggestions.error());
        else
            answers.append(TaggerAnswer{raw, suggestions.value()});
    }
    return answers;
}

Result<QList<Suggestion>> XimilarTagger::interpret(const QByteArray &raw,
                                                   const QString &mediaId) const {
    const std::optional<QJsonObject> record = remote::jsonObject(raw);
    if (!record)
        return Error::failed(Texts::tr("A stored Ximilar answer is not a JSON object"));
    auto labels = ximilar::recordLabels(*record);
    if (!labels)
        return labels.error();
    return Taxonomy::suggestions(TaggerKind::Ximilar, labels.value(), mediaId);
}

} // namespace tagdesk

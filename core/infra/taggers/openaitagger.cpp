#include "taggers/openaitagger.h"

#include "taggers/openaiattributes.h"
#include "taggers/remotetaggersupport.h"
#include "taggers/taxonomy.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <memory>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(OpenAiTagger)
};

QJsonObject errorObject(const QByteArray &body) {
    return remote::jsonObject(body)
        .value_or(QJsonObject{})
        .value(QLatin1String("error"))
        .toObject();
}

// "You exceeded your current quota" comes as a 429 like a rate limit, but waiting does not
// help: it is a billing problem (insufficient_quota,
// https://platform.openai.com/docs/guides/error-codes).
bool isQuotaExhausted(const HttpResponse &response) {
    if (response.status != 429)
        return false;
    const QJsonObject error = errorObject(response.body);
    return error.value(QLatin1String("code")).toString() == QLatin1String("insufficient_quota") ||
           error.value(QLatin1String("type")).toString() == QLatin1String("insufficient_quota");
}

AttemptOutcome classify(const HttpResponse &response) {
    // Judged as 402 Payment Required, which the retry policy never retries.
    if (isQuotaExhausted(response))
        return {AttemptOutcome::Kind::HttpError, 402, {}};
    return remote::classifyJsonAnswer(response);
}

bool isImageRefusal(const QJsonObject &error) {
    const QString code = error.value(QLatin1String("code")).toString();
    return code == QLatin1String("invalid_image_format") ||
           code == QLatin1String("invalid_image_url") || code == QLatin1String("invalid_image");
}
} // namespace

OpenAiTagger::OpenAiTagger(Settings settings, HttpClient *http)
    : m_settings(std::move(settings))
    , m_http(http) {
}

QUrl OpenAiTagger::completionsUrl() const {
    // "https://api.openai.com" and "http://localhost:11434/v1" are both what people paste.
    QString path = m_settings.url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return remote::joinPath(m_settings.url, path.endsWith(QLatin1String("/v1"))
                                                ? QStringLiteral("/chat/completions")
                                                : QStringLiteral("/v1/chat/completions"));
}

QString OpenAiTagger::settingsKey() const {
    // The question (prompt and schema) changes answers as much as the model does.
    const QByteArray question = openai::prompt(openai::generalQuestion()).toUtf8() +
                                QJsonDocument(openai::responseSchema(openai::generalQuestion()))
                                    .toJson(QJsonDocument::Compact) +
                                QByteArray::number(m_settings.maxTokens);
    const QString questionHash = QString::fromLatin1(
        QCryptographicHash::hash(question, QCryptographicHash::Sha1).toHex().left(12));
    return QStringLiteral("openai-v1|") + remote::endpointKey(completionsUrl()) +
           QStringLiteral("|model=") + m_settings.model + QStringLiteral("|question=") +
           questionHash;
}

QString OpenAiTagger::answerKey(const QString &categoryId) const {
    const openai::Question question = openai::question(categoryId);
    if (question.categoryId.isEmpty())
        return settingsKey();
    return settingsKey() + QStringLiteral("|asked-in=") + question.categoryId + QLatin1Char('@') +
           openai::questionHash(question);
}

QString OpenAiTagger::serverName() const {
    return m_settings.url.host() == QLatin1String("api.openai.com")
               ? QStringLiteral("OpenAI")
               : Texts::tr("The OpenAI-compatible server at %1").arg(m_settings.url.authority());
}

QFuture<Result<QList<Result<TaggerAnswer>>>>
OpenAiTagger::analyse(const QList<TaggerImage> &images) {
    // One image a request; several images are asked about one after the other.
    auto promise = std::make_shared<QPromise<Result<Answers>>>();
    auto answers = std::make_shared<Answers>();
    promise->start();
    auto next = std::make_shared<std::function<void(qsizetype)>>();
    *next = [this, images, promise, answers, next](qsizetype index) {
        if (index >= images.size()) {
            promise->addResult(*answers);
            promise->finish();
            *next = nullptr; // breaks the cycle through the captured `next`
            return;
        }
        analyseOne(images[index])
            .then(&m_context,
                  [promise, answers, next, index](const Result<Result<TaggerAnswer>> &r) {
                      if (!r) {
                          promise->addResult(r.error());
                          promise->finish();
                          *next = nullptr;
                          return;
                      }
                      answers->append(r.value());
                      (*next)(index + 1);
                  });
    };
    (*next)(0);
    return promise->future();
}

QFuture<Result<Result<TaggerAnswer>>> OpenAiTagger::analyseOne(const TaggerImage &image) {
    if (const auto unusable = remote::unusableImage(image, serverName()))
        return readyFuture(Result<Result<TaggerAnswer>>(Result<TaggerAnswer>(*unusable)));

    const openai::Question question = openai::question(image.categoryId);
    const QJsonArray content{
        QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                    {QStringLiteral("text"), openai::prompt(question)}},
        QJsonObject{
            {QStringLiteral("type"), QStringLiteral("image_url")},
            {QStringLiteral("image_url"),
             QJsonObject{{QStringLiteral("url"),
                          remote::dataUri(image.bytes, remote::sniffImageMime(image.bytes))},
                         {QStringLiteral("detail"), QStringLiteral("low")}}}}};
    const QJsonObject body{
        {QStringLiteral("model"), m_settings.model},
        {QStringLiteral("temperature"), 0},
        {QStringLiteral("max_tokens"), m_settings.maxTokens},
        {QStringLiteral("messages"),
         QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                {QStringLiteral("content"), content}}}},
        {QStringLiteral("response_format"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("json_schema")},
                     {QStringLiteral("json_schema"),
                      QJsonObject{{QStringLiteral("name"), QStringLiteral("tagdesk_attributes")},
                                  {QStringLiteral("strict"), true},
                                  {QStringLiteral("schema"), openai::responseSchema(question)}}}}}};

    HttpRequest request;
    request.method = "POST";
    request.url = completionsUrl();
    request.purpose = Texts::tr("asking %1 to tag an image").arg(m_settings.model);
    request.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
    if (!m_settings.key.isEmpty())
        request.headers.append({"Authorization", "Bearer " + m_settings.key.toUtf8()});
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.transferTimeout = m_settings.transferTimeout;
    request.classify = classify;
    return m_http->send(request).then(&m_context,
                                      [this, image, question](const Result<HttpResponse> &answer) {
                                          return readAnswer(image, question, answer);
                                      });
}

Result<Result<TaggerAnswer>> OpenAiTagger::readAnswer(const TaggerImage &image,
                                                      const openai::Question &question,
                                                      const Result<HttpResponse> &answer) const {
    if (!answer)
        return answer.error();
    const HttpResponse &r = answer.value();
    const QJsonObject error = errorObject(r.body);
    const QString detail = remote::errorText(r.body);
    if (r.status == 401 || r.status == 403)
        return Error::tokenRejected(
            Texts::tr("%1 refused the API key (HTTP %2: %3). Check the key in "
                      "Settings, or set TAGDESK_OPENAI_KEY.")
                .arg(serverName())
                .arg(r.status)
                .arg(detail));
    if (isQuotaExhausted(r))
        return Error::quota(Texts::tr("%1 says the account's quota is used up (%2). Check the "
                                      "plan and billing, then run the job again.")
                                .arg(serverName(), detail));
    if (r.status == 404)
        return Error::notFound(Texts::tr("%1 has no model '%2' (%3). Pull it on the server "
                                         "(ollama pull %2) or choose another model in Settings "
                                         "or TAGDESK_OPENAI_MODEL.")
                                   .arg(serverName(), m_settings.model, detail));
    if (r.status == 400 && isImageRefusal(error))
        return Result<TaggerAnswer>(
            Error::failed(Texts::tr("%1 could not read this image: %2").arg(serverName(), detail)));
    if (!r.isSuccess())
        return Error::failed(
            Texts::tr("%1 answered HTTP %2: %3").arg(serverName()).arg(r.status).arg(detail));

    const QJsonObject completion = remote::jsonObject(r.body).value_or(QJsonObject{});
    const QJsonObject choice =
        completion.value(QLatin1String("choices")).toArray().first().toObject();
    const QJsonObject message = choice.value(QLatin1String("message")).toObject();
    const auto imageError = [](const QString &text) {
        return Result<Result<TaggerAnswer>>(Result<TaggerAnswer>(Error::failed(text)));
    };
    if (message.value(QLatin1String("refusal")).isString())
        return imageError(Texts::tr("The model refused to tag this image: %1")
                              .arg(message.value(QLatin1String("refusal")).toString()));
    if (choice.value(QLatin1String("finish_reason")).toString() == QLatin1String("length"))
        return imageError(
            Texts::tr("The model's answer was cut off at %1 tokens").arg(m_settings.maxTokens));
    if (!message.value(QLatin1String("content")).isString())
        return imageError(Texts::tr("The model's answer has no text in "
                                    "choices[0].message.content"));
    const QByteArray raw = message.value(QLatin1String("content")).toString().toUtf8();
    // Checked against the question asked; stored, it is read again as any question's answer.
    if (const auto asked = openai::contentLabels(raw, question); !asked)
        return imageError(asked.error().message);
    auto suggestions = interpret(raw, image.mediaId);
    if (!suggestions)
        return imageError(suggestions.error().message);
    return Result<TaggerAnswer>(TaggerAnswer{raw, suggestions.value()});
}

Result<QList<Suggestion>> OpenAiTagger::interpret(const QByteArray &raw,
                                                  const QString &mediaId) const {
    auto labels = openai::storedContentLabels(raw);
    if (!labels)
        return labels.error();
    return Taxonomy::suggestions(TaggerKind::OpenAi, labels.value(), mediaId);
}

} // namespace tagdesk

#include "openaiendpoint.h"

#include "schemaanswer.h"
#include "taggerjson.h"

#include <QCryptographicHash>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace tagdesk::sandbox {
namespace {

// The models the sandbox lists; a request may name any model, as local servers allow.
const QStringList kModels{u"gpt-4o-mini"_s, u"gpt-4o"_s, u"sandbox-vision"_s};

SandboxResponse openAiError(int status, const QString &message, const QString &type,
                            const QJsonValue &param = QJsonValue::Null,
                            const QJsonValue &code = QJsonValue::Null) {
    return jsonAnswer(
        {{u"error"_s,
          QJsonObject{
              {u"message"_s, message}, {u"type"_s, type}, {u"param"_s, param}, {u"code"_s, code}}}},
        status);
}

SandboxResponse invalidRequest(const QString &message, const QJsonValue &param = QJsonValue::Null,
                               const QJsonValue &code = QJsonValue::Null) {
    return openAiError(400, message, u"invalid_request_error"_s, param, code);
}

// OpenAI shows a wrong key with its middle masked.
QString maskedKey(const QString &key) {
    if (key.size() <= 8)
        return u"*****"_s;
    return key.left(3) + QString(key.size() - 7, u'*') + key.right(4);
}

struct MessageParts {
    QStringList imageUrls;
    qsizetype textLength = 0;
};

// Collects the image URLs and text of all messages. `image_url` may be an object with a
// `url` (OpenAI) or a plain string (accepted by Ollama).
MessageParts collectParts(const QJsonArray &messages) {
    MessageParts parts;
    for (const QJsonValue &message : messages) {
        const QJsonValue content = message.toObject().value(u"content"_s);
        if (content.isString()) {
            parts.textLength += content.toString().size();
            continue;
        }
        const QJsonArray items = content.toArray();
        for (const QJsonValue &item : items) {
            const QJsonObject part = item.toObject();
            const QString type = part.value(u"type"_s).toString();
            if (type == u"text"_s) {
                parts.textLength += part.value(u"text"_s).toString().size();
            } else if (type == u"image_url"_s) {
                const QJsonValue image = part.value(u"image_url"_s);
                parts.imageUrls << (image.isString() ? image.toString()
                                                     : image.toObject().value(u"url"_s).toString());
            }
        }
    }
    return parts;
}

} // namespace

OpenAiEndpoint::OpenAiEndpoint(ImageReader &images, QString apiKey, Clock clock)
    : m_images(images)
    , m_apiKey(std::move(apiKey))
    , m_clock(std::move(clock)) {
}

std::optional<SandboxResponse>
OpenAiEndpoint::refuseUnauthorised(const SandboxRequest &request) const {
    const QByteArray authorization = request.header("authorization");
    if (!authorization.startsWith("Bearer ") || authorization.mid(7).trimmed().isEmpty())
        return openAiError(
            401,
            u"You didn't provide an API key. You need to provide your API key in an "
            "Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY)."_s,
            u"invalid_request_error"_s);
    const QString key = QString::fromUtf8(authorization.mid(7).trimmed());
    if (key != m_apiKey)
        return openAiError(401,
                           u"Incorrect API key provided: %1. You can find your API key at "
                           "https://platform.openai.com/account/api-keys."_s.arg(maskedKey(key)),
                           u"invalid_request_error"_s, QJsonValue::Null, u"invalid_api_key"_s);
    return std::nullopt;
}

SandboxResponse OpenAiEndpoint::models(const SandboxRequest &request) {
    if (auto refusal = refuseUnauthorised(request))
        return *refusal;
    QJsonArray data;
    for (const QString &model : kModels)
        data.append(QJsonObject{{u"id"_s, model},
                                {u"object"_s, u"model"_s},
                                {u"created"_s, 1721172741},
                                {u"owned_by"_s, u"tagdesk-sandbox"_s}});
    return jsonAnswer({{u"object"_s, u"list"_s}, {u"data"_s, data}});
}

SandboxResponse OpenAiEndpoint::chatCompletions(const SandboxRequest &request) {
    if (request.method != "POST")
        return invalidRequest(u"Invalid method for this endpoint: use POST."_s);
    if (auto refusal = refuseUnauthorised(request))
        return *refusal;

    const std::optional<QJsonObject> body = jsonObjectBody(request.body);
    if (!body)
        return invalidRequest(
            u"We could not parse the JSON body of your request. The OpenAI "
            "API expects a JSON payload, but what was sent was not valid JSON."_s);
    const QString model = body->value(u"model"_s).toString();
    if (model.isEmpty())
        return invalidRequest(u"you must provide a model parameter"_s);
    if (!body->value(u"messages"_s).isArray())
        return invalidRequest(u"Missing required parameter: 'messages'."_s, u"messages"_s,
                              u"missing_required_parameter"_s);

    const MessageParts parts = collectParts(body->value(u"messages"_s).toArray());
    if (parts.imageUrls.isEmpty())
        return invalidRequest(u"The sandbox's vision model tags images: send at least one "
                              "image_url content part."_s,
                              u"messages"_s);
    // The first image decides; further ones (other views) are only checked.
    std::optional<ImageReading> first;
    for (const QString &url : parts.imageUrls) {
        Result<ImageReading> image = m_images.readUrl(url);
        if (!image && image.error().code == Error::Code::NotFound)
            return invalidRequest(u"Error while downloading %1."_s.arg(url), QJsonValue::Null,
                                  u"invalid_image_url"_s);
        if (!image)
            return invalidRequest(u"You uploaded an unsupported image. Please make sure your "
                                  "image has of one the following formats: ['png', 'jpeg', "
                                  "'gif', 'webp']."_s,
                                  QJsonValue::Null, u"invalid_image_format"_s);
        if (!first)
            first = std::move(image).value();
    }

    const SchemaAnswer answer(*first);
    const QJsonObject format = body->value(u"response_format"_s).toObject();
    const QString formatType = format.value(u"type"_s).toString(u"text"_s);
    QString content;
    if (formatType == u"json_schema"_s) {
        const QJsonObject jsonSchema = format.value(u"json_schema"_s).toObject();
        if (!jsonSchema.value(u"schema"_s).isObject())
            return invalidRequest(u"Missing required parameter: 'response_format.json_schema'."_s,
                                  u"response_format.json_schema"_s,
                                  u"missing_required_parameter"_s);
        const QJsonObject schema = jsonSchema.value(u"schema"_s).toObject();
        if (schema.value(u"type"_s).toString() != u"object"_s)
            return invalidRequest(
                u"Invalid schema for response_format '%1': schema must be a JSON Schema of "
                "'type: \"object\"'."_s.arg(jsonSchema.value(u"name"_s).toString()),
                u"response_format"_s, u"invalid_json_schema"_s);
        content = QString::fromUtf8(
            QJsonDocument(answer.answer(schema).toObject()).toJson(QJsonDocument::Compact));
    } else if (formatType == u"json_object"_s) {
        content = QString::fromUtf8(
            QJsonDocument(answer.freeFormAnswer()).toJson(QJsonDocument::Compact));
    } else if (formatType == u"text"_s) {
        content = answer.sentence();
    } else {
        return invalidRequest(u"Invalid value: '%1'. Supported values are: 'json_object', "
                              "'json_schema', and 'text'."_s.arg(formatType),
                              u"response_format.type"_s, u"invalid_value"_s);
    }

    // Token counts as a tokenizer would roughly give them: ~4 characters a token, 85 per
    // low-detail image.
    const qint64 promptTokens = parts.textLength / 4 + 85 * parts.imageUrls.size() + 8;
    const qint64 completionTokens = content.size() / 4 + 1;
    const QString id =
        u"chatcmpl-"_s +
        QString::fromLatin1(
            QCryptographicHash::hash(request.body, QCryptographicHash::Sha1).toHex().left(29));
    const QJsonObject message{
        {u"role"_s, u"assistant"_s}, {u"content"_s, content}, {u"refusal"_s, QJsonValue::Null}};
    return jsonAnswer({
        {u"id"_s, id},
        {u"object"_s, u"chat.completion"_s},
        {u"created"_s, m_clock().toSecsSinceEpoch()},
        {u"model"_s, model},
        {u"choices"_s, QJsonArray{QJsonObject{{u"index"_s, 0},
                                              {u"message"_s, message},
                                              {u"logprobs"_s, QJsonValue::Null},
                                              {u"finish_reason"_s, u"stop"_s}}}},
        {u"usage"_s, QJsonObject{{u"prompt_tokens"_s, promptTokens},
                                 {u"completion_tokens"_s, completionTokens},
                                 {u"total_tokens"_s, promptTokens + completionTokens}}},
        {u"system_fingerprint"_s, u"fp_sandbox"_s},
    });
}

} // namespace tagdesk::sandbox

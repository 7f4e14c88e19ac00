#include "taggers/remotetaggersupport.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonDocument>

namespace tagdesk::remote {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(RemoteTagger)
};
} // namespace

QString sniffImageMime(const QByteArray &bytes) {
    if (bytes.startsWith("\xFF\xD8\xFF"))
        return QStringLiteral("image/jpeg");
    if (bytes.startsWith("\x89PNG\r\n\x1A\n"))
        return QStringLiteral("image/png");
    if (bytes.startsWith("GIF87a") || bytes.startsWith("GIF89a"))
        return QStringLiteral("image/gif");
    if (bytes.size() >= 12 && bytes.startsWith("RIFF") && bytes.mid(8, 4) == "WEBP")
        return QStringLiteral("image/webp");
    return {};
}

QString dataUri(const QByteArray &bytes, const QString &mime) {
    return QStringLiteral("data:") + mime + QStringLiteral(";base64,") +
           QString::fromLatin1(bytes.toBase64());
}

std::optional<Error> unusableImage(const TaggerImage &image, const QString &provider) {
    if (image.bytes.isEmpty())
        return Error::failed(
            Texts::tr("The image is not in the local image cache, so it was not sent to %1")
                .arg(provider));
    if (sniffImageMime(image.bytes).isEmpty())
        return Error::invalid(
            Texts::tr("The cached file is not a JPEG, PNG, WebP or GIF image, so it was not "
                      "sent to %1")
                .arg(provider));
    return std::nullopt;
}

AttemptOutcome classifyJsonAnswer(const HttpResponse &response) {
    if (response.isSuccess() && !jsonObject(response.body))
        return {AttemptOutcome::Kind::Malformed, response.status, {}};
    return HttpClient::classifyByStatus(response);
}

std::optional<QJsonObject> jsonObject(const QByteArray &body) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

QString errorText(const QByteArray &body) {
    const std::optional<QJsonObject> json = jsonObject(body);
    if (!json)
        return QString::fromUtf8(body.left(200)).simplified();
    if (json->value(QLatin1String("detail")).isString())
        return json->value(QLatin1String("detail")).toString();
    const QJsonValue error = json->value(QLatin1String("error"));
    if (error.isString())
        return error.toString();
    if (error.isObject())
        return error.toObject().value(QLatin1String("message")).toString();
    const QJsonObject status = json->value(QLatin1String("status")).toObject();
    if (status.value(QLatin1String("text")).isString())
        return status.value(QLatin1String("text")).toString();
    return json->value(QLatin1String("message")).toString();
}

QString endpointKey(const QUrl &url) {
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    QString key = url.scheme() + QStringLiteral("://") + url.host().toLower();
    // A service on this machine (the sandbox, a local model server) may get another port
    // each time it starts; its answers stay the same, so cached answers remain valid.
    if (url.port() != -1 && !isLoopback(url))
        key += QLatin1Char(':') + QString::number(url.port());
    return key + path;
}

bool isLoopback(const QUrl &url) {
    if (url.host().compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(url.host());
    return !address.isNull() && address.isLoopback();
}

QUrl joinPath(const QUrl &base, const QString &path) {
    QUrl url = base;
    QString prefix = base.path();
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    url.setPath(prefix + path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

} // namespace tagdesk::remote

#pragma once

// Shared by the tagger tests: requests as the HTTP server hands them over, an image
// fetcher that serves the bundled photos, and answer parsing.
#include "catalog/photos.h"
#include "server/httptypes.h"
#include "taggers/taggerendpoints.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <optional>

namespace tagdesk::sandbox::test {

// Where the tests pretend the sandbox serves its photos.
inline QString photoUrl(const QString &photo) {
    return QStringLiteral("http://127.0.0.1:8123/_sandbox/images/") + photo;
}

// Serves bundled photos at photoUrl(); any other URL cannot be downloaded.
inline std::optional<QByteArray> fetchBundledPhoto(const QUrl &url) {
    if (url.host() != QStringLiteral("127.0.0.1") ||
        !url.path().startsWith(QStringLiteral("/_sandbox/images/")))
        return std::nullopt;
    const QByteArray bytes = photoBytes(url.path().section(QLatin1Char('/'), -1));
    if (bytes.isEmpty())
        return std::nullopt;
    return bytes;
}

inline SandboxRequest jsonRequest(const QByteArray &method, const QString &path,
                                  const QJsonObject &body, const QByteArray &authorization = {}) {
    SandboxRequest request;
    request.method = method;
    request.path = path;
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.headers.insert("content-type", "application/json");
    if (!authorization.isEmpty())
        request.headers.insert("authorization", authorization);
    return request;
}

inline QJsonObject bodyOf(const SandboxResponse &response) {
    return QJsonDocument::fromJson(response.body).object();
}

inline QString dataUri(const QByteArray &bytes) {
    return QStringLiteral("data:image/jpeg;base64,") + QString::fromLatin1(bytes.toBase64());
}

// Photos whose colour the sandbox names as labels.csv does (checked by eye too).
inline const QString kBlackPufferPhoto =
    QStringLiteral("outwear__0a86d893-93f1-4a52-8c42-07bb9f439833.jpg");
inline const QString kYellowSlidesPhoto =
    QStringLiteral("shoes__0dd87e47-ca85-4d5c-9fd1-59f5a01eb656.jpg");
inline const QString kGreyJacketPhoto =
    QStringLiteral("outwear__0028956e-9962-46f0-ad45-2c42f8a59d94.jpg");
inline const QString kLightBlueSkirtPhoto =
    QStringLiteral("skirt__24963db3-649c-4f04-8da3-0375ede8e0a6.jpg");

} // namespace tagdesk::sandbox::test

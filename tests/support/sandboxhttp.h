#pragma once

// Talking to a sandbox's inspection endpoints (/_sandbox/…) from a test, over loopback.
#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStringList>
#include <QTest>

#include <limits>

namespace tagdesk::test {

// Sends one request and waits for its JSON answer (no time limit: a hang is a hung test).
inline QJsonDocument sandboxJson(QNetworkAccessManager &network, const QUrl &url,
                                 const QByteArray &verb = "GET", const QByteArray &body = {}) {
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = network.sendCustomRequest(request, verb, body);
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return reply->isFinished(); }, std::numeric_limits<int>::max()));
    EXPECT_EQ(reply->error(), QNetworkReply::NoError) << reply->errorString().toStdString();
    const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll());
    reply->deleteLater();
    return doc;
}

// What the sandbox at `baseUrl` received, oldest first (GET /_sandbox/requests).
inline QJsonArray sandboxRequestLog(QNetworkAccessManager &network, const QString &baseUrl) {
    const QJsonDocument doc =
        sandboxJson(network, QUrl(baseUrl + QStringLiteral("/_sandbox/requests")));
    return doc.isArray() ? doc.array() : doc.object().value(QStringLiteral("requests")).toArray();
}

// The paths of what the sandbox at `baseUrl` received, oldest first (without queries).
inline QStringList sandboxRequestPaths(QNetworkAccessManager &network, const QString &baseUrl) {
    QStringList paths;
    for (const QJsonValue &entry : sandboxRequestLog(network, baseUrl))
        paths << entry.toObject().value(QStringLiteral("path")).toString();
    return paths;
}

} // namespace tagdesk::test

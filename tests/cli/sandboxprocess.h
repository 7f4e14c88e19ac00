#pragma once

// A standalone tagdesk-sandbox process on a free loopback port, for tests that run the
// real tagdesk-cli binary against it; stopped when the test ends.
#include "support/sandboxhttp.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTest>

#include <limits>

namespace tagdesk::test {

// A tagdesk-sandbox process on a free port, stopped when the test ends.
class SandboxProcess {
public:
    explicit SandboxProcess(const QStringList &arguments) {
        m_process.start(QStringLiteral(TAGDESK_SANDBOX_PATH), arguments);
        EXPECT_TRUE(m_process.waitForStarted(-1));
        EXPECT_TRUE(QTest::qWaitFor(
            [&] { return m_process.canReadLine() || m_process.state() != QProcess::Running; },
            std::numeric_limits<int>::max()));
        const QString first = QString::fromUtf8(m_process.readLine()).trimmed();
        EXPECT_TRUE(first.startsWith(QLatin1String("listening on http://127.0.0.1:")))
            << first.toStdString();
        url = first.section(QLatin1Char(' '), -1);
    }
    ~SandboxProcess() {
        m_process.terminate();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
    }

    // GET /_sandbox/products: every product of the store, keyed by id.
    QHash<QString, QJsonObject> products() {
        const QJsonDocument doc = call("GET", QStringLiteral("/_sandbox/products"));
        QHash<QString, QJsonObject> out;
        for (const QJsonValue &v : doc.object().value(QStringLiteral("products")).toArray())
            out.insert(v.toObject().value(QStringLiteral("id")).toString(), v.toObject());
        return out;
    }

    // PATCH /_sandbox/products: a merchant edits a product in the Shopify admin.
    void edit(const QString &gid, const QJsonObject &fields) {
        call("PATCH", QStringLiteral("/_sandbox/products?id=") + gid,
             QJsonDocument(fields).toJson(QJsonDocument::Compact));
    }

    void stop() {
        m_process.kill();
        m_process.waitForFinished(-1);
    }

    QJsonArray requests() { return sandboxRequestLog(m_network, url); }

    QString url;

private:
    QJsonDocument call(const QByteArray &verb, const QString &path, const QByteArray &body = {}) {
        return sandboxJson(m_network, QUrl(url + path), verb, body);
    }

    QProcess m_process;
    QNetworkAccessManager m_network;
};

} // namespace tagdesk::test

#pragma once

// Shared by the Shopify sandbox tests: an in-process sandbox server on a free loopback
// port and a small QNetworkAccessManager client that waits for answers without a time
// limit (machines are noisy; a hang shows up as a hung test, not a flaky one).
#include "catalog/catalogloader.h"
#include "catalog/photos.h"
#include "server/sandboxserver.h"
#include "shopify/shopifyapi.h"
#include "shopify/store.h"
#include "support/testdatabase.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>

namespace tagdesk::sandbox::test {

inline const QString fullToken = QStringLiteral("shpat_sandbox");

// A catalog built in code: `n` products with ids gid://shopify/Product/1001…, cycling
// through types, vendors, statuses and tags, two photos each, in two collections.
inline Catalog syntheticCatalog(int n) {
    Catalog c;
    c.collections = {{QStringLiteral("gid://shopify/Collection/501"), QStringLiteral("summer"),
                      QStringLiteral("Summer")},
                     {QStringLiteral("gid://shopify/Collection/502"), QStringLiteral("shoes"),
                      QStringLiteral("Shoes")}};
    const QStringList types{QStringLiteral("Dress"), QStringLiteral("Shirt"),
                            QStringLiteral("Shoes")};
    const QStringList vendors{QStringLiteral("Acme"), QStringLiteral("Northwind Traders")};
    const QStringList statuses{QStringLiteral("ACTIVE"), QStringLiteral("ACTIVE"),
                               QStringLiteral("DRAFT"), QStringLiteral("ARCHIVED")};
    const QStringList photos = photoNames();
    const QDateTime base(QDate(2025, 1, 1), QTime(12, 0), Qt::UTC);
    for (int i = 0; i < n; ++i) {
        StoreProduct p;
        p.id = QStringLiteral("gid://shopify/Product/%1").arg(1001 + i);
        p.handle = QStringLiteral("product-%1").arg(i);
        p.productType = types.at(i % types.size());
        p.title = QStringLiteral("%1 number %2").arg(p.productType).arg(i);
        p.vendor = vendors.at(i % vendors.size());
        p.status = statuses.at(i % statuses.size());
        p.descriptionHtml = QStringLiteral("<p>A fine %1.</p>").arg(p.productType.toLower());
        p.tags = {QStringLiteral("batch-%1").arg(i % 5)};
        if (i % 2 == 0)
            p.tags.append(QStringLiteral("needs-ai"));
        if (i % 3 == 0)
            p.tags.append(QStringLiteral("summer sale"));
        if (i % 4 == 0)
            p.collectionIds.append(QStringLiteral("gid://shopify/Collection/501"));
        if (p.productType == QLatin1String("Shoes"))
            p.collectionIds.append(QStringLiteral("gid://shopify/Collection/502"));
        for (int m = 0; m < 2; ++m) {
            StoreImage img;
            img.mediaId = QStringLiteral("gid://shopify/MediaImage/%1").arg(50000 + 2 * i + m);
            img.imageId = QStringLiteral("gid://shopify/ImageSource/%1").arg(70000 + 2 * i + m);
            img.photo = photos.isEmpty() ? QStringLiteral("missing.jpg")
                                         : photos.at((2 * i + m) % photos.size());
            img.alt = m == 0 ? QStringLiteral("Front of %1").arg(p.title) : QString();
            img.width = 400;
            img.height = 600;
            p.media.append(img);
        }
        StoreMetafield mf;
        mf.id = QStringLiteral("gid://shopify/Metafield/%1").arg(90000 + i);
        mf.ns = QStringLiteral("tagdesk");
        mf.key = QStringLiteral("colour");
        mf.type = QStringLiteral("single_line_text_field");
        mf.value = i % 2 ? QStringLiteral("navy") : QStringLiteral("red");
        mf.createdAt = base;
        mf.updatedAt = base;
        p.metafields.append(mf);
        p.createdAt = base.addDays(i);
        p.updatedAt = base.addDays(i).addSecs(3600);
        c.products.append(p);
    }
    return c;
}

struct HttpResult {
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonObject data() const { return json().value(QStringLiteral("data")).toObject(); }
    QJsonArray errors() const { return json().value(QStringLiteral("errors")).toArray(); }
    QString firstErrorCode() const {
        return errors()
            .first()
            .toObject()
            .value(QStringLiteral("extensions"))
            .toObject()
            .value(QStringLiteral("code"))
            .toString();
    }
    QJsonObject cost() const {
        return json()
            .value(QStringLiteral("extensions"))
            .toObject()
            .value(QStringLiteral("cost"))
            .toObject();
    }
    QByteArray header(const QByteArray &name) const {
        for (const auto &[k, v] : headers)
            if (k.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        return {};
    }
};

// Waits for a reply to finish, however long that takes.
inline HttpResult finish(QNetworkReply *reply) {
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    HttpResult r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.error = reply->error();
    r.body = reply->readAll();
    r.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return r;
}

// Polls `condition` on the event loop until it holds (no deadline).
template <typename F> void waitUntil(F condition) {
    while (!condition())
        QTest::qWait(10);
}

// A sandbox server on 127.0.0.1 and a client for it.
class SandboxFixture : public ::testing::Test {
protected:
    void start(SandboxConfig config = {}, Catalog catalog = syntheticCatalog(30)) {
        server = std::make_unique<SandboxServer>(std::move(config), std::move(catalog));
        const auto port = server->start();
        ASSERT_TRUE(port.ok()) << qPrintable(port.error().message);
    }

    QUrl url(const QString &path) const { return QUrl(server->baseUrl() + path); }

    HttpResult graphql(const QString &query, const QJsonObject &variables = {},
                       const QString &token = fullToken,
                       const QString &version = QStringLiteral("2026-01")) {
        QNetworkRequest request(QUrl(server->graphqlUrl(version)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        if (!token.isEmpty())
            request.setRawHeader("X-Shopify-Access-Token", token.toUtf8());
        QJsonObject body{{QStringLiteral("query"), query}};
        if (!variables.isEmpty())
            body.insert(QStringLiteral("variables"), variables);
        return finish(nam.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact)));
    }

    HttpResult get(const QUrl &u) { return finish(nam.get(QNetworkRequest(u))); }

    HttpResult send(const QByteArray &verb, const QUrl &u, const QByteArray &body,
                    const QByteArray &contentType = "application/json") {
        QNetworkRequest request(u);
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        return finish(nam.sendCustomRequest(request, verb, body));
    }

    // The store as GET /_sandbox/products shows it, by id.
    QJsonObject sandboxProduct(const QString &id) {
        const HttpResult r = get(url(QStringLiteral("/_sandbox/products?id=") +
                                     QString::fromLatin1(QUrl::toPercentEncoding(id))));
        return r.json().value(QStringLiteral("products")).toArray().first().toObject();
    }

    QNetworkAccessManager nam;
    std::unique_ptr<SandboxServer> server;
};

// Shopify answers' `data.x.y` lookups.
inline QJsonValue at(const QJsonValue &root, std::initializer_list<const char *> path) {
    QJsonValue v = root;
    for (const char *p : path) {
        const QString key = QString::fromLatin1(p);
        bool isIndex = false;
        const int index = key.toInt(&isIndex);
        v = isIndex ? v.toArray().at(index) : v.toObject().value(key);
    }
    return v;
}

} // namespace tagdesk::sandbox::test

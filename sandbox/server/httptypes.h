#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace tagdesk::sandbox {

// One HTTP request as the sandbox's handlers see it, independent of QHttpServer's API
// (which changes between Qt versions; only server/ touches it).
struct SandboxRequest {
    QByteArray method; // "GET", "POST", "PATCH"…
    QString path;      // "/admin/api/2026-01/graphql.json"
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;

    QByteArray header(const QByteArray &lowerCaseName) const {
        return headers.value(lowerCaseName);
    }
};

struct SandboxResponse {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; // extra headers, e.g. Retry-After

    static SandboxResponse json(const QByteArray &body, int status = 200) {
        SandboxResponse r;
        r.status = status;
        r.body = body;
        return r;
    }
};

} // namespace tagdesk::sandbox

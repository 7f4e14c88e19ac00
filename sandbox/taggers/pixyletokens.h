#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace tagdesk::sandbox {

// Pixyle's login hands out JWTs (OpenAPI `bearerFormat: JWT`). The sandbox issues real
// HS256 JWTs with an expiry, signed with its own key, so a client that decodes the token
// or waits for it to expire meets the real thing.
class PixyleTokens {
public:
    enum class Kind { Access, Refresh };
    enum class Check { Valid, Invalid, Expired };

    explicit PixyleTokens(QByteArray signingKey);

    QString issue(const QString &email, Kind kind, const QDateTime &now, qint64 lifetimeSeconds);
    Check verify(const QString &token, Kind kind, const QDateTime &now) const;

private:
    QByteArray sign(const QByteArray &headerAndPayload) const;

    QByteArray m_signingKey;
    qint64 m_issued = 0; // makes every token unique (the `jti` claim)
};

} // namespace tagdesk::sandbox

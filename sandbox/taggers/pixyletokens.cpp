#include "pixyletokens.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

using namespace Qt::StringLiterals;

namespace tagdesk::sandbox {
namespace {

constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QString kindName(PixyleTokens::Kind kind) {
    return kind == PixyleTokens::Kind::Access ? u"access"_s : u"refresh"_s;
}

} // namespace

PixyleTokens::PixyleTokens(QByteArray signingKey)
    : m_signingKey(std::move(signingKey)) {
}

QByteArray PixyleTokens::sign(const QByteArray &headerAndPayload) const {
    return QMessageAuthenticationCode::hash(headerAndPayload, m_signingKey,
                                            QCryptographicHash::Sha256)
        .toBase64(kBase64Url);
}

QString PixyleTokens::issue(const QString &email, Kind kind, const QDateTime &now,
                            qint64 lifetimeSeconds) {
    const QJsonObject header{{u"alg"_s, u"HS256"_s}, {u"typ"_s, u"JWT"_s}};
    const qint64 issuedAt = now.toSecsSinceEpoch();
    const QJsonObject payload{
        {u"sub"_s, email},
        {u"type"_s, kindName(kind)},
        {u"iat"_s, issuedAt},
        {u"exp"_s, issuedAt + lifetimeSeconds},
        {u"jti"_s, QString::number(++m_issued)},
        {u"iss"_s, u"tagdesk-sandbox"_s},
    };
    const QByteArray headerAndPayload =
        QJsonDocument(header).toJson(QJsonDocument::Compact).toBase64(kBase64Url) + '.' +
        QJsonDocument(payload).toJson(QJsonDocument::Compact).toBase64(kBase64Url);
    return QString::fromLatin1(headerAndPayload + '.' + sign(headerAndPayload));
}

PixyleTokens::Check PixyleTokens::verify(const QString &token, Kind kind,
                                         const QDateTime &now) const {
    const QByteArray bytes = token.toLatin1();
    const qsizetype lastDot = bytes.lastIndexOf('.');
    if (lastDot <= 0 || bytes.count('.') != 2)
        return Check::Invalid;
    const QByteArray headerAndPayload = bytes.left(lastDot);
    if (sign(headerAndPayload) != bytes.mid(lastDot + 1))
        return Check::Invalid;
    const auto payloadBytes = QByteArray::fromBase64Encoding(
        headerAndPayload.mid(headerAndPayload.indexOf('.') + 1), kBase64Url);
    const QJsonObject payload = QJsonDocument::fromJson(payloadBytes.decoded).object();
    if (payload.value(u"type"_s).toString() != kindName(kind))
        return Check::Invalid;
    return payload.value(u"exp"_s).toInteger() <= now.toSecsSinceEpoch() ? Check::Expired
                                                                         : Check::Valid;
}

} // namespace tagdesk::sandbox

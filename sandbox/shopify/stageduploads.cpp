#include "shopify/stageduploads.h"

#include <QCryptographicHash>
#include <QUuid>

namespace tagdesk::sandbox {

namespace {

SandboxResponse xmlError(int status, const QString &code, const QString &message) {
    SandboxResponse r;
    r.status = status;
    r.contentType = "application/xml";
    r.body = QStringLiteral("<?xml version='1.0' encoding='UTF-8'?><Error><Code>%1</Code>"
                            "<Message>%2</Message></Error>")
                 .arg(code, message.toHtmlEscaped())
                 .toUtf8();
    return r;
}

} // namespace

QString StagedUploads::signatureFor(const QString &key) const {
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArray(QByteArray("tagdesk-sandbox:") + key.toUtf8()),
                                 QCryptographicHash::Sha256)
            .toHex());
}

StagedUploads::Target StagedUploads::create(const QString &filename, const QString &mimeType,
                                            const QString &httpMethod, const QString &baseUrl) {
    Target t;
    const QString safeName =
        filename.isEmpty() ? QStringLiteral("upload") : filename.section(u'/', -1);
    t.key = QStringLiteral("tmp/%1/bulk/%2/%3")
                .arg(m_next++)
                .arg(QUuid::createUuid().toString(QUuid::WithoutBraces), safeName);
    const QString method = httpMethod.isEmpty() ? QStringLiteral("PUT") : httpMethod;
    m_pending.insert(t.key, method);
    if (method == QLatin1String("POST")) {
        t.url = baseUrl + QStringLiteral("/_sandbox/uploads");
        t.parameters = {{QStringLiteral("Content-Type"), mimeType},
                        {QStringLiteral("success_action_status"), QStringLiteral("201")},
                        {QStringLiteral("acl"), QStringLiteral("private")},
                        {QStringLiteral("key"), t.key},
                        {QStringLiteral("x-goog-algorithm"), QStringLiteral("GOOG4-RSA-SHA256")},
                        {QStringLiteral("x-goog-signature"), signatureFor(t.key)}};
    } else {
        t.url = baseUrl + QStringLiteral("/_sandbox/uploads/") + t.key +
                QStringLiteral("?X-Goog-Signature=") + signatureFor(t.key);
        t.resourceUrl = baseUrl + QStringLiteral("/_sandbox/uploads/") + t.key;
        t.parameters = {{QStringLiteral("content_type"), mimeType},
                        {QStringLiteral("acl"), QStringLiteral("private")}};
    }
    return t;
}

SandboxResponse StagedUploads::receive(const SandboxRequest &request) {
    static const QString prefix = QStringLiteral("/_sandbox/uploads");
    if (request.method == "PUT") {
        const QString key = request.path.mid(prefix.size() + 1);
        if (m_pending.value(key) != QLatin1String("PUT"))
            return xmlError(404, QStringLiteral("NoSuchUpload"),
                            QStringLiteral("No upload target %1 was created").arg(key));
        if (request.query.queryItemValue(QStringLiteral("X-Goog-Signature")) != signatureFor(key))
            return xmlError(403, QStringLiteral("SignatureDoesNotMatch"),
                            QStringLiteral("The request signature does not match"));
        m_files.insert(key, request.body);
        m_pending.remove(key);
        SandboxResponse r;
        r.contentType = "text/plain";
        return r;
    }
    if (request.method != "POST")
        return xmlError(405, QStringLiteral("MethodNotAllowed"),
                        QStringLiteral("Use POST (form) or PUT"));
    const auto parts = parseMultipart(request.header("content-type"), request.body);
    if (!parts)
        return xmlError(400, QStringLiteral("InvalidArgument"),
                        QStringLiteral("Expected a multipart/form-data body"));
    QHash<QString, QByteArray> fields;
    const FormPart *file = nullptr;
    for (const FormPart &p : *parts) {
        if (p.name == QLatin1String("file")) {
            file = &p;
            break; // fields after the file are ignored, as by the storage service
        }
        fields.insert(p.name, p.data);
    }
    const QString key = QString::fromUtf8(fields.value(QStringLiteral("key")));
    if (!file)
        return xmlError(400, QStringLiteral("InvalidArgument"),
                        QStringLiteral("The form has no file part (it must come last)"));
    if (m_pending.value(key) != QLatin1String("POST"))
        return xmlError(400, QStringLiteral("InvalidArgument"),
                        QStringLiteral("No upload target with key '%1' was created").arg(key));
    if (QString::fromUtf8(fields.value(QStringLiteral("x-goog-signature"))) != signatureFor(key))
        return xmlError(403, QStringLiteral("SignatureDoesNotMatch"),
                        QStringLiteral("The request signature does not match"));
    m_files.insert(key, file->data);
    m_pending.remove(key);
    SandboxResponse r;
    r.status = fields.value(QStringLiteral("success_action_status")) == "201" ? 201 : 204;
    r.contentType = "application/xml";
    r.body = QStringLiteral("<?xml version='1.0' encoding='UTF-8'?><PostResponse><Key>%1</Key>"
                            "</PostResponse>")
                 .arg(key.toHtmlEscaped())
                 .toUtf8();
    return r;
}

std::optional<QByteArray> StagedUploads::file(const QString &key) const {
    auto it = m_files.constFind(key);
    if (it == m_files.constEnd())
        return std::nullopt;
    return *it;
}

std::optional<QList<FormPart>> parseMultipart(const QByteArray &contentType,
                                              const QByteArray &body) {
    if (!contentType.startsWith("multipart/form-data"))
        return std::nullopt;
    const qsizetype b = contentType.indexOf("boundary=");
    if (b < 0)
        return std::nullopt;
    QByteArray boundary = contentType.mid(b + 9);
    if (const qsizetype semi = boundary.indexOf(';'); semi >= 0)
        boundary.truncate(semi);
    boundary = boundary.trimmed();
    if (boundary.startsWith('"') && boundary.endsWith('"'))
        boundary = boundary.mid(1, boundary.size() - 2);
    const QByteArray delimiter = QByteArray("--") + boundary;
    QList<FormPart> parts;
    qsizetype pos = body.indexOf(delimiter);
    if (pos < 0)
        return std::nullopt;
    while (true) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            break; // closing delimiter
        if (body.mid(pos, 2) == "\r\n")
            pos += 2;
        const qsizetype headerEnd = body.indexOf("\r\n\r\n", pos);
        if (headerEnd < 0)
            return std::nullopt;
        const qsizetype next = body.indexOf(QByteArray("\r\n" + delimiter), headerEnd + 4);
        if (next < 0)
            return std::nullopt;
        FormPart part;
        for (const QByteArray &line : body.mid(pos, headerEnd - pos).split('\n')) {
            const QByteArray l = line.trimmed();
            const QByteArray lower = l.toLower();
            if (lower.startsWith("content-disposition:")) {
                auto param = [&](const QByteArray &name) {
                    // The parameter name must start a word: `name=` is inside `filename=`.
                    qsizetype at = -1;
                    for (qsizetype from = 0;;) {
                        at = l.indexOf(QByteArray(name + "=\""), from);
                        if (at <= 0 || l.at(at - 1) == ' ' || l.at(at - 1) == ';')
                            break;
                        from = at + 1;
                    }
                    if (at < 0)
                        return QString();
                    const qsizetype start = at + name.size() + 2;
                    return QString::fromUtf8(l.mid(start, l.indexOf('"', start) - start));
                };
                part.name = param("name");
                part.filename = param("filename");
            } else if (lower.startsWith("content-type:")) {
                part.contentType = l.mid(13).trimmed();
            }
        }
        part.data = body.mid(headerEnd + 4, next - headerEnd - 4);
        parts.append(part);
        pos = next + 2;
    }
    return parts;
}

} // namespace tagdesk::sandbox

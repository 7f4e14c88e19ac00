#pragma once

#include "server/httptypes.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace tagdesk::sandbox {

// The storage side of stagedUploadsCreate: hands out upload targets (a signed form POST,
// or a PUT URL) and keeps what is uploaded to them, by key, for bulkOperationRunMutation.
class StagedUploads {
public:
    struct Target {
        QString key;
        QString url;
        QString resourceUrl;
        QList<QPair<QString, QString>> parameters;
    };

    Target create(const QString &filename, const QString &mimeType, const QString &httpMethod,
                  const QString &baseUrl);

    // POST /_sandbox/uploads (multipart form: the parameters, then `file`) or
    // PUT /_sandbox/uploads/<key>. Answers like the storage service: 201/200, or 4xx with
    // an XML error.
    SandboxResponse receive(const SandboxRequest &request);

    std::optional<QByteArray> file(const QString &key) const;

private:
    QString signatureFor(const QString &key) const;

    QHash<QString, QString> m_pending; // key → expected method
    QHash<QString, QByteArray> m_files;
    int m_next = 1;
};

// Splits a multipart/form-data body into named parts (a small parser: the uploads the
// sandbox receives come from Tagdesk's QHttpMultiPart).
struct FormPart {
    QString name;
    QString filename;
    QByteArray contentType;
    QByteArray data;
};
std::optional<QList<FormPart>> parseMultipart(const QByteArray &contentType,
                                              const QByteArray &body);

} // namespace tagdesk::sandbox

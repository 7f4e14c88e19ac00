#pragma once

#include "imagereader.h"

#include "server/httptypes.h"

#include <QJsonObject>
#include <QString>

namespace tagdesk::sandbox {

// Ximilar Fashion Tagging, `POST /tagging/fashion/v2/detect_tags`
// (https://docs.ximilar.com/services/fashion_tagging):
// `Authorization: Token <key>`, up to 10 records each with `_url` or `_base64`; per record
// a `_status` and one detected object with `_tags` per feature and `_tags_simple`; a
// top-level `status` and `statistics`. Auth failures answer as Ximilar's Django REST
// framework does: HTTP 401 with {"detail": …}.
class XimilarEndpoint {
public:
    static constexpr int kMaxRecords = 10;

    XimilarEndpoint(ImageReader &images, QString token);

    SandboxResponse detectTags(const SandboxRequest &request);

private:
    QJsonObject tagRecord(const QJsonObject &record, const QString &requestId);

    ImageReader &m_images;
    QString m_token;
};

} // namespace tagdesk::sandbox

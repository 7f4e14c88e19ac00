#pragma once

#include "server/httptypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <cmath>

namespace tagdesk::sandbox {

// Small helpers the three tagger endpoints share.

inline SandboxResponse jsonAnswer(const QJsonObject &body, int status = 200) {
    return SandboxResponse::json(QJsonDocument(body).toJson(QJsonDocument::Compact), status);
}

// Parses a request body that must be one JSON object.
inline std::optional<QJsonObject> jsonObjectBody(const QByteArray &body) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

// A UUID that is the same every time for the same name: answers stay deterministic while
// looking like the providers' ids.
inline QString stableUuid(const QString &name) {
    static const QUuid sandboxNamespace(0x6b1d2f4a, 0x51c3, 0x4e0f, 0x9a, 0x57, 0x3c, 0x2e, 0x8d,
                                        0x41, 0x70, 0x0b);
    return QUuid::createUuidV5(sandboxNamespace, name).toString(QUuid::WithoutBraces);
}

// Confidences are given to five decimals, as the providers do.
inline double roundedProbability(double value) {
    return std::round(std::clamp(value, 0.0, 1.0) * 100000.0) / 100000.0;
}

} // namespace tagdesk::sandbox

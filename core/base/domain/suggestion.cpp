#include "domain/suggestion.h"

#include <QJsonArray>

namespace tagdesk {

QJsonObject Suggestion::toJson() const {
    QJsonArray alts;
    for (const Alternative &a : alternatives)
        alts.append(QJsonObject{{QStringLiteral("value"), a.value},
                                {QStringLiteral("confidence"), a.confidence}});
    return QJsonObject{{QStringLiteral("attribute"), attribute},
                       {QStringLiteral("value"), value},
                       {QStringLiteral("confidence"), confidence},
                       {QStringLiteral("sourceImageId"), sourceImageId},
                       {QStringLiteral("alternatives"), alts},
                       {QStringLiteral("providerLabel"), providerLabel}};
}

Suggestion Suggestion::fromJson(const QJsonObject &json) {
    Suggestion s;
    s.attribute = json.value(QStringLiteral("attribute")).toString();
    s.value = json.value(QStringLiteral("value")).toString();
    s.confidence = json.value(QStringLiteral("confidence")).toDouble();
    s.sourceImageId = json.value(QStringLiteral("sourceImageId")).toString();
    s.providerLabel = json.value(QStringLiteral("providerLabel")).toString();
    for (const auto &v : json.value(QStringLiteral("alternatives")).toArray()) {
        const QJsonObject a = v.toObject();
        s.alternatives.append({a.value(QStringLiteral("value")).toString(),
                               a.value(QStringLiteral("confidence")).toDouble()});
    }
    return s;
}

} // namespace tagdesk

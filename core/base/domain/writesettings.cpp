#include "domain/writesettings.h"

#include <QJsonArray>

namespace tagdesk {

QJsonObject WriteSettings::toJson() const {
    QJsonObject types;
    for (auto it = metafieldTypes.begin(); it != metafieldTypes.end(); ++it)
        types.insert(it.key(), it.value());
    return {{QStringLiteral("tagTemplate"), tagTemplate},
            {QStringLiteral("removeTags"), QJsonArray::fromStringList(removeTags)},
            {QStringLiteral("metafieldTypes"), types},
            {QStringLiteral("replaceEarlierTags"), replaceEarlierTags},
            {QStringLiteral("metafieldNamespace"), metafieldNamespace},
            {QStringLiteral("metafieldType"), metafieldType},
            {QStringLiteral("productTypeFrom"), productTypeFrom},
            {QStringLiteral("altTemplate"), altTemplate},
            {QStringLiteral("onlyFillEmpty"), onlyFillEmpty}};
}

WriteSettings WriteSettings::fromJson(const QJsonObject &json) {
    WriteSettings s;
    s.tagTemplate = json.value(QStringLiteral("tagTemplate")).toString(s.tagTemplate);
    s.replaceEarlierTags =
        json.value(QStringLiteral("replaceEarlierTags")).toBool(s.replaceEarlierTags);
    s.metafieldNamespace =
        json.value(QStringLiteral("metafieldNamespace")).toString(s.metafieldNamespace);
    s.metafieldType = json.value(QStringLiteral("metafieldType")).toString(s.metafieldType);
    s.productTypeFrom = json.value(QStringLiteral("productTypeFrom")).toString(s.productTypeFrom);
    s.altTemplate = json.value(QStringLiteral("altTemplate")).toString(s.altTemplate);
    s.onlyFillEmpty = json.value(QStringLiteral("onlyFillEmpty")).toBool(s.onlyFillEmpty);
    for (const QJsonValue &t : json.value(QStringLiteral("removeTags")).toArray())
        s.removeTags << t.toString();
    const QJsonObject types = json.value(QStringLiteral("metafieldTypes")).toObject();
    for (auto it = types.begin(); it != types.end(); ++it)
        s.metafieldTypes.insert(it.key(), it.value().toString());
    return s;
}

} // namespace tagdesk

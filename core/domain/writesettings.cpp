#include "domain/writesettings.h"

namespace tagdesk {

QJsonObject WriteSettings::toJson() const {
    return {{QStringLiteral("tagTemplate"), tagTemplate},
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
    return s;
}

} // namespace tagdesk

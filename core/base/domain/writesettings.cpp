#include "domain/writesettings.h"

#include "domain/attribute.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace tagdesk {

const QStringList &WriteSettings::textMetafieldTypes() {
    static const QStringList types{QStringLiteral("single_line_text_field"),
                                   QStringLiteral("multi_line_text_field"),
                                   QStringLiteral("list.single_line_text_field")};
    return types;
}

// The messages keep the context of NewJob, whose rules these were first.
Status WriteSettings::validate() const {
    if (!tagTemplate.contains(QLatin1String("{value}")))
        return Error::invalid(QCoreApplication::translate(
                                  "NewJob", "The tag template \"%1\" has no {value} placeholder")
                                  .arg(tagTemplate));
    if (productTypeFrom != attributes::category && productTypeFrom != attributes::subcategory)
        return Error::invalid(QCoreApplication::translate(
                                  "NewJob", "The product type comes from category or subcategory, "
                                            "not '%1'")
                                  .arg(productTypeFrom));
    // The product query reads back metafields of this one namespace (its cost grows with
    // every namespace read), so a push elsewhere could not be checked.
    if (metafieldNamespace != WriteSettings().metafieldNamespace)
        return Error::invalid(
            QCoreApplication::translate("NewJob", "Metafields are written in the namespace \"%1\"; "
                                                  "\"%2\" is not supported yet")
                .arg(WriteSettings().metafieldNamespace, metafieldNamespace));
    const QStringList &textTypes = textMetafieldTypes();
    QStringList types = metafieldTypes.values();
    types << metafieldType;
    for (const QString &type : types) {
        if (!textTypes.contains(type))
            return Error::invalid(
                QCoreApplication::translate("NewJob",
                                            "Attribute values are text: a metafield type of %1, "
                                            "not '%2'")
                    .arg(textTypes.join(QStringLiteral(", ")), type));
    }
    return {};
}

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

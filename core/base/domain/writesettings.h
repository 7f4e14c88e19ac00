#pragma once

#include "domain/destination.h"
#include "util/result.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace tagdesk {

// How approved values are written, beyond where (Destinations): the job's defaults,
// chosen when it is created and kept with it.
struct WriteSettings {
    // A tag per attribute. {attribute} and {value} are replaced; "colour:red".
    QString tagTemplate = QStringLiteral("{attribute}:{value}");
    // Remove the tag an earlier push wrote for the same attribute ("colour:blue" when
    // writing "colour:red"). Tags Tagdesk did not write are never removed.
    bool replaceEarlierTags = true;
    // Tags the user asked to remove on push (e.g. "needs-tagging"): the only tags Tagdesk
    // removes that it did not write.
    QStringList removeTags;
    // Metafields are written as namespace.attribute with this type, or the attribute's own
    // (e.g. colour → list.single_line_text_field).
    QString metafieldNamespace = QStringLiteral("tagdesk");
    QString metafieldType = QStringLiteral("single_line_text_field");
    QMap<QString, QString> metafieldTypes;
    QString metafieldTypeFor(const QString &attribute) const {
        return metafieldTypes.value(attribute, metafieldType);
    }
    // The attribute whose value becomes the product type: category or subcategory.
    QString productTypeFrom = QStringLiteral("category");
    // Alt text per image: {title} and any {attribute}; placeholders without a value
    // vanish with their surrounding spaces.
    QString altTemplate = QStringLiteral("{title} – {colour} {pattern} {category}");
    // Write only into what is empty: no type over a type, no alt over an alt, no metafield
    // over a metafield, no tag for an attribute that already has one.
    bool onlyFillEmpty = false;

    // Why these settings cannot be used for a job, or ok: the tag template needs {value},
    // the type comes from category or subcategory, metafields are in Tagdesk's namespace
    // and of a text type.
    Status validate() const;
    // The metafield types an attribute's text can be written as.
    static const QStringList &textMetafieldTypes();

    QJsonObject toJson() const;
    // Keys that are missing keep their defaults, so older jobs read fine.
    static WriteSettings fromJson(const QJsonObject &json);

    friend bool operator==(const WriteSettings &, const WriteSettings &) = default;
};

} // namespace tagdesk

#include "schemaanswer.h"

#include "taggerjson.h"

#include "catalog/stablehash.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace tagdesk::sandbox {
namespace {

// Schemas nest; a cycle through `$ref` must not recurse for ever.
constexpr int kMaxDepth = 12;

QString normalised(const QString &text) {
    QString result;
    for (const QChar c : text.toLower())
        if (c.isLetterOrNumber())
            result += c;
    return result;
}

// The schema's types, and whether null is one of them (`"type": ["string", "null"]`).
struct SchemaType {
    QString type;
    bool nullable = false;
};

SchemaType typeOf(const QJsonObject &schema) {
    SchemaType result;
    const QJsonValue type = schema.value(u"type"_s);
    if (type.isArray()) {
        const QJsonArray types = type.toArray();
        for (const QJsonValue &each : types) {
            if (each.toString() == u"null"_s)
                result.nullable = true;
            else if (result.type.isEmpty())
                result.type = each.toString();
        }
    } else {
        result.type = type.toString();
        result.nullable = result.type == u"null"_s;
    }
    const QJsonArray values = schema.value(u"enum"_s).toArray();
    for (const QJsonValue &value : values)
        if (value.isNull())
            result.nullable = true;
    if (result.type.isEmpty()) {
        if (schema.contains(u"properties"_s))
            result.type = u"object"_s;
        else if (schema.contains(u"items"_s))
            result.type = u"array"_s;
        else if (schema.contains(u"enum"_s))
            result.type = u"string"_s;
    }
    return result;
}

// Resolves `{"$ref": "#/$defs/x"}` against the root schema.
QJsonObject resolved(const QJsonObject &schema, const QJsonObject &rootSchema) {
    const QString reference = schema.value(u"$ref"_s).toString();
    if (!reference.startsWith(u"#"_s))
        return schema;
    QJsonValue target = rootSchema;
    const QStringList path = reference.mid(1).split(u'/', Qt::SkipEmptyParts);
    for (const QString &step : path)
        target = target.toObject().value(step);
    return target.toObject();
}

// An enum value as compared with what the image shows: a category path ("Apparel &
// Accessories > Clothing > Dresses") by its last part.
QString offeredWord(const QJsonValue &value) {
    return normalised(value.toString().section(u" > "_s, -1));
}

// The enum value that best matches one of the candidates, most preferred candidate first.
std::optional<QJsonValue> enumMatch(const QJsonArray &values, const QStringList &candidates) {
    for (const QString &candidate : candidates) {
        const QString wanted = normalised(candidate);
        for (const QJsonValue &value : values)
            if (value.isString() && offeredWord(value) == wanted)
                return value;
    }
    for (const QString &candidate : candidates) {
        const QString wanted = normalised(candidate);
        if (wanted.size() < 3)
            continue;
        for (const QJsonValue &value : values) {
            const QString offered = offeredWord(value);
            if (value.isString() && offered.size() >= 3 &&
                (offered.contains(wanted) || wanted.contains(offered)))
                return value;
        }
    }
    return std::nullopt;
}

// For an enum none of whose values fits: its catch-all value, or null, or its first value.
QJsonValue enumFallback(const QJsonArray &values, bool nullable) {
    if (const auto other = enumMatch(values, {u"other"_s, u"unknown"_s, u"none"_s}))
        return *other;
    if (nullable)
        return QJsonValue::Null;
    return values.isEmpty() ? QJsonValue(QString()) : values.first();
}

QString capitalised(QString text) {
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

} // namespace

SchemaAnswer::SchemaAnswer(const ImageReading &image)
    : m_image(image) {
}

SchemaAnswer::Meaning SchemaAnswer::meaningOf(const QString &propertyName) {
    const QString name = normalised(propertyName);
    if (name == u"alt"_s || name.startsWith(u"alt"_s))
        return Meaning::AltText;
    if (name.contains(u"colo"_s))
        return Meaning::Colour;
    if (name.contains(u"pattern"_s) || name.contains(u"print"_s))
        return Meaning::Pattern;
    if (name.contains(u"sleeve"_s))
        return Meaning::Sleeves;
    if (name.contains(u"confidence"_s) || name.contains(u"score"_s) || name.contains(u"prob"_s))
        return Meaning::Confidence;
    if (name.contains(u"categor"_s) || name.contains(u"garment"_s) || name == u"type"_s ||
        name == u"producttype"_s || name == u"itemtype"_s || name == u"kind"_s ||
        name == u"class"_s)
        return Meaning::Category;
    if (name.contains(u"desc"_s))
        return Meaning::Description;
    if (name.contains(u"title"_s) || name == u"name"_s)
        return Meaning::Title;
    if (name.contains(u"tag"_s) || name.contains(u"keyword"_s))
        return Meaning::Tags;
    return Meaning::Unknown;
}

QString SchemaAnswer::garmentNoun() const {
    const GarmentTerms *garment = m_image.garment();
    return garment ? garment->noun : u"garment"_s;
}

QString SchemaAnswer::colourWords() const {
    const ImageAnalysis &analysis = m_image.analysis;
    if (analysis.plain || analysis.colours.size() < 2)
        return analysis.mainColour().name;
    return analysis.mainColour().name + u" and "_s + analysis.colours.at(1).name;
}

QString SchemaAnswer::sentence() const {
    const QString pattern = m_image.analysis.plain ? u"in a plain colour"_s : u"with a pattern"_s;
    return capitalised(colourWords()) + u' ' + garmentNoun() + u' ' + pattern + u'.';
}

QStringList SchemaAnswer::candidates(Meaning meaning) const {
    const GarmentTerms *garment = m_image.garment();
    const ImageAnalysis &analysis = m_image.analysis;
    switch (meaning) {
    case Meaning::Category:
        return garment ? garment->synonyms + QStringList{garment->productType, garment->label}
                       : QStringList{};
    case Meaning::Colour: {
        // The palette says "grey"; a schema may list American spellings (Shopify's "Gray").
        QStringList colours{analysis.mainColour().name, analysis.mainColour().family};
        for (const QString &colour : QStringList(colours))
            colours
                << QString(colour).replace(u"grey"_s, u"gray"_s).replace(u"colour"_s, u"color"_s);
        colours.removeDuplicates();
        return colours;
    }
    case Meaning::Pattern:
        return analysis.plain
                   ? QStringList{u"plain"_s, u"solid"_s}
                   : QStringList{u"patterned"_s, u"print"_s, u"printed"_s, u"multicolor"_s};
    case Meaning::Sleeves:
        if (!garment || garment->sleeves.isEmpty())
            return {};
        return {garment->sleeves, garment->sleeves + u"_sleeve"_s,
                u"sleeves "_s + garment->sleeves};
    case Meaning::AltText:
        return {capitalised(colourWords()) + u' ' + garmentNoun() + u" on a plain background"_s};
    case Meaning::Description:
        return {sentence()};
    case Meaning::Title:
        return {capitalised(analysis.mainColour().name) + u' ' + capitalised(garmentNoun())};
    case Meaning::Tags:
        return listCandidates(Meaning::Tags);
    case Meaning::Confidence:
    case Meaning::Unknown:
        return {};
    }
    return {};
}

QStringList SchemaAnswer::listCandidates(Meaning meaning) const {
    const ImageAnalysis &analysis = m_image.analysis;
    switch (meaning) {
    case Meaning::Colour: {
        QStringList colours;
        for (const GarmentColour &colour : analysis.colours)
            if ((colours.isEmpty() || colour.share >= 0.1) && colours.size() < 3)
                colours << colour.name;
        return colours;
    }
    case Meaning::Tags: {
        QStringList tags;
        if (const GarmentTerms *garment = m_image.garment())
            tags << garment->noun;
        tags << analysis.mainColour().name << (analysis.plain ? u"plain"_s : u"patterned"_s);
        return tags;
    }
    default:
        return candidates(meaning).mid(0, 1);
    }
}

QJsonValue SchemaAnswer::valueFor(const QJsonObject &schemaOrReference, Meaning meaning,
                                  const QJsonObject &rootSchema, int depth) const {
    if (depth > kMaxDepth)
        return QJsonValue::Null;
    QJsonObject schema = resolved(schemaOrReference, rootSchema);
    if (schema.contains(u"const"_s))
        return schema.value(u"const"_s);
    bool nullableByAnyOf = false;
    if (schema.value(u"anyOf"_s).isArray()) {
        const QJsonArray options = schema.value(u"anyOf"_s).toArray();
        QJsonObject chosen;
        for (const QJsonValue &option : options) {
            const QJsonObject each = resolved(option.toObject(), rootSchema);
            if (typeOf(each).type.isEmpty() && typeOf(each).nullable)
                nullableByAnyOf = true;
            else if (chosen.isEmpty())
                chosen = each;
        }
        schema = chosen;
    }
    SchemaType type = typeOf(schema);
    type.nullable = type.nullable || nullableByAnyOf;
    const QJsonArray enumValues = schema.value(u"enum"_s).toArray();

    if (type.type == u"object"_s) {
        QJsonObject object;
        const QJsonObject properties = schema.value(u"properties"_s).toObject();
        for (auto it = properties.begin(); it != properties.end(); ++it)
            object.insert(it.key(), valueFor(it.value().toObject(), meaningOf(it.key()), rootSchema,
                                             depth + 1));
        return object;
    }
    if (type.type == u"array"_s) {
        const QJsonObject items = resolved(schema.value(u"items"_s).toObject(), rootSchema);
        const QString itemType = typeOf(items).type;
        // A list of objects or numbers: one element built from the item schema.
        if (!itemType.isEmpty() && itemType != u"string"_s)
            return QJsonArray{valueFor(items, meaning, rootSchema, depth + 1)};
        const QJsonArray itemEnum = items.value(u"enum"_s).toArray();
        QJsonArray values;
        for (const QString &candidate : listCandidates(meaning)) {
            QJsonValue value = candidate;
            if (!itemEnum.isEmpty()) {
                const auto match = enumMatch(itemEnum, {candidate});
                if (!match)
                    continue;
                value = *match;
            }
            if (!values.contains(value))
                values.append(value);
        }
        return values;
    }
    if (type.type == u"number"_s || type.type == u"integer"_s) {
        if (meaning != Meaning::Confidence)
            return type.nullable ? QJsonValue::Null : QJsonValue(0);
        const double confidence = stableFraction(m_image.sha1 + u"confidence"_s, 0.8, 0.97);
        return type.type == u"integer"_s ? QJsonValue(qRound(confidence * 100))
                                         : QJsonValue(roundedProbability(confidence));
    }
    if (type.type == u"boolean"_s)
        return type.nullable ? QJsonValue::Null : QJsonValue(false);
    if (type.type == u"string"_s) {
        const QStringList wanted = candidates(meaning);
        if (!enumValues.isEmpty()) {
            if (const auto match = enumMatch(enumValues, wanted))
                return *match;
            // What an image cannot tell (material, neckline) is unsaid, not "other".
            if (meaning == Meaning::Unknown && type.nullable)
                return QJsonValue::Null;
            return enumFallback(enumValues, type.nullable);
        }
        if (!wanted.isEmpty())
            return wanted.first();
        return type.nullable ? QJsonValue::Null : QJsonValue(u"unknown"_s);
    }
    return QJsonValue::Null;
}

QJsonValue SchemaAnswer::answer(const QJsonObject &rootSchema) const {
    return valueFor(rootSchema, Meaning::Unknown, rootSchema, 0);
}

QJsonObject SchemaAnswer::freeFormAnswer() const {
    QJsonObject answer;
    if (const GarmentTerms *garment = m_image.garment())
        answer.insert(u"category"_s, garment->noun);
    answer.insert(u"colors"_s, QJsonArray::fromStringList(listCandidates(Meaning::Colour)));
    answer.insert(u"pattern"_s, m_image.analysis.plain ? u"plain"_s : u"patterned"_s);
    answer.insert(u"alt_text"_s, candidates(Meaning::AltText).first());
    return answer;
}

} // namespace tagdesk::sandbox

#include "taggers/openaiattributes.h"

#include "domain/attribute.h"
#include "domain/standardtaxonomy.h"
#include "domain/taxonomyvocabulary.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace tagdesk::openai {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(OpenAiTagger)
};

const QLatin1String kConfidence("confidence");
// Enough to hold a category's children and siblings (Clothing has 21 children) and the
// level above, well inside the 500 enum values a strict schema may have in all
// (https://platform.openai.com/docs/guides/structured-outputs#supported-schemas).
constexpr int kNearbyCategories = 40;

QStringList words(std::initializer_list<const char *> list) {
    QStringList out;
    for (const char *w : list)
        out << QLatin1String(w);
    return out;
}

QJsonObject valueSchema(const AskedAttribute &a) {
    QJsonObject schema;
    if (a.nullable)
        schema.insert(QStringLiteral("type"),
                      QJsonArray{QStringLiteral("string"), QStringLiteral("null")});
    else
        schema.insert(QStringLiteral("type"), QStringLiteral("string"));
    if (!a.allowed.isEmpty()) {
        QJsonArray values = QJsonArray::fromStringList(a.allowed);
        if (a.nullable)
            values.append(QJsonValue::Null);
        schema.insert(QStringLiteral("enum"), values);
    }
    schema.insert(QStringLiteral("description"), a.description);
    return schema;
}

QString describe(const QJsonValue &v) {
    if (v.isString())
        return QLatin1Char('\'') + v.toString().left(40) + QLatin1Char('\'');
    if (v.isDouble())
        return QString::number(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isNull())
        return QStringLiteral("null");
    if (v.isArray())
        return Texts::tr("a list");
    if (v.isObject())
        return Texts::tr("an object");
    return Texts::tr("nothing");
}

// The problem with one attribute's entry, or an empty string.
QString checkEntry(const AskedAttribute &a, const QJsonValue &entry) {
    if (entry.isUndefined())
        return Texts::tr("'%1' is missing").arg(a.attribute);
    if (!entry.isObject())
        return Texts::tr("'%1' should be an object with '%1' and 'confidence', not %2")
            .arg(a.attribute, describe(entry));
    const QJsonObject o = entry.toObject();
    const QJsonValue value = o.value(a.attribute);
    if (value.isUndefined())
        return Texts::tr("'%1' has no '%1' value").arg(a.attribute);
    if (value.isNull()) {
        if (!a.nullable)
            return Texts::tr("'%1' is null, but a value is required").arg(a.attribute);
    } else if (!value.isString()) {
        return Texts::tr("'%1' should be text or null, not %2").arg(a.attribute, describe(value));
    } else if (!a.allowed.isEmpty() && !a.allowed.contains(value.toString())) {
        return Texts::tr("'%1' is %2, which is not one of: %3")
            .arg(a.attribute, describe(value), a.allowed.join(QStringLiteral(", ")));
    }
    const QJsonValue confidence = o.value(kConfidence);
    if (!confidence.isDouble())
        return Texts::tr("the confidence of '%1' should be a number, not %2")
            .arg(a.attribute, describe(confidence));
    if (confidence.toDouble() < 0.0 || confidence.toDouble() > 1.0)
        return Texts::tr("the confidence of '%1' is %2, outside 0 to 1")
            .arg(a.attribute)
            .arg(confidence.toDouble());
    return {};
}
} // namespace

const Question &generalQuestion() {
    static const Question general{
        {},
        QList<AskedAttribute>{
            {attributes::category,
             words({"dress",  "top",      "t-shirt",   "shirt",    "blouse",   "sweater",
                    "hoodie", "jacket",   "coat",      "trousers", "jeans",    "shorts",
                    "skirt",  "jumpsuit", "shoes",     "boots",    "sneakers", "sandals",
                    "hat",    "bag",      "accessory", "other"}),
             false, QStringLiteral("The kind of product shown")},
            {attributes::subcategory,
             {},
             true,
             QStringLiteral("A more specific kind, in a few words (e.g. 'midi dress', 'chinos')")},
            {attributes::colour,
             {},
             false,
             QStringLiteral("The product's main colour as a plain colour name (e.g. navy, grey, "
                            "beige)")},
            {attributes::pattern,
             words({"plain", "striped", "checked", "floral", "dotted", "animal", "camouflage",
                    "printed", "other"}),
             true, QStringLiteral("The pattern of the fabric")},
            {attributes::material,
             {},
             true,
             QStringLiteral("The main material if it can be seen (e.g. denim, leather, knit)")},
            {attributes::sleeveLength, words({"sleeveless", "short", "three-quarter", "long"}),
             true, QStringLiteral("Sleeve length; null when the product has no sleeves to judge")},
            {attributes::length,
             {},
             true,
             QStringLiteral("The product's length (e.g. mini, midi, maxi, cropped, ankle)")},
            {attributes::neckline,
             {},
             true,
             QStringLiteral("The neckline or collar (e.g. crew, v-neck, collar, hood)")},
            {attributes::style,
             {},
             true,
             QStringLiteral("The style in one or two words (e.g. casual, formal, sporty)")},
            {attributes::gender, words({"women", "men", "unisex", "kids"}), true,
             QStringLiteral("Who the product is made for")},
            {attributes::fit,
             {},
             true,
             QStringLiteral("The fit (e.g. slim, regular, relaxed, oversized)")},
        }};
    return general;
}

Question question(const QString &categoryId) {
    const StandardTaxonomy &taxonomy = StandardTaxonomy::instance();
    const TaxonomyCategory *category = taxonomy.categoryById(categoryId);
    if (!category)
        return generalQuestion();
    Question asked{category->shortId(), generalQuestion().attributes};
    for (AskedAttribute &a : asked.attributes) {
        if (a.attribute == attributes::gender)
            continue;
        const QString handle = vocabulary::taxonomyAttribute(a.attribute);
        const TaxonomyAttribute *attribute = taxonomy.attribute(handle);
        if (!attribute || !category->attributeHandles.contains(handle))
            continue;
        a.allowed.clear();
        for (const TaxonomyValue &value : attribute->values)
            a.allowed << value.name;
        a.description += QStringLiteral(", in Shopify's words for %1").arg(category->name());
    }
    QStringList nearby;
    for (const TaxonomyCategory *each : taxonomy.nearbyCategories(category->id, kNearbyCategories))
        nearby << each->fullName;
    asked.attributes.insert(
        1, {attributes::shopifyCategory, nearby, false,
            QStringLiteral("The product's category in Shopify's product taxonomy. The shop files "
                           "it under \"%1\"; keep that unless the photo shows another kind of "
                           "product")
                .arg(category->fullName)});
    return asked;
}

QJsonObject responseSchema(const Question &question) {
    QJsonObject properties;
    QJsonArray required;
    for (const AskedAttribute &a : question.attributes) {
        properties.insert(
            a.attribute,
            QJsonObject{
                {QStringLiteral("type"), QStringLiteral("object")},
                {QStringLiteral("additionalProperties"), false},
                {QStringLiteral("required"), QJsonArray{a.attribute, QString(kConfidence)}},
                {QStringLiteral("properties"),
                 QJsonObject{{a.attribute, valueSchema(a)},
                             {QString(kConfidence),
                              QJsonObject{{QStringLiteral("type"), QStringLiteral("number")},
                                          {QStringLiteral("description"),
                                           QStringLiteral("How sure you are, from 0 to 1")}}}}}});
        required.append(a.attribute);
    }
    return {{QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("additionalProperties"), false},
            {QStringLiteral("required"), required},
            {QStringLiteral("properties"), properties}};
}

QString prompt(const Question &question) {
    QStringList lines{QStringLiteral(
        "Tag the fashion product in this photo for an online shop. Answer with one JSON "
        "object only. For each attribute below give an object with the value under the "
        "attribute's own name and a \"confidence\" from 0 to 1, for example "
        "{\"colour\": {\"colour\": \"navy\", \"confidence\": 0.9}}. Use null as the value "
        "when the photo does not show it. Attributes:")};
    for (const AskedAttribute &a : question.attributes) {
        QString line = QStringLiteral("- ") + a.attribute + QStringLiteral(": ") + a.description;
        if (!a.allowed.isEmpty())
            line += QStringLiteral(" (one of: ") + a.allowed.join(QStringLiteral(", ")) +
                    QLatin1Char(')');
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

QString questionHash(const Question &question) {
    const QByteArray text = prompt(question).toUtf8() +
                            QJsonDocument(responseSchema(question)).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(
        QCryptographicHash::hash(text, QCryptographicHash::Sha1).toHex().left(12));
}

namespace {
Result<QJsonObject> answerObject(const QByteArray &content) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(content, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Error::failed(
            Texts::tr("The model's answer is not the JSON object asked for: \"%1\"")
                .arg(QString::fromUtf8(content.left(80)).simplified()));
    return document.object();
}

Result<QList<ProviderLabel>> labelsOf(const QJsonObject &answer,
                                      const QList<AskedAttribute> &asked) {
    QStringList problems;
    QList<ProviderLabel> labels;
    for (const AskedAttribute &a : asked) {
        const QJsonValue entry = answer.value(a.attribute);
        if (const QString problem = checkEntry(a, entry); !problem.isEmpty()) {
            problems << problem;
            continue;
        }
        const QJsonObject o = entry.toObject();
        const QString value = o.value(a.attribute).toString().trimmed();
        if (!value.isEmpty())
            labels.append({a.attribute, value, o.value(kConfidence).toDouble()});
    }
    if (!problems.isEmpty())
        return Error::failed(Texts::tr("The model's answer does not have the shape asked for: %1")
                                 .arg(problems.mid(0, 3).join(QStringLiteral("; "))));
    return labels;
}
} // namespace

Result<QList<ProviderLabel>> contentLabels(const QByteArray &content, const Question &question) {
    const auto answer = answerObject(content);
    if (!answer)
        return answer.error();
    return labelsOf(answer.value(), question.attributes);
}

Result<QList<ProviderLabel>> storedContentLabels(const QByteArray &content) {
    const auto answer = answerObject(content);
    if (!answer)
        return answer.error();
    QList<AskedAttribute> anyValue = generalQuestion().attributes;
    if (answer->contains(attributes::shopifyCategory))
        anyValue.insert(1, {attributes::shopifyCategory, {}, false, {}});
    for (AskedAttribute &a : anyValue)
        a.allowed.clear();
    return labelsOf(answer.value(), anyValue);
}

} // namespace tagdesk::openai

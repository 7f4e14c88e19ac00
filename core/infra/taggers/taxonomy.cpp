#include "taggers/taxonomy.h"

#include "domain/attribute.h"
#include "domain/taxonomyvocabulary.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace tagdesk {

namespace {

// Provider feature names (lower-cased) → Tagdesk attributes. Shared by all providers:
// their names overlap ("color"/"Color"), and a name only one uses does no harm here.
const QHash<QString, QString> &featureMap() {
    static const QHash<QString, QString> map{
        {QStringLiteral("category"), attributes::category},
        {QStringLiteral("top category"), attributes::category},
        {QStringLiteral("subcategory"), attributes::subcategory},
        {QStringLiteral("color"), attributes::colour},
        {QStringLiteral("colour"), attributes::colour},
        {QStringLiteral("main color"), attributes::colour},
        {QStringLiteral("pattern"), attributes::pattern},
        {QStringLiteral("design"), attributes::pattern},
        {QStringLiteral("material"), attributes::material},
        {QStringLiteral("fabric"), attributes::material},
        {QStringLiteral("sleeves"), attributes::sleeveLength},
        {QStringLiteral("sleeve length"), attributes::sleeveLength},
        {QStringLiteral("length"), attributes::length},
        {QStringLiteral("neckline"), attributes::neckline},
        {QStringLiteral("collar"), attributes::neckline}, // Pixyle: "round-neck", "v-neck"
        {QStringLiteral("neck"), attributes::neckline},
        {QStringLiteral("style"), attributes::style},
        {QStringLiteral("gender"), attributes::gender},
        {QStringLiteral("fit"), attributes::fit},
        // The OpenAI-compatible tagger's choice among Shopify's categories (a full name).
        {QStringLiteral("shopify category"), attributes::shopifyCategory},
    };
    return map;
}

// Ximilar's combined feature holds both patterns and materials.
const QStringList &materials() {
    static const QStringList m{
        QStringLiteral("denim"),   QStringLiteral("knitted"), QStringLiteral("lace"),
        QStringLiteral("leather"), QStringLiteral("suede"),   QStringLiteral("wool"),
        QStringLiteral("cotton"),  QStringLiteral("linen"),   QStringLiteral("silk"),
        QStringLiteral("satin"),   QStringLiteral("velvet"),  QStringLiteral("fur"),
        QStringLiteral("sequins"), QStringLiteral("corduroy")};
    return m;
}

QString sleeveValue(const QString &v) {
    // "sleeves long", "long-sleeve", "long sleeves", "sleeves 3/4", "sleeveless"
    if (v.contains(QLatin1String("sleeveless")) || v == QLatin1String("no sleeves"))
        return QStringLiteral("sleeveless");
    if (v.contains(QLatin1String("3/4")) || v.contains(QLatin1String("three-quarter")))
        return QStringLiteral("three-quarter");
    if (v.contains(QLatin1String("long")))
        return QStringLiteral("long");
    if (v.contains(QLatin1String("short")))
        return QStringLiteral("short");
    return v;
}

QString colourValue(const QString &v) {
    // Providers say "gray", catalogues in en-GB say "grey"; Tagdesk's palette uses grey.
    QString c = v;
    c.replace(QLatin1String("gray"), QLatin1String("grey"));
    return c;
}

QString featureKey(const QString &feature) {
    QString key = feature.trimmed().toLower();
    key.replace(QLatin1Char('-'), QLatin1Char(' '));
    key.replace(QLatin1Char('_'), QLatin1Char(' ')); // Pixyle: "sleeve_length", "tops_length"
    return key;
}

// Pixyle names the length per kind of garment ("jackets_length", "tops_length",
// "dresses_length"); all of them are the garment's length.
bool isGarmentLengthFeature(const QString &key) {
    return key.endsWith(QLatin1String(" length")) && key != QLatin1String("sleeve length");
}

// Pixyle qualifies some values with the garment they belong to: "medium__jacket".
QString withoutGarmentQualifier(const QString &value) {
    const qsizetype qualifier = value.indexOf(QLatin1String("__"));
    return qualifier > 0 ? value.left(qualifier) : value;
}

// Adds `value` to the suggestion's alternatives unless it is the suggestion or one already.
void addAlternative(Suggestion &s, const QString &value, double confidence) {
    if (value != s.value && std::none_of(s.alternatives.begin(), s.alternatives.end(),
                                         [&](const Alternative &a) { return a.value == value; }))
        s.alternatives.append({value, confidence});
}

} // namespace

QString Taxonomy::normaliseValue(const QString &value) {
    QString v = value.trimmed().toLower();
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    v.replace(spaces, QStringLiteral(" "));
    return v;
}

Taxonomy::Mapped Taxonomy::map(TaggerKind tagger, const QString &feature, const QString &value) {
    (void)tagger; // one vocabulary serves every provider so far; the parameter keeps room
    const QString key = featureKey(feature);
    QString v = normaliseValue(value);

    if (key == QLatin1String("pattern and material"))
        return {materials().contains(v) ? attributes::material : attributes::pattern, v};

    if (isGarmentLengthFeature(key))
        return {attributes::length, withoutGarmentQualifier(v)};

    const auto known = featureMap().constFind(key);
    if (known == featureMap().cend()) {
        QString attribute = key;
        attribute.replace(QLatin1Char(' '), QLatin1Char('_'));
        return {attribute, v};
    }
    const QString &attribute = *known;
    // A Shopify category keeps the taxonomy's spelling of its full name.
    if (attribute == attributes::shopifyCategory) {
        const TaxonomyCategory *category =
            StandardTaxonomy::instance().categoryByFullName(value.trimmed());
        return {attribute, category ? category->fullName : value.trimmed()};
    }
    // Category paths ("Clothing/Dresses"): the most specific part carries the meaning.
    if (attribute == attributes::category || attribute == attributes::subcategory)
        v = v.section(QLatin1Char('/'), -1).trimmed();
    else if (attribute == attributes::sleeveLength)
        v = sleeveValue(v);
    else if (attribute == attributes::colour)
        v = colourValue(v);
    else if (attribute == attributes::fit &&
             (v.endsWith(QLatin1String("-fit")) || v.endsWith(QLatin1String(" fit"))))
        v.chop(4); // Pixyle: "slim-fit", older answers "slim fit"
    return {attribute, v};
}

QList<Suggestion> Taxonomy::suggestions(TaggerKind tagger, const QList<ProviderLabel> &labels,
                                        const QString &sourceImageId, const QStringList &wanted) {
    struct Candidate {
        QString value;
        double confidence;
        QString providerLabel;
    };
    QStringList order; // attributes in the order the provider first mentioned them
    QHash<QString, QList<Candidate>> byAttribute;
    for (const ProviderLabel &label : labels) {
        if (label.value.trimmed().isEmpty())
            continue;
        const Mapped m = map(tagger, label.feature, label.value);
        if (!attributes::isWanted(wanted, m.attribute))
            continue;
        QList<Candidate> &list = byAttribute[m.attribute];
        if (list.isEmpty())
            order << m.attribute;
        auto same = std::find_if(list.begin(), list.end(),
                                 [&](const Candidate &c) { return c.value == m.value; });
        if (same == list.end())
            list.append({m.value, std::clamp(label.confidence, 0.0, 1.0),
                         label.feature + QStringLiteral(": ") + label.value});
        else
            same->confidence = std::max(same->confidence, std::clamp(label.confidence, 0.0, 1.0));
    }

    QList<Suggestion> out;
    for (const QString &attribute : order) {
        QList<Candidate> list = byAttribute.value(attribute);
        std::stable_sort(list.begin(), list.end(), [](const Candidate &a, const Candidate &b) {
            return a.confidence > b.confidence;
        });
        Suggestion s;
        s.attribute = attribute;
        s.value = list.first().value;
        s.confidence = list.first().confidence;
        s.sourceImageId = sourceImageId;
        s.providerLabel = list.first().providerLabel;
        for (qsizetype i = 1; i < list.size(); ++i)
            s.alternatives.append({list[i].value, list[i].confidence});
        out.append(s);
    }
    if (attributes::isWanted(wanted, attributes::shopifyCategory)) {
        const auto derived = shopifyCategory(out);
        const auto chosen = std::find_if(out.begin(), out.end(), [](const Suggestion &s) {
            return s.attribute == attributes::shopifyCategory;
        });
        if (chosen == out.end()) {
            if (derived)
                out.append(*derived);
        } else if (derived) {
            // The tagger chose among Shopify's categories itself; what its garment word
            // stands for is one more alternative, with that word's confidence.
            addAlternative(*chosen, derived->value, derived->confidence);
            for (const Alternative &nearby : derived->alternatives)
                addAlternative(*chosen, nearby.value, nearby.confidence);
        }
    }
    return out;
}

std::optional<Suggestion> Taxonomy::shopifyCategory(const QList<Suggestion> &suggestions) {
    // A subcategory ("midi dresses", "jeans") is the more specific word when it has a
    // counterpart; the category ("dresses", "pants") otherwise.
    for (const QString &from : {attributes::subcategory, attributes::category}) {
        const auto source = std::find_if(suggestions.begin(), suggestions.end(),
                                         [&](const Suggestion &s) { return s.attribute == from; });
        if (source == suggestions.end())
            continue;
        const CategoryMatch match = vocabulary::matchCategory(source->value);
        if (!match.matched())
            continue;
        Suggestion s;
        s.attribute = attributes::shopifyCategory;
        s.value = match.best.fullName;
        s.confidence = source->confidence;
        s.sourceImageId = source->sourceImageId;
        s.providerLabel = source->providerLabel.isEmpty() ? source->value : source->providerLabel;
        // The tagger's other guesses first, with its confidence in them; then the nearby
        // categories of the same word (a child's dress, a maternity dress), which the tagger
        // did not weigh, at half its confidence.
        for (const Alternative &other : source->alternatives) {
            const CategoryMatch m = vocabulary::matchCategory(other.value);
            if (m.matched())
                addAlternative(s, m.best.fullName, other.confidence);
        }
        for (const TaxonomyCategoryChoice &nearby : match.alternatives)
            addAlternative(s, nearby.fullName, source->confidence / 2);
        return s;
    }
    return std::nullopt;
}

} // namespace tagdesk

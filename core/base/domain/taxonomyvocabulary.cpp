#include "domain/taxonomyvocabulary.h"

#include "domain/attribute.h"
#include "domain/colour.h"

#include <QHash>
#include <QRegularExpression>

#include <initializer_list>

namespace tagdesk::vocabulary {

namespace {

constexpr qsizetype kMaxAlternatives = 3;

// "  T-Shirts_SS " → "t shirts ss": providers write the same word with hyphens,
// underscores or spaces ("v-neck", "v neck", "long_sleeve_top").
QString key(const QString &label) {
    QString k = label.trimmed().toLower();
    k.replace(QLatin1Char('-'), QLatin1Char(' '));
    k.replace(QLatin1Char('_'), QLatin1Char(' '));
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    k.replace(spaces, QStringLiteral(" "));
    return k;
}

// Category labels → full names in the taxonomy, most specific sensible first. Written for
// the labels the taggers give (tests/unit/test_taxonomyvocabulary.cpp lists them); a label
// not here is matched by a category's own name, if one has it.
const QHash<QString, QStringList> &categoryTable() {
    const QString clothing = QStringLiteral("Apparel & Accessories > Clothing");
    const QString tops = clothing + QStringLiteral(" > Clothing Tops");
    const QString outerwear = clothing + QStringLiteral(" > Outerwear");
    const QString coatsJackets = outerwear + QStringLiteral(" > Coats & Jackets");
    const QString pants = clothing + QStringLiteral(" > Pants");
    const QString shorts = clothing + QStringLiteral(" > Shorts");
    const QString activewear = clothing + QStringLiteral(" > Activewear");
    const QString kids = clothing + QStringLiteral(" > Baby & Children's Clothing");
    const QString shoes = QStringLiteral("Apparel & Accessories > Shoes");
    const QString hats = QStringLiteral("Apparel & Accessories > Clothing Accessories > Hats");
    const QString handbags =
        QStringLiteral("Apparel & Accessories > Handbags, Wallets & Cases > Handbags");
    auto under = [](const QString &parent, std::initializer_list<const char *> names) {
        QStringList out;
        for (const char *name : names)
            out << (name[0] ? parent + QStringLiteral(" > ") + QLatin1String(name) : parent);
        return out;
    };

    const QStringList dress{clothing + QStringLiteral(" > Dresses"),
                            kids + QStringLiteral(" > Baby & Children's Dresses"),
                            clothing + QStringLiteral(" > Maternity Clothing > Maternity Dresses")};
    const QStringList tShirt{tops + QStringLiteral(" > T-Shirts"),
                             activewear + QStringLiteral(" > Activewear Tops > T-Shirts"),
                             kids + QStringLiteral(" > Baby & Children's Tops > T-Shirts")};
    const QStringList shirt = under(tops, {"Shirts", "Overshirts", "Polos", "Blouses"});
    const QStringList top = under(tops, {"", "T-Shirts", "Shirts", "Blouses"});
    const QStringList sweater = under(tops, {"Sweaters", "Cardigans", "Sweatshirts"});
    const QStringList hoodie{tops + QStringLiteral(" > Hoodies"),
                             activewear +
                                 QStringLiteral(" > Activewear Sweatshirts & Hoodies > Hoodies"),
                             tops + QStringLiteral(" > Sweatshirts")};
    const QStringList jacket{coatsJackets,
                             activewear + QStringLiteral(" > Activewear Vests & "
                                                         "Jackets > Jackets"),
                             coatsJackets + QStringLiteral(" > Blazers")};
    const QStringList coat = under(coatsJackets, {"", "Overcoats", "Trench Coats", "Parkas"});
    const QStringList trousers = under(pants, {"Trousers", "", "Chinos"});
    const QStringList pantsChoices = under(pants, {"", "Trousers", "Jeans"});
    const QStringList jeans = under(pants, {"Jeans", "Jeggings"}) +
                              QStringList{shorts + QStringLiteral(" > Denim Shorts")};
    const QStringList sweatpants{activewear + QStringLiteral(" > Activewear Pants > Sweatpants"),
                                 pants + QStringLiteral(" > Joggers")};
    const QStringList shortsChoices{shorts, shorts + QStringLiteral(" > Denim Shorts"),
                                    activewear + QStringLiteral(" > Activewear Pants > Shorts")};
    const QStringList skirt{clothing + QStringLiteral(" > Skirts"),
                            clothing + QStringLiteral(" > Skorts")};
    const QStringList shoe = under(shoes, {"", "Sneakers", "Boots", "Heels"});
    const QStringList hat = under(hats, {"", "Baseball Caps", "Beanies", "Sun Hats"});
    const QStringList cap = under(hats, {"Baseball Caps", "Snapback Caps", "Flat Caps", ""});
    const QStringList bag =
        under(handbags, {"", "Shoulder Bags", "Cross Body Bags", "Shopper Bags"});

    static const QHash<QString, QStringList> table{
        {QStringLiteral("clothing"), {clothing}},
        {QStringLiteral("dress"), dress},
        {QStringLiteral("dresses"), dress},
        {QStringLiteral("gown"),
         {clothing + QStringLiteral(" > Dresses"),
          clothing + QStringLiteral(" > Wedding & Bridal Party Dresses > Wedding Dresses")}},
        {QStringLiteral("t shirt"), tShirt},
        {QStringLiteral("t shirts"), tShirt},
        {QStringLiteral("t shirts ss"), tShirt}, // Pixyle: short-sleeved
        {QStringLiteral("t shirts ls"), tShirt}, // Pixyle: long-sleeved
        {QStringLiteral("tshirt"), tShirt},
        {QStringLiteral("tee"), tShirt},
        {QStringLiteral("shirt"), shirt},
        {QStringLiteral("shirts"), shirt},
        {QStringLiteral("blouse"), under(tops, {"Blouses", "Shirts", "Tunics"})},
        {QStringLiteral("top"), top},
        {QStringLiteral("tops"), top},
        {QStringLiteral("upper"), top}, // Ximilar's "Clothing/Upper"
        {QStringLiteral("longsleeve"), under(tops, {"", "T-Shirts", "Sweaters", "Shirts"})},
        {QStringLiteral("long sleeve top"), under(tops, {"", "T-Shirts", "Sweaters", "Shirts"})},
        {QStringLiteral("long sleeved top"), under(tops, {"", "T-Shirts", "Sweaters", "Shirts"})},
        {QStringLiteral("sweater"), sweater},
        {QStringLiteral("sweaters"), sweater},
        {QStringLiteral("jumper"), sweater},
        {QStringLiteral("knitwear"), sweater},
        {QStringLiteral("hoodie"), hoodie},
        {QStringLiteral("hoodies"), hoodie},
        {QStringLiteral("jacket"), jacket},
        {QStringLiteral("jackets"), jacket},
        {QStringLiteral("jackets and coats"), jacket}, // Ximilar's "Clothing/Jackets and Coats"
        {QStringLiteral("coat"), coat},
        {QStringLiteral("coats"), coat},
        {QStringLiteral("outerwear"), QStringList{outerwear, coatsJackets}},
        {QStringLiteral("outwear"), QStringList{outerwear, coatsJackets}},
        {QStringLiteral("trousers"), trousers},
        {QStringLiteral("pants"), pantsChoices},
        {QStringLiteral("jeans"), jeans},
        {QStringLiteral("sweat pants"), sweatpants},
        {QStringLiteral("sweatpants"), sweatpants},
        {QStringLiteral("shorts"), shortsChoices},
        {QStringLiteral("skirt"), skirt},
        {QStringLiteral("skirts"), skirt},
        {QStringLiteral("jumpsuit"), {clothing + QStringLiteral(" > One-Pieces")}},
        {QStringLiteral("shoes"), shoe},
        {QStringLiteral("shoe"), shoe},
        {QStringLiteral("footwear"), shoe},
        {QStringLiteral("boots"), under(shoes, {"Boots", ""})},
        {QStringLiteral("sneakers"), under(shoes, {"Sneakers", "Athletic Shoes", ""})},
        {QStringLiteral("sandals"), under(shoes, {"Sandals", ""})},
        {QStringLiteral("hat"), hat},
        {QStringLiteral("hats"), hat},
        {QStringLiteral("hats and caps"), hat}, // Ximilar's "Accessories/Hats and Caps"
        {QStringLiteral("headwear"), hat},
        {QStringLiteral("cap"), cap},
        {QStringLiteral("caps"), cap},
        {QStringLiteral("bag"), bag},
        {QStringLiteral("bags"), bag},
        {QStringLiteral("handbag"), bag},
    };
    return table;
}

TaxonomyCategoryChoice choice(const TaxonomyCategory &category) {
    return {category.id, category.fullName};
}

// Categories whose own name is the label or its plural ("blazer" → Blazers), the less deep
// first: used for labels the table does not know.
QList<const TaxonomyCategory *> categoriesNamed(const QString &labelKey) {
    QList<const TaxonomyCategory *> found;
    for (const TaxonomyCategory &category : StandardTaxonomy::instance().categories()) {
        const QString name = key(category.name());
        if (name == labelKey || name == labelKey + QLatin1Char('s') ||
            name == labelKey + QStringLiteral("es"))
            found.append(&category);
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const auto *a, const auto *b) { return a->depth() < b->depth(); });
    return found;
}

CategoryMatch withChoices(CategoryMatch match, const QList<const TaxonomyCategory *> &found) {
    for (const TaxonomyCategory *category : found) {
        if (!category)
            continue;
        if (!match.matched())
            match.best = choice(*category);
        else if (match.alternatives.size() < kMaxAlternatives)
            match.alternatives.append(choice(*category));
    }
    return match;
}

// Tagdesk attribute → taxonomy attribute, and the synonyms its values need beyond the
// taxonomy's own value names (which match by themselves, in any case).
struct ValueVocabulary {
    QString attribute;
    QHash<QString, QString> synonyms; // label key → value handle
};

const QHash<QString, ValueVocabulary> &valueVocabularies() {
    static const QHash<QString, ValueVocabulary> vocabularies{
        {attributes::colour,
         {QStringLiteral("color"),
          {{QStringLiteral("grey"), QStringLiteral("color__gray")},
           {QStringLiteral("multicolour"), QStringLiteral("color__multicolor")},
           {QStringLiteral("multi"), QStringLiteral("color__multicolor")},
           // Unbleached fabric's colour, beige in the taxonomy's few words.
           {QStringLiteral("ecru"), QStringLiteral("color__beige")}}}},
        {attributes::pattern,
         {QStringLiteral("pattern"),
          {{QStringLiteral("plain"), QStringLiteral("pattern__solid")},
           {QStringLiteral("stripes"), QStringLiteral("pattern__striped")},
           {QStringLiteral("checked"), QStringLiteral("pattern__checkered")},
           {QStringLiteral("check"), QStringLiteral("pattern__checkered")},
           {QStringLiteral("checks"), QStringLiteral("pattern__checkered")},
           {QStringLiteral("dotted"), QStringLiteral("pattern__dots")},
           {QStringLiteral("polka dot"), QStringLiteral("pattern__dots")},
           {QStringLiteral("leopard"), QStringLiteral("pattern__animal")},
           {QStringLiteral("zebra"), QStringLiteral("pattern__animal")},
           {QStringLiteral("camo"), QStringLiteral("pattern__camouflage")},
           {QStringLiteral("leaf"), QStringLiteral("pattern__leaves")},
           {QStringLiteral("logoprint"), QStringLiteral("pattern__logo")},
           {QStringLiteral("tartan"), QStringLiteral("pattern__plaid")}}}},
        {attributes::material,
         {QStringLiteral("fabric"),
          {{QStringLiteral("faux leather"), QStringLiteral("fabric__faux-leather")},
           {QStringLiteral("vegan leather"), QStringLiteral("fabric__faux-leather")},
           {QStringLiteral("terry"), QStringLiteral("fabric__terrycloth")},
           {QStringLiteral("elastane"), QStringLiteral("fabric__lycra")},
           {QStringLiteral("spandex"), QStringLiteral("fabric__lycra")}}}},
        {attributes::sleeveLength,
         {QStringLiteral("sleeve-length-type"),
          {{QStringLiteral("three quarter"), QStringLiteral("sleeve-length-type__3-4")},
           {QStringLiteral("cap sleeve"), QStringLiteral("sleeve-length-type__cap")}}}},
        {attributes::neckline,
         {QStringLiteral("neckline"),
          {{QStringLiteral("v neck"), QStringLiteral("neckline__v-neck")},
           {QStringLiteral("crewneck"), QStringLiteral("neckline__crew")},
           {QStringLiteral("crew neck"), QStringLiteral("neckline__crew")},
           {QStringLiteral("round neck"), QStringLiteral("neckline__round")},
           {QStringLiteral("boat neckline"), QStringLiteral("neckline__boat")},
           {QStringLiteral("boat neck"), QStringLiteral("neckline__boat")},
           {QStringLiteral("cowl neck"), QStringLiteral("neckline__cowl")},
           {QStringLiteral("square neck"), QStringLiteral("neckline__square")},
           {QStringLiteral("turtleneck"), QStringLiteral("neckline__turtle")},
           {QStringLiteral("high neck"), QStringLiteral("neckline__mock")},
           {QStringLiteral("mock neck"), QStringLiteral("neckline__mock")},
           {QStringLiteral("halter neck"), QStringLiteral("neckline__halter")},
           // An off-the-shoulder neckline is what the taxonomy calls Bardot.
           {QStringLiteral("off shoulder"), QStringLiteral("neckline__bardot")},
           // A grandad collar is a band collar, the taxonomy's Mandarin.
           {QStringLiteral("grandad"), QStringLiteral("neckline__mandarin")},
           {QStringLiteral("hoodie"), QStringLiteral("neckline__hooded")},
           {QStringLiteral("hood"), QStringLiteral("neckline__hooded")}}}},
        {attributes::gender,
         {QStringLiteral("target-gender"),
          {{QStringLiteral("women"), QStringLiteral("target-gender__female")},
           {QStringLiteral("woman"), QStringLiteral("target-gender__female")},
           {QStringLiteral("womens"), QStringLiteral("target-gender__female")},
           {QStringLiteral("men"), QStringLiteral("target-gender__male")},
           {QStringLiteral("man"), QStringLiteral("target-gender__male")},
           {QStringLiteral("mens"), QStringLiteral("target-gender__male")}}}},
    };
    return vocabularies;
}

// A value of `attributeHandle` whose name is the label ("Blue" for "blue", "V-neck" for
// "v neck"), or the one its synonym names.
const TaxonomyValue *findValue(const ValueVocabulary &vocabulary, const QString &labelKey) {
    const StandardTaxonomy &taxonomy = StandardTaxonomy::instance();
    if (const auto synonym = vocabulary.synonyms.constFind(labelKey);
        synonym != vocabulary.synonyms.cend())
        return taxonomy.value(vocabulary.attribute, *synonym);
    if (const TaxonomyAttribute *attribute = taxonomy.attribute(vocabulary.attribute))
        for (const TaxonomyValue &value : attribute->values)
            if (key(value.name) == labelKey)
                return &value;
    return nullptr;
}

} // namespace

CategoryMatch categoryFromProductWords(const QString &productType, const QString &title) {
    if (!productType.trimmed().isEmpty()) {
        if (CategoryMatch m = matchCategory(productType); m.matched())
            return m;
    }
    // Titles end with what the product is more often than they start with it.
    static const QRegularExpression separators(QStringLiteral("[^\\w&'-]+"));
    const QStringList words = title.split(separators, Qt::SkipEmptyParts);
    for (qsizetype i = words.size() - 1; i >= 0; --i) {
        if (words[i].size() < 3)
            continue;
        if (CategoryMatch m = matchCategory(words[i]); m.matched())
            return m;
    }
    return CategoryMatch{productType.isEmpty() ? title : productType, {}, {}};
}

QStringList unknownCategoryNames() {
    QStringList unknown;
    for (const QStringList &fullNames : categoryTable())
        for (const QString &fullName : fullNames)
            if (!StandardTaxonomy::instance().categoryByFullName(fullName) &&
                !unknown.contains(fullName))
                unknown << fullName;
    return unknown;
}

QString taxonomyAttribute(const QString &tagdeskAttribute) {
    return valueVocabularies().value(tagdeskAttribute).attribute;
}

QString categoryMetafieldKey(const QString &attributeHandle) {
    return attributeHandle == QLatin1String("color") ? QStringLiteral("color-pattern")
                                                     : attributeHandle;
}

QString categoryMetaobjectType(const QString &attributeHandle) {
    return QStringLiteral("shopify--") + categoryMetafieldKey(attributeHandle);
}

QString attributeOfCategoryMetafieldKey(const QString &key) {
    const QString handle = key == QLatin1String("color-pattern") ? QStringLiteral("color") : key;
    return StandardTaxonomy::instance().attribute(handle) ? handle : QString();
}

CategoryMatch matchCategory(const QString &label) {
    const StandardTaxonomy &taxonomy = StandardTaxonomy::instance();
    const QString labelKey = key(label);
    CategoryMatch match{label, {}, {}};
    if (const auto listed = categoryTable().constFind(labelKey); listed != categoryTable().cend()) {
        QList<const TaxonomyCategory *> found;
        for (const QString &fullName : *listed)
            found.append(taxonomy.categoryByFullName(fullName));
        return withChoices(match, found);
    }
    return labelKey.isEmpty() ? match : withChoices(match, categoriesNamed(labelKey));
}

ValueMatch matchValue(const QString &tagdeskAttribute, const QString &label) {
    const QString labelKey = key(label);
    const StandardTaxonomy &taxonomy = StandardTaxonomy::instance();
    // "kids" answers who a garment is for, but the taxonomy keeps children apart from
    // gender: they are an age group.
    if (tagdeskAttribute == attributes::gender &&
        (labelKey == QLatin1String("kids") || labelKey == QLatin1String("children"))) {
        const TaxonomyValue *kids =
            taxonomy.value(QStringLiteral("age-group"), QStringLiteral("Kids"));
        return {label, QStringLiteral("age-group"), kids ? *kids : TaxonomyValue{}, {}};
    }
    const auto vocabulary = valueVocabularies().constFind(tagdeskAttribute);
    if (vocabulary == valueVocabularies().cend())
        return {label, {}, {}, {}};
    ValueMatch match{label, vocabulary->attribute, {}, {}};
    const TaxonomyValue *value = findValue(*vocabulary, labelKey);
    // A palette colour the taxonomy has no word for is its colour family ("olive" → Green);
    // one it has a word for ("navy" → Navy) keeps the family as the broader alternative.
    const TaxonomyValue *family = nullptr;
    if (tagdeskAttribute == attributes::colour) {
        const QString familyName = colour::colourFamily(labelKey);
        if (familyName != labelKey)
            family = findValue(*vocabulary, familyName);
    }
    if (!value) {
        value = family;
        family = nullptr;
    }
    if (value)
        match.value = *value;
    if (family && !(*family == *value))
        match.alternatives.append(*family);
    return match;
}

} // namespace tagdesk::vocabulary

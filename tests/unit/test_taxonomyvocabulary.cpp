// One vocabulary: every label the taggers give maps onto Shopify's taxonomy as the table in
// support/vocabularyexpectations.h says. The labels come from the taggers' recorded real
// answers (tests/data/taggers/, read with the live clients' parsers), the values the OpenAI
// tagger may answer, and the local colour analyser's palette.
#include "domain/attribute.h"
#include "domain/colour.h"
#include "domain/standardtaxonomy.h"
#include "domain/taxonomyvocabulary.h"
#include "support/qtprinters.h"
#include "support/testdatabase.h"
#include "support/vocabularyexpectations.h"
#include "taggers/openaiattributes.h"
#include "taggers/pixyleanswer.h"
#include "taggers/taxonomy.h"
#include "taggers/ximilaranswer.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QJsonDocument>
#include <QSet>

using namespace tagdesk;
using tagdesk::test::ExpectedMatch;
using tagdesk::test::expectedMatch;
using tagdesk::test::isVocabularyAttribute;
using tagdesk::test::kExpectedMatches;

namespace {

struct CollectedLabel {
    QString attribute; // Tagdesk's, after Taxonomy::map
    QString label;
    QString source;
};

QJsonObject taggerAnswer(const QString &name) {
    QFile file(test::testData(QStringLiteral("taggers/") + name));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << name.toStdString();
    return QJsonDocument::fromJson(file.readAll()).object();
}

void collect(QList<CollectedLabel> &out, TaggerKind tagger, const QList<ProviderLabel> &labels,
             const QString &source) {
    for (const ProviderLabel &label : labels) {
        const Taxonomy::Mapped mapped = Taxonomy::map(tagger, label.feature, label.value);
        if (isVocabularyAttribute(mapped.attribute))
            out.append({mapped.attribute, mapped.value, source});
    }
}

QList<CollectedLabel> recordedAnswerLabels() {
    QList<CollectedLabel> out;
    for (const QString &file :
         {QStringLiteral("mendrea-PixyleAI_autotag_multi_result.json"),
          QStringLiteral("mendrea-PixyleAI_autotag_multi_result_old1.json")}) {
        const auto products = pixyle::autotagProducts(taggerAnswer(file));
        EXPECT_FALSE(products.isEmpty()) << file.toStdString();
        for (const auto &[sku, product] : products) {
            const auto labels = pixyle::productLabels(product);
            EXPECT_TRUE(labels) << file.toStdString() << " " << sku.toStdString();
            if (labels)
                collect(out, TaggerKind::Pixyle, *labels, file);
        }
    }
    const QString ximilarFile =
        QStringLiteral("ximilar-collectibles-sport_id-docs-example-response.json");
    for (const QJsonObject &record : ximilar::records(taggerAnswer(ximilarFile))) {
        const auto labels = ximilar::recordLabels(record);
        EXPECT_TRUE(labels) << ximilarFile.toStdString();
        if (labels)
            collect(out, TaggerKind::Ximilar, *labels, ximilarFile);
    }
    return out;
}

// There are no recorded answers of a vision model; its enumerated attributes can only take
// the values the schema allows, so those are all it can say.
QList<CollectedLabel> openAiAllowedLabels() {
    QList<CollectedLabel> out;
    for (const openai::AskedAttribute &asked : openai::generalQuestion().attributes)
        for (const QString &value : asked.allowed)
            collect(out, TaggerKind::OpenAi, {{asked.attribute, value, 1.0}},
                    QStringLiteral("OpenAI schema"));
    return out;
}

QList<CollectedLabel> paletteLabels() {
    QList<CollectedLabel> out;
    QStringList names = colour::paletteNames();
    names << QStringLiteral("multicolour"); // the analyser's word for a garment of many colours
    for (const QString &name : names)
        collect(out, TaggerKind::Local, {{attributes::colour, name, 1.0}},
                QStringLiteral("colour palette"));
    return out;
}

// The match's category short id or value handle; empty for no match.
QString matchedKey(const QString &attribute, const QString &label) {
    if (attribute == attributes::category || attribute == attributes::subcategory) {
        const CategoryMatch match = vocabulary::matchCategory(label);
        EXPECT_EQ(match.label, label);
        return match.matched() ? match.best.id.section(u'/', -1) : QString();
    }
    const ValueMatch match = vocabulary::matchValue(attribute, label);
    EXPECT_EQ(match.label, label);
    return match.matched() ? match.value.handle : QString();
}

void expectEveryLabelListedAndMatched(const QList<CollectedLabel> &labels) {
    QSet<QString> seen;
    for (const CollectedLabel &collected : labels) {
        if (seen.contains(collected.attribute + u'|' + collected.label))
            continue;
        seen.insert(collected.attribute + u'|' + collected.label);
        const ExpectedMatch *row = expectedMatch(collected.attribute, collected.label);
        if (!row) {
            ADD_FAILURE() << collected.source.toStdString() << " gives "
                          << collected.attribute.toStdString() << " '"
                          << collected.label.toStdString()
                          << "', which support/vocabularyexpectations.h does not list";
            continue;
        }
        EXPECT_EQ(matchedKey(collected.attribute, collected.label),
                  row->expected ? QString::fromLatin1(row->expected) : QString())
            << collected.source.toStdString() << ": " << *row;
    }
}

} // namespace

TEST(TaxonomyVocabulary, MapsEveryLabelOfTheRecordedTaggerAnswers) {
    const QList<CollectedLabel> labels = recordedAnswerLabels();
    // Pixyle's two answers hold categories, colours, patterns, sleeves and necklines;
    // Ximilar's example only collectibles.
    EXPECT_GT(labels.size(), 100);
    expectEveryLabelListedAndMatched(labels);
}

TEST(TaxonomyVocabulary, MapsEveryValueTheOpenAiTaggerMayAnswer) {
    const QList<CollectedLabel> labels = openAiAllowedLabels();
    EXPECT_GT(labels.size(), 30);
    expectEveryLabelListedAndMatched(labels);
}

TEST(TaxonomyVocabulary, MapsEveryColourOfThePalette) {
    const QList<CollectedLabel> labels = paletteLabels();
    EXPECT_EQ(labels.size(), colour::paletteNames().size() + 1);
    expectEveryLabelListedAndMatched(labels);
}

// Asked in a category's vocabulary, the model can only answer the taxonomy's own values, and
// each maps back to itself: no table needed, and none can be lost on the way.
TEST(TaxonomyVocabulary, EveryTaxonomyValueTheOpenAiTaggerMayAnswerMapsBackToItself) {
    const openai::Question dresses = openai::question(QStringLiteral("aa-1-4"));
    ASSERT_EQ(dresses.categoryId, QStringLiteral("aa-1-4"));
    int checked = 0;
    for (const openai::AskedAttribute &asked : dresses.attributes) {
        const QString handle = vocabulary::taxonomyAttribute(asked.attribute);
        const TaxonomyAttribute *attribute = StandardTaxonomy::instance().attribute(handle);
        if (!attribute || asked.attribute == attributes::gender)
            continue;
        ASSERT_EQ(asked.allowed.size(), attribute->values.size()) << handle.toStdString();
        for (const TaxonomyValue &value : attribute->values) {
            const Taxonomy::Mapped mapped =
                Taxonomy::map(TaggerKind::OpenAi, asked.attribute, value.name);
            EXPECT_EQ(mapped.attribute, asked.attribute);
            const ValueMatch match = vocabulary::matchValue(mapped.attribute, mapped.value);
            EXPECT_EQ(match.value.id, value.id)
                << handle.toStdString() << " '" << value.name.toStdString() << "' came back as '"
                << match.value.name.toStdString() << "' through '" << mapped.value.toStdString()
                << "'";
            ++checked;
        }
    }
    // Colour 19, pattern 51, fabric 48, sleeve length 8, neckline 18.
    EXPECT_EQ(checked, 19 + 51 + 48 + 8 + 18);
    const auto category =
        std::find_if(dresses.attributes.begin(), dresses.attributes.end(),
                     [](const auto &a) { return a.attribute == attributes::shopifyCategory; });
    ASSERT_NE(category, dresses.attributes.end());
    for (const QString &fullName : category->allowed) {
        const Taxonomy::Mapped mapped =
            Taxonomy::map(TaggerKind::OpenAi, attributes::shopifyCategory, fullName);
        EXPECT_EQ(mapped.attribute, attributes::shopifyCategory);
        EXPECT_EQ(mapped.value, fullName) << "the taxonomy's spelling is kept";
        EXPECT_NE(StandardTaxonomy::instance().categoryByFullName(mapped.value), nullptr);
    }
}

// Each row of the table, whether or not a tagger gives it today.
class VocabularyRow : public ::testing::TestWithParam<ExpectedMatch> {};

TEST_P(VocabularyRow, MapsAsListed) {
    const ExpectedMatch &row = GetParam();
    const QString key = matchedKey(row.attributeName(), row.labelText());
    if (row.expected) {
        EXPECT_EQ(key, QString::fromLatin1(row.expected));
        EXPECT_EQ(row.reasonUnmatched, nullptr) << "a matched row gives no reason";
    } else {
        EXPECT_TRUE(key.isEmpty()) << "matched " << key.toStdString();
        ASSERT_NE(row.reasonUnmatched, nullptr) << "an unmatched row says why";
        EXPECT_GT(qstrlen(row.reasonUnmatched), 10u);
    }
}

INSTANTIATE_TEST_SUITE_P(Table, VocabularyRow, ::testing::ValuesIn(kExpectedMatches));

TEST(TaxonomyVocabulary, NamesOnlyCategoriesTheTaxonomyHas) {
    EXPECT_TRUE(vocabulary::unknownCategoryNames().isEmpty())
        << vocabulary::unknownCategoryNames().join(u'\n').toStdString();
}

TEST(TaxonomyVocabulary, GivesTheMostSpecificCategoryWithAlternatives) {
    const CategoryMatch dress = vocabulary::matchCategory(QStringLiteral("Dress"));
    EXPECT_EQ(dress.label, QStringLiteral("Dress"));
    EXPECT_EQ(dress.best, (TaxonomyCategoryChoice{
                              QStringLiteral("gid://shopify/TaxonomyCategory/aa-1-4"),
                              QStringLiteral("Apparel & Accessories > Clothing > Dresses")}));
    EXPECT_GE(dress.alternatives.size(), 2);
    EXPECT_LE(dress.alternatives.size(), 3);

    for (const char *label : {"dresses", "Jackets", "t-shirt", "shoes", "jeans", "hat"}) {
        const CategoryMatch match = vocabulary::matchCategory(QString::fromLatin1(label));
        EXPECT_TRUE(match.matched()) << label;
        EXPECT_GE(match.alternatives.size(), 1) << label;
        EXPECT_FALSE(match.alternatives.contains(match.best)) << label;
    }
    // A label the table does not know is matched by a category's own name.
    const CategoryMatch blazer = vocabulary::matchCategory(QStringLiteral("blazer"));
    EXPECT_EQ(blazer.best.fullName, QStringLiteral("Apparel & Accessories > Clothing > Outerwear "
                                                   "> Coats & Jackets > Blazers"));
    const CategoryMatch unknown = vocabulary::matchCategory(QStringLiteral("lawn mower"));
    EXPECT_FALSE(unknown.matched());
    EXPECT_EQ(unknown.label, QStringLiteral("lawn mower"));
    EXPECT_TRUE(unknown.alternatives.isEmpty());
}

TEST(TaxonomyVocabulary, KeepsThePaletteColourAndOffersItsFamily) {
    const ValueMatch navy = vocabulary::matchValue(attributes::colour, QStringLiteral("navy"));
    EXPECT_EQ(navy.label, QStringLiteral("navy"));
    EXPECT_EQ(navy.attributeHandle, QStringLiteral("color"));
    EXPECT_EQ(navy.value.name, QStringLiteral("Navy"));
    ASSERT_EQ(navy.alternatives.size(), 1);
    EXPECT_EQ(navy.alternatives.first().name, QStringLiteral("Blue"));

    const ValueMatch olive = vocabulary::matchValue(attributes::colour, QStringLiteral("olive"));
    EXPECT_EQ(olive.value.name, QStringLiteral("Green"));
    EXPECT_TRUE(olive.alternatives.isEmpty());
}

TEST(TaxonomyVocabulary, NamesTheTaxonomyAttributeOfEachTagdeskAttribute) {
    EXPECT_EQ(vocabulary::taxonomyAttribute(attributes::colour), QStringLiteral("color"));
    EXPECT_EQ(vocabulary::taxonomyAttribute(attributes::material), QStringLiteral("fabric"));
    EXPECT_EQ(vocabulary::taxonomyAttribute(attributes::sleeveLength),
              QStringLiteral("sleeve-length-type"));
    EXPECT_EQ(vocabulary::taxonomyAttribute(attributes::gender), QStringLiteral("target-gender"));
    EXPECT_TRUE(vocabulary::taxonomyAttribute(attributes::fit).isEmpty());

    const ValueMatch kids = vocabulary::matchValue(attributes::gender, QStringLiteral("kids"));
    EXPECT_EQ(kids.attributeHandle, QStringLiteral("age-group"));
    EXPECT_EQ(kids.value.name, QStringLiteral("Kids"));

    const ValueMatch fit = vocabulary::matchValue(attributes::fit, QStringLiteral("slim"));
    EXPECT_FALSE(fit.matched());
    EXPECT_EQ(fit.label, QStringLiteral("slim"));
    EXPECT_TRUE(fit.attributeHandle.isEmpty());
}

TEST(TaxonomyVocabulary, MatchedValuesAreAllowedForTheMatchedCategory) {
    const StandardTaxonomy &taxonomy = StandardTaxonomy::instance();
    const CategoryMatch dress = vocabulary::matchCategory(QStringLiteral("dress"));
    for (const auto &[attribute, label] :
         {std::pair{attributes::colour, "navy"}, std::pair{attributes::pattern, "floral"},
          std::pair{attributes::material, "silk"}, std::pair{attributes::sleeveLength, "long"},
          std::pair{attributes::neckline, "v-neck"}, std::pair{attributes::gender, "women"}}) {
        const ValueMatch match = vocabulary::matchValue(attribute, QString::fromLatin1(label));
        EXPECT_TRUE(taxonomy.isValueAllowed(dress.best.id, match.value.id)) << label;
    }
    const CategoryMatch shoes = vocabulary::matchCategory(QStringLiteral("shoes"));
    EXPECT_FALSE(taxonomy.isValueAllowed(
        shoes.best.id,
        vocabulary::matchValue(attributes::neckline, QStringLiteral("v-neck")).value.id));
}

TEST(Vocabulary, AProductsTypeOrElseItsTitleNamesItsCategory) {
    EXPECT_EQ(vocabulary::categoryFromProductWords(QStringLiteral("Dresses"), QStringLiteral("Ada"))
                  .best.fullName,
              QStringLiteral("Apparel & Accessories > Clothing > Dresses"));
    EXPECT_EQ(vocabulary::categoryFromProductWords(
                  QStringLiteral("Placeholder"),
                  QStringLiteral("Giorgio Armani & Kith Monogram Camp Collar Shirt - Kindling"))
                  .best.fullName,
              QStringLiteral("Apparel & Accessories > Clothing > Clothing Tops > Shirts"));
    EXPECT_FALSE(
        vocabulary::categoryFromProductWords(QString(), QStringLiteral("Gift card")).matched());
}

#include "domain/attribute.h"
#include "support/qtprinters.h"
#include "taggers/taxonomy.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace tagdesk;

TEST(Taxonomy, MapsEachProvidersWordsOntoOneVocabulary) {
    const auto x = Taxonomy::map(TaggerKind::Ximilar, QStringLiteral("Sleeves"),
                                 QStringLiteral("sleeves long"));
    const auto p = Taxonomy::map(TaggerKind::Pixyle, QStringLiteral("sleeve_length"),
                                 QStringLiteral("long-sleeve"));
    EXPECT_EQ(x.attribute, attributes::sleeveLength);
    EXPECT_EQ(x.value, QStringLiteral("long"));
    EXPECT_EQ(p.attribute, x.attribute);
    EXPECT_EQ(p.value, x.value);

    EXPECT_EQ(Taxonomy::map(TaggerKind::Ximilar, QStringLiteral("Category"),
                            QStringLiteral("Clothing/Dresses"))
                  .value,
              QStringLiteral("dresses"));
    EXPECT_EQ(
        Taxonomy::map(TaggerKind::Pixyle, QStringLiteral("color"), QStringLiteral("Gray")).value,
        QStringLiteral("grey"));
    EXPECT_EQ(Taxonomy::map(TaggerKind::Pixyle, QStringLiteral("fit"), QStringLiteral("skinny-fit"))
                  .value,
              QStringLiteral("skinny"));
    EXPECT_EQ(
        Taxonomy::map(TaggerKind::Ximilar, QStringLiteral("Sleeves"), QStringLiteral("sleeves 3/4"))
            .value,
        QStringLiteral("three-quarter"));
}

TEST(Taxonomy, SplitsXimilarsPatternAndMaterialFeature) {
    EXPECT_EQ(Taxonomy::map(TaggerKind::Ximilar, QStringLiteral("Pattern and Material"),
                            QStringLiteral("floral"))
                  .attribute,
              attributes::pattern);
    EXPECT_EQ(Taxonomy::map(TaggerKind::Ximilar, QStringLiteral("Pattern and Material"),
                            QStringLiteral("denim"))
                  .attribute,
              attributes::material);
}

TEST(Taxonomy, KeepsUnknownFeaturesUnderTheirOwnName) {
    const auto m =
        Taxonomy::map(TaggerKind::Pixyle, QStringLiteral("Rise"), QStringLiteral("mid-rise"));
    EXPECT_EQ(m.attribute, QStringLiteral("rise"));
    EXPECT_EQ(m.value, QStringLiteral("mid-rise"));
    EXPECT_EQ(
        Taxonomy::map(TaggerKind::Ximilar, QStringLiteral("Heel Height"), QStringLiteral("High"))
            .attribute,
        QStringLiteral("heel_height"));
}

TEST(Taxonomy, GroupsLabelsIntoSuggestionsWithAlternatives) {
    const QList<ProviderLabel> labels{
        {QStringLiteral("Color"), QStringLiteral("navy"), 0.6},
        {QStringLiteral("Category"), QStringLiteral("Clothing/Dresses"), 0.98},
        {QStringLiteral("Color"), QStringLiteral("black"), 0.83},
        {QStringLiteral("Color"), QStringLiteral("Navy"), 0.7}, // same value again, surer
        {QStringLiteral("Color"), QStringLiteral(""), 0.9},     // nothing said
    };
    const QList<Suggestion> s =
        Taxonomy::suggestions(TaggerKind::Ximilar, labels, QStringLiteral("m1"));
    ASSERT_EQ(s.size(), 3) << "colour, category, and the Shopify category it stands for";
    EXPECT_EQ(s[0].attribute, attributes::colour) << "provider's order is kept";
    EXPECT_EQ(s[0].value, QStringLiteral("black"));
    EXPECT_DOUBLE_EQ(s[0].confidence, 0.83);
    ASSERT_EQ(s[0].alternatives.size(), 1);
    EXPECT_EQ(s[0].alternatives[0].value, QStringLiteral("navy"));
    EXPECT_DOUBLE_EQ(s[0].alternatives[0].confidence, 0.7);
    EXPECT_EQ(s[0].sourceImageId, QStringLiteral("m1"));
    EXPECT_EQ(s[0].providerLabel, QStringLiteral("Color: black"));
    EXPECT_EQ(s[1].value, QStringLiteral("dresses"));
    EXPECT_EQ(s[2].attribute, attributes::shopifyCategory);
}

TEST(Taxonomy, KeepsOnlyTheWantedAttributes) {
    const QList<ProviderLabel> labels{{QStringLiteral("Color"), QStringLiteral("red"), 0.9},
                                      {QStringLiteral("Neckline"), QStringLiteral("vneck"), 0.8}};
    const auto s = Taxonomy::suggestions(TaggerKind::Ximilar, labels, {}, {attributes::neckline});
    ASSERT_EQ(s.size(), 1);
    EXPECT_EQ(s[0].attribute, attributes::neckline);
}

TEST(Taxonomy, ACategoryATaggerNamesBecomesAShopifyCategoryWithItsAlternatives) {
    const QList<Suggestion> suggestions = Taxonomy::suggestions(
        TaggerKind::Ximilar,
        {{QStringLiteral("Category"), QStringLiteral("Clothing/Dresses"), 0.9},
         {QStringLiteral("Category"), QStringLiteral("Clothing/Skirts"), 0.3},
         {QStringLiteral("Color"), QStringLiteral("navy"), 0.8}},
        QStringLiteral("gid://shopify/MediaImage/7"));
    const auto found =
        std::find_if(suggestions.begin(), suggestions.end(), [](const Suggestion &s) {
            return s.attribute == attributes::shopifyCategory;
        });
    ASSERT_NE(found, suggestions.end());
    EXPECT_EQ(found->value, QStringLiteral("Apparel & Accessories > Clothing > Dresses"));
    EXPECT_DOUBLE_EQ(found->confidence, 0.9);
    EXPECT_EQ(found->sourceImageId, QStringLiteral("gid://shopify/MediaImage/7"));
    EXPECT_EQ(found->providerLabel, QStringLiteral("Category: Clothing/Dresses"))
        << "the provider's own words stay as evidence";
    ASSERT_GE(found->alternatives.size(), 2);
    EXPECT_EQ(found->alternatives.first().value,
              QStringLiteral("Apparel & Accessories > Clothing > Skirts"))
        << "the tagger's own second guess first";
    EXPECT_DOUBLE_EQ(found->alternatives.first().confidence, 0.3);
    // The tagger's word is kept as it was.
    EXPECT_TRUE(std::any_of(suggestions.begin(), suggestions.end(), [](const Suggestion &s) {
        return s.attribute == attributes::category && s.value == QStringLiteral("dresses");
    }));

    // A word with no counterpart gives no Shopify category, and the word stays.
    const QList<Suggestion> unknown = Taxonomy::suggestions(
        TaggerKind::Pixyle, {{QStringLiteral("category"), QStringLiteral("other"), 0.7}}, {});
    ASSERT_EQ(unknown.size(), 1);
    EXPECT_EQ(unknown.first().attribute, attributes::category);
}

// Every label the sandbox's fake taggers can give (sandbox/taggers/: the garment terms per
// bundled photo, the colour words, the patterns and sleeves) maps onto Shopify's taxonomy as
// support/vocabularyexpectations.h lists, once Taxonomy::map has made it Tagdesk's.
#include "catalog/photos.h"
#include "domain/colour.h"
#include "domain/taxonomyvocabulary.h"
#include "support/vocabularyexpectations.h"
#include "taggers/garmenttaxonomy.h"
#include "taggers/taxonomy.h"

#include <gtest/gtest.h>

#include <QSet>

using namespace Qt::StringLiterals;
using namespace tagdesk;
using tagdesk::sandbox::GarmentTerms;

namespace {

struct SandboxLabel {
    TaggerKind tagger;
    QString feature; // as the sandbox's answer names it
    QString value;
};

QList<SandboxLabel> sandboxLabels() {
    QList<SandboxLabel> labels;
    for (const QString &photoLabel : sandbox::photoLabels()) {
        const GarmentTerms *terms = sandbox::garmentTerms(photoLabel);
        EXPECT_NE(terms, nullptr) << photoLabel.toStdString();
        if (!terms)
            continue;
        labels << SandboxLabel{TaggerKind::Ximilar, u"Top Category"_s, terms->ximilarTopCategory}
               << SandboxLabel{TaggerKind::Ximilar, u"Category"_s, terms->ximilarCategory}
               << SandboxLabel{TaggerKind::Ximilar, u"Subcategory"_s, terms->ximilarSubcategory}
               << SandboxLabel{TaggerKind::Pixyle, u"category"_s, terms->pixyleCategory};
        // The OpenAI stand-in answers an enumerated category with one of these words.
        for (const QString &synonym : terms->synonyms)
            labels << SandboxLabel{TaggerKind::OpenAi, u"category"_s, synonym};
        if (!terms->sleeves.isEmpty())
            labels << SandboxLabel{TaggerKind::Ximilar, u"Sleeves"_s,
                                   u"sleeves "_s + terms->sleeves}
                   << SandboxLabel{TaggerKind::Pixyle, u"sleeve_length"_s,
                                   terms->sleeves + u"-sleeve"_s}
                   << SandboxLabel{TaggerKind::OpenAi, u"sleeve_length"_s, terms->sleeves};
    }
    // Colours: palette names (Ximilar, OpenAI), their families in Pixyle's words ("gray").
    for (const QString &name : colour::paletteNames()) {
        labels << SandboxLabel{TaggerKind::Ximilar, u"Color"_s, name};
        const QString family = colour::colourFamily(name);
        labels << SandboxLabel{TaggerKind::Pixyle, u"color"_s,
                               family == u"grey"_s ? u"gray"_s : family};
    }
    // Patterns: "plain" from Ximilar and Pixyle; the OpenAI stand-in says "plain" or, for a
    // pattern, "printed" (the Tagdesk schema has no "patterned").
    labels << SandboxLabel{TaggerKind::Ximilar, u"Pattern and Material"_s, u"plain"_s}
           << SandboxLabel{TaggerKind::Pixyle, u"pattern"_s, u"plain"_s}
           << SandboxLabel{TaggerKind::OpenAi, u"pattern"_s, u"plain"_s}
           << SandboxLabel{TaggerKind::OpenAi, u"pattern"_s, u"printed"_s};
    return labels;
}

} // namespace

TEST(TaggersVocabulary, MapsEveryLabelTheSandboxTaggersGive) {
    const QList<SandboxLabel> labels = sandboxLabels();
    EXPECT_GT(labels.size(), 100);
    QSet<QString> checked;
    for (const SandboxLabel &label : labels) {
        const Taxonomy::Mapped mapped = Taxonomy::map(label.tagger, label.feature, label.value);
        ASSERT_TRUE(test::isVocabularyAttribute(mapped.attribute))
            << label.feature.toStdString() << " became " << mapped.attribute.toStdString();
        if (checked.contains(mapped.attribute + u'|' + mapped.value))
            continue;
        checked.insert(mapped.attribute + u'|' + mapped.value);

        const test::ExpectedMatch *row = test::expectedMatch(mapped.attribute, mapped.value);
        if (!row) {
            ADD_FAILURE() << taggerKey(label.tagger).toStdString() << " gives "
                          << mapped.attribute.toStdString() << " '" << mapped.value.toStdString()
                          << "', which support/vocabularyexpectations.h does not list";
            continue;
        }
        QString matched;
        if (mapped.attribute == attributes::category ||
            mapped.attribute == attributes::subcategory) {
            const CategoryMatch match = vocabulary::matchCategory(mapped.value);
            matched = match.matched() ? match.best.id.section(u'/', -1) : QString();
        } else {
            const ValueMatch match = vocabulary::matchValue(mapped.attribute, mapped.value);
            matched = match.matched() ? match.value.handle : QString();
        }
        EXPECT_EQ(matched.toStdString(), row->expected ? row->expected : "") << *row;
    }
}

// The sandbox's garments are all apparel Tagdesk can file: each photo's category words
// reach a taxonomy category from every tagger.
TEST(TaggersVocabulary, FilesEveryBundledGarmentUnderACategory) {
    for (const QString &photoLabel : sandbox::photoLabels()) {
        const GarmentTerms *terms = sandbox::garmentTerms(photoLabel);
        ASSERT_NE(terms, nullptr);
        for (const auto &[tagger, feature, value] :
             {std::tuple{TaggerKind::Ximilar, u"Category"_s, terms->ximilarCategory},
              std::tuple{TaggerKind::Ximilar, u"Subcategory"_s, terms->ximilarSubcategory},
              std::tuple{TaggerKind::Pixyle, u"category"_s, terms->pixyleCategory}}) {
            const Taxonomy::Mapped mapped = Taxonomy::map(tagger, feature, value);
            EXPECT_TRUE(vocabulary::matchCategory(mapped.value).matched())
                << photoLabel.toStdString() << ": " << value.toStdString();
        }
    }
}

// What the review panel shows for one product, computed from what the job stored: the
// store's value per attribute (as Tagdesk writes it), the best suggestion with the others
// as alternatives, the reviewer's verdicts, and the fields each value would go to.
#include "support/qtprinters.h"
#include "sync/productfields.h"
#include "sync/productreview.h"

#include <gtest/gtest.h>

using namespace tagdesk;
using Verdict = AttributeDecision::Verdict;

namespace {

ProductSnapshot dress() {
    ProductSnapshot p;
    p.id = QStringLiteral("gid://shopify/Product/7");
    p.title = QStringLiteral("Linen Dress");
    p.productType = QStringLiteral("Dresses");
    p.tags = {QStringLiteral("summer"), QStringLiteral("colour:Navy")};
    p.media = {{QStringLiteral("gid://shopify/MediaImage/1"), {}, QString(), 0, 0},
               {QStringLiteral("gid://shopify/MediaImage/2"), {}, QString(), 0, 0}};
    p.metafields = {{QStringLiteral("tagdesk"), QStringLiteral("pattern"),
                     QStringLiteral("list.single_line_text_field"),
                     QStringLiteral("[\"striped\",\"plain\"]"), QString()}};
    return p;
}

JobProduct product() {
    JobProduct p;
    p.jobId = 1;
    p.productId = QStringLiteral("gid://shopify/Product/7");
    p.title = QStringLiteral("Linen Dress");
    p.progress.stage = PipelineStage::Analysed;
    p.snapshot = dress();
    return p;
}

Suggestion suggestion(const QString &attribute, const QString &value, double confidence,
                      const QString &image, QList<Alternative> alternatives = {}) {
    Suggestion s;
    s.attribute = attribute;
    s.value = value;
    s.confidence = confidence;
    s.sourceImageId = image;
    s.alternatives = std::move(alternatives);
    return s;
}

} // namespace

TEST(CurrentAttributeValue, ReadsTheProductTypeTheMetafieldOrTheTemplatedTag) {
    const ProductSnapshot p = dress();
    EXPECT_EQ(currentAttributeValue(p, QStringLiteral("category")), QStringLiteral("Dresses"));
    EXPECT_EQ(currentAttributeValue(p, QStringLiteral("colour")), QStringLiteral("Navy"));
    EXPECT_EQ(currentAttributeValue(p, QStringLiteral("pattern")), QStringLiteral("striped, plain"))
        << "a list metafield shows its items";
    EXPECT_EQ(currentAttributeValue(p, QStringLiteral("material")), QString());

    WriteSettings other;
    other.tagTemplate = QStringLiteral("ai-{attribute}-{value}");
    ProductSnapshot tagged = p;
    tagged.tags = {QStringLiteral("ai-colour-red"), QStringLiteral("colour:Navy")};
    EXPECT_EQ(currentAttributeValue(tagged, QStringLiteral("colour"), other), QStringLiteral("red"))
        << "the job's own tag template decides which tag holds the value";
    other.tagTemplate = QStringLiteral("{value}");
    EXPECT_EQ(currentAttributeValue(tagged, QStringLiteral("colour"), other), QString())
        << "a bare value tag does not say which attribute it is";
}

TEST(BuildProductReview, OneRowPerAttributeWithTheBestSuggestionAndTheRestAsAlternatives) {
    const QString img1 = QStringLiteral("gid://shopify/MediaImage/1");
    const QString img2 = QStringLiteral("gid://shopify/MediaImage/2");
    const QList<Suggestion> suggestions{
        suggestion(QStringLiteral("colour"), QStringLiteral("blue"), 0.6, img1,
                   {{QStringLiteral("navy"), 0.3}, {QStringLiteral("Blue"), 0.2}}),
        suggestion(QStringLiteral("colour"), QStringLiteral("white"), 0.9, img2,
                   {{QStringLiteral("cream"), 0.05}}),
        suggestion(QStringLiteral("pattern"), QStringLiteral("striped"), 0.4, img1)};
    const ProductReview r = buildProductReview(
        product(), {{img2, 1, QStringLiteral("b"), {}}, {img1, 0, QStringLiteral("a"), {}}},
        suggestions, {}, defaultDestinations(), {}, {});

    ASSERT_EQ(r.attributes.size(), 2);
    EXPECT_EQ(r.images.first().mediaId, img1) << "images in the product's order";
    const AttributeReview &colour = r.attributes.at(0);
    EXPECT_EQ(colour.attribute, QStringLiteral("colour"));
    EXPECT_EQ(colour.suggestion.value, QStringLiteral("white")) << "the surest image wins";
    EXPECT_EQ(colour.suggestion.sourceImageId, img2);
    EXPECT_EQ(colour.current, QStringLiteral("Navy"));
    QStringList alternatives;
    for (const Alternative &a : colour.alternatives)
        alternatives << a.value;
    EXPECT_EQ(alternatives, (QStringList{QStringLiteral("blue"), QStringLiteral("navy"),
                                         QStringLiteral("cream")}))
        << "best first, each value once, never the suggestion itself";
    EXPECT_TRUE(colour.changesCurrent());
    EXPECT_TRUE(colour.fieldKeys.contains(productfields::tags));
    EXPECT_TRUE(colour.fieldKeys.contains(
        productfields::metafield(QStringLiteral("tagdesk"), QStringLiteral("colour"))));

    const AttributeReview &pattern = r.attributes.at(1);
    EXPECT_EQ(pattern.current, QStringLiteral("striped, plain"));
    EXPECT_TRUE(pattern.changesCurrent()) << "one item is not the whole list";
}

TEST(BuildProductReview, VerdictsShowAndAnEditCanAddAnAttribute) {
    const QString img1 = QStringLiteral("gid://shopify/MediaImage/1");
    const QList<Suggestion> suggestions{
        suggestion(QStringLiteral("colour"), QStringLiteral("navy"), 0.9, img1),
        suggestion(QStringLiteral("pattern"), QStringLiteral("plain"), 0.7, img1)};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<AttributeDecision> decisions{
        {QStringLiteral("colour"), Verdict::Accepted, QStringLiteral("navy"), now},
        {QStringLiteral("pattern"), Verdict::Rejected, QStringLiteral("plain"), now},
        {QStringLiteral("material"), Verdict::Edited, QStringLiteral("linen"), now},
        {QStringLiteral("style"), Verdict::Rejected, QString(), now}};
    const ProductReview r =
        buildProductReview(product(), {}, suggestions, decisions, defaultDestinations(), {}, {});
    ASSERT_EQ(r.attributes.size(), 3) << "a verdict on nothing suggested adds no row";
    EXPECT_EQ(r.attributes.at(0).verdict, Verdict::Accepted);
    EXPECT_FALSE(r.attributes.at(0).changesCurrent()) << "navy is there already (any case)";
    EXPECT_TRUE(r.attributes.at(0).fieldKeys.contains(
        productfields::metafield(QStringLiteral("tagdesk"), QStringLiteral("colour"))))
        << "the tag exists, the metafield does not";
    EXPECT_FALSE(r.attributes.at(0).fieldKeys.contains(productfields::tags));
    EXPECT_EQ(r.attributes.at(1).verdict, Verdict::Rejected);
    EXPECT_EQ(r.attributes.at(1).valueToWrite(), QString());
    const AttributeReview &material = r.attributes.at(2);
    EXPECT_EQ(material.attribute, QStringLiteral("material"));
    EXPECT_EQ(material.verdict, Verdict::Edited);
    EXPECT_EQ(material.valueToWrite(), QStringLiteral("linen"));
    EXPECT_TRUE(material.suggestion.value.isEmpty());
    EXPECT_TRUE(r.fullyDecided());
}

TEST(BuildProductReview, AnAcceptedValueShowsAsAcceptedAfterALaterAnalysisSaysOtherwise) {
    const QList<Suggestion> again{suggestion(QStringLiteral("colour"), QStringLiteral("black"),
                                             0.95, QStringLiteral("gid://shopify/MediaImage/1"))};
    const QList<AttributeDecision> decisions{{QStringLiteral("colour"), Verdict::Accepted,
                                              QStringLiteral("navy"),
                                              QDateTime::currentDateTimeUtc()}};
    const ProductReview r =
        buildProductReview(product(), {}, again, decisions, defaultDestinations(), {}, {});
    ASSERT_EQ(r.attributes.size(), 1);
    EXPECT_EQ(r.attributes.first().valueToWrite(), QStringLiteral("navy"));
    EXPECT_EQ(r.attributes.first().suggestion.value, QStringLiteral("black"));
}

TEST(BuildProductReview, AProductNeverFetchedHasNoStoreValuesAndGoesNowhereYet) {
    JobProduct p = product();
    p.snapshot.reset();
    const ProductReview r = buildProductReview(
        p, {}, {suggestion(QStringLiteral("colour"), QStringLiteral("red"), 0.8, QString())}, {},
        defaultDestinations(), {}, {});
    ASSERT_EQ(r.attributes.size(), 1);
    EXPECT_EQ(r.attributes.first().current, QString());
    EXPECT_TRUE(r.attributes.first().fieldKeys.isEmpty());
    EXPECT_FALSE(r.fullyDecided());
}

TEST(ProductReview, TheCategoryInShopifyIsFlaggedWhenMissingArchivedOrUnlikeTheImages) {
    const QString dresses = QStringLiteral("Apparel & Accessories > Clothing > Dresses");
    ProductSnapshot p;
    p.id = QStringLiteral("gid://shopify/Product/1");
    EXPECT_EQ(categoryProblem(p, QString()), QString()) << "nothing suggested, nothing to say";
    EXPECT_EQ(categoryProblem(p, dresses), QStringLiteral("No category in Shopify"));
    p.category = {QStringLiteral("gid://shopify/TaxonomyCategory/aa-1-4"), dresses, false};
    EXPECT_EQ(categoryProblem(p, dresses), QString());
    // A broader or narrower category agrees with the images.
    EXPECT_EQ(categoryProblem(p, QStringLiteral("Apparel & Accessories > Clothing")), QString());
    p.category.fullName = QStringLiteral("Apparel & Accessories > Clothing");
    EXPECT_EQ(categoryProblem(p, dresses), QString());
    p.category.fullName = QStringLiteral("Apparel & Accessories > Shoes");
    EXPECT_TRUE(categoryProblem(p, dresses).contains(QStringLiteral("the images suggest")));
    p.category.archived = true;
    EXPECT_TRUE(categoryProblem(p, QString()).contains(QStringLiteral("archived")));
}

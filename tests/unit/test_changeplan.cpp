// The before → after plan of a product: templates, Tagdesk's own tags, only-fill-empty,
// the description block, Shopify's limits, and the writes that carry it out.
#include "domain/attribute.h"
#include "domain/job.h"
#include "domain/standardtaxonomy.h"
#include "domain/taxonomyvocabulary.h"
#include "support/qtprinters.h"
#include "sync/changeplan.h"
#include "sync/productfields.h"
#include "sync/productreview.h"

#include <gtest/gtest.h>

#include <algorithm>

#include <QJsonArray>
#include <QJsonDocument>

using namespace tagdesk;

namespace {

ProductSnapshot shirt() {
    ProductSnapshot p;
    p.id = QStringLiteral("gid://shopify/Product/1");
    p.title = QStringLiteral("Oxford Shirt");
    p.productType = QStringLiteral("Shirts");
    p.descriptionHtml = QStringLiteral("<p>Soft cotton.</p>");
    p.tags = {QStringLiteral("summer"), QStringLiteral("colour:blue")};
    p.media = {{QStringLiteral("gid://shopify/MediaImage/1"), {}, QString(), 0, 0},
               {QStringLiteral("gid://shopify/MediaImage/2"), {}, QStringLiteral("Back"), 0, 0}};
    p.metafields = {{QStringLiteral("tagdesk"), QStringLiteral("pattern"),
                     QStringLiteral("single_line_text_field"), QStringLiteral("plain"),
                     QString(64, QLatin1Char('d'))}};
    return p;
}

const QList<ApprovedValue> values{{QStringLiteral("category"), QStringLiteral("shirts")},
                                  {QStringLiteral("colour"), QStringLiteral("white")},
                                  {QStringLiteral("pattern"), QStringLiteral("striped")}};

QStringList strings(const QJsonValue &v) {
    QStringList out;
    for (const QJsonValue &i : v.toArray())
        out << i.toString();
    return out;
}

} // namespace

TEST(ChangePlan, TagsReplaceTagdesksEarlierTagButNeverSomeoneElses) {
    const ChangePlan plan = planChange(shirt(), values, Destination::Tags, {});
    const QStringList tags = strings(plan.after.value(productfields::tags));
    EXPECT_EQ(tags, (QStringList{QStringLiteral("category:shirts"), QStringLiteral("colour:white"),
                                 QStringLiteral("pattern:striped"), QStringLiteral("summer")}));
    EXPECT_EQ(strings(plan.before.value(productfields::tags)),
              (QStringList{QStringLiteral("colour:blue"), QStringLiteral("summer")}));

    WriteSettings keep;
    keep.replaceEarlierTags = false;
    EXPECT_TRUE(
        strings(
            planChange(shirt(), values, Destination::Tags, keep).after.value(productfields::tags))
            .contains(QStringLiteral("colour:blue")));
}

TEST(ChangePlan, OnlyFillEmptyLeavesEveryFieldThatHasAValue) {
    WriteSettings s;
    s.onlyFillEmpty = true;
    const Destinations all = Destinations(Destination::Tags) | Destination::Metafields |
                             Destination::ProductType | Destination::AltText |
                             Destination::Description;
    const ChangePlan plan = planChange(shirt(), values, all, s);
    EXPECT_FALSE(plan.after.contains(productfields::productType));
    EXPECT_FALSE(plan.after.contains(productfields::description));
    EXPECT_FALSE(
        plan.after.contains(productfields::alt(QStringLiteral("gid://shopify/MediaImage/2"))));
    EXPECT_TRUE(
        plan.after.contains(productfields::alt(QStringLiteral("gid://shopify/MediaImage/1"))));
    EXPECT_FALSE(plan.after.contains(
        productfields::metafield(QStringLiteral("tagdesk"), QStringLiteral("pattern"))));
    const QStringList tags = strings(plan.after.value(productfields::tags));
    EXPECT_FALSE(tags.contains(QStringLiteral("colour:white"))) << "colour already had a tag";
    EXPECT_TRUE(tags.contains(QStringLiteral("category:shirts")));
}

TEST(ChangePlan, TypeAltTextAndMetafieldsFollowTheSettings) {
    WriteSettings s;
    s.altTemplate = QStringLiteral("{title} in {colour} – {material}");
    const Destinations d =
        Destinations(Destination::ProductType) | Destination::AltText | Destination::Metafields;
    const ChangePlan plan = planChange(shirt(), values, d, s);
    // "shirts" capitalised is the snapshot's "Shirts" already: nothing to write.
    EXPECT_FALSE(plan.after.contains(productfields::productType));
    const QList<ApprovedValue> dress{{QStringLiteral("category"), QStringLiteral("dresses")}};
    EXPECT_EQ(planChange(shirt(), dress, d, s).after.value(productfields::productType),
              QJsonValue(QStringLiteral("Dresses")));
    EXPECT_EQ(plan.after.value(productfields::alt(QStringLiteral("gid://shopify/MediaImage/1")))
                  .toString(),
              QStringLiteral("Oxford Shirt in white"))
        << "the empty {material} leaves no dash";
    EXPECT_EQ(plan.after.value(
                  productfields::metafield(QStringLiteral("tagdesk"), QStringLiteral("pattern"))),
              QJsonValue(QStringLiteral("striped")));
    EXPECT_EQ(plan.before.value(
                  productfields::metafield(QStringLiteral("tagdesk"), QStringLiteral("colour"))),
              QJsonValue(QJsonValue::Null))
        << "a metafield that does not exist yet";
}

TEST(ChangePlan, TheDescriptionBlockIsReplacedNotDuplicated) {
    ProductSnapshot p = shirt();
    const ChangePlan first = planChange(p, values, Destination::Description, {});
    p.descriptionHtml = first.after.value(productfields::description).toString();
    EXPECT_TRUE(p.descriptionHtml.startsWith(QStringLiteral("<p>Soft cotton.</p>")));
    const QList<ApprovedValue> edited{{QStringLiteral("colour"), QStringLiteral("<red> & white")}};
    const QString second = planChange(p, edited, Destination::Description, {})
                               .after.value(productfields::description)
                               .toString();
    EXPECT_EQ(second.count(QStringLiteral("data-tagdesk")), 1);
    EXPECT_TRUE(second.contains(QStringLiteral("&lt;red&gt; &amp; white"))) << "escaped";
    EXPECT_FALSE(second.contains(QStringLiteral("striped")));
}

TEST(ChangePlan, ValuesShopifyWouldRefuseAreFlaggedBeforeSync) {
    ProductSnapshot p = shirt();
    for (int i = 0; i < 249; ++i)
        p.tags << QStringLiteral("t%1").arg(i);
    const QList<ApprovedValue> bad{{QStringLiteral("colour"), QStringLiteral("red, white")},
                                   {QStringLiteral("style"), QString(300, QLatin1Char('x'))}};
    WriteSettings s;
    s.altTemplate = QStringLiteral("{style}{style}");
    const ChangePlan plan =
        planChange(p, bad, Destinations(Destination::Tags) | Destination::AltText, s);
    EXPECT_FALSE(plan.isWritable());
    const QString problems = plan.problems.join(QLatin1Char('\n'));
    EXPECT_TRUE(problems.contains(QStringLiteral("comma"))) << problems.toStdString();
    EXPECT_TRUE(problems.contains(QStringLiteral("Shopify allows 255"))) << problems.toStdString();
    EXPECT_TRUE(problems.contains(QStringLiteral("Shopify allows 250"))) << problems.toStdString();
    EXPECT_TRUE(problems.contains(QStringLiteral("Shopify allows 512"))) << problems.toStdString();

    WriteSettings list;
    list.metafieldType = QStringLiteral("list.single_line_text_field");
    const ChangePlan listed = planChange(shirt(), values, Destination::Metafields, list);
    EXPECT_TRUE(listed.isWritable());
    EXPECT_EQ(listed.after.value(
                  productfields::metafield(QStringLiteral("tagdesk"), QStringLiteral("colour"))),
              QJsonValue(QStringLiteral("[\"white\"]")));
}

TEST(ChangePlan, WritesMoveTagsByDifferenceAndKeepATagAddedMeanwhile) {
    const ChangePlan plan =
        planChange(shirt(), values, Destinations(Destination::Tags) | Destination::Metafields, {});
    ProductSnapshot now = shirt();
    now.tags << QStringLiteral("added-by-colleague");
    const ProductWrites w = writesFor(plan, now, {});
    EXPECT_EQ(w.tagsToRemove, QStringList{QStringLiteral("colour:blue")});
    EXPECT_EQ(w.tagsToAdd.size(), 3);
    EXPECT_FALSE(w.tagsToRemove.contains(QStringLiteral("added-by-colleague")));
    ASSERT_EQ(w.metafieldsToSet.size(), 3);
    for (const auto &m : w.metafieldsToSet) {
        if (m.key == QLatin1String("pattern"))
            EXPECT_EQ(m.compareDigest, std::optional<QString>(QString(64, QLatin1Char('d'))));
        else
            EXPECT_FALSE(m.compareDigest.has_value()) << "new: must not exist yet";
    }

    // The same plan backwards deletes the metafields it created.
    const ProductWrites back = writesFor(plan.reversed(), now, {});
    EXPECT_EQ(back.metafieldsToDelete.size(), 0) << "none exist on `now` yet";
    ProductSnapshot written = now;
    written.metafields.append({QStringLiteral("tagdesk"), QStringLiteral("colour"),
                               QStringLiteral("single_line_text_field"), QStringLiteral("white"),
                               QString(64, QLatin1Char('e'))});
    EXPECT_EQ(writesFor(plan.reversed(), written, {}).metafieldsToDelete.size(), 1);

    // A field already at its target (an interrupted push got that far) is not sent again.
    ProductSnapshot done = now;
    done.metafields[0].value = QStringLiteral("striped");
    EXPECT_EQ(writesFor(plan, done, {}).metafieldsToSet.size(), 2);
}

TEST(ChangePlan, AnExistingMetafieldKeepsItsTypeAndTakesTheValueInThatTypesForm) {
    ProductSnapshot p = shirt();
    p.metafields = {{QStringLiteral("tagdesk"), QStringLiteral("colour"),
                     QStringLiteral("list.single_line_text_field"), QStringLiteral("[\"blue\"]"),
                     QString(64, QLatin1Char('c'))},
                    {QStringLiteral("tagdesk"), QStringLiteral("pattern"),
                     QStringLiteral("single_line_text_field"), QStringLiteral("plain"),
                     QString(64, QLatin1Char('d'))}};
    const QList<ApprovedValue> chosen{{QStringLiteral("colour"), QStringLiteral("navy, white")},
                                      {QStringLiteral("pattern"), QStringLiteral("striped")}};
    WriteSettings job;
    job.metafieldType = QStringLiteral("multi_line_text_field"); // what new ones would get
    job.metafieldTypes.insert(QStringLiteral("pattern"),
                              QStringLiteral("list.single_line_text_field"));
    const ChangePlan plan = planChange(p, chosen, Destination::Metafields, job);
    ASSERT_TRUE(plan.isWritable()) << plan.problems.join(QLatin1Char('\n')).toStdString();
    const QString colour =
        productfields::metafield(QStringLiteral("tagdesk"), QStringLiteral("colour"));
    const QString pattern =
        productfields::metafield(QStringLiteral("tagdesk"), QStringLiteral("pattern"));
    EXPECT_EQ(plan.after.value(colour), QJsonValue(QStringLiteral("[\"navy\",\"white\"]")));
    EXPECT_EQ(plan.after.value(pattern), QJsonValue(QStringLiteral("striped")));
    const ProductWrites w = writesFor(plan, p, job);
    ASSERT_EQ(w.metafieldsToSet.size(), 2);
    for (const auto &m : w.metafieldsToSet) {
        if (m.key == QLatin1String("colour"))
            EXPECT_EQ(m.type, QStringLiteral("list.single_line_text_field"));
        else
            EXPECT_EQ(m.type, QStringLiteral("single_line_text_field"));
    }

    // A type Tagdesk cannot write text into, and a list over Shopify's 128 items, are
    // refused in the preview.
    ProductSnapshot numbered = shirt();
    numbered.metafields.append({QStringLiteral("tagdesk"), QStringLiteral("colour"),
                                QStringLiteral("number_integer"), QStringLiteral("7"),
                                QString(64, QLatin1Char('e'))});
    const ChangePlan refused = planChange(numbered, chosen, Destination::Metafields, job);
    EXPECT_FALSE(refused.isWritable());
    EXPECT_TRUE(refused.problems.join(QLatin1Char(' ')).contains(QStringLiteral("number_integer")));
    QStringList many;
    for (int i = 0; i < 129; ++i)
        many << QStringLiteral("c%1").arg(i);
    WriteSettings lists;
    lists.metafieldType = QStringLiteral("list.single_line_text_field");
    const ChangePlan tooLong =
        planChange(shirt(), {{QStringLiteral("colour"), many.join(QStringLiteral(", "))}},
                   Destination::Metafields, lists);
    EXPECT_FALSE(tooLong.isWritable());
    EXPECT_TRUE(tooLong.problems.join(QLatin1Char(' ')).contains(QStringLiteral("129 items")))
        << tooLong.problems.join(QLatin1Char(' ')).toStdString();
    many.removeLast();
    EXPECT_TRUE(planChange(shirt(), {{QStringLiteral("colour"), many.join(QStringLiteral(", "))}},
                           Destination::Metafields, lists)
                    .isWritable());
}

TEST(ProductFields, OnlyTheTagsAChangeAddsOrRemovesDecideWhetherItStillHolds) {
    ProductSnapshot now = shirt(); // summer, colour:blue
    const QJsonObject before{{productfields::tags, productfields::sortedTags(now.tags)}};
    const QJsonObject after{
        {productfields::tags,
         productfields::sortedTags({QStringLiteral("summer"), QStringLiteral("colour:white")})}};
    EXPECT_EQ(productfields::changedTags(before.value(productfields::tags),
                                         after.value(productfields::tags)),
              (QStringList{QStringLiteral("colour:white"), QStringLiteral("colour:blue")}));
    EXPECT_TRUE(productfields::differingWritten(before, after, now).isEmpty());
    now.tags = {QStringLiteral("colour:blue"), QStringLiteral("sale")}; // summer went, sale came
    EXPECT_TRUE(productfields::differingWritten(before, after, now).isEmpty())
        << "tags the change does not touch do not matter";
    now.tags = {QStringLiteral("summer")}; // someone removed the tag the change removes
    EXPECT_EQ(productfields::differingWritten(before, after, now),
              QStringList{productfields::tags});
    now.tags = {QStringLiteral("summer"), QStringLiteral("COLOUR:WHITE")};
    EXPECT_TRUE(productfields::differingWritten(after, before, now).isEmpty())
        << "the read-back: written, whatever the case Shopify kept";
}

TEST(ChangePlan, ReviewDecisionsShapeTheApprovedValues) {
    const QList<Suggestion> suggestions{
        {QStringLiteral("colour"), QStringLiteral("blue"), 0.4, {}, {}, {}},
        {QStringLiteral("colour"), QStringLiteral("navy"), 0.8, {}, {}, {}},
        {QStringLiteral("pattern"), QStringLiteral("plain"), 0.7, {}, {}, {}},
        {QStringLiteral("category"), QStringLiteral("shirts"), 0.9, {}, {}, {}}};
    const QList<AttributeDecision> decisions{
        {QStringLiteral("pattern"), AttributeDecision::Verdict::Rejected, {}, {}},
        {QStringLiteral("category"),
         AttributeDecision::Verdict::Edited,
         QStringLiteral("tops"),
         {}},
        {QStringLiteral("material"),
         AttributeDecision::Verdict::Edited,
         QStringLiteral("linen"),
         {}}};
    const QList<ApprovedValue> v = approvedValues(suggestions, decisions);
    EXPECT_EQ(v, (QList<ApprovedValue>{{QStringLiteral("colour"), QStringLiteral("navy")},
                                       {QStringLiteral("category"), QStringLiteral("tops")},
                                       {QStringLiteral("material"), QStringLiteral("linen")}}));
}

TEST(ChangePlan, AnAcceptedValueStaysWhateverALaterAnalysisSuggests) {
    // The reviewer accepted "navy"; the product was analysed again and now says "black".
    const QList<Suggestion> again{
        {QStringLiteral("colour"), QStringLiteral("black"), 0.95, {}, {}, {}},
        {QStringLiteral("pattern"), QStringLiteral("striped"), 0.9, {}, {}, {}}};
    const QList<AttributeDecision> decisions{{QStringLiteral("colour"),
                                              AttributeDecision::Verdict::Accepted,
                                              QStringLiteral("navy"),
                                              {}},
                                             {QStringLiteral("pattern"),
                                              AttributeDecision::Verdict::Rejected,
                                              QStringLiteral("plain"),
                                              {}}};
    EXPECT_EQ(approvedValues(again, decisions),
              (QList<ApprovedValue>{{QStringLiteral("colour"), QStringLiteral("navy")}}))
        << "accepted stays navy; the rejected pattern does not come back as striped";
}

TEST(ChangePlan, TemplatesDropEmptyPlaceholdersCleanly) {
    const QHash<QString, QString> values{{QStringLiteral("title"), QStringLiteral("Tee")},
                                         {QStringLiteral("colour"), QStringLiteral("red")}};
    EXPECT_EQ(fillTemplate(QStringLiteral("{title} – {colour} {pattern} {category}"), values),
              QStringLiteral("Tee – red"));
    EXPECT_EQ(fillTemplate(QStringLiteral("{pattern} – {title}"), values), QStringLiteral("Tee"));
    EXPECT_EQ(fillTemplate(QStringLiteral("{title}"), {}), QString());
}

TEST(ChangePlan, OnlyTagsTheUserNamedAreRemovedAndTypesMayDifferPerAttribute) {
    WriteSettings s;
    s.removeTags = {QStringLiteral("SUMMER")};
    s.metafieldTypes.insert(QStringLiteral("colour"),
                            QStringLiteral("list.single_line_text_field"));
    const ChangePlan plan =
        planChange(shirt(), values, Destinations(Destination::Tags) | Destination::Metafields, s);
    EXPECT_FALSE(strings(plan.after.value(productfields::tags)).contains(QStringLiteral("summer")));
    EXPECT_EQ(plan.after.value(
                  productfields::metafield(QStringLiteral("tagdesk"), QStringLiteral("colour"))),
              QJsonValue(QStringLiteral("[\"white\"]")));
    EXPECT_EQ(plan.after.value(
                  productfields::metafield(QStringLiteral("tagdesk"), QStringLiteral("pattern"))),
              QJsonValue(QStringLiteral("striped")));
    const ProductWrites w = writesFor(plan, shirt(), s);
    const auto colour =
        std::find_if(w.metafieldsToSet.begin(), w.metafieldsToSet.end(),
                     [](const auto &m) { return m.key == QLatin1String("colour"); });
    ASSERT_NE(colour, w.metafieldsToSet.end());
    EXPECT_EQ(colour->type, QStringLiteral("list.single_line_text_field"));
    EXPECT_TRUE(w.tagsToRemove.contains(QStringLiteral("summer")));

    NewJob job;
    job.name = QStringLiteral("x");
    job.writing.metafieldTypes.insert(QStringLiteral("colour"), QStringLiteral("number_integer"));
    const auto refused = job.validated();
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("number_integer")));
}

TEST(ChangePlan, TheShopifyCategoryGoesToProductCategoryByIdAndNowhereElse) {
    const QString dresses = QStringLiteral("Apparel & Accessories > Clothing > Dresses");
    QList<ApprovedValue> approved = values;
    approved.append({attributes::shopifyCategory, dresses});
    const ChangePlan plan = planChange(shirt(), approved, allDestinations(), WriteSettings());
    EXPECT_TRUE(plan.isWritable()) << plan.problems.join(u'\n').toStdString();
    EXPECT_EQ(plan.before.value(productfields::category), QJsonValue(QJsonValue::Null))
        << "the shirt had no category";
    const QString id = plan.after.value(productfields::category).toString();
    ASSERT_TRUE(id.startsWith(QStringLiteral("gid://shopify/TaxonomyCategory/aa-1-")))
        << id.toStdString();
    EXPECT_EQ(StandardTaxonomy::instance().categoryById(id)->fullName, dresses);
    // Not as a tag, a metafield, or in the alt text or description.
    for (auto it = plan.after.begin(); it != plan.after.end(); ++it) {
        if (it.key() == productfields::category)
            continue;
        EXPECT_FALSE(QJsonDocument(QJsonObject{{it.key(), it.value()}})
                         .toJson()
                         .contains("Apparel & Accessories"))
            << it.key().toStdString();
    }

    // Written by productUpdate; the reverse clears it again.
    const ProductWrites w = writesFor(plan, shirt(), WriteSettings());
    ASSERT_TRUE(w.category.has_value());
    EXPECT_EQ(*w.category, QJsonValue(id));
    ProductSnapshot filed = shirt();
    filed.category = {id, dresses, false};
    const ProductWrites back = writesFor(plan.reversed(), filed, WriteSettings());
    ASSERT_TRUE(back.category.has_value());
    EXPECT_TRUE(back.category->isNull());

    // Already in it: nothing to write. Only-fill-empty leaves a category alone.
    EXPECT_FALSE(planChange(filed, approved, Destination::Category, WriteSettings())
                     .after.contains(productfields::category));
    filed.category = {QStringLiteral("gid://shopify/TaxonomyCategory/aa-1-13-7"),
                      QStringLiteral("Apparel & Accessories > Clothing > Clothing Tops > Shirts"),
                      false};
    WriteSettings fillEmpty;
    fillEmpty.onlyFillEmpty = true;
    EXPECT_TRUE(planChange(filed, approved, Destination::Category, fillEmpty).isEmpty());
    EXPECT_FALSE(planChange(filed, approved, Destination::Category, WriteSettings()).isEmpty());
}

TEST(ChangePlan, ACategoryNotInTheTaxonomyIsRefusedInThePreview) {
    const ChangePlan plan = planChange(
        shirt(), {{attributes::shopifyCategory, QStringLiteral("Clothing > Spacesuits")}},
        Destination::Category, WriteSettings());
    EXPECT_TRUE(plan.isEmpty());
    ASSERT_EQ(plan.problems.size(), 1);
    EXPECT_TRUE(plan.problems.first().contains(QStringLiteral("Spacesuits")));
    EXPECT_TRUE(plan.problems.first().contains(QStringLiteral("Standard Product Taxonomy")));
}

TEST(ProductSnapshot, KeepsItsCategoryThroughJsonAndOlderSnapshotsHaveNone) {
    ProductSnapshot p = shirt();
    p.category = {QStringLiteral("gid://shopify/TaxonomyCategory/aa-1-4"),
                  QStringLiteral("Apparel & Accessories > Clothing > Dresses"), true};
    const auto back = ProductSnapshot::fromJson(p.toJson());
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->category, p.category);
    QJsonObject old = shirt().toJson();
    old.remove(QStringLiteral("category"));
    EXPECT_TRUE(ProductSnapshot::fromJson(old)->category.isEmpty());
    EXPECT_EQ(productfields::read(p, productfields::category),
              QJsonValue(QStringLiteral("gid://shopify/TaxonomyCategory/aa-1-4")));
    EXPECT_EQ(currentAttributeValue(p, attributes::shopifyCategory),
              QStringLiteral("Apparel & Accessories > Clothing > Dresses"));
}

namespace {
const QString dressesId = QStringLiteral("gid://shopify/TaxonomyCategory/aa-1-4");
const QString pantsId = QStringLiteral("gid://shopify/TaxonomyCategory/aa-1-12");
const QString blueValue = QStringLiteral("gid://shopify/TaxonomyValue/2");
const QString blackValue = QStringLiteral("gid://shopify/TaxonomyValue/1");

QString valueId(const QString &attribute, const QString &label) {
    return vocabulary::matchValue(attribute, label).value.id;
}

QJsonArray sortedIds(QStringList ids) {
    std::sort(ids.begin(), ids.end());
    return QJsonArray::fromStringList(ids);
}

ProductSnapshot dressIn(const QString &categoryId) {
    ProductSnapshot p = shirt();
    p.category = {categoryId, StandardTaxonomy::instance().categoryById(categoryId)->fullName,
                  false};
    return p;
}

// A dress whose shopify.color-pattern references the store's Black entry.
ProductSnapshot blackDress() {
    ProductSnapshot p = dressIn(dressesId);
    p.metafields.append({QStringLiteral("shopify"), QStringLiteral("color-pattern"),
                         QStringLiteral("list.metaobject_reference"),
                         QStringLiteral("[\"gid://shopify/Metaobject/7\"]"),
                         QStringLiteral("digest-black")});
    p.categoryMetaobjects.append({QStringLiteral("gid://shopify/Metaobject/7"),
                                  QStringLiteral("shopify--color-pattern"),
                                  QStringLiteral("black"),
                                  {blackValue}});
    return p;
}
} // namespace

TEST(ChangePlan, CategoryMetafieldsTakeTheTaxonomyValuesOfTheCategorysAttributes) {
    const QList<ApprovedValue> approved{{attributes::colour, QStringLiteral("navy, white")},
                                        {attributes::pattern, QStringLiteral("striped")},
                                        {attributes::material, QStringLiteral("cotton")},
                                        {attributes::length, QStringLiteral("midi")}};
    const ChangePlan plan =
        planChange(dressIn(dressesId), approved, Destination::CategoryMetafields, {});
    EXPECT_TRUE(plan.isWritable()) << plan.problems.join(u'\n').toStdString();
    // Both colours are values of the one list.
    EXPECT_EQ(plan.after.value(productfields::categoryMetafield(QStringLiteral("color"))),
              sortedIds({valueId(attributes::colour, QStringLiteral("navy")),
                         valueId(attributes::colour, QStringLiteral("white"))}));
    EXPECT_EQ(plan.after.value(productfields::categoryMetafield(QStringLiteral("pattern"))),
              sortedIds({valueId(attributes::pattern, QStringLiteral("striped"))}));
    EXPECT_EQ(plan.after.value(productfields::categoryMetafield(QStringLiteral("fabric"))),
              sortedIds({valueId(attributes::material, QStringLiteral("cotton"))}));
    EXPECT_EQ(plan.after.size(), 3) << "length has no category metafield";
    EXPECT_EQ(plan.before.value(productfields::categoryMetafield(QStringLiteral("color"))),
              QJsonValue(QJsonValue::Null));
    EXPECT_EQ(productfields::describe(productfields::categoryMetafield(QStringLiteral("color"))),
              QStringLiteral("Category metafield Color"));
}

TEST(ChangePlan, AValueACategoryMetafieldCannotTakeIsLeftOutWithANoteAndTheRestGoes) {
    const QList<ApprovedValue> neckline{{attributes::neckline, QStringLiteral("v-neck")}};
    ASSERT_FALSE(valueId(attributes::neckline, QStringLiteral("v-neck")).isEmpty());
    ChangePlan plan = planChange(dressIn(pantsId), neckline, Destination::CategoryMetafields, {});
    EXPECT_TRUE(plan.isEmpty());
    EXPECT_TRUE(plan.isWritable()) << "left out is not refused";
    ASSERT_EQ(plan.notes.size(), 1);
    EXPECT_TRUE(plan.notes.first().contains(QStringLiteral("is not an attribute of Pants")))
        << plan.notes.first().toStdString();

    plan = planChange(shirt(), neckline, Destination::CategoryMetafields, {});
    ASSERT_EQ(plan.notes.size(), 1);
    EXPECT_TRUE(plan.notes.first().contains(QStringLiteral("no category")));

    // A colour with no Shopify value is left out of the metafield and still tagged; the
    // other colour goes in.
    plan = planChange(dressIn(dressesId),
                      {{attributes::colour, QStringLiteral("glorbish")},
                       {attributes::pattern, QStringLiteral("striped")}},
                      Destinations(Destination::CategoryMetafields) | Destination::Tags, {});
    EXPECT_TRUE(plan.isWritable()) << plan.problems.join(u'\n').toStdString();
    ASSERT_EQ(plan.notes.size(), 1);
    EXPECT_TRUE(plan.notes.first().contains(QStringLiteral("has no Shopify value")));
    EXPECT_TRUE(plan.notes.first().contains(QStringLiteral("glorbish")));
    EXPECT_TRUE(plan.after.contains(productfields::categoryMetafield(QStringLiteral("pattern"))));
    EXPECT_TRUE(plan.after.value(productfields::tags)
                    .toArray()
                    .contains(QStringLiteral("colour:glorbish")));
    EXPECT_EQ(ChangePlan::fromJson(plan.toJson()).notes, plan.notes);
}

TEST(ChangePlan, CategoryMetafieldsFollowTheCategoryThePlanWrites) {
    const QList<ApprovedValue> approved{
        {attributes::shopifyCategory, QStringLiteral("Apparel & Accessories > Clothing > Dresses")},
        {attributes::neckline, QStringLiteral("v-neck")}};
    const Destinations both = Destinations(Destination::Category) | Destination::CategoryMetafields;
    // Without a category now, the one the plan writes takes the neckline.
    const ChangePlan plan = planChange(shirt(), approved, both, {});
    EXPECT_TRUE(plan.isWritable()) << plan.problems.join(u'\n').toStdString();
    EXPECT_EQ(plan.after.value(productfields::category).toString(), dressesId);
    EXPECT_TRUE(plan.after.contains(productfields::categoryMetafield(QStringLiteral("neckline"))));
    // The current category alone does not: Pants has no neckline, which is left out.
    const ChangePlan pants =
        planChange(dressIn(pantsId), approved, Destination::CategoryMetafields, {});
    EXPECT_FALSE(
        pants.after.contains(productfields::categoryMetafield(QStringLiteral("neckline"))));
    EXPECT_EQ(pants.notes.size(), 1);
}

TEST(ChangePlan, TheApprovedValueReplacesTheListAndOnlyFillEmptyLeavesItAlone) {
    const QList<ApprovedValue> blue{{attributes::colour, QStringLiteral("blue")}};
    const QString key = productfields::categoryMetafield(QStringLiteral("color"));
    const ChangePlan plan = planChange(blackDress(), blue, Destination::CategoryMetafields, {});
    EXPECT_EQ(plan.before.value(key), QJsonArray{blackValue});
    EXPECT_EQ(plan.after.value(key), QJsonArray{blueValue});
    WriteSettings fillEmpty;
    fillEmpty.onlyFillEmpty = true;
    EXPECT_TRUE(
        planChange(blackDress(), blue, Destination::CategoryMetafields, fillEmpty).isEmpty());
    EXPECT_TRUE(planChange(blackDress(), {{attributes::colour, QStringLiteral("black")}},
                           Destination::CategoryMetafields, {})
                    .isEmpty())
        << "already so";

    // Written with the metafield's digest, as taxonomy values for the resolver; the reverse
    // of a new metafield deletes it.
    const ProductWrites w = writesFor(plan, blackDress(), {});
    ASSERT_EQ(w.categoryMetafieldsToSet.size(), 1);
    EXPECT_EQ(w.categoryMetafieldsToSet.first().key, QStringLiteral("color-pattern"));
    EXPECT_EQ(w.categoryMetafieldsToSet.first().taxonomyValueIds, QStringList{blueValue});
    EXPECT_EQ(w.categoryMetafieldsToSet.first().compareDigest, QStringLiteral("digest-black"));
    const ChangePlan fresh =
        planChange(dressIn(dressesId), blue, Destination::CategoryMetafields, {});
    ProductSnapshot written = blackDress();
    written.categoryMetaobjects.first().taxonomyValueIds = {blueValue};
    const ProductWrites back = writesFor(fresh.reversed(), written, {});
    EXPECT_TRUE(back.categoryMetafieldsToSet.isEmpty());
    EXPECT_EQ(back.metafieldsToDelete,
              (QList<std::pair<QString, QString>>{
                  {QStringLiteral("shopify"), QStringLiteral("color-pattern")}}));
}

TEST(ProductFields, ACategoryMetafieldReadsAsASetOfTaxonomyValuesAndUnreadEntriesKeepTheirIds) {
    ProductSnapshot p = blackDress();
    p.metafields.last().value = QStringLiteral(
        "[\"gid://shopify/Metaobject/9\",\"gid://shopify/Metaobject/7\",\"gid://shopify/"
        "Metaobject/7\"]");
    const QString key = productfields::categoryMetafield(QStringLiteral("color"));
    const QJsonValue read = productfields::read(p, key);
    EXPECT_EQ(read, (QJsonArray{QStringLiteral("gid://shopify/Metaobject/9"), blackValue}));
    EXPECT_TRUE(productfields::same(
        key, read, QJsonArray{blackValue, QStringLiteral("gid://shopify/Metaobject/9")}));
    EXPECT_FALSE(productfields::same(key, read, QJsonArray{blackValue}));
    EXPECT_EQ(productfields::read(shirt(), key), QJsonValue(QJsonValue::Null));
}

TEST(ProductSnapshot, KeepsTheMetaobjectsOfItsCategoryMetafieldsThroughJson) {
    const ProductSnapshot p = blackDress();
    const auto back = ProductSnapshot::fromJson(p.toJson());
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->categoryMetaobjects, p.categoryMetaobjects);
    EXPECT_EQ(back.value(), p);
    QJsonObject old = p.toJson();
    old.remove(QStringLiteral("categoryMetaobjects"));
    EXPECT_TRUE(ProductSnapshot::fromJson(old)->categoryMetaobjects.isEmpty());
}

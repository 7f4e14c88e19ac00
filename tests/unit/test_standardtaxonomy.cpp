// The embedded Shopify taxonomy (resources/taxonomy/): whole, consistent, and found by id,
// full name and words.
#include "domain/standardtaxonomy.h"
#include "support/qtprinters.h"

#include <gtest/gtest.h>

#include <QSet>

using namespace tagdesk;

namespace {
const StandardTaxonomy &taxonomy() {
    return StandardTaxonomy::instance();
}
} // namespace

TEST(StandardTaxonomy, IsTheWholeApparelPartOfVersion2026_08) {
    EXPECT_TRUE(taxonomy().problems().isEmpty()) << taxonomy().problems().join(u'\n').toStdString();
    EXPECT_EQ(taxonomy().version(), QStringLiteral("2026-08"));
    EXPECT_EQ(taxonomy().categories().size(), 462);

    QSet<QString> ids;
    QSet<QString> names;
    for (const TaxonomyCategory &category : taxonomy().categories()) {
        ids.insert(category.id);
        names.insert(category.fullName.toLower());
        EXPECT_TRUE(category.id.startsWith(QLatin1String("gid://shopify/TaxonomyCategory/aa-")))
            << category.id.toStdString();
        EXPECT_TRUE(category.fullName.startsWith(QLatin1String("Apparel & Accessories > ")))
            << category.fullName.toStdString();
    }
    EXPECT_EQ(ids.size(), 462) << "ids are unique";
    EXPECT_EQ(names.size(), 462) << "full names are unique";
}

TEST(StandardTaxonomy, EveryCategoryUnderTheTopLevelHasItsParent) {
    for (const TaxonomyCategory &category : taxonomy().categories()) {
        if (category.depth() <= 2) // aa-1, aa-5, aa-8: their parent "aa" is not carried
            continue;
        const TaxonomyCategory *parent = taxonomy().categoryById(category.parentId());
        // aa-2-17 Hats is carried without aa-2 Clothing Accessories.
        if (category.shortId() == QLatin1String("aa-2-17"))
            continue;
        ASSERT_NE(parent, nullptr) << category.id.toStdString();
        EXPECT_EQ(category.fullName.section(QStringLiteral(" > "), 0, -2), parent->fullName)
            << category.id.toStdString();
    }
}

TEST(StandardTaxonomy, EveryCategoryHasAttributesButTheOneWithoutCapturedHandles) {
    QStringList without;
    int inherited = 0;
    for (const TaxonomyCategory &category : taxonomy().categories()) {
        if (category.attributeHandles.isEmpty())
            without << category.shortId();
        inherited += category.attributesInherited ? 1 : 0;
    }
    // Badge & Pass Holders: no handles captured, and its parent is too general to lend its own.
    EXPECT_EQ(without, QStringList{QStringLiteral("aa-5-1")});
    EXPECT_EQ(inherited, 16); // the depth-5 children of Baby & Children's Coats & Jackets

    const TaxonomyCategory *bolero = taxonomy().categoryById(QStringLiteral("aa-1-25-4-17-1"));
    const TaxonomyCategory *parent = taxonomy().categoryById(QStringLiteral("aa-1-25-4-17"));
    ASSERT_TRUE(bolero && parent);
    EXPECT_TRUE(bolero->attributesInherited);
    EXPECT_EQ(bolero->attributeHandles, parent->attributeHandles);
    EXPECT_FALSE(parent->attributesInherited);
}

TEST(StandardTaxonomy, EveryAttributeHasItsIdNameAndValuesWithIdNameAndHandle) {
    const QList<QPair<QString, int>> expected{
        {QStringLiteral("color"), 19},     {QStringLiteral("pattern"), 51},
        {QStringLiteral("fabric"), 48},    {QStringLiteral("sleeve-length-type"), 8},
        {QStringLiteral("neckline"), 18},  {QStringLiteral("target-gender"), 4},
        {QStringLiteral("age-group"), 12},
    };
    ASSERT_EQ(taxonomy().attributes().size(), expected.size());
    QSet<QString> valueIds;
    for (const auto &[handle, count] : expected) {
        const TaxonomyAttribute *attribute = taxonomy().attribute(handle);
        ASSERT_NE(attribute, nullptr) << handle.toStdString();
        EXPECT_TRUE(attribute->id.startsWith(QLatin1String("gid://shopify/TaxonomyAttribute/")));
        EXPECT_FALSE(attribute->name.isEmpty());
        EXPECT_EQ(attribute->values.size(), count) << handle.toStdString();
        for (const TaxonomyValue &value : attribute->values) {
            EXPECT_TRUE(value.id.startsWith(QLatin1String("gid://shopify/TaxonomyValue/")))
                << value.id.toStdString();
            EXPECT_FALSE(value.name.isEmpty()) << value.id.toStdString();
            EXPECT_TRUE(value.handle.startsWith(handle + QStringLiteral("__")))
                << value.handle.toStdString();
            EXPECT_FALSE(valueIds.contains(value.id))
                << value.id.toStdString() << " is listed twice";
            valueIds.insert(value.id);
        }
    }
    EXPECT_EQ(taxonomy().attribute(QStringLiteral("color"))->id,
              QStringLiteral("gid://shopify/TaxonomyAttribute/1"));
}

TEST(StandardTaxonomy, EveryHandleOfTheCarriedAttributesIsUsedByCategories) {
    for (const TaxonomyAttribute &attribute : taxonomy().attributes()) {
        int users = 0;
        for (const TaxonomyCategory &category : taxonomy().categories())
            users += category.attributeHandles.contains(attribute.handle) ? 1 : 0;
        EXPECT_GT(users, 0) << attribute.handle.toStdString();
    }
}

TEST(StandardTaxonomy, FindsCategoriesByIdFullNameAndWords) {
    const TaxonomyCategory *dresses = taxonomy().categoryById(QStringLiteral("aa-1-4"));
    ASSERT_NE(dresses, nullptr);
    EXPECT_EQ(dresses,
              taxonomy().categoryById(QStringLiteral("gid://shopify/TaxonomyCategory/aa-1-4")));
    EXPECT_EQ(dresses->fullName, QStringLiteral("Apparel & Accessories > Clothing > Dresses"));
    EXPECT_EQ(dresses->name(), QStringLiteral("Dresses"));
    EXPECT_EQ(dresses->depth(), 3);
    EXPECT_EQ(dresses->parentId(), QStringLiteral("gid://shopify/TaxonomyCategory/aa-1"));
    EXPECT_EQ(taxonomy().categoryByFullName(
                  QStringLiteral(" apparel & accessories > clothing > dresses ")),
              dresses);
    EXPECT_EQ(taxonomy().categoryById(QStringLiteral("aa-99")), nullptr);
    EXPECT_EQ(taxonomy().categoryByFullName(QStringLiteral("Dresses")), nullptr);

    const auto tShirts = taxonomy().searchCategories(QStringLiteral("t-shirts"));
    ASSERT_GE(tShirts.size(), 3);
    EXPECT_EQ(tShirts.first()->shortId(), QStringLiteral("aa-1-13-8")); // the least deep
    for (const TaxonomyCategory *category : tShirts)
        EXPECT_EQ(category->name(), QStringLiteral("T-Shirts"));

    const auto denimShorts = taxonomy().searchCategories(QStringLiteral("Shorts denim"));
    ASSERT_EQ(denimShorts.size(), 1);
    EXPECT_EQ(denimShorts.first()->shortId(), QStringLiteral("aa-1-14-5"));
    EXPECT_TRUE(taxonomy().searchCategories(QStringLiteral("   ")).isEmpty());
    EXPECT_TRUE(taxonomy().searchCategories(QStringLiteral("lawn mower")).isEmpty());
}

TEST(StandardTaxonomy, FindsValuesByNameOrHandle) {
    const TaxonomyValue *blue = taxonomy().value(QStringLiteral("color"), QStringLiteral("blue"));
    ASSERT_NE(blue, nullptr);
    EXPECT_EQ(*blue, (TaxonomyValue{QStringLiteral("gid://shopify/TaxonomyValue/2"),
                                    QStringLiteral("Blue"), QStringLiteral("color__blue")}));
    EXPECT_EQ(taxonomy().value(QStringLiteral("color"), QStringLiteral("color__blue")), blue);
    EXPECT_EQ(taxonomy().value(QStringLiteral("pattern"), QStringLiteral("Blue")), nullptr);
    EXPECT_EQ(taxonomy().value(QStringLiteral("size"), QStringLiteral("M")), nullptr);
    EXPECT_EQ(taxonomy().attributeOfValue(blue->id), QStringLiteral("color"));
    EXPECT_TRUE(
        taxonomy().attributeOfValue(QStringLiteral("gid://shopify/TaxonomyValue/0")).isEmpty());
}

TEST(StandardTaxonomy, AllowsAValueOnlyForCategoriesWithItsAttribute) {
    const QString vNeck =
        taxonomy().value(QStringLiteral("neckline"), QStringLiteral("V-neck"))->id;
    const QString blue = taxonomy().value(QStringLiteral("color"), QStringLiteral("Blue"))->id;
    EXPECT_TRUE(taxonomy().isValueAllowed(QStringLiteral("aa-1-4"), vNeck)); // Dresses
    EXPECT_FALSE(taxonomy().isValueAllowed(QStringLiteral("aa-8"), vNeck));  // Shoes
    EXPECT_TRUE(taxonomy().isValueAllowed(QStringLiteral("aa-8"), blue));
    // Baby & Children's Underwear lists only size-type.
    EXPECT_FALSE(taxonomy().isValueAllowed(QStringLiteral("aa-1-25-11"), blue));
    EXPECT_FALSE(taxonomy().isValueAllowed(QStringLiteral("aa-99"), blue));
    EXPECT_FALSE(taxonomy().isValueAllowed(QStringLiteral("aa-1-4"), QStringLiteral("x")));
}

TEST(StandardTaxonomy, ReportsWhatItCannotRead) {
    const StandardTaxonomy broken = StandardTaxonomy::fromData(
        "# comment\naa-1\tApparel & Accessories > Clothing\tcolor\nnot a row\n",
        R"({"version": "x", "attributes": [{"id": "gid://shopify/TaxonomyAttribute/1",
             "name": "Color", "handle": "color",
             "values": [{"id": "gid://shopify/TaxonomyValue/1", "name": "Black"}]}]})");
    EXPECT_EQ(broken.categories().size(), 1);
    EXPECT_EQ(broken.problems().size(), 3) << broken.problems().join(u'\n').toStdString();
    EXPECT_TRUE(broken.attributes().isEmpty());
}

TEST(StandardTaxonomy, NamesItsIdsForPeopleAndLeavesOtherTextAlone) {
    const StandardTaxonomy &t = StandardTaxonomy::instance();
    EXPECT_EQ(t.readableName(QStringLiteral("gid://shopify/TaxonomyCategory/aa-1-4")),
              QStringLiteral("Apparel & Accessories > Clothing > Dresses"));
    const TaxonomyValue *navy = t.value(QStringLiteral("color"), QStringLiteral("Navy"));
    ASSERT_NE(navy, nullptr);
    EXPECT_EQ(t.readableName(navy->id), QStringLiteral("Navy"));
    EXPECT_EQ(t.readableName(QStringLiteral("gid://shopify/TaxonomyValue/999999999")),
              QStringLiteral("gid://shopify/TaxonomyValue/999999999"));
    EXPECT_EQ(t.readableName(QStringLiteral("colour:red")), QStringLiteral("colour:red"));
}

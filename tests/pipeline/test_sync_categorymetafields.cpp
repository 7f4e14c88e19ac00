// Category metafields against the sandbox's demo store over loopback: an approved category
// and colour, pattern and fabric become product.category and shopify.<key> metafields that
// reference the store's metaobjects (found by taxonomy value, or created once and reused
// across products); a value the category does not take is refused in the preview; a revert
// restores every product exactly and deletes the metaobjects Tagdesk created; a merchant's
// edit of the metafield meanwhile is a conflict.
#include "domain/attribute.h"
#include "domain/taxonomyvocabulary.h"
#include "pipeline/synchharness.h"
#include "shopify/productwriter.h"
#include "storage/suggestionrepository.h"
#include "support/qtprinters.h"
#include "sync/productfields.h"

#include <QJsonDocument>

using namespace tagdesk;
using namespace tagdesk::test;

namespace {

const QString dressesName = QStringLiteral("Apparel & Accessories > Clothing > Dresses");
const QString dressesId = QStringLiteral("gid://shopify/TaxonomyCategory/aa-1-4");
const Destinations categoryAndMetafields =
    Destinations(Destination::Category) | Destination::CategoryMetafields;

Suggestion suggestion(const QString &attribute, const QString &value) {
    return {attribute, value, 0.9, {}, {}, {}};
}

class CategoryMetafieldsSync : public ::testing::Test {
protected:
    CategoryMetafieldsSync()
        : sandbox(sandbox::demoCatalog())
        , h(sandbox, sandbox.fastRetries()) {}

    // A job over the demo store's first `count` products, each suggested `values`.
    qint64 job(int count, const QList<Suggestion> &values,
               Destinations destinations = categoryAndMetafields) {
        // As a run of a job that writes category metafields reads its products.
        h.shopify.setReadsCategoryMetafields(
            destinations.testFlag(Destination::CategoryMetafields));
        const qint64 id = h.analysedJob(count, destinations);
        const QStringList ids = h.productIds;
        const auto seeded = await(h.writer->submit<bool>([=](Connection &conn) -> Result<bool> {
            for (const QString &p : ids) {
                if (auto s = SuggestionRepository(conn).replace(id, p, values); !s)
                    return s.error();
            }
            return true;
        }));
        EXPECT_TRUE(seeded.ok());
        return id;
    }

    QList<sandbox::StoreMetaobject> metaobjects() {
        return sandbox.server.store().metaobjects().entries();
    }

    const sandbox::StoreMetafield *metafield(const QString &productId, const QString &key) {
        const sandbox::StoreProduct *p = sandbox.server.store().product(productId);
        for (const sandbox::StoreMetafield &m : p->metafields) {
            if (m.ns == QLatin1String("shopify") && m.key == key)
                return &m;
        }
        return nullptr;
    }

    static QStringList ids(const QString &json) {
        QStringList out;
        for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array())
            out << v.toString();
        return out;
    }

    int requests(const QString &operation) {
        int n = 0;
        for (const QJsonValue &v : sandbox.requestLog())
            n += v.toObject().value(QStringLiteral("operationName")).toString() == operation;
        return n;
    }

    SandboxFixture sandbox;
    SyncHarness h;
};

} // namespace

TEST_F(CategoryMetafieldsSync, ApprovedValuesReferenceMetaobjectsCreatedOnceAndRevertRestoresAll) {
    const qint64 id = job(4, {suggestion(attributes::shopifyCategory, dressesName),
                              suggestion(attributes::colour, QStringLiteral("white")),
                              suggestion(attributes::pattern, QStringLiteral("striped")),
                              suggestion(attributes::material, QStringLiteral("cotton"))});
    h.approveAll(id);
    for (const ProductChange &c : h.preview(id))
        EXPECT_TRUE(c.plan.isWritable()) << c.plan.problems.join(u'\n').toStdString();
    const auto original = h.storeValues();
    const auto originalEntries = metaobjects();
    const QString cotton =
        sandbox.server.store()
            .metaobjects()
            .byHandle(QStringLiteral("shopify--fabric"), QStringLiteral("cotton"))
            ->id;

    const auto pushed = h.sync(id);
    ASSERT_TRUE(pushed.ok()) << pushed.error().message.toStdString();
    EXPECT_TRUE(pushed->clean()) << pushed->problems.join(u'\n').toStdString();
    EXPECT_EQ(pushed->written, 4);

    // One new colour entry (White) and one pattern entry (Striped), whatever the number of
    // products; the store's Cotton is reused.
    EXPECT_EQ(metaobjects().size(), originalEntries.size() + 2);
    EXPECT_EQ(requests(QStringLiteral("MetaobjectCreate")), 2);
    const QString white =
        vocabulary::matchValue(attributes::colour, QStringLiteral("white")).value.id;
    QString colourEntry;
    for (const QString &product : std::as_const(h.productIds)) {
        // As /_sandbox/products shows it.
        const QJsonObject values = h.storeValues(product);
        EXPECT_EQ(values.value(QStringLiteral("category")).toString(), dressesId);
        const sandbox::StoreMetafield *colour = metafield(product, QStringLiteral("color-pattern"));
        ASSERT_NE(colour, nullptr) << product.toStdString();
        EXPECT_EQ(colour->type, QStringLiteral("list.metaobject_reference"));
        ASSERT_EQ(ids(colour->value).size(), 1);
        if (colourEntry.isEmpty())
            colourEntry = ids(colour->value).first();
        EXPECT_EQ(ids(colour->value).first(), colourEntry) << "one entry, reused";
        ASSERT_NE(metafield(product, QStringLiteral("fabric")), nullptr);
        EXPECT_EQ(ids(metafield(product, QStringLiteral("fabric"))->value), QStringList{cotton});
        EXPECT_NE(metafield(product, QStringLiteral("pattern")), nullptr);
    }
    const sandbox::StoreMetaobject *entry = sandbox.server.store().metaobjects().byId(colourEntry);
    ASSERT_NE(entry, nullptr);
    EXPECT_EQ(entry->type, QStringLiteral("shopify--color-pattern"));
    EXPECT_EQ(ids(entry->field(QStringLiteral("color_taxonomy_reference"))), QStringList{white});
    EXPECT_EQ(entry->field(QStringLiteral("label")), QStringLiteral("White"));

    // The read-back read them as taxonomy values: the push log has them so.
    const auto reverted = h.sync(id, SyncRunner::Mode::Revert);
    ASSERT_TRUE(reverted.ok()) << reverted.error().message.toStdString();
    EXPECT_TRUE(reverted->clean()) << reverted->problems.join(u'\n').toStdString();
    EXPECT_EQ(reverted->written, 4);
    EXPECT_EQ(h.storeValues(), original) << "every product exactly as it was";
    EXPECT_EQ(metaobjects().size(), originalEntries.size()) << "the entries Tagdesk created go";
    EXPECT_NE(sandbox.server.store().metaobjects().byId(cotton), nullptr)
        << "the store's own entry stays";
}

TEST_F(CategoryMetafieldsSync, AStoresEntryOfTheValueIsReusedAndAValueTheCategoryLacksIsRefused) {
    // The demo's dress is in Dresses: Blue is the store's own entry.
    const qint64 id = job(1, {suggestion(attributes::colour, QStringLiteral("blue"))},
                          Destination::CategoryMetafields);
    h.approveAll(id);
    ASSERT_TRUE(h.sync(id)->clean());
    const QString blue =
        sandbox.server.store()
            .metaobjects()
            .byHandle(QStringLiteral("shopify--color-pattern"), QStringLiteral("blue"))
            ->id;
    EXPECT_EQ(ids(metafield(h.productIds.first(), QStringLiteral("color-pattern"))->value),
              QStringList{blue});
    EXPECT_EQ(requests(QStringLiteral("MetaobjectCreate")), 0);

    // Pants take no neckline: left out with a note in the preview, and not sent.
    const qint64 pants =
        job(1, {suggestion(attributes::shopifyCategory,
                           QStringLiteral("Apparel & Accessories > Clothing > Pants")),
                suggestion(attributes::neckline, QStringLiteral("v-neck"))});
    h.approveAll(pants);
    const QList<ProductChange> preview = h.preview(pants);
    ASSERT_EQ(preview.size(), 1);
    EXPECT_TRUE(preview.first().plan.isWritable());
    EXPECT_TRUE(preview.first().plan.notes.join(u'\n').contains(
        QStringLiteral("is not an attribute of Pants")))
        << preview.first().plan.notes.join(u'\n').toStdString();
    EXPECT_FALSE(preview.first().plan.after.contains(
        productfields::categoryMetafield(QStringLiteral("neckline"))));
    const auto pushed = h.sync(pants);
    EXPECT_EQ(pushed->failed, 0);
    EXPECT_EQ(metafield(h.productIds.first(), QStringLiteral("neckline")), nullptr)
        << "no neckline metafield on the pants";
}

TEST_F(CategoryMetafieldsSync, AMerchantsEditOfTheMetafieldMeanwhileIsAConflict) {
    const qint64 id = job(1, {suggestion(attributes::colour, QStringLiteral("white"))},
                          Destination::CategoryMetafields);
    h.approveAll(id);
    // The merchant picks Black in the admin after the job read the product.
    const QString black =
        sandbox.server.store()
            .metaobjects()
            .byHandle(QStringLiteral("shopify--color-pattern"), QStringLiteral("black"))
            ->id;
    ProductWrites w;
    w.categoryMetafieldsToSet.append(
        {QStringLiteral("color"), QStringLiteral("color-pattern"), {}, std::nullopt});
    const auto set = await(productwriter::apply(
        &h.shopify, productwriter::mutationsFor(h.productIds.first(), w,
                                                {{QStringLiteral("color-pattern"), {black}}})));
    ASSERT_TRUE(set.ok()) << set.error().message.toStdString();
    const auto edited = h.storeValues();

    const auto pushed = h.sync(id);
    EXPECT_EQ(pushed->conflicts, 1);
    EXPECT_EQ(h.storeValues(), edited) << "their edit stays";
    EXPECT_EQ(requests(QStringLiteral("MetaobjectCreate")), 0) << "nothing was written";
}

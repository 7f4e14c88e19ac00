// Sync and revert against the sandbox store over real sockets: the store ends with exactly
// the previewed values; a product edited in Shopify meanwhile becomes a conflict with
// nothing overwritten; a revert puts back the values a push replaced; an unreachable store
// leaves everything queued; an interrupted push finishes without writing twice.
#include "pipeline/conflictresolver.h"
#include "pipeline/synchharness.h"
#include "server/adminendpoints.h"
#include "shopify/productwriter.h"
#include "storage/pushlogrepository.h"
#include "support/qtprinters.h"
#include "support/storevalues.h"
#include "sync/productfields.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QSet>
#include <QTcpServer>

using namespace tagdesk;
using namespace tagdesk::test;

namespace {

const Destinations everywhere = Destinations(Destination::Tags) | Destination::Metafields |
                                Destination::ProductType | Destination::AltText |
                                Destination::Description;

class Sync : public ::testing::Test {
protected:
    Sync()
        : sandbox(realCatalog(QStringLiteral("kith-storefront-products.json")))
        , h(sandbox, sandbox.fastRetries()) {}

    SandboxFixture sandbox;
    SyncHarness h;
};

} // namespace

namespace {
// A metafield written with a compareDigest that matches nothing the store has.
Result<QJsonArray> writeWithAStaleDigest(SyncHarness &h) {
    h.analysedJob(1, Destinations(Destination::Metafields));
    ProductWrites w;
    w.metafieldsToSet.append({QStringLiteral("tagdesk"), QStringLiteral("colour"),
                              QStringLiteral("single_line_text_field"), QStringLiteral("red"),
                              QString(64, QLatin1Char('a'))});
    return await(
        productwriter::apply(&h.shopify, productwriter::mutationsFor(h.productIds.at(0), w)));
}
} // namespace

TEST_F(Sync, APushWritesExactlyThePreviewedValuesAndNothingElse) {
    const qint64 job = h.analysedJob(8, everywhere);
    ASSERT_EQ(h.approveAll(job), 8);
    const auto before = h.storeValues();
    const QList<ProductChange> preview = h.preview(job);
    ASSERT_EQ(preview.size(), 8);
    for (const ProductChange &c : preview) {
        EXPECT_TRUE(c.plan.isWritable()) << c.plan.problems.join(QLatin1Char(';')).toStdString();
        EXPECT_TRUE(c.plan.after.contains(productfields::tags));
        EXPECT_EQ(c.plan.after.value(productfields::productType).toString(),
                  QStringLiteral("Dresses"));
        EXPECT_EQ(c.plan.after
                      .value(productfields::metafield(QStringLiteral("tagdesk"),
                                                      QStringLiteral("colour")))
                      .toString(),
                  QStringLiteral("navy"));
    }
    EXPECT_EQ(h.status(job), JobStatus::ReadyToSync);

    const auto report = h.sync(job);
    ASSERT_TRUE(report.ok()) << report.error().message.toStdString();
    EXPECT_EQ(report->written, 8);
    EXPECT_TRUE(report->clean()) << report->problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(h.status(job), JobStatus::Complete);

    for (const ProductChange &c : preview) {
        const QJsonObject expected = withPlanApplied(before.value(c.product.productId), c.plan, {});
        EXPECT_EQ(h.storeValues(c.product.productId), expected)
            << c.product.productId.toStdString();
    }
    // Every push is in the log with the values it replaced.
    auto log = PushLogRepository(*h.reader).forJob(job);
    ASSERT_TRUE(log.ok());
    ASSERT_EQ(log->size(), 8);
    for (const PushRecord &r : log.value()) {
        EXPECT_EQ(r.outcome, PushRecord::Outcome::Succeeded);
        EXPECT_EQ(r.who, QStringLiteral("Ann"));
        EXPECT_FALSE(r.before.isEmpty());
        EXPECT_TRUE(r.updatedAtAfter.isValid());
    }

    // A second sync has nothing left to push and writes nothing.
    const auto again = h.sync(job);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->written + again->unchanged, 0);
}

// Every answer to a write came back garbled, each resend too, yet Shopify ran it: what the
// store holds decides, so a write that landed whole is written (and reverted) — never
// "failed" over values that are in the store.
TEST_F(Sync, AWriteThatLandedThoughEveryAnswerWasGarbledIsWrittenNotFailed) {
    const qint64 job = h.analysedJob(3, Destinations(Destination::Tags));
    ASSERT_EQ(h.approveAll(job), 3);
    const auto before = h.storeValues();
    const QList<ProductChange> preview = h.preview(job);
    sandbox::FaultPlan garbled;
    ASSERT_TRUE(garbled.addFlag(QStringLiteral("shopify:malformed=1,operations=TagsAdd")).ok());
    sandbox.server.setFaults(garbled);

    const auto report = h.sync(job);
    ASSERT_TRUE(report.ok()) << report.error().message.toStdString();
    EXPECT_EQ(report->written, 3) << report->problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(report->failed, 0);
    for (const ProductChange &c : preview) {
        EXPECT_EQ(h.storeValues(c.product.productId),
                  withPlanApplied(before.value(c.product.productId), c.plan, {}));
        EXPECT_EQ(h.product(job, c.product.productId).progress.sync, SyncState::Pushed);
    }
    auto log = PushLogRepository(*h.reader).forJob(job);
    ASSERT_TRUE(log.ok());
    ASSERT_EQ(log->size(), 3);
    for (const PushRecord &r : log.value()) {
        EXPECT_EQ(r.outcome, PushRecord::Outcome::Succeeded);
        const QString lost = r.shopifyAnswer.value(QStringLiteral("mutations"))
                                 .toArray()
                                 .first()
                                 .toObject()
                                 .value(QStringLiteral("answerLost"))
                                 .toString();
        EXPECT_TRUE(lost.contains(QStringLiteral("could not be read"))) << lost.toStdString();
    }
    EXPECT_GE(sandbox.operations(QStringLiteral("TagsAdd")), 6) << "each sent again";

    // The revert's answers garbled alike: reverted, the store as it was.
    sandbox::FaultPlan garbledRevert;
    ASSERT_TRUE(
        garbledRevert.addFlag(QStringLiteral("shopify:malformed=1,operations=TagsRemove")).ok());
    sandbox.server.setFaults(garbledRevert);
    const auto revert = h.sync(job, SyncRunner::Mode::Revert);
    ASSERT_TRUE(revert.ok()) << revert.error().message.toStdString();
    EXPECT_EQ(revert->written, 3) << revert->problems.join(QLatin1Char('\n')).toStdString();
    for (const ProductChange &c : preview) {
        EXPECT_EQ(h.storeValues(c.product.productId), before.value(c.product.productId));
        EXPECT_EQ(h.product(job, c.product.productId).progress.sync, SyncState::Reverted);
    }
}

// The read-back after a failed write does not hide a real failure: refused outright,
// nothing landed, the product failed with the refusal.
TEST_F(Sync, AWriteRefusedOutrightStaysAFailureAfterItsReadBack) {
    const qint64 job = h.analysedJob(2, Destinations(Destination::Tags));
    ASSERT_EQ(h.approveAll(job), 2);
    const auto before = h.storeValues();
    sandbox::FaultPlan refused;
    ASSERT_TRUE(
        refused.addFlag(QStringLiteral("shopify:error=1,status=422,operations=TagsAdd")).ok());
    sandbox.server.setFaults(refused);
    const auto report = h.sync(job);
    ASSERT_TRUE(report.ok()) << report.error().message.toStdString();
    EXPECT_EQ(report->written, 0);
    EXPECT_EQ(report->failed, 2);
    for (const QString &id : std::as_const(h.productIds)) {
        EXPECT_EQ(h.storeValues(id), before.value(id));
        const JobProduct p = h.product(job, id);
        EXPECT_EQ(p.progress.sync, SyncState::Failed);
        EXPECT_TRUE(p.error.contains(QStringLiteral("422"))) << p.error.toStdString();
    }
}

TEST_F(Sync, OnlyEditsOfTheFieldsAPushWritesAreConflictsAndTheyKeepTheirEdits) {
    const qint64 job = h.analysedJob(6, Destinations(Destination::Tags) | Destination::ProductType);
    h.approveAll(job);
    const QString typed = h.productIds.at(0);
    const QString sameTag = h.productIds.at(1);
    const QString tagged = h.productIds.at(2);
    const QString retitled = h.productIds.at(3);
    const QString restocked = h.productIds.at(4);
    const auto edit = [&](const QString &id, const QJsonObject &fields) {
        return sandbox::editProductAsMerchant(sandbox.server.store(), id, fields).ok();
    };
    const auto tagsWith = [&](const QString &id, const QString &tag) {
        QJsonArray tags = h.storeValues(id).value(QStringLiteral("tags")).toArray();
        tags.append(tag);
        return tags;
    };
    // Colleagues edit fields this push writes: the product type, and a tag it adds.
    ASSERT_TRUE(edit(typed, {{QStringLiteral("productType"), QStringLiteral("Gowns")}}));
    ASSERT_TRUE(edit(sameTag, {{QStringLiteral("tags"),
                                tagsWith(sameTag, QStringLiteral("Category:Dresses"))}}));
    // …and fields it does not write: another tag, the title, the vendor. Each moves
    // updatedAt, which alone is no conflict.
    ASSERT_TRUE(edit(tagged, {{QStringLiteral("tags"), tagsWith(tagged, QStringLiteral("sale"))}}));
    ASSERT_TRUE(edit(retitled, {{QStringLiteral("title"), QStringLiteral("Renamed")}}));
    ASSERT_TRUE(edit(restocked, {{QStringLiteral("vendor"), QStringLiteral("Another vendor")}}));
    const QJsonObject typedBefore = h.storeValues(typed);
    const QJsonObject sameTagBefore = h.storeValues(sameTag);

    const auto report = h.sync(job);
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->conflicts, 2) << report->problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(report->written, 4);
    EXPECT_EQ(h.status(job), JobStatus::CompleteWithErrors);
    EXPECT_EQ(h.storeValues(typed), typedBefore) << "nothing was overwritten";
    EXPECT_EQ(h.storeValues(sameTag), sameTagBefore);
    EXPECT_EQ(h.product(job, typed).progress.sync, SyncState::Conflict);
    EXPECT_TRUE(h.product(job, typed).error.contains(QStringLiteral("Product type")))
        << h.product(job, typed).error.toStdString();
    EXPECT_TRUE(h.product(job, sameTag).error.contains(QStringLiteral("Tags")))
        << h.product(job, sameTag).error.toStdString();
    for (const QString &id : {tagged, retitled, restocked})
        EXPECT_EQ(h.product(job, id).progress.sync, SyncState::Pushed) << id.toStdString();
    // The unrelated edits stay, beside Tagdesk's values.
    const QJsonObject taggedNow = h.storeValues(tagged);
    EXPECT_TRUE(taggedNow.value(QStringLiteral("tags")).toArray().contains(QStringLiteral("sale")));
    EXPECT_TRUE(taggedNow.value(QStringLiteral("tags"))
                    .toArray()
                    .contains(QStringLiteral("category:dresses")));
    EXPECT_EQ(h.storeValues(retitled).value(QStringLiteral("title")).toString(),
              QStringLiteral("Renamed"));

    // The three versions are kept for a person to choose from.
    auto conflict = PushLogRepository(*h.reader).conflict(job, typed);
    ASSERT_TRUE(conflict.ok() && conflict.value());
    const Conflict &c = *conflict.value();
    EXPECT_EQ(c.remoteValues.value(productfields::productType).toString(), QStringLiteral("Gowns"));
    EXPECT_NE(c.snapshotValues.value(productfields::productType),
              c.remoteValues.value(productfields::productType));
    EXPECT_EQ(c.approvedValues.value(productfields::productType).toString(),
              QStringLiteral("Dresses"));

    // Nothing re-queues a conflict but a person: "keep mine" writes Tagdesk's values over
    // the colleague's type; "keep theirs" leaves their tag and writes nothing.
    ConflictResolver resolver(*h.writer, &h.shopify);
    auto settled = await(resolver.resolve(job, {typed}, {ConflictChoice::Keep::Mine, {}}));
    ASSERT_TRUE(settled.ok()) << settled.error().message.toStdString();
    auto settledTheirs =
        await(resolver.resolve(job, {sameTag}, {ConflictChoice::Keep::Theirs, {}}));
    ASSERT_TRUE(settledTheirs.ok());
    const auto resumed = h.sync(job);
    ASSERT_TRUE(resumed.ok());
    EXPECT_EQ(resumed->written, 1);
    EXPECT_TRUE(resumed->clean());
    EXPECT_EQ(h.storeValues(typed).value(QStringLiteral("productType")).toString(),
              QStringLiteral("Dresses"));
    EXPECT_EQ(h.storeValues(sameTag), sameTagBefore) << "keep theirs writes nothing";
    EXPECT_EQ(h.status(job), JobStatus::Complete);
}

TEST_F(Sync, TagsSomeoneElseChangedMeanwhileStayAsTheyLeftThem) {
    // Tags are written by difference: a tag the snapshot had, removed in the admin since,
    // must not come back with Tagdesk's push.
    const qint64 job = h.analysedJob(1, Destinations(Destination::Tags));
    h.approveAll(job);
    const QString id = h.productIds.at(0);
    const QJsonArray snapshotTags = h.storeValues(id).value(QStringLiteral("tags")).toArray();
    ASSERT_FALSE(snapshotTags.isEmpty()) << "the catalog product needs a tag to remove";
    QJsonArray fewer = snapshotTags;
    const QString removed = fewer.takeAt(0).toString();
    ASSERT_TRUE(sandbox::editProductAsMerchant(sandbox.server.store(), id,
                                               {{QStringLiteral("tags"), fewer}})
                    .ok());
    const auto report = h.sync(job);
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->written, 1) << report->problems.join(QLatin1Char('\n')).toStdString();
    const QJsonArray now = h.storeValues(id).value(QStringLiteral("tags")).toArray();
    EXPECT_FALSE(now.contains(removed)) << removed.toStdString();
    EXPECT_TRUE(now.contains(QStringLiteral("category:dresses")));
}

TEST_F(Sync, RevertPutsBackExactlyWhatThePushReplaced) {
    const qint64 job = h.analysedJob(6, everywhere);
    h.approveAll(job);
    const auto original = h.storeValues();
    ASSERT_TRUE(h.sync(job)->clean());
    ASSERT_NE(h.storeValues(), original);

    const auto reverted = h.sync(job, SyncRunner::Mode::Revert);
    ASSERT_TRUE(reverted.ok()) << reverted.error().message.toStdString();
    EXPECT_EQ(reverted->written, 6);
    EXPECT_TRUE(reverted->clean()) << reverted->problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(h.storeValues(), original) << "metafields Tagdesk created are deleted again";
    for (const QString &id : std::as_const(h.productIds))
        EXPECT_EQ(h.product(job, id).progress.sync, SyncState::Reverted);
    // History holds the push and the revert of every product.
    EXPECT_EQ(PushLogRepository(*h.reader).forJob(job)->size(), 12);
    // Nothing left to revert.
    EXPECT_EQ(h.sync(job, SyncRunner::Mode::Revert)->written, 0);
}

TEST_F(Sync, ARevertComparesOnlyTheFieldsThePushWrote) {
    const qint64 job = h.analysedJob(3, Destinations(Destination::Tags));
    h.approveAll(job);
    ASSERT_TRUE(h.sync(job)->clean());
    // After the push, one product gets a new vendor and a tag of its own (fields the push
    // did not write); on another, someone removes the tag Tagdesk added.
    const QString vendor = h.productIds.at(0);
    const QString edited = h.productIds.at(1);
    QJsonArray tags = h.storeValues(vendor).value(QStringLiteral("tags")).toArray();
    tags.append(QStringLiteral("sale"));
    ASSERT_TRUE(sandbox::editProductAsMerchant(sandbox.server.store(), vendor,
                                               {{QStringLiteral("vendor"), QStringLiteral("X")},
                                                {QStringLiteral("tags"), tags}})
                    .ok());
    QJsonArray withoutOurs;
    for (const QJsonValue &t : h.storeValues(edited).value(QStringLiteral("tags")).toArray()) {
        if (t.toString() != QLatin1String("category:dresses"))
            withoutOurs.append(t);
    }
    ASSERT_TRUE(sandbox::editProductAsMerchant(sandbox.server.store(), edited,
                                               {{QStringLiteral("tags"), withoutOurs}})
                    .ok());
    const QJsonObject editedNow = h.storeValues(edited);
    const auto reverted = h.sync(job, SyncRunner::Mode::Revert);
    ASSERT_TRUE(reverted.ok());
    EXPECT_EQ(reverted->conflicts, 1);
    EXPECT_EQ(reverted->written, 2);
    EXPECT_EQ(h.storeValues(edited), editedNow);
    EXPECT_EQ(h.product(job, edited).progress.sync, SyncState::Pushed)
        << "the push stays in place, and can be reverted once settled";
    EXPECT_EQ(h.product(job, vendor).progress.sync, SyncState::Reverted);
    const QJsonObject vendorNow = h.storeValues(vendor);
    EXPECT_TRUE(vendorNow.value(QStringLiteral("tags")).toArray().contains(QStringLiteral("sale")));
    EXPECT_FALSE(vendorNow.value(QStringLiteral("tags"))
                     .toArray()
                     .contains(QStringLiteral("category:dresses")));
}

TEST_F(Sync, ARevertsConflictIsSettledKeepTheirsLeavesTheirEditKeepMineRevertsOverIt) {
    const qint64 job = h.analysedJob(3, Destinations(Destination::Tags));
    const QJsonObject original = h.storeValues(h.productIds.at(1));
    h.approveAll(job);
    ASSERT_TRUE(h.sync(job)->clean());
    // A merchant swaps Tagdesk's category tag for one of their own on two pushed products.
    const QString theirs = h.productIds.at(0);
    const QString mine = h.productIds.at(1);
    for (const QString &id : {theirs, mine}) {
        QJsonArray tags;
        for (const QJsonValue &t : h.storeValues(id).value(QStringLiteral("tags")).toArray()) {
            if (t.toString() != QLatin1String("category:dresses"))
                tags.append(t);
        }
        tags.append(QStringLiteral("sale"));
        ASSERT_TRUE(sandbox::editProductAsMerchant(sandbox.server.store(), id,
                                                   {{QStringLiteral("tags"), tags}})
                        .ok());
    }
    const QJsonObject theirsEdited = h.storeValues(theirs);
    const auto first = h.sync(job, SyncRunner::Mode::Revert, nullptr, {theirs, mine});
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(first->conflicts, 2);
    ASSERT_EQ(JobReader(h.db.config()).conflicts(job)->size(), 2);

    ConflictResolver resolver(*h.writer, &h.shopify);
    ASSERT_TRUE(await(resolver.resolve(job, {theirs}, {ConflictChoice::Keep::Theirs, {}})).ok());
    auto settled = await(resolver.resolve(job, {mine}, {ConflictChoice::Keep::Mine, {}}));
    ASSERT_TRUE(settled.ok()) << settled.error().message.toStdString();
    EXPECT_TRUE(JobReader(h.db.config()).conflicts(job)->isEmpty()) << "both are settled";
    EXPECT_EQ(h.product(job, theirs).progress.sync, SyncState::Pushed);
    EXPECT_EQ(h.storeValues(theirs), theirsEdited) << "keep theirs writes nothing";

    // Keep mine: the next revert puts back the values before the push, over their tag.
    const auto second = h.sync(job, SyncRunner::Mode::Revert, nullptr, {mine});
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second->written, 1) << second->problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(h.product(job, mine).progress.sync, SyncState::Reverted);
    EXPECT_EQ(h.storeValues(mine).value(QStringLiteral("tags")),
              original.value(QStringLiteral("tags")));
}

namespace {
// The catalog with every product given `count` images in all, as a merchant's gallery
// would have.
sandbox::Catalog withGallery(int count) {
    sandbox::Catalog catalog = realCatalog(QStringLiteral("kith-storefront-products.json"));
    for (qsizetype index = 0; index < catalog.products.size(); ++index) {
        sandbox::StoreProduct &p = catalog.products[index];
        const sandbox::StoreImage first = p.media.first();
        for (int i = int(p.media.size()); i < count; ++i) {
            sandbox::StoreImage copy = first;
            const qsizetype n = 900000 + index * 100 + i;
            copy.mediaId = QStringLiteral("gid://shopify/MediaImage/%1").arg(n);
            copy.imageId = QStringLiteral("gid://shopify/ImageSource/%1").arg(n);
            copy.alt.clear();
            p.media.append(copy);
        }
    }
    return catalog;
}

QStringList altsOf(const sandbox::StoreProduct &p) {
    QStringList alts;
    for (const sandbox::StoreImage &image : p.media)
        alts << image.alt;
    return alts;
}
} // namespace

TEST(SyncAltText, ReachesEveryImageOfAProductNotOnlyTheFirstPageOfThem) {
    // More images than the 10 a page of products carries per product.
    SandboxFixture sandbox(withGallery(23));
    SyncHarness h(sandbox, sandbox.fastRetries());
    sandbox::ShopifyStore &store = sandbox.server.store();
    const qint64 job = h.analysedJob(2, Destinations(Destination::AltText));
    ASSERT_EQ(h.approveAll(job), 2);
    const QString id = h.productIds.at(0);
    ASSERT_EQ(h.product(job, id).snapshot->media.size(), 23) << "the fetch read every image";
    const auto report = h.sync(job);
    ASSERT_TRUE(report.ok());
    EXPECT_TRUE(report->clean()) << report->problems.join(QLatin1Char('\n')).toStdString();
    const QStringList alts = altsOf(*store.product(id));
    ASSERT_EQ(alts.size(), 23);
    for (const QString &alt : alts)
        EXPECT_FALSE(alt.isEmpty());
    EXPECT_EQ(QSet<QString>(alts.begin(), alts.end()).size(), 1) << "the same alt on every image";
}

TEST(SyncAltText, AnImageShopifyIsStillProcessingWaitsAndGoesOutWithTheNextSync) {
    SandboxFixture sandbox(withGallery(3));
    SyncHarness h(sandbox, sandbox.fastRetries());
    sandbox::ShopifyStore &store = sandbox.server.store();
    const qint64 job =
        h.analysedJob(1, Destinations(Destination::AltText) | Destination::ProductType);
    ASSERT_EQ(h.approveAll(job), 1);
    const QString id = h.productIds.at(0);
    const qsizetype index = store.indexOf(id);
    // Shopify is still processing the second image when Tagdesk pushes.
    store.mutableProductAt(index).media[1].status = QStringLiteral("PROCESSING");
    const auto first = h.sync(job);
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(first->waiting, 1) << first->problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(first->failed, 0);
    const JobProduct waiting = h.product(job, id);
    EXPECT_EQ(waiting.progress.sync, SyncState::Queued);
    EXPECT_TRUE(waiting.error.contains(QStringLiteral("PROCESSING")))
        << waiting.error.toStdString();
    EXPECT_EQ(h.status(job), JobStatus::ReadyToSync);
    QStringList alts = altsOf(*store.product(id));
    EXPECT_FALSE(alts.at(0).isEmpty());
    EXPECT_TRUE(alts.at(1).isEmpty()) << "not sent to a file that is not READY";
    EXPECT_EQ(store.product(id)->productType, QStringLiteral("Dresses")) << "the rest is written";

    // Shopify finishes processing; the next sync writes what was left, and only that.
    store.mutableProductAt(index).media[1].status = QStringLiteral("READY");
    const auto second = h.sync(job);
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second->written, 1) << second->problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(h.product(job, id).progress.sync, SyncState::Pushed);
    alts = altsOf(*store.product(id));
    EXPECT_EQ(alts.at(1), alts.at(0));
    EXPECT_EQ(h.status(job), JobStatus::Complete);
    // One push in the history, with every field it wrote.
    auto log = PushLogRepository(*h.reader).forJob(job);
    ASSERT_TRUE(log.ok());
    ASSERT_EQ(log->size(), 1);
    EXPECT_TRUE(
        log->first().after.contains(productfields::alt(store.product(id)->media[1].mediaId)));
}

TEST_F(Sync, AnUnreachableStoreLeavesEveryApprovalQueued) {
    const qint64 job = h.analysedJob(4, Destinations(Destination::Tags));
    h.approveAll(job);
    // A store address where nothing listens.
    QTcpServer probe;
    ASSERT_TRUE(probe.listen(QHostAddress::LocalHost));
    const quint16 closedPort = probe.serverPort();
    probe.close();
    HttpClient http(&sandbox.network, sandbox.fastRetries(2));
    ShopifyClient offline(
        &http, ShopifyStore::parse(QStringLiteral("http://127.0.0.1:%1").arg(closedPort)).value(),
        SyncHarness::credentials());
    const auto report = h.sync(job, SyncRunner::Mode::Push, &offline);
    ASSERT_TRUE(report.ok());
    ASSERT_TRUE(report->stoppedBy.has_value());
    EXPECT_EQ(report->stoppedBy->code, Error::Code::Unreachable);
    EXPECT_EQ(report->waiting, 4);
    EXPECT_EQ(h.status(job), JobStatus::ReadyToSync);
    // Back online, they are pushed.
    EXPECT_EQ(h.sync(job)->written, 4);
    EXPECT_EQ(h.status(job), JobStatus::Complete);
}

TEST_F(Sync, AnInterruptedPushFinishesWithoutWritingAnythingTwice) {
    const qint64 job = h.analysedJob(2, Destinations(Destination::Tags) | Destination::Metafields);
    h.approveAll(job);
    const QList<ProductChange> preview = h.preview(job);
    const ProductChange &c = preview.first();
    const auto before = h.storeValues();
    // The state a kill leaves: the plan recorded as in flight, the tags written, the
    // metafields not yet.
    ASSERT_TRUE(await(h.writer->submit<bool>([&](Connection &conn) -> Result<bool> {
                    JobProductRepository repo(conn);
                    if (auto s = repo.setPushPlan(job, c.product.productId, c.plan.toJson()); !s)
                        return s.error();
                    if (auto s = repo.setProgress(
                            job, c.product.productId,
                            {PipelineStage::Analysed, ReviewState::Approved, SyncState::Pushing});
                        !s)
                        return s.error();
                    return true;
                })).ok());
    ProductWrites tagsOnly = writesFor(c.plan, *c.product.snapshot, {});
    tagsOnly.metafieldsToSet.clear();
    ASSERT_TRUE(await(productwriter::apply(
                          &h.shopify, productwriter::mutationsFor(c.product.productId, tagsOnly)))
                    .ok());

    const auto report = h.sync(job);
    ASSERT_TRUE(report.ok());
    EXPECT_TRUE(report->clean()) << report->problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(report->written, 2);
    EXPECT_EQ(h.storeValues(c.product.productId),
              withPlanApplied(before.value(c.product.productId), c.plan, {}));
    EXPECT_TRUE(JobProductRepository(*h.reader).pushPlan(job, c.product.productId)->isEmpty());
}

TEST_F(Sync, ValuesShopifyWouldRefuseAreFlaggedBeforeSyncAndNotWritten) {
    const qint64 job = h.analysedJob(2, Destinations(Destination::Tags));
    const QString bad = h.productIds.at(0);
    AttributeDecision comma{QStringLiteral("colour"),
                            AttributeDecision::Verdict::Edited,
                            QStringLiteral("navy, white"),
                            {}};
    ASSERT_TRUE(
        await(ReviewService(*h.writer).decide(job, bad, comma, QStringLiteral("Ann"))).ok());
    h.approveAll(job);
    const QList<ProductChange> preview = h.preview(job);
    EXPECT_FALSE(preview.at(0).plan.isWritable());
    EXPECT_TRUE(
        preview.at(0).plan.problems.join(QLatin1Char(' ')).contains(QStringLiteral("comma")));
    const QJsonObject untouched = h.storeValues(bad);
    const auto report = h.sync(job);
    EXPECT_EQ(report->failed, 1);
    EXPECT_EQ(report->written, 1);
    EXPECT_EQ(h.storeValues(bad), untouched);
    EXPECT_EQ(h.product(job, bad).progress.sync, SyncState::Failed);
}

TEST_F(Sync, AStaleCompareDigestIsReportedAsAConflict) {
    const auto answer = writeWithAStaleDigest(h);
    ASSERT_FALSE(answer.ok());
    EXPECT_EQ(answer.error().code, Error::Code::NotAllowed) << answer.error().message.toStdString();
    EXPECT_TRUE(answer.error().message.contains(QStringLiteral("updated since it was loaded")));
}

TEST(SyncCompareDigest, InvalidCompareDigestIsAConflictToo) {
    // Shopify refuses a compare-and-set on a metafield that changed with either code.
    sandbox::SandboxConfig config;
    config.shopify.staleDigestCode = QStringLiteral("INVALID_COMPARE_DIGEST");
    SandboxFixture sandbox(realCatalog(QStringLiteral("kith-storefront-products.json")), config);
    SyncHarness h(sandbox, sandbox.fastRetries());
    const auto answer = writeWithAStaleDigest(h);
    ASSERT_FALSE(answer.ok());
    EXPECT_EQ(answer.error().code, Error::Code::NotAllowed) << answer.error().message.toStdString();
}

TEST(SyncCompareDigest, AMetafieldWrittenMeanwhileIsAConflictThroughTheSyncWhicheverCode) {
    // Shopify requests of this test: 1 the product page, 2 the re-read before the push,
    // 3 metafieldsSet. Just before 3, a merchant sets the very metafield: the check passed,
    // and only Shopify's compare-and-set can see it. Seeds 1–6 draw both refusal codes
    // (ShopifyStaleDigest.TheRefusalsCodeIsDrawnBySeedAndBothCodesOccur).
    for (quint64 seed = 1; seed <= 6; ++seed) {
        SCOPED_TRACE(seed);
        sandbox::Catalog catalog = realCatalog(QStringLiteral("kith-storefront-products.json"));
        sandbox::SandboxConfig config;
        config.shopify.seed = seed;
        for (const sandbox::StoreProduct &p : catalog.products)
            config.faults.remoteEdits.append(
                {p.id,
                 3,
                 QStringLiteral("shopify"),
                 {{QStringLiteral("metafield:tagdesk.colour"), QStringLiteral("merchant red")}}});
        SandboxFixture sandbox(catalog, config);
        SyncHarness h(sandbox, sandbox.fastRetries());
        const qint64 job = h.analysedJob(1, Destinations(Destination::Metafields));
        h.approveAll(job);
        const auto report = h.sync(job);
        ASSERT_TRUE(report.ok());
        EXPECT_EQ(report->conflicts, 1) << report->problems.join(QLatin1Char('\n')).toStdString();
        const QString id = h.productIds.at(0);
        EXPECT_EQ(h.product(job, id).progress.sync, SyncState::Conflict);
        QString stored;
        for (const sandbox::StoreMetafield &m : sandbox.server.store().product(id)->metafields)
            if (m.ns == QLatin1String("tagdesk") && m.key == QLatin1String("colour"))
                stored = m.value;
        EXPECT_EQ(stored, QStringLiteral("merchant red")) << "the merchant's value stays";
    }
}

TEST(SyncBusyStore, EditsOutsideTheWrittenFieldsNeitherStopAPushNorARevert) {
    // Other apps and sales move products' inventory (and updatedAt) all the time.
    sandbox::SandboxConfig config;
    config.faults.seed = 5;
    config.faults.services[QStringLiteral("shopify")].busyRate = 0.7;
    SandboxFixture sandbox(realCatalog(QStringLiteral("kith-storefront-products.json")), config);
    SyncHarness h(sandbox, sandbox.fastRetries());
    const qint64 job = h.analysedJob(8, everywhere);
    ASSERT_EQ(h.approveAll(job), 8);
    const auto pushed = h.sync(job);
    ASSERT_TRUE(pushed.ok());
    EXPECT_EQ(pushed->written, 8) << pushed->problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(pushed->conflicts, 0);
    const auto reverted = h.sync(job, SyncRunner::Mode::Revert);
    ASSERT_TRUE(reverted.ok());
    EXPECT_EQ(reverted->written, 8) << reverted->problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(reverted->conflicts, 0);
    // The store was busy: products moved after Tagdesk read them.
    int moved = 0;
    for (const QString &id : std::as_const(h.productIds)) {
        const JobProduct p = h.product(job, id);
        const sandbox::StoreProduct *now = sandbox.server.store().product(id);
        ASSERT_TRUE(now && p.snapshot);
        moved += now->totalInventory != 0 || now->updatedAt > p.snapshot->updatedAt ? 1 : 0;
    }
    EXPECT_GE(moved, 1);
}

namespace {
// The catalog with descriptions as a person might have typed them: single quotes,
// attributes out of order, entities, blank lines between paragraphs.
sandbox::Catalog withHandwrittenDescriptions() {
    sandbox::Catalog catalog = realCatalog(QStringLiteral("kith-storefront-products.json"));
    for (sandbox::StoreProduct &p : catalog.products)
        p.descriptionHtml = QStringLiteral(
            "<P id=intro class='lead'>Caf&eacute; &amp; co &#8211; soft</P>\n\n<p>Two</p>");
    return catalog;
}
} // namespace

TEST(SyncReadBack, ADescriptionShopifyKeptInItsOwnFormIsASuccess) {
    SandboxFixture sandbox(withHandwrittenDescriptions());
    SyncHarness h(sandbox, sandbox.fastRetries());
    const qint64 job = h.analysedJob(2, Destinations(Destination::Description));
    ASSERT_EQ(h.approveAll(job), 2);
    const QList<ProductChange> preview = h.preview(job);
    const auto report = h.sync(job);
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->written, 2) << report->problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(report->clean());
    for (const ProductChange &c : preview) {
        const QString sent = c.plan.after.value(productfields::description).toString();
        const QString kept = sandbox.server.store().product(c.product.productId)->descriptionHtml;
        EXPECT_NE(kept, sent) << "Shopify keeps its own spelling";
        EXPECT_TRUE(kept.startsWith(QStringLiteral(
            "<p class=\"lead\" id=\"intro\">Caf\u00e9 &amp; co \u2013 soft</p><p>Two</p>")))
            << kept.toStdString();
        EXPECT_TRUE(kept.contains(QStringLiteral("data-tagdesk=\"attributes\"")));
    }
    // A second push finds Tagdesk's block in Shopify's form and replaces it, not adds one.
    const auto again = h.sync(job);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->written + again->conflicts + again->failed, 0);
    // A revert puts back the description as it was, in Shopify's form.
    const auto reverted = h.sync(job, SyncRunner::Mode::Revert);
    ASSERT_TRUE(reverted.ok());
    EXPECT_EQ(reverted->written, 2) << reverted->problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(reverted->clean());
}

TEST(SyncReadBack, ADescriptionShopifyDidNotKeepIsStillAnError) {
    // Requests: 1 the page, 2 the re-read, 3 productUpdate, 4 the read-back; before 4 a
    // merchant puts another description in.
    sandbox::Catalog catalog = withHandwrittenDescriptions();
    sandbox::SandboxConfig config;
    for (const sandbox::StoreProduct &p : catalog.products)
        config.faults.remoteEdits.append(
            {p.id,
             4,
             QStringLiteral("shopify"),
             {{QStringLiteral("descriptionHtml"), QStringLiteral("<p>Something else</p>")}}});
    SandboxFixture sandbox(catalog, config);
    SyncHarness h(sandbox, sandbox.fastRetries());
    const qint64 job = h.analysedJob(1, Destinations(Destination::Description));
    h.approveAll(job);
    const auto report = h.sync(job);
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->failed, 1);
    const JobProduct p = h.product(job, h.productIds.at(0));
    EXPECT_TRUE(p.error.contains(QStringLiteral("did not apply"))) << p.error.toStdString();
}

TEST(SyncReadBack, AWriteShopifyAcceptedButDidNotKeepIsAnErrorNotASuccess) {
    // Shopify requests of this test: 1 the product page, 2 the re-read before the push,
    // 3 tagsAdd, 4 the read-back. Just before the read-back, the tags are replaced (as if
    // the write had not stuck).
    sandbox::Catalog catalog = realCatalog(QStringLiteral("kith-storefront-products.json"));
    sandbox::SandboxConfig config;
    for (const sandbox::StoreProduct &p : catalog.products)
        config.faults.remoteEdits.append(
            {p.id,
             4,
             QStringLiteral("shopify"),
             {{QStringLiteral("tags"), QJsonArray{QStringLiteral("overwritten")}}}});
    SandboxFixture sandbox(catalog, config);
    SyncHarness h(sandbox, sandbox.fastRetries());
    const qint64 job = h.analysedJob(1, Destinations(Destination::Tags));
    h.approveAll(job);
    const auto report = h.sync(job);
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->failed, 1);
    EXPECT_EQ(report->written, 0);
    const JobProduct p = h.product(job, h.productIds.at(0));
    EXPECT_EQ(p.progress.sync, SyncState::Failed);
    EXPECT_TRUE(p.error.contains(QStringLiteral("did not apply"))) << p.error.toStdString();
    EXPECT_EQ(h.status(job), JobStatus::Error) << "the only approved product failed to push";
}

TEST_F(Sync, ALargePushGoesThroughBulkMutationsWithPerLineResults) {
    h.bulkThreshold = 5;
    const qint64 job = h.analysedJob(8, everywhere);
    h.approveAll(job);
    const auto before = h.storeValues();
    const QList<ProductChange> preview = h.preview(job);
    // After every product was checked, a merchant sets one product's colour metafield, the
    // one Tagdesk is about to create: Shopify's compare-and-set refuses that line alone.
    const QString refusedId = h.productIds.at(2);
    sandbox::FaultPlan merchant;
    merchant.remoteEdits.append(
        {refusedId,
         1,
         QStringLiteral("shopify"),
         {{QStringLiteral("metafield:tagdesk.colour"), QStringLiteral("7")}},
         QStringLiteral("BulkMutationRun")});
    sandbox.server.setFaults(merchant);
    const auto report = h.sync(job);
    ASSERT_TRUE(report.ok()) << report.error().message.toStdString();
    EXPECT_EQ(report->written, 7);
    EXPECT_EQ(report->conflicts, 1) << report->problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(h.product(job, refusedId).progress.sync, SyncState::Conflict)
        << h.product(job, refusedId).error.toStdString();
    for (const ProductChange &c : preview) {
        if (c.product.productId != refusedId) {
            EXPECT_EQ(h.storeValues(c.product.productId),
                      withPlanApplied(before.value(c.product.productId), c.plan, {}));
        }
    }
    EXPECT_EQ(sandbox.operations(QStringLiteral("TagsAdd")), 0) << "no call per product";
    EXPECT_EQ(sandbox.operations(QStringLiteral("BulkMutationRun")), 4)
        << "tags, metafields, type and description, alt text (no tag to remove)";
    EXPECT_EQ(sandbox.operations(QStringLiteral("Product")), 0) << "no read per product";
    EXPECT_EQ(sandbox.operations(QStringLiteral("ProductsByIds")), 2)
        << "the 8 checks in one batch, the 7 read-backs in another";
    EXPECT_EQ(h.status(job), JobStatus::CompleteWithErrors);
}

// A bulk push checks its products a batch at a time: a product the merchant edited since
// the fetch is caught from its batch, and nothing is written to it.
TEST_F(Sync, ABulkPushFindsAConflictInItsBatchedChecks) {
    h.bulkThreshold = 5;
    const qint64 job = h.analysedJob(8, everywhere);
    h.approveAll(job);
    const auto before = h.storeValues();
    const QList<ProductChange> preview = h.preview(job);
    const QString editedId = h.productIds.at(5);
    sandbox::FaultPlan merchant;
    merchant.remoteEdits.append({editedId,
                                 1,
                                 QStringLiteral("shopify"),
                                 {{QStringLiteral("productType"), QStringLiteral("Merchant's")}},
                                 QStringLiteral("ProductsByIds")});
    sandbox.server.setFaults(merchant);
    const auto report = h.sync(job);
    ASSERT_TRUE(report.ok()) << report.error().message.toStdString();
    EXPECT_EQ(report->written, 7);
    EXPECT_EQ(report->conflicts, 1) << report->problems.join(QLatin1Char('\n')).toStdString();
    const JobProduct edited = h.product(job, editedId);
    EXPECT_EQ(edited.progress.sync, SyncState::Conflict);
    EXPECT_TRUE(edited.error.contains(QStringLiteral("type"), Qt::CaseInsensitive))
        << edited.error.toStdString();
    for (const ProductChange &c : preview) {
        if (c.product.productId == editedId) {
            EXPECT_EQ(h.storeValues(editedId).value(QStringLiteral("tags")),
                      before.value(editedId).value(QStringLiteral("tags")))
                << "nothing written to the product in conflict";
        } else {
            EXPECT_EQ(h.storeValues(c.product.productId),
                      withPlanApplied(before.value(c.product.productId), c.plan, {}));
        }
    }
    EXPECT_EQ(sandbox.operations(QStringLiteral("ProductsByIds")), 2);
}

// A large revert goes through bulk mutations as a large push does: what the push
// replaced is back, metafields Tagdesk created are gone, and a product edited since the
// push is a conflict that keeps its edit and stays pushed.
TEST_F(Sync, ALargeRevertGoesThroughBulkMutationsAndPutsBackWhatThePushReplaced) {
    h.bulkThreshold = 5;
    const qint64 job = h.analysedJob(8, everywhere);
    h.approveAll(job);
    const auto original = h.storeValues();
    const auto pushed = h.sync(job);
    ASSERT_TRUE(pushed.ok() && pushed->clean());
    const QString editedId = h.productIds.at(4);
    ASSERT_TRUE(sandbox::editProductAsMerchant(
                    sandbox.server.store(), editedId,
                    {{QStringLiteral("productType"), QStringLiteral("Merchant's")}})
                    .ok());
    const QJsonObject editedNow = h.storeValues(editedId);
    const int bulkRunsBefore = sandbox.operations(QStringLiteral("BulkMutationRun"));

    const auto reverted = h.sync(job, SyncRunner::Mode::Revert);
    ASSERT_TRUE(reverted.ok()) << reverted.error().message.toStdString();
    EXPECT_EQ(reverted->written, 7) << reverted->problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(reverted->conflicts, 1);
    for (const QString &id : std::as_const(h.productIds)) {
        if (id == editedId) {
            EXPECT_EQ(h.storeValues(id), editedNow) << "nothing written over the edit";
            EXPECT_EQ(h.product(job, id).progress.sync, SyncState::Pushed);
        } else {
            EXPECT_EQ(h.storeValues(id), original.value(id)) << id.toStdString();
            EXPECT_EQ(h.product(job, id).progress.sync, SyncState::Reverted);
        }
    }
    EXPECT_EQ(sandbox.operations(QStringLiteral("BulkMutationRun")) - bulkRunsBefore, 4)
        << "tags removed, metafields deleted, type and description, alt text";
    EXPECT_EQ(sandbox.operations(QStringLiteral("TagsRemove")), 0) << "no call per product";
    EXPECT_EQ(sandbox.operations(QStringLiteral("Product")), 0) << "no read per product";
}

// Throttle storms on the Admin API while a bulk push runs: every write lands. (The bulk
// results are files in Shopify's storage; a THROTTLED page served in place of one had
// failed every product of that kind as "not answered" while the mutation had run.)
TEST_F(Sync, ABulkPushThroughThrottleStormsWritesEveryProduct) {
    h.bulkThreshold = 5;
    const qint64 job = h.analysedJob(8, everywhere);
    h.approveAll(job);
    const auto before = h.storeValues();
    const QList<ProductChange> preview = h.preview(job);
    sandbox::FaultPlan storms;
    ASSERT_TRUE(
        storms.addFlag(QStringLiteral("shopify:stormEvery=2,stormLength=1,retryAfter=0")).ok());
    sandbox.server.setFaults(storms);
    const auto report = h.sync(job);
    ASSERT_TRUE(report.ok()) << report.error().message.toStdString();
    EXPECT_EQ(report->written, 8) << report->problems.join(QLatin1Char('\n')).toStdString();
    for (const ProductChange &c : preview)
        EXPECT_EQ(h.storeValues(c.product.productId),
                  withPlanApplied(before.value(c.product.productId), c.plan, {}));
    int throttled = 0;
    for (const QJsonValue &v : sandbox.requestLog())
        throttled += v.toObject().value(QStringLiteral("fault")).toString() ==
                     QLatin1String("throttle-storm");
    EXPECT_GT(throttled, 5);
}

TEST_F(Sync, AScopeRevokedMidSyncStopsItNamingTheScopeAndTheRestWaitForTheNextSync) {
    const qint64 job = h.analysedJob(8, Destinations(Destination::Tags) | Destination::Metafields);
    h.approveAll(job);
    const QList<ProductChange> preview = h.preview(job);
    const auto before = h.storeValues();
    const QString token = sandbox.server.shopify().config().token;

    SyncServices services{h.writer.get(), &h.shopify, QStringLiteral("Ann")};
    SyncRunner runner(services, job, SyncRunner::Mode::Push);
    std::optional<Result<SyncReport>> result;
    QObject::connect(&runner, &SyncRunner::finished, &runner,
                     [&](const Result<SyncReport> &r) { result = r; });
    // The merchant takes write_products away from the app after three products.
    QObject::connect(&runner, &SyncRunner::progress, &runner, [&](qint64 done, qint64) {
        if (done == 3)
            sandbox.server.shopify().setTokenScopes(token, sandbox::ShopifyApi::readScopes());
    });
    runner.start();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return result.has_value(); }, std::numeric_limits<int>::max()));
    ASSERT_TRUE(result->ok()) << result->error().message.toStdString();
    const SyncReport &stopped = result->value();
    ASSERT_TRUE(stopped.stoppedBy.has_value()) << "the sync stops at the first refusal";
    EXPECT_EQ(stopped.stoppedBy->code, Error::Code::ScopeMissing);
    EXPECT_TRUE(stopped.stoppedBy->message.contains(QStringLiteral("write_products")))
        << stopped.stoppedBy->message.toStdString();
    EXPECT_EQ(stopped.written, 3);
    EXPECT_EQ(stopped.failed, 0) << "no product fails for what is the token's problem";
    EXPECT_EQ(stopped.waiting, 5);
    EXPECT_EQ(h.status(job), JobStatus::ReadyToSync);

    // The scope given back, the next sync writes the rest: each product once, as previewed.
    sandbox.server.shopify().setTokenScopes(token, sandbox::ShopifyApi::fullScopes());
    const auto resumed = h.sync(job);
    ASSERT_TRUE(resumed.ok());
    EXPECT_TRUE(resumed->clean()) << resumed->problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(resumed->written, 5);
    EXPECT_EQ(h.status(job), JobStatus::Complete);
    for (const ProductChange &c : preview)
        EXPECT_EQ(h.storeValues(c.product.productId),
                  withPlanApplied(before.value(c.product.productId), c.plan, {}))
            << c.product.productId.toStdString();
    auto log = PushLogRepository(*h.reader).forJob(job);
    ASSERT_TRUE(log.ok());
    EXPECT_EQ(log->size(), 8) << "one push each, none twice";
}

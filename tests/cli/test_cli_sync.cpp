// Review, sync, conflicts, revert and export as a user runs them: the real tagdesk-cli
// binary against a standalone tagdesk-sandbox process, over loopback sockets. These are
// the "done when" of the review/sync issue, one test each.
#include "cli/clirunner.h"
#include "cli/sandboxprocess.h"
#include "domain/shopifystore.h"
#include "secrets/keychainsecretstore.h"
#include "storage/jobleaserepository.h"
#include "support/qtprinters.h"
#include "support/storevalues.h"
#include "support/testdatabase.h"
#include "sync/changeplan.h"

#include <gtest/gtest.h>

#include <iostream>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

using namespace tagdesk;
using namespace tagdesk::test;

namespace {

class CliSync : public ::testing::Test {
protected:
    // `faults`: extra sandbox flags, e.g. latency so that a kill lands mid-sync;
    // `createOptions`: extra `jobs create` options, e.g. its destinations.
    void start(const QStringList &faults = {}, const QStringList &createOptions = {}) {
        sandbox = std::make_unique<SandboxProcess>(
            QStringList{QStringLiteral("--catalog"),
                        testData(QStringLiteral("catalogs/kith-storefront-products.json")),
                        // A big, fast bucket: the throttle's pacing is tested elsewhere.
                        QStringLiteral("--bucket"), QStringLiteral("20000"),
                        QStringLiteral("--restore"), QStringLiteral("10000")} +
            faults);
        cli.environment().insert(QStringLiteral("TAGDESK_SHOPIFY_TOKEN"),
                                 QStringLiteral("shpat_sandbox"));
        common = {QStringLiteral("--db"), db.path(), QStringLiteral("--store"), sandbox->url};
        original = sandbox->products();
        job = createAndRun(createOptions);
    }

    // A new job over the whole store, run; its id.
    QString createAndRun(const QStringList &options) {
        const CliResult created =
            tagdesk(QStringList{QStringLiteral("jobs"), QStringLiteral("create"),
                                QStringLiteral("--name"), QStringLiteral("Kith")} +
                    options);
        EXPECT_EQ(created.exitCode, 0) << created.describe();
        const QString id = QString::fromUtf8(created.out.trimmed());
        const CliResult run = tagdesk({QStringLiteral("jobs"), QStringLiteral("run"), id});
        EXPECT_EQ(run.exitCode, 0) << run.describe();
        return id;
    }

    CliResult tagdesk(const QStringList &args) const { return cli.run(common + args); }

    CliResult approveAll() const {
        return tagdesk({QStringLiteral("review"), QStringLiteral("approve"), job,
                        QStringLiteral("--all"), QStringLiteral("--to"),
                        QStringLiteral("tags,metafields,type,alt")});
    }

    // `export JOB --csv FILE`: the file's bytes.
    QByteArray exportCsv(const QString &jobId) const {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kith.csv"));
        const CliResult exported =
            tagdesk({QStringLiteral("export"), jobId, QStringLiteral("--csv"), path});
        EXPECT_EQ(exported.exitCode, 0) << exported.describe();
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::ReadOnly));
        return file.readAll();
    }

    QString status() const {
        const CliResult shown = tagdesk(
            {QStringLiteral("jobs"), QStringLiteral("show"), job, QStringLiteral("--json")});
        return shown.json().object().value(QStringLiteral("status")).toString();
    }

    // What `review preview` says each product will become, applied to the store as it was.
    QHash<QString, QJsonObject> previewedStore() const {
        const CliResult preview = tagdesk(
            {QStringLiteral("review"), QStringLiteral("preview"), job, QStringLiteral("--json")});
        EXPECT_EQ(preview.exitCode, 0) << preview.describe();
        QHash<QString, QJsonObject> expected;
        for (auto it = original.begin(); it != original.end(); ++it)
            expected.insert(it.key(), comparableProduct(it.value()));
        for (const QJsonValue &v : preview.json().array()) {
            const ChangePlan plan = ChangePlan::fromJson(v.toObject());
            expected.insert(plan.productId, withPlanApplied(expected.value(plan.productId), plan));
        }
        return expected;
    }

    QHash<QString, QJsonObject> store() const {
        QHash<QString, QJsonObject> out;
        const auto products = sandbox->products();
        for (auto it = products.begin(); it != products.end(); ++it)
            out.insert(it.key(), comparableProduct(it.value()));
        return out;
    }

    static void expectSameStore(const QHash<QString, QJsonObject> &actual,
                                const QHash<QString, QJsonObject> &expected) {
        ASSERT_EQ(actual.size(), expected.size());
        for (auto it = expected.begin(); it != expected.end(); ++it)
            EXPECT_EQ(actual.value(it.key()), it.value()) << it.key().toStdString();
    }

    TempSqlite db;
    CliRunner cli;
    std::unique_ptr<SandboxProcess> sandbox;
    QStringList common;
    QString job;
    QHash<QString, QJsonObject> original;
};

} // namespace

TEST_F(CliSync, ApprovedValuesReachTheStoreExactlyAsPreviewedAndNothingElseChanges) {
    start();
    ASSERT_EQ(approveAll().exitCode, 0);
    const auto expected = previewedStore();
    ASSERT_NE(expected.value(original.keys().first()),
              comparableProduct(original.value(original.keys().first())))
        << "the preview changes something";
    const CliResult sync = tagdesk({QStringLiteral("sync"), job});
    EXPECT_EQ(sync.exitCode, 0) << sync.describe();
    expectSameStore(store(), expected);
    EXPECT_EQ(status(), QStringLiteral("Complete"));

    const CliResult history = tagdesk({QStringLiteral("history"), job, QStringLiteral("--json")});
    EXPECT_EQ(history.json().array().size(), original.size());
}

TEST_F(CliSync, JobsShowJsonListsEveryProductWithEachSuggestionAndTheStoresCurrentValue) {
    // Before the job read the store, a merchant set one product's colour metafield and
    // gave another a colour tag in Tagdesk's form.
    const QString teal = QStringLiteral("gid://shopify/Product/8285549133952");
    const QString olive = QStringLiteral("gid://shopify/Product/8285549396096");
    start({QStringLiteral("--remote-edit"),
           teal + QStringLiteral("@1:metafield:tagdesk.colour=teal"),
           QStringLiteral("--remote-edit"), olive + QStringLiteral("@1:tags=Kith,colour:olive")});
    const QHash<QString, QString> merchantColours{{teal, QStringLiteral("teal")},
                                                  {olive, QStringLiteral("olive")}};
    const CliResult r =
        tagdesk({QStringLiteral("jobs"), QStringLiteral("show"), job, QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.describe();
    QHash<QString, QJsonObject> shown;
    for (const QJsonValue &p : r.json().object().value(QStringLiteral("products")).toArray())
        shown.insert(p.toObject().value(QStringLiteral("id")).toString(), p.toObject());
    ASSERT_EQ(QSet<QString>(shown.keyBegin(), shown.keyEnd()),
              QSet<QString>(original.keyBegin(), original.keyEnd()));

    // `current` is the store's value as the job read it, from the metafield or the tag.
    int coloured = 0;
    for (auto it = shown.begin(); it != shown.end(); ++it) {
        const QJsonObject &stored = original.value(it.key());
        EXPECT_EQ(it->value(QStringLiteral("title")).toString(),
                  stored.value(QStringLiteral("title")).toString());
        EXPECT_EQ(it->value(QStringLiteral("stage")).toString(), QStringLiteral("analysed"));
        EXPECT_EQ(it->value(QStringLiteral("review")).toString(), QStringLiteral("pending"));
        EXPECT_EQ(it->value(QStringLiteral("sync")).toString(), QStringLiteral("none"));
        const QJsonArray suggestions = it->value(QStringLiteral("suggestions")).toArray();
        ASSERT_FALSE(suggestions.isEmpty()) << it.key().toStdString();
        for (const QJsonValue &v : suggestions) {
            const QJsonObject s = v.toObject();
            EXPECT_FALSE(s.value(QStringLiteral("value")).toString().isEmpty());
            EXPECT_GT(s.value(QStringLiteral("confidence")).toDouble(), 0.0);
            if (s.value(QStringLiteral("attribute")).toString() != QLatin1String("colour"))
                continue;
            EXPECT_EQ(s.value(QStringLiteral("current")).toString(),
                      merchantColours.value(it.key()))
                << it.key().toStdString();
            coloured += merchantColours.contains(it.key());
        }
    }
    EXPECT_EQ(coloured, 2) << "each merchant's colour is shown as the current value";
}

TEST_F(CliSync, TheImageCacheCapFromTheEnvironmentEvictsAnArchivedJobsImagesInARealRun) {
    // Every image its own bytes, as in a real store, so the cache holds one file per image.
    start({QStringLiteral("--distinct-images")});
    const QDir images(cli.home() + QStringLiteral("/data/Tagdesk/Tagdesk/images"));
    const auto files = [&images] {
        QFileInfoList out;
        QDirIterator it(images.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            out << it.fileInfo();
        }
        return out;
    };
    const auto cached = [&files] {
        qint64 bytes = 0;
        const QFileInfoList all = files();
        for (const QFileInfo &f : all)
            bytes += f.size();
        return std::pair{qsizetype(all.size()), bytes};
    };
    // A second job of up to ten images a product fills the cache well over the cap.
    const CliResult many =
        tagdesk({QStringLiteral("jobs"), QStringLiteral("create"), QStringLiteral("--name"),
                 QStringLiteral("Many"), QStringLiteral("--images"), QStringLiteral("10")});
    ASSERT_EQ(many.exitCode, 0) << many.describe();
    const QString manyJob = QString::fromUtf8(many.out.trimmed());
    ASSERT_EQ(tagdesk({QStringLiteral("jobs"), QStringLiteral("run"), manyJob}).exitCode, 0);
    const auto [filesBefore, bytesBefore] = cached();
    constexpr qint64 cap = 1024 * 1024;
    ASSERT_GT(bytesBefore, 2 * cap) << filesBefore << " images: too few for the cap to matter";

    // Both jobs are archived; a third job of one product runs under a 1 MB cap.
    for (const QString &archived : {job, manyJob})
        ASSERT_EQ(tagdesk({QStringLiteral("jobs"), QStringLiteral("archive"), archived}).exitCode,
                  0);
    const QString product = original.keys().first();
    const CliResult created =
        tagdesk({QStringLiteral("jobs"), QStringLiteral("create"), QStringLiteral("--name"),
                 QStringLiteral("One"), QStringLiteral("--products"), product});
    ASSERT_EQ(created.exitCode, 0) << created.describe();
    const QString second = QString::fromUtf8(created.out.trimmed());
    cli.environment().insert(QStringLiteral("TAGDESK_IMAGE_CACHE_MB"), QStringLiteral("1"));
    const CliResult run = tagdesk({QStringLiteral("jobs"), QStringLiteral("run"), second});
    ASSERT_EQ(run.exitCode, 0) << run.describe();

    const auto [filesAfter, bytesAfter] = cached();
    std::printf("[ figures  ] image cache: %lld files, %lld bytes after the first job; %lld "
                "files, %lld bytes after a run under a 1 MB cap\n",
                qint64(filesBefore), bytesBefore, qint64(filesAfter), bytesAfter);
    EXPECT_LE(bytesAfter, cap);
    EXPECT_LT(filesAfter, filesBefore);
    // The second job's images stay, so its review works offline: each distinct image
    // carries its id in a JPEG comment, and the product's first image is still cached.
    const QJsonArray media = original.value(product).value(QStringLiteral("media")).toArray();
    ASSERT_FALSE(media.isEmpty());
    const QByteArray mark = "tagdesk-sandbox image " + media.first()
                                                           .toObject()
                                                           .value(QStringLiteral("imageId"))
                                                           .toString()
                                                           .section(u'/', -1)
                                                           .toUtf8();
    bool kept = false;
    for (const QFileInfo &f : files()) {
        QFile file(f.filePath());
        kept = kept || (file.open(QIODevice::ReadOnly) && file.read(200).contains(mark));
    }
    EXPECT_TRUE(kept) << "the image of the job still open was evicted";
}

TEST_F(CliSync, TwoProductsEditedInShopifyEndAsConflictsWithExitCode3) {
    start();
    ASSERT_EQ(approveAll().exitCode, 0);
    const QStringList ids = original.keys();
    // Colleagues add, on two products, a tag the push is about to add (a field it writes),
    // and rename a third product, a field it does not write: that one is pushed and keeps
    // their title.
    const auto previewed = previewedStore();
    for (const QString &id : {ids.at(0), ids.at(1)}) {
        QJsonArray tags = original.value(id).value(QStringLiteral("tags")).toArray();
        for (const QJsonValue &tag : previewed.value(id).value(QStringLiteral("tags")).toArray()) {
            if (!tags.contains(tag)) {
                tags.append(tag);
                break;
            }
        }
        ASSERT_GT(tags.size(), original.value(id).value(QStringLiteral("tags")).toArray().size());
        sandbox->edit(id, {{QStringLiteral("tags"), tags}});
    }
    sandbox->edit(ids.at(2), {{QStringLiteral("title"), QStringLiteral("Renamed by a colleague")}});
    const auto editedStore = store();
    auto expected = previewedStore();
    expected.insert(ids.at(0), editedStore.value(ids.at(0)));
    expected.insert(ids.at(1), editedStore.value(ids.at(1)));
    QJsonObject retitled = expected.value(ids.at(2));
    retitled.insert(QStringLiteral("title"), QStringLiteral("Renamed by a colleague"));
    expected.insert(ids.at(2), retitled);

    const CliResult sync = tagdesk({QStringLiteral("sync"), job});
    EXPECT_EQ(sync.exitCode, 3) << sync.describe();
    EXPECT_TRUE(sync.out.contains("2 in conflict")) << sync.describe();
    expectSameStore(store(), expected);
    EXPECT_EQ(status(), QStringLiteral("Complete but with errors"));

    const CliResult conflicts =
        tagdesk({QStringLiteral("conflicts"), job, QStringLiteral("--json")});
    ASSERT_EQ(conflicts.json().array().size(), 2) << conflicts.describe();
    const CliResult resolved = tagdesk({QStringLiteral("conflicts"), QStringLiteral("resolve"), job,
                                        QStringLiteral("--products"), ids.at(0),
                                        QStringLiteral("--keep"), QStringLiteral("theirs")});
    EXPECT_EQ(resolved.exitCode, 0) << resolved.describe();
    EXPECT_EQ(
        tagdesk({QStringLiteral("conflicts"), job, QStringLiteral("--json")}).json().array().size(),
        1);
}

TEST_F(CliSync, RevertBringsTheStoreBackToItsOriginalValues) {
    start();
    ASSERT_EQ(approveAll().exitCode, 0);
    ASSERT_EQ(tagdesk({QStringLiteral("sync"), job}).exitCode, 0);
    const QString first = original.keys().first();
    ASSERT_NE(store().value(first), comparableProduct(original.value(first))) << "the sync wrote";
    const CliResult revert = tagdesk({QStringLiteral("revert"), job});
    EXPECT_EQ(revert.exitCode, 0) << revert.describe();
    QHash<QString, QJsonObject> expected;
    for (auto it = original.begin(); it != original.end(); ++it)
        expected.insert(it.key(), comparableProduct(it.value()));
    expectSameStore(store(), expected);
    const CliResult history = tagdesk({QStringLiteral("history"), job, QStringLiteral("--json")});
    EXPECT_EQ(history.json().array().size(), 2 * original.size()) << "every push and revert";
    // The same revert again (as after one that was killed half-way) has nothing left to
    // do: the products it names are reverted already, which is not an error.
    const CliResult again = tagdesk({QStringLiteral("revert"), job, QStringLiteral("--products"),
                                     QStringList(original.keys()).join(u',')});
    EXPECT_EQ(again.exitCode, 0) << again.describe();
    expectSameStore(store(), expected);
}

// One program at a time works on a job: a second sync or a revert while a sync runs is told
// who is busy with the job and since when, and changes nothing; once that program is
// killed, the job is free at once (its process is gone) and the next sync finishes it.
TEST_F(CliSync, ASecondProgramIsToldWhoIsSyncingTheJobAndAKilledOneFreesIt) {
    start({QStringLiteral("--fault"), QStringLiteral("shopify:latency=40-80")});
    ASSERT_EQ(approveAll().exitCode, 0);
    const auto expected = previewedStore();
    QProcess first;
    first.setProcessEnvironment(cli.environment());
    first.start(QStringLiteral(TAGDESK_CLI_PATH),
                common + QStringList{QStringLiteral("sync"), job});
    ASSERT_TRUE(first.waitForStarted(-1));
    // Until the first has taken the job (its lease is in the database).
    const auto reader = db.open();
    ASSERT_TRUE(reader);
    std::optional<JobLease> holder;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            auto h = JobLeaseRepository(*reader).holder(job.toLongLong());
            holder = h.ok() ? h.value() : std::nullopt;
            return holder.has_value() || first.state() != QProcess::Running;
        },
        std::numeric_limits<int>::max()));
    ASSERT_TRUE(holder) << "the first sync finished before it could be met";
    EXPECT_EQ(holder->pid, first.processId());
    EXPECT_EQ(holder->work, QStringLiteral("push"));

    for (const QString &command : {QStringLiteral("sync"), QStringLiteral("revert")}) {
        const CliResult second = tagdesk({command, job});
        EXPECT_EQ(second.exitCode, 2) << second.describe();
        const QString said = QString::fromUtf8(second.err);
        EXPECT_TRUE(
            said.startsWith(QStringLiteral("tagdesk-cli: Job busy: Job %1 is being synced by "
                                           "tagdesk-cli (process %2 on ")
                                .arg(job)
                                .arg(first.processId())))
            << second.describe();
        EXPECT_TRUE(said.contains(QStringLiteral(" since 20"))) << second.describe();
    }
    ASSERT_EQ(first.state(), QProcess::Running) << "the busy answers came while it ran";
    first.kill(); // SIGKILL: its lease stays behind
    first.waitForFinished(-1);
    auto left = JobLeaseRepository(*reader).holder(job.toLongLong());
    ASSERT_TRUE(left.ok());
    EXPECT_TRUE(left.value()) << "a killed program leaves its lease";

    const CliResult next = tagdesk({QStringLiteral("sync"), job});
    EXPECT_EQ(next.exitCode, 0) << next.describe();
    expectSameStore(store(), expected);
    auto after = JobLeaseRepository(*reader).holder(job.toLongLong());
    ASSERT_TRUE(after.ok());
    EXPECT_FALSE(after.value()) << "a finished sync ends its lease";
}

TEST_F(CliSync, WithTheStoreUnreachableApprovalsWaitAndTheJobIsReadyToSync) {
    start();
    sandbox->stop();
    const CliResult approve = approveAll();
    EXPECT_EQ(approve.exitCode, 0) << approve.describe();
    EXPECT_TRUE(approve.out.contains("Ready to sync")) << approve.describe();
    const CliResult sync = tagdesk({QStringLiteral("sync"), job});
    EXPECT_EQ(sync.exitCode, 2) << sync.describe();
    EXPECT_TRUE(sync.err.contains("wait")) << sync.describe();
    EXPECT_EQ(status(), QStringLiteral("Ready to sync"));
}

TEST_F(CliSync, AnEditedValueIsPreviewedAndCanBeUndone) {
    start();
    const QString product = original.keys().first();
    const auto previewOf = [&] {
        const CliResult p =
            tagdesk({QStringLiteral("review"), QStringLiteral("preview"), job,
                     QStringLiteral("--products"), product, QStringLiteral("--json")});
        return ChangePlan::fromJson(p.json().array().first().toObject());
    };
    const CliResult edit =
        tagdesk({QStringLiteral("review"), QStringLiteral("decide"), job,
                 QStringLiteral("--product"), product, QStringLiteral("--attribute"),
                 QStringLiteral("colour"), QStringLiteral("--value"), QStringLiteral("teal")});
    ASSERT_EQ(edit.exitCode, 0) << edit.describe();
    EXPECT_TRUE(previewOf()
                    .after.value(QStringLiteral("tags"))
                    .toArray()
                    .contains(QStringLiteral("colour:teal")));
    const CliResult undo = tagdesk({QStringLiteral("review"), QStringLiteral("undo"), job});
    ASSERT_EQ(undo.exitCode, 0) << undo.describe();
    EXPECT_FALSE(previewOf()
                     .after.value(QStringLiteral("tags"))
                     .toArray()
                     .contains(QStringLiteral("colour:teal")));
}

TEST_F(CliSync, UndoOfAPushedProductRevertsItInShopifyThenTakesTheApprovalBack) {
    start();
    const QString product = original.keys().first();
    const CliResult approve = tagdesk({QStringLiteral("review"), QStringLiteral("approve"), job,
                                       QStringLiteral("--products"), product,
                                       QStringLiteral("--to"), QStringLiteral("tags,type")});
    ASSERT_EQ(approve.exitCode, 0) << approve.describe();
    const CliResult sync = tagdesk({QStringLiteral("sync"), job});
    ASSERT_EQ(sync.exitCode, 0) << sync.describe();
    ASSERT_NE(store().value(product), comparableProduct(original.value(product)))
        << "the push changed the product";

    const CliResult undo = tagdesk({QStringLiteral("review"), QStringLiteral("undo"), job});
    ASSERT_EQ(undo.exitCode, 0) << undo.describe();
    EXPECT_TRUE(undo.out.contains("Reverting in Shopify first")) << undo.describe();
    EXPECT_TRUE(undo.out.contains("Undid 1")) << undo.describe();
    EXPECT_EQ(store().value(product), comparableProduct(original.value(product)))
        << "the store is as it was before the push";
    // The approval is taken back: the product waits for review again, nothing to sync.
    EXPECT_EQ(status(), QStringLiteral("Review"));
    const CliResult again = tagdesk({QStringLiteral("review"), QStringLiteral("undo"), job});
    EXPECT_NE(again.exitCode, 0) << "nothing left to undo: " << again.describe();
}

TEST_F(CliSync, UndoOfAPushedProductChangedInShopifyMeanwhileUndoesNothing) {
    start();
    const QString product = original.keys().first();
    ASSERT_EQ(tagdesk({QStringLiteral("review"), QStringLiteral("approve"), job,
                       QStringLiteral("--products"), product, QStringLiteral("--to"),
                       QStringLiteral("tags")})
                  .exitCode,
              0);
    ASSERT_EQ(tagdesk({QStringLiteral("sync"), job}).exitCode, 0);
    // A merchant edits the tags Tagdesk wrote: a revert would overwrite their change.
    sandbox->edit(product, {{QStringLiteral("tags"), QJsonArray{QStringLiteral("merchant")}}});
    const CliResult undo = tagdesk({QStringLiteral("review"), QStringLiteral("undo"), job});
    EXPECT_EQ(undo.exitCode, 3) << "a conflict: " << undo.describe();
    EXPECT_TRUE(undo.err.contains("Nothing was undone")) << undo.describe();
    EXPECT_EQ(sandbox->products().value(product).value(QStringLiteral("tags")).toArray(),
              (QJsonArray{QStringLiteral("merchant")}))
        << "the merchant's edit stays";
}

TEST_F(CliSync, RunningTheJobAgainLeavesEveryDecisionWhereTheReviewerPutIt) {
    start();
    const QStringList ids = original.keys();
    const auto decide = [&](const QString &product, const QStringList &how) {
        const CliResult d =
            tagdesk(QStringList{QStringLiteral("review"), QStringLiteral("decide"), job,
                                QStringLiteral("--product"), product, QStringLiteral("--attribute"),
                                QStringLiteral("colour")} +
                    how);
        EXPECT_EQ(d.exitCode, 0) << d.describe();
    };
    decide(ids.at(0), {QStringLiteral("--value"), QStringLiteral("teal")});
    decide(ids.at(1), {QStringLiteral("--reject")});
    decide(ids.at(2), {QStringLiteral("--accept")});
    ASSERT_EQ(tagdesk({QStringLiteral("review"), QStringLiteral("approve"), job,
                       QStringLiteral("--products"), ids.at(3)})
                  .exitCode,
              0);
    const auto preview = [&] {
        return tagdesk({QStringLiteral("review"), QStringLiteral("preview"), job,
                        QStringLiteral("--json")})
            .out;
    };
    const QByteArray before = preview();
    const QString statusBefore = status();

    const CliResult again = tagdesk({QStringLiteral("jobs"), QStringLiteral("run"), job});
    ASSERT_EQ(again.exitCode, 0) << again.describe();
    EXPECT_EQ(preview(), before) << "the edit, the rejection and the acceptance stay";
    EXPECT_EQ(status(), statusBefore) << "the approved product is still approved";
}

TEST_F(CliSync, ExportWritesASpreadsheetWithShopifyColumnNames) {
    start();
    ASSERT_EQ(approveAll().exitCode, 0);
    const QByteArray bytes = exportCsv(job);
    EXPECT_TRUE(bytes.startsWith("\xEF\xBB\xBF")) << "UTF-8 with a byte-order mark";
    const QList<QByteArray> lines = bytes.mid(3).split('\n');
    EXPECT_TRUE(lines.first().startsWith("URL handle,Title,Tags,Type,Product category,Image alt "
                                         "text,Colour (product.metafields.tagdesk.colour)"))
        << lines.first().toStdString();
    EXPECT_TRUE(lines.first().endsWith('\r')) << "RFC 4180 lines end in CRLF";
    EXPECT_EQ(lines.size(), original.size() + 2) << "a header, a row per product, the end";
    // A tag list has commas, so it is quoted.
    EXPECT_TRUE(QString::fromUtf8(bytes).contains(
        QRegularExpression(QStringLiteral(",\"[^\"]*, colour:[^\"]*\","))))
        << bytes.left(600).toStdString();
}

namespace {
// An exported CSV (RFC 4180, after its byte-order mark): a row per product, each field by
// its column's name.
QList<QHash<QString, QString>> csvRows(const QByteArray &bytes) {
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    const QString text = QString::fromUtf8(bytes.mid(3));
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c != u'"')
                field += c;
            else if (i + 1 < text.size() && text.at(i + 1) == u'"')
                field += text.at(++i);
            else
                quoted = false;
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',' || c == u'\n') {
            record << std::exchange(field, QString());
            if (c == u'\n')
                records << std::exchange(record, QStringList());
        } else if (c != u'\r') {
            field += c;
        }
    }
    QList<QHash<QString, QString>> rows;
    for (qsizetype r = 1; r < records.size(); ++r) {
        EXPECT_EQ(records.at(r).size(), records.first().size()) << "row " << r;
        QHash<QString, QString> row;
        for (qsizetype c = 0; c < records.first().size(); ++c)
            row.insert(records.first().at(c), records.at(r).value(c));
        rows << row;
    }
    return rows;
}
} // namespace

TEST_F(CliSync, ExportOfAJobWritingCategoryMetafieldsHasAColumnForEachWithItsValuesNames) {
    const QStringList toCategoryMetafields{QStringLiteral("--to"),
                                           QStringLiteral("category,category-metafields")};
    start({}, toCategoryMetafields);
    const QStringList ids = original.keys();
    const QString dress = ids.at(0);
    const QString pants = ids.at(1);
    const auto decide = [&](const QString &jobId, const QString &product, const QString &attribute,
                            const QString &value) {
        const CliResult d = tagdesk(
            {QStringLiteral("review"), QStringLiteral("decide"), jobId, QStringLiteral("--product"),
             product, QStringLiteral("--attribute"), attribute, QStringLiteral("--value"), value});
        EXPECT_EQ(d.exitCode, 0) << d.describe();
    };
    const auto exported = [&](const QString &jobId) {
        QHash<QString, QHash<QString, QString>> byProduct;
        for (const auto &row : csvRows(exportCsv(jobId)))
            byProduct.insert(row.value(QStringLiteral("Tagdesk: Product ID")), row);
        return byProduct;
    };
    const QString color = QStringLiteral("Color (product.metafields.shopify.color-pattern)");
    const QString neckline = QStringLiteral("Neckline (product.metafields.shopify.neckline)");

    // The reviewer settles each value, so none hangs on what the colour analyser sees.
    decide(job, dress, QStringLiteral("shopify_category"),
           QStringLiteral("Apparel & Accessories > Clothing > Dresses"));
    decide(job, dress, QStringLiteral("colour"), QStringLiteral("blue, navy"));
    decide(job, dress, QStringLiteral("neckline"), QStringLiteral("v-neck"));
    decide(job, pants, QStringLiteral("shopify_category"),
           QStringLiteral("Apparel & Accessories > Clothing > Pants"));
    decide(job, pants, QStringLiteral("neckline"), QStringLiteral("v-neck"));
    ASSERT_EQ(tagdesk({QStringLiteral("review"), QStringLiteral("approve"), job,
                       QStringLiteral("--products"), dress + u',' + pants})
                  .exitCode,
              0);
    auto rows = exported(job);
    ASSERT_TRUE(rows.contains(dress) && rows.contains(pants));
    ASSERT_TRUE(rows.value(dress).contains(color))
        << rows.value(dress).keys().join(u'|').toStdString();
    ASSERT_TRUE(rows.value(dress).contains(neckline));
    // The taxonomy values' names, in the order the metafield lists them (by value id).
    EXPECT_EQ(rows.value(dress).value(color), QStringLiteral("Navy; Blue"));
    EXPECT_EQ(rows.value(dress).value(neckline), QStringLiteral("V-neck"));
    EXPECT_EQ(rows.value(dress).value(QStringLiteral("Product category")),
              QStringLiteral("Apparel & Accessories > Clothing > Dresses"));
    // Pants take no neckline: the value is left out, and the pants have none in Shopify.
    EXPECT_EQ(rows.value(pants).value(neckline), QString());

    // Once pushed, the store's values are what a later job finds; a colour with no Shopify
    // value is left out there, so its column keeps the store's.
    const CliResult sync = tagdesk({QStringLiteral("sync"), job});
    ASSERT_EQ(sync.exitCode, 0) << sync.describe();
    const QString again = createAndRun(toCategoryMetafields);
    decide(again, dress, QStringLiteral("colour"), QStringLiteral("iridescent"));
    ASSERT_EQ(tagdesk({QStringLiteral("review"), QStringLiteral("approve"), again,
                       QStringLiteral("--products"), dress})
                  .exitCode,
              0);
    rows = exported(again);
    EXPECT_EQ(rows.value(dress).value(color), QStringLiteral("Navy; Blue"));
}

// No secret is written anywhere: after a job is run with two taggers, approved, synced and
// exported, none of the store's token or the taggers' keys is in the database, the settings,
// the image cache, the exported spreadsheet or anything the CLI printed. They live only in
// the keychain (or, as here, the environment).
TEST(CliSecrets, NoTokenOrKeyIsWrittenToAnyFileOrPrinted) {
    const QString token = QStringLiteral("shpat_planted0000secret1111token");
    SandboxProcess sandbox(
        {QStringLiteral("--catalog"),
         testData(QStringLiteral("catalogs/kith-storefront-products.json")),
         QStringLiteral("--bucket"), QStringLiteral("20000"), QStringLiteral("--restore"),
         QStringLiteral("10000"), QStringLiteral("--token"), token,
         QStringLiteral("--ximilar-token"), QStringLiteral("xim_planted2222secret3333"),
         QStringLiteral("--openai-key"), QStringLiteral("sk-planted4444secret5555")});
    CliRunner cli;
    TempSqlite db;
    const QStringList secrets{token, QStringLiteral("xim_planted2222secret3333"),
                              QStringLiteral("sk-planted4444secret5555")};
    QProcessEnvironment &env = cli.environment();
    env.insert(QStringLiteral("TAGDESK_SHOPIFY_TOKEN"), token);
    env.insert(QStringLiteral("TAGDESK_XIMILAR_URL"), sandbox.url);
    env.insert(QStringLiteral("TAGDESK_XIMILAR_KEY"), secrets[1]);
    env.insert(QStringLiteral("TAGDESK_OPENAI_URL"), sandbox.url);
    env.insert(QStringLiteral("TAGDESK_OPENAI_KEY"), secrets[2]);
    env.insert(QStringLiteral("TAGDESK_OPENAI_MODEL"), QStringLiteral("sandbox-vision"));
    const QStringList common{QStringLiteral("--db"), db.path(), QStringLiteral("--store"),
                             sandbox.url};
    QByteArray printed;
    const auto tagdesk = [&](const QStringList &args) {
        const CliResult r = cli.run(common + args);
        printed += r.out + r.err;
        EXPECT_EQ(r.exitCode, 0) << r.describe();
        return r;
    };
    // A refused key or token is said without the secret. (A model refusing the key stops
    // the run with requests still in flight: they are stopped before anything they would
    // reach is gone.)
    env.insert(QStringLiteral("TAGDESK_OPENAI_KEY"), secrets[2] + QStringLiteral("x"));
    const CliResult wrongKey =
        cli.run(common + QStringList{QStringLiteral("jobs"), QStringLiteral("create"),
                                     QStringLiteral("--name"), QStringLiteral("Wrong key"),
                                     QStringLiteral("--tagger"), QStringLiteral("openai")});
    const CliResult keyRefused =
        cli.run(common + QStringList{QStringLiteral("jobs"), QStringLiteral("run"),
                                     QString::fromUtf8(wrongKey.out.trimmed())});
    EXPECT_EQ(keyRefused.exitCode, 2) << keyRefused.describe();
    EXPECT_TRUE(keyRefused.err.contains("Token rejected: ")) << keyRefused.describe();
    printed += wrongKey.out + wrongKey.err + keyRefused.out + keyRefused.err;
    env.insert(QStringLiteral("TAGDESK_OPENAI_KEY"), secrets[2]);
    QTemporaryDir exports;
    for (const QString &tagger : {QStringLiteral("ximilar"), QStringLiteral("openai")}) {
        const QString job = QString::fromUtf8(
            tagdesk({QStringLiteral("jobs"), QStringLiteral("create"), QStringLiteral("--name"),
                     tagger, QStringLiteral("--tagger"), tagger})
                .out.trimmed());
        tagdesk({QStringLiteral("jobs"), QStringLiteral("run"), job});
        tagdesk(
            {QStringLiteral("review"), QStringLiteral("approve"), job, QStringLiteral("--all")});
        tagdesk({QStringLiteral("sync"), job});
        tagdesk({QStringLiteral("history"), job, QStringLiteral("--json")});
        tagdesk({QStringLiteral("export"), job, QStringLiteral("--csv"),
                 exports.filePath(tagger + QStringLiteral(".csv"))});
    }
    env.insert(QStringLiteral("TAGDESK_SHOPIFY_TOKEN"), token + QStringLiteral("x"));
    const CliResult refused =
        cli.run(common + QStringList{QStringLiteral("sync"), QStringLiteral("1")});
    EXPECT_EQ(refused.exitCode, 2) << refused.describe();
    EXPECT_TRUE(refused.err.contains("Token rejected: ")) << refused.describe();
    printed +=
        wrongKey.out + wrongKey.err + keyRefused.out + keyRefused.err + refused.out + refused.err;

    int files = 0;
    qint64 bytes = 0;
    for (const QString &folder : {cli.home(), db.folder(), exports.path()}) {
        QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << file.fileName().toStdString();
            const QByteArray content = file.readAll();
            ++files;
            bytes += content.size();
            for (const QString &secret : secrets)
                EXPECT_FALSE(content.contains(secret.toUtf8()))
                    << file.fileName().toStdString() << " holds " << secret.toStdString();
        }
    }
    for (const QString &secret : secrets)
        EXPECT_FALSE(printed.contains(secret.toUtf8())) << "printed " << secret.toStdString();
    EXPECT_GE(files, 20) << "the database, the cached images and the two spreadsheets";
    std::cout << "searched " << files << " files (" << bytes / 1024 << " KiB) and "
              << printed.size() << " bytes printed for " << secrets.size() << " secrets\n";
}

// The real keychain path: the store's token and each remote tagger's secret saved in the
// system keychain (gnome-keyring over D-Bus in scripts/test.sh) under the names the desktop
// app's Settings save them, and nothing in the environment — the CLI runs, syncs and tags
// with them. Without a reachable keychain it says so, naming the secret, and stops.
TEST(CliSecrets, TheStoreTokenAndEachTaggerSecretComeFromTheSystemKeychain) {
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        GTEST_SKIP() << "no D-Bus session: scripts/test.sh runs this under dbus-run-session with "
                        "gnome-keyring";
    const QString token = QStringLiteral("shpat_keychain0000token");
    const QString ximilarKey = QStringLiteral("xim_keychain1111key");
    const QString openAiKey = QStringLiteral("sk-keychain2222key");
    SandboxProcess sandbox({QStringLiteral("--catalog"),
                            testData(QStringLiteral("catalogs/kith-storefront-products.json")),
                            QStringLiteral("--bucket"), QStringLiteral("20000"),
                            QStringLiteral("--restore"), QStringLiteral("10000"),
                            QStringLiteral("--token"), token, QStringLiteral("--ximilar-token"),
                            ximilarKey, QStringLiteral("--openai-key"), openAiKey});
    const QString domain = ShopifyStore::parse(sandbox.url).value().domain();
    const QList<std::pair<QString, QString>> saved = {
        {shopSecretKey(domain, QStringLiteral("access-token")), token},
        {taggerSecretKey(QStringLiteral("ximilar"), QStringLiteral("api-key")), ximilarKey},
        {taggerSecretKey(QStringLiteral("openai"), QStringLiteral("api-key")), openAiKey},
        {taggerSecretKey(QStringLiteral("pixyle"), QStringLiteral("password")),
         QStringLiteral("sandbox")}};
    KeychainSecretStore keychain; // the service name the app and the CLI use
    const auto settle = [](auto future) {
        EXPECT_TRUE(QTest::qWaitFor([&] { return future.isFinished(); }, 60'000));
        return future.result();
    };
    for (const auto &[key, secret] : saved)
        ASSERT_TRUE(settle(keychain.write(key, secret)).ok()) << key.toStdString();

    CliRunner cli;
    TempSqlite db;
    QProcessEnvironment &env = cli.environment();
    for (const char *name : {"TAGDESK_SHOPIFY_TOKEN", "TAGDESK_XIMILAR_KEY", "TAGDESK_OPENAI_KEY",
                             "TAGDESK_PIXYLE_PASSWORD"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("TAGDESK_XIMILAR_URL"), sandbox.url);
    env.insert(QStringLiteral("TAGDESK_OPENAI_URL"), sandbox.url);
    env.insert(QStringLiteral("TAGDESK_OPENAI_MODEL"), QStringLiteral("sandbox-vision"));
    env.insert(QStringLiteral("TAGDESK_PIXYLE_URL"), sandbox.url);
    env.insert(QStringLiteral("TAGDESK_PIXYLE_EMAIL"), QStringLiteral("sandbox@tagdesk.test"));
    const QStringList common{QStringLiteral("--db"), db.path(), QStringLiteral("--store"),
                             sandbox.url};
    for (const QString &tagger :
         {QStringLiteral("ximilar"), QStringLiteral("openai"), QStringLiteral("pixyle")}) {
        const CliResult created =
            cli.run(common + QStringList{QStringLiteral("jobs"), QStringLiteral("create"),
                                         QStringLiteral("--name"), tagger,
                                         QStringLiteral("--tagger"), tagger});
        ASSERT_EQ(created.exitCode, 0) << created.describe();
        const QString job = QString::fromUtf8(created.out.trimmed());
        const CliResult ran =
            cli.run(common + QStringList{QStringLiteral("jobs"), QStringLiteral("run"), job});
        EXPECT_EQ(ran.exitCode, 0) << tagger.toStdString() << ": " << ran.describe();
        ASSERT_EQ(cli.run(common + QStringList{QStringLiteral("review"), QStringLiteral("approve"),
                                               job, QStringLiteral("--all")})
                      .exitCode,
                  0);
        const CliResult synced = cli.run(common + QStringList{QStringLiteral("sync"), job});
        EXPECT_EQ(synced.exitCode, 0) << tagger.toStdString() << ": " << synced.describe();
    }

    // No keychain to ask: said, naming what could not be read, never taken as "no token".
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=/nonexistent/tagdesk-no-bus"));
    const CliResult noKeychain =
        cli.run(common + QStringList{QStringLiteral("sync"), QStringLiteral("1")});
    EXPECT_EQ(noKeychain.exitCode, 2) << noKeychain.describe();
    EXPECT_TRUE(noKeychain.err.contains("keychain")) << noKeychain.describe();
    EXPECT_TRUE(noKeychain.err.contains(domain.toUtf8())) << noKeychain.describe();
    EXPECT_FALSE(noKeychain.err.contains("No access token")) << noKeychain.describe();

    for (const auto &[key, secret] : saved)
        EXPECT_TRUE(settle(keychain.remove(key)).ok()) << key.toStdString();
}

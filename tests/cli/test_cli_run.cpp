// `tagdesk-cli jobs run` as a user runs it: the real binary against a standalone
// tagdesk-sandbox process, killed with SIGKILL mid-run and run again.
#include "cli/clirunner.h"
#include "cli/sandboxprocess.h"
#include "storage/connection.h"
#include "support/qtprinters.h"
#include "support/testdatabase.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTest>

using namespace tagdesk;
using namespace tagdesk::test;

namespace {

int count(const QJsonArray &log, const char *key, const char *value, qint64 afterSequence = 0) {
    int n = 0;
    for (const QJsonValue &v : log) {
        const QJsonObject e = v.toObject();
        if (e.value(QStringLiteral("sequence")).toInteger() > afterSequence &&
            e.value(QLatin1String(key)).toString() == QLatin1String(value))
            ++n;
    }
    return n;
}

int analysed(const DatabaseConfig &db) {
    auto conn = Connection::open(db);
    if (!conn)
        return -1;
    auto q = runSql(conn.value()->db(),
                    QStringLiteral("SELECT count(*) FROM job_products WHERE stage = 'analysed'"));
    return q && q->next() ? q->value(0).toInt() : -1;
}

} // namespace

TEST(CliRun, AKilledRunResumesWithoutFetchingOrAnalysingWhatWasStored) {
    const QString catalog = testData(QStringLiteral("catalogs/kith-storefront-products.json"));
    // Slow image answers, so that the kill lands in the middle of the analysis.
    SandboxProcess sandbox({QStringLiteral("--catalog"), catalog, QStringLiteral("--bucket"),
                            QStringLiteral("20000"), QStringLiteral("--restore"),
                            QStringLiteral("10000"), QStringLiteral("--fault"),
                            QStringLiteral("images:latency=60-90")});
    TempSqlite db;
    CliRunner cli;
    cli.environment().insert(QStringLiteral("TAGDESK_SHOPIFY_TOKEN"),
                             QStringLiteral("shpat_sandbox"));
    const QStringList common{QStringLiteral("--db"), db.path(), QStringLiteral("--store"),
                             sandbox.url};
    const CliResult created =
        cli.run(common + QStringList{QStringLiteral("jobs"), QStringLiteral("create"),
                                     QStringLiteral("--name"), QStringLiteral("Kith")});
    ASSERT_EQ(created.exitCode, 0) << created.describe();
    const QString id = QString::fromUtf8(created.out.trimmed());

    QProcess run;
    run.setProcessEnvironment(cli.environment());
    run.start(QStringLiteral(TAGDESK_CLI_PATH),
              common + QStringList{QStringLiteral("jobs"), QStringLiteral("run"), id});
    ASSERT_TRUE(run.waitForStarted(-1));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return analysed(db.config()) >= 5 || run.state() != QProcess::Running; },
        std::numeric_limits<int>::max()));
    ASSERT_EQ(run.state(), QProcess::Running) << "the run ended before it could be killed";
    run.kill(); // SIGKILL: no chance to clean up
    run.waitForFinished(-1);
    const int analysedAtKill = analysed(db.config());
    const QJsonArray before = sandbox.requests();
    const qint64 lastBefore =
        before.isEmpty() ? 0
                         : before.last().toObject().value(QStringLiteral("sequence")).toInteger();
    ASSERT_LT(analysedAtKill, 30);

    const CliResult again =
        cli.run(common + QStringList{QStringLiteral("jobs"), QStringLiteral("run"), id});
    EXPECT_EQ(again.exitCode, 0) << again.describe();
    EXPECT_EQ(analysed(db.config()), 30);

    const QJsonArray log = sandbox.requests();
    EXPECT_EQ(count(log, "operationName", "ProductsPage", lastBefore), 0)
        << "the listing was not repeated";
    EXPECT_LE(count(log, "service", "images", lastBefore), 30 - analysedAtKill)
        << "no image of an analysed product was downloaded again";
    EXPECT_GT(count(log, "service", "images", lastBefore), 0)
        << "analysed at kill " << analysedAtKill << ", last sequence " << lastBefore << ", log "
        << log.size() << ", images in all " << count(log, "service", "images");

    const CliResult shown =
        cli.run(common + QStringList{QStringLiteral("jobs"), QStringLiteral("show"), id,
                                     QStringLiteral("--json")});
    const QJsonObject job = shown.json().object();
    EXPECT_EQ(job.value(QStringLiteral("status")).toString(), QStringLiteral("Review"));
    for (const QJsonValue &p : job.value(QStringLiteral("products")).toArray())
        EXPECT_FALSE(p.toObject().value(QStringLiteral("suggestions")).toArray().isEmpty())
            << p.toObject().value(QStringLiteral("id")).toString().toStdString();
}

TEST(CliRun, AWrongTokenFailsAtOnceWithTheReason) {
    SandboxProcess sandbox({QStringLiteral("--catalog"),
                            testData(QStringLiteral("catalogs/kith-storefront-products.json"))});
    TempSqlite db;
    CliRunner cli;
    cli.environment().insert(QStringLiteral("TAGDESK_SHOPIFY_TOKEN"), QStringLiteral("shpat_nope"));
    const QStringList common{QStringLiteral("--db"), db.path(), QStringLiteral("--store"),
                             sandbox.url};
    const CliResult created =
        cli.run(common + QStringList{QStringLiteral("jobs"), QStringLiteral("create"),
                                     QStringLiteral("--name"), QStringLiteral("x")});
    const CliResult r = cli.run(common + QStringList{QStringLiteral("jobs"), QStringLiteral("run"),
                                                     QString::fromUtf8(created.out.trimmed())});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("refused the access token (HTTP 401)")) << r.describe();
    EXPECT_EQ(count(sandbox.requests(), "service", "images"), 0) << "nothing was started";
}

TEST(CliRun, AMalformedStoreAddressIsRefusedNamingIt) {
    TempSqlite db;
    CliRunner cli;
    const CliResult created =
        cli.run({QStringLiteral("--db"), db.path(), QStringLiteral("jobs"),
                 QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("x")});
    const CliResult r = cli.run({QStringLiteral("--db"), db.path(), QStringLiteral("--store"),
                                 QStringLiteral("http://shop.example.com"), QStringLiteral("jobs"),
                                 QStringLiteral("run"), QString::fromUtf8(created.out.trimmed())});
    // A store address that cannot be used is a bad input, as from every other command.
    EXPECT_EQ(r.exitCode, 1) << r.describe();
    EXPECT_TRUE(r.err.contains("plain http")) << r.describe();
}

TEST(CliRun, TheDemoRunsEndToEndOffline) {
    CliRunner cli;
    const CliResult created =
        cli.run({QStringLiteral("--demo"), QStringLiteral("--demo-reset"), QStringLiteral("jobs"),
                 QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("Demo")});
    ASSERT_EQ(created.exitCode, 0) << created.describe();
    const CliResult r = cli.run({QStringLiteral("--demo"), QStringLiteral("jobs"),
                                 QStringLiteral("run"), QString::fromUtf8(created.out.trimmed())});
    EXPECT_EQ(r.exitCode, 0) << "the demo's gift card has no image: skipped, not failed: "
                             << r.describe();
    EXPECT_TRUE(r.out.contains("0 failed, 1 skipped")) << r.describe();
    EXPECT_TRUE(r.err.contains("Analysing")) << "progress on stderr: " << r.describe();
    const CliResult shown =
        cli.run({QStringLiteral("--demo"), QStringLiteral("jobs"), QStringLiteral("show"),
                 QString::fromUtf8(created.out.trimmed()), QStringLiteral("--json")});
    const QJsonObject job = shown.json().object();
    EXPECT_EQ(job.value(QStringLiteral("status")).toString(), QStringLiteral("Review"));
    EXPECT_GE(
        job.value(QStringLiteral("counts")).toObject().value(QStringLiteral("analysed")).toInt(),
        60);
}

TEST(CliReview, ApprovingAndRejectingNeedsNoNetworkAndLeadsToReadyToSync) {
    CliRunner cli;
    const CliResult created =
        cli.run({QStringLiteral("--demo"), QStringLiteral("--demo-reset"), QStringLiteral("jobs"),
                 QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("Review")});
    const QString id = QString::fromUtf8(created.out.trimmed());
    ASSERT_EQ(cli.run({QStringLiteral("--demo"), QStringLiteral("jobs"), QStringLiteral("run"), id})
                  .exitCode,
              0);
    // Review works from the database alone: no --demo (no store) from here on.
    const QString db = cli.home() + QStringLiteral("/data/Tagdesk/Tagdesk/demo.sqlite");
    const auto tagdesk = [&](QStringList args) {
        return cli.run(QStringList{QStringLiteral("--db"), db} + args);
    };
    const auto counts = [&] {
        return tagdesk(
                   {QStringLiteral("jobs"), QStringLiteral("show"), id, QStringLiteral("--json")})
            .json()
            .object();
    };

    const CliResult sure = tagdesk({QStringLiteral("review"), QStringLiteral("approve"), id,
                                    QStringLiteral("--min-confidence"), QStringLiteral("0.6"),
                                    QStringLiteral("--to"), QStringLiteral("tags,type")});
    ASSERT_EQ(sure.exitCode, 0) << sure.describe();
    const int approvedSure = counts()
                                 .value(QStringLiteral("counts"))
                                 .toObject()
                                 .value(QStringLiteral("approved"))
                                 .toInt();
    EXPECT_GT(approvedSure, 0);
    EXPECT_LT(approvedSure, 60) << "only the sure ones";

    // The first product still pending is rejected; the gift card (no image) cannot be.
    QString pending;
    for (const QJsonValue &p : counts().value(QStringLiteral("products")).toArray()) {
        if (p.toObject().value(QStringLiteral("review")).toString() == QLatin1String("pending") &&
            p.toObject().value(QStringLiteral("stage")).toString() == QLatin1String("analysed")) {
            pending = p.toObject().value(QStringLiteral("id")).toString();
            break;
        }
    }
    ASSERT_FALSE(pending.isEmpty());
    EXPECT_EQ(tagdesk({QStringLiteral("review"), QStringLiteral("reject"), id,
                       QStringLiteral("--products"), pending})
                  .exitCode,
              0);
    const CliResult giftCard = tagdesk({QStringLiteral("review"), QStringLiteral("reject"), id,
                                        QStringLiteral("--products"),
                                        QStringLiteral("gid://shopify/Product/8100000000063")});
    EXPECT_EQ(giftCard.exitCode, 2);
    EXPECT_TRUE(giftCard.err.contains("has not been analysed")) << giftCard.describe();

    const CliResult all = tagdesk({QStringLiteral("review"), QStringLiteral("approve"), id,
                                   QStringLiteral("--all"), QStringLiteral("--json")});
    ASSERT_EQ(all.exitCode, 0) << all.describe();
    const QJsonObject job = all.json().object();
    EXPECT_EQ(job.value(QStringLiteral("status")).toString(), QStringLiteral("Ready to sync"));
    EXPECT_EQ(
        job.value(QStringLiteral("counts")).toObject().value(QStringLiteral("rejected")).toInt(),
        1);
    EXPECT_EQ(
        job.value(QStringLiteral("counts")).toObject().value(QStringLiteral("approved")).toInt(),
        59);

    EXPECT_EQ(tagdesk({QStringLiteral("review"), QStringLiteral("approve"), id}).exitCode, 1)
        << "needs a selection";
    EXPECT_EQ(tagdesk({QStringLiteral("review"), QStringLiteral("approve"), id,
                       QStringLiteral("--all"), QStringLiteral("--to"), QStringLiteral("colour")})
                  .exitCode,
              1);
}

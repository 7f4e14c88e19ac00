// One error vocabulary, seen from outside: the real tagdesk-cli binary against a
// standalone sandbox. The same kind of error reads the same and exits the same from every
// command; unknown commands are usage errors.
#include "cli/clirunner.h"
#include "cli/sandboxprocess.h"
#include "support/qtprinters.h"
#include "support/testdatabase.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonObject>

using namespace tagdesk;
using namespace tagdesk::test;

namespace {

struct StoreWithJob {
    explicit StoreWithJob(const QStringList &extraSandboxFlags = {})
        : sandbox(QStringList{QStringLiteral("--catalog"),
                              testData(QStringLiteral("catalogs/kith-storefront-products.json"))} +
                  extraSandboxFlags) {
        common = {QStringLiteral("--db"), db.path(), QStringLiteral("--store"), sandbox.url};
        const CliResult created =
            cli.run(common + QStringList{QStringLiteral("jobs"), QStringLiteral("create"),
                                         QStringLiteral("--name"), QStringLiteral("x")});
        EXPECT_EQ(created.exitCode, 0) << created.describe();
        job = QString::fromUtf8(created.out.trimmed());
    }
    CliResult withToken(const QString &token, const QStringList &command) {
        cli.environment().insert(QStringLiteral("TAGDESK_SHOPIFY_TOKEN"), token);
        return cli.run(common + command);
    }

    SandboxProcess sandbox;
    TempSqlite db;
    CliRunner cli;
    QStringList common;
    QString job;
};

// The line after "tagdesk-cli: " (the first one), without the store's address.
QByteArray firstLine(const QByteArray &err) {
    return err.left(err.indexOf('\n'));
}

} // namespace

TEST(CliErrors, AWrongTokenExitsAndReadsTheSameFromRunAndFromSync) {
    StoreWithJob store;
    const CliResult run = store.withToken(
        QStringLiteral("shpat_nope"), {QStringLiteral("jobs"), QStringLiteral("run"), store.job});
    const CliResult sync =
        store.withToken(QStringLiteral("shpat_nope"), {QStringLiteral("sync"), store.job});
    EXPECT_EQ(run.exitCode, 2) << run.describe();
    EXPECT_EQ(sync.exitCode, run.exitCode) << sync.describe();
    EXPECT_TRUE(run.err.startsWith("tagdesk-cli: Token rejected: ")) << run.describe();
    EXPECT_TRUE(run.err.contains("(HTTP 401)")) << run.describe();
    EXPECT_EQ(firstLine(sync.err), firstLine(run.err)) << sync.describe();
}

TEST(CliErrors, ATokenWithoutTheWriteScopeNamesTheScopeItLacks) {
    StoreWithJob store({QStringLiteral("--read-only-token"), QStringLiteral("shpat_readonly")});
    const CliResult sync =
        store.withToken(QStringLiteral("shpat_readonly"), {QStringLiteral("sync"), store.job});
    EXPECT_EQ(sync.exitCode, 2) << sync.describe();
    EXPECT_TRUE(sync.err.startsWith("tagdesk-cli: Scope missing (write_products): "))
        << sync.describe();
}

// The GraphQL operations a sandbox received after the first `since` requests.
QStringList operationsAfter(SandboxProcess &sandbox, qsizetype since) {
    QStringList out;
    const QJsonArray log = sandbox.requests();
    for (qsizetype i = since; i < log.size(); ++i) {
        const QString name = log[i].toObject().value(QStringLiteral("operationName")).toString();
        if (!name.isEmpty())
            out << name;
    }
    return out;
}

TEST(CliErrors, ATokenWithoutWriteFilesWarnsTheRunAndStopsTheSyncOfAltTextBeforeAnyWrite) {
    StoreWithJob store({QStringLiteral("--scoped-token"),
                        QStringLiteral("shpat_nofiles=read_products,write_products")});
    const QString product = store.sandbox.products().keys().first();
    const CliResult created =
        store.cli.run(store.common + QStringList{QStringLiteral("jobs"), QStringLiteral("create"),
                                                 QStringLiteral("--name"), QStringLiteral("alt"),
                                                 QStringLiteral("--to"), QStringLiteral("tags,alt"),
                                                 QStringLiteral("--products"), product});
    ASSERT_EQ(created.exitCode, 0) << created.describe();
    const QString job = QString::fromUtf8(created.out.trimmed());
    const QByteArray lacks = "The token for tagdesk-sandbox.myshopify.com lacks write_files, which "
                             "writing image alt text needs. Give the app that access scope in "
                             "the Shopify admin.";

    const CliResult run = store.withToken(QStringLiteral("shpat_nofiles"),
                                          {QStringLiteral("jobs"), QStringLiteral("run"), job});
    EXPECT_EQ(run.exitCode, 0) << run.describe();
    EXPECT_TRUE(run.err.contains(QByteArray(QByteArray("tagdesk-cli: warning: ") + lacks)))
        << run.describe();
    const CliResult approved = store.cli.run(
        store.common + QStringList{QStringLiteral("review"), QStringLiteral("approve"), job,
                                   QStringLiteral("--all")});
    ASSERT_EQ(approved.exitCode, 0) << approved.describe();

    const qsizetype before = store.sandbox.requests().size();
    const CliResult sync =
        store.withToken(QStringLiteral("shpat_nofiles"), {QStringLiteral("sync"), job});
    EXPECT_EQ(sync.exitCode, 2) << sync.describe();
    EXPECT_EQ(firstLine(sync.err), QByteArray("tagdesk-cli: Scope missing (write_files): ") + lacks)
        << sync.describe();
    EXPECT_EQ(operationsAfter(store.sandbox, before), QStringList{QStringLiteral("AccessScopes")})
        << "nothing was written, not even the tags";
}

TEST(CliErrors, AJobRunSyncedOrRevertedAgainstAnotherStoreIsRefusedNamingBoth) {
    StoreWithJob store;
    SandboxProcess other({QStringLiteral("--catalog"),
                          testData(QStringLiteral("catalogs/kith-storefront-products.json")),
                          QStringLiteral("--shop-domain"), QStringLiteral("other.myshopify.com"),
                          QStringLiteral("--shop-id"), QStringLiteral("2")});
    const QString product = store.sandbox.products().keys().first();
    const CliResult created =
        store.cli.run(store.common + QStringList{QStringLiteral("jobs"), QStringLiteral("create"),
                                                 QStringLiteral("--name"), QStringLiteral("one"),
                                                 QStringLiteral("--products"), product});
    ASSERT_EQ(created.exitCode, 0) << created.describe();
    const QString job = QString::fromUtf8(created.out.trimmed());
    const CliResult run = store.withToken(QStringLiteral("shpat_sandbox"),
                                          {QStringLiteral("jobs"), QStringLiteral("run"), job});
    ASSERT_EQ(run.exitCode, 0) << run.describe();

    const QStringList elsewhere{QStringLiteral("--db"), store.db.path(), QStringLiteral("--store"),
                                other.url};
    const QByteArray refusal =
        QStringLiteral("tagdesk-cli: Not allowed: Job %1 belongs to tagdesk-sandbox.myshopify.com "
                       "(gid://shopify/Shop/1); the saved store is other.myshopify.com "
                       "(gid://shopify/Shop/2). Switch the store in Settings, or create a new job.")
            .arg(job)
            .toUtf8();
    for (const QStringList &command :
         {QStringList{QStringLiteral("jobs"), QStringLiteral("run"), job},
          QStringList{QStringLiteral("sync"), job}, QStringList{QStringLiteral("revert"), job}}) {
        const CliResult refused = store.cli.run(elsewhere + command);
        EXPECT_EQ(refused.exitCode, 2) << refused.describe();
        EXPECT_EQ(firstLine(refused.err), refusal) << refused.describe();
    }
    EXPECT_EQ(operationsAfter(other, 0), QStringList(3, QStringLiteral("AccessScopes")))
        << "the other store was only asked who it is";

    const CliResult listed =
        store.cli.run(store.common + QStringList{QStringLiteral("jobs"), QStringLiteral("list")});
    EXPECT_TRUE(listed.out.contains("tagdesk-sandbox.myshopify.com")) << listed.describe();
}

TEST(CliErrors, AnUnknownCommandOrSubcommandIsAUsageErrorWithTheUsage) {
    TempSqlite db;
    CliRunner cli;
    const CliResult sub = cli.run({QStringLiteral("--db"), db.path(), QStringLiteral("jobs"),
                                   QStringLiteral("frobnicate"), QStringLiteral("1")});
    EXPECT_EQ(sub.exitCode, 1) << sub.describe();
    EXPECT_TRUE(sub.err.contains("Unknown command 'jobs frobnicate 1'")) << sub.describe();
    EXPECT_TRUE(sub.err.contains("jobs list [--archived]")) << sub.describe();
    EXPECT_FALSE(sub.err.contains("review approve")) << "only the commands of 'jobs'";
    EXPECT_TRUE(sub.out.isEmpty()) << sub.describe();

    const CliResult top = cli.run({QStringLiteral("--db"), db.path(), QStringLiteral("frob")});
    EXPECT_EQ(top.exitCode, 1) << top.describe();
    EXPECT_TRUE(top.err.contains("Unknown command 'frob'")) << top.describe();
    EXPECT_TRUE(top.err.contains("Usage: tagdesk-cli")) << top.describe();
    EXPECT_TRUE(top.err.contains("review approve ID")) << top.describe();

    const CliResult bare = cli.run({QStringLiteral("--db"), db.path(), QStringLiteral("jobs")});
    EXPECT_EQ(bare.exitCode, 1) << bare.describe();
    EXPECT_TRUE(bare.err.contains("jobs create --name NAME")) << bare.describe();
}

// Shopify's answers that no retry changes, each said with what to do, asked once, and the
// job left as it was (still Created, nothing fetched).
TEST(CliErrors, EachStatusShopifyRefusesAStoreWithIsNamedAskedOnceAndLosesNothing) {
    const struct {
        int status;
        const char *says;
    } refusals[] = {
        {401, "refused the access token (HTTP 401)"},
        {402, "its Shopify bill is unpaid (HTTP 402)"},
        {403, "denied access (HTTP 403)"},
        {404, "has no Admin API at"},
        {423, "is locked (HTTP 423)"},
    };
    for (const auto &[status, says] : refusals) {
        StoreWithJob store({QStringLiteral("--fault"),
                            QStringLiteral("shopify:errorRate=1,errorStatus=%1").arg(status)});
        const CliResult run =
            store.withToken(QStringLiteral("shpat_sandbox"),
                            {QStringLiteral("jobs"), QStringLiteral("run"), store.job});
        EXPECT_EQ(run.exitCode, 2) << status << ": " << run.describe();
        EXPECT_TRUE(run.err.contains(says)) << status << ": " << run.describe();
        EXPECT_EQ(run.err.count('\n'), 1) << status << ": " << run.describe();
        int shopifyRequests = 0;
        for (const QJsonValue &entry : store.sandbox.requests())
            shopifyRequests +=
                entry.toObject().value(QStringLiteral("service")) == QLatin1String("shopify");
        EXPECT_EQ(shopifyRequests, 1) << status << ": not asked again";
        const CliResult shown =
            store.cli.run(store.common + QStringList{QStringLiteral("jobs"), QStringLiteral("show"),
                                                     store.job, QStringLiteral("--json")});
        ASSERT_EQ(shown.exitCode, 0) << shown.describe();
        const QJsonObject job = shown.json().object();
        EXPECT_EQ(job.value(QStringLiteral("counts")).toObject().value(QStringLiteral("products")),
                  0)
            << status << ": nothing fetched, nothing changed";
        EXPECT_EQ(job.value(QStringLiteral("statusKey")).toString(), QStringLiteral("created"))
            << status << ": the job is as it was, ready to run once the store is fixed";
    }
}

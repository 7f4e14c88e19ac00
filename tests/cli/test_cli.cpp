// The tagdesk-cli contract, driven through the real binary on real SQLite files.
#include "cli/clirunner.h"
#include "storage/connection.h"
#include "support/testdatabase.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <unistd.h>

using namespace tagdesk;
using namespace tagdesk::test;

namespace {
class Cli : public ::testing::Test {
protected:
    CliResult tagdesk(QStringList args) const {
        return cli.run(QStringList{QStringLiteral("--db"), db.path()} + args);
    }
    qint64 createJob(const QString &name, QStringList extra = {}) const {
        const CliResult r = tagdesk(QStringList{QStringLiteral("jobs"), QStringLiteral("create"),
                                                QStringLiteral("--name"), name} +
                                    extra);
        EXPECT_EQ(r.exitCode, 0) << r.describe();
        return r.out.trimmed().toLongLong();
    }
    QJsonArray list(bool archived = false) const {
        QStringList args{QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--json")};
        if (archived)
            args << QStringLiteral("--archived");
        const CliResult r = tagdesk(args);
        EXPECT_EQ(r.exitCode, 0) << r.describe();
        return r.json().array();
    }

    TempSqlite db;
    CliRunner cli;
};

QStringList names(const QJsonArray &jobs) {
    QStringList out;
    for (const auto &j : jobs)
        out << j.toObject().value(QStringLiteral("name")).toString();
    return out;
}
} // namespace

TEST_F(Cli, CreatedJobIsListedWithStatusCreated) {
    const qint64 id = createJob(QStringLiteral("Spring"));
    EXPECT_GT(id, 0);
    const QJsonArray jobs = list();
    ASSERT_EQ(jobs.size(), 1);
    const QJsonObject job = jobs[0].toObject();
    EXPECT_EQ(job.value(QStringLiteral("id")).toInteger(), id);
    EXPECT_EQ(job.value(QStringLiteral("name")).toString(), QStringLiteral("Spring"));
    EXPECT_EQ(job.value(QStringLiteral("status")).toString(), QStringLiteral("Created"));
    EXPECT_FALSE(job.value(QStringLiteral("archived")).toBool());
    EXPECT_EQ(job.value(QStringLiteral("tagger")).toString(), QStringLiteral("local"));
}

TEST_F(Cli, ArchiveHidesAJobAndUnarchiveBringsItBack) {
    const qint64 spring = createJob(QStringLiteral("Spring"));
    createJob(QStringLiteral("Autumn"));
    const CliResult archived =
        tagdesk({QStringLiteral("jobs"), QStringLiteral("archive"), QString::number(spring)});
    ASSERT_EQ(archived.exitCode, 0) << archived.describe();
    EXPECT_EQ(names(list()), QStringList{QStringLiteral("Autumn")});
    EXPECT_EQ(names(list(true)), QStringList{QStringLiteral("Spring")});
    EXPECT_TRUE(list(true)[0].toObject().value(QStringLiteral("archived")).toBool());

    ASSERT_EQ(
        tagdesk({QStringLiteral("jobs"), QStringLiteral("unarchive"), QString::number(spring)})
            .exitCode,
        0);
    EXPECT_EQ(names(list()), (QStringList{QStringLiteral("Spring"), QStringLiteral("Autumn")}));
    EXPECT_TRUE(list(true).isEmpty());
}

TEST_F(Cli, OptionsMayStandBeforeOrAfterTheCommand) {
    const CliResult r = cli.run(
        {QStringLiteral("--json"), QStringLiteral("jobs"), QStringLiteral("create"),
         QStringLiteral("--tagger"), QStringLiteral("pixyle"), QStringLiteral("--name"),
         QStringLiteral("Hats"), QStringLiteral("--db"), db.path(), QStringLiteral("--images"),
         QStringLiteral("2"), QStringLiteral("--query"), QStringLiteral("product_type:Hat")});
    ASSERT_EQ(r.exitCode, 0) << r.describe();
    const QJsonObject job = r.json().object();
    EXPECT_EQ(job.value(QStringLiteral("tagger")).toString(), QStringLiteral("pixyle"));
    EXPECT_EQ(job.value(QStringLiteral("imagesPerProduct")).toInt(), 2);
    EXPECT_EQ(job.value(QStringLiteral("selection")).toString(),
              QStringLiteral("Search: product_type:Hat"));
}

TEST_F(Cli, ShowPrintsTheContractShape) {
    const qint64 id =
        createJob(QStringLiteral("Picked"),
                  {QStringLiteral("--products"), QStringLiteral("gid://shopify/Product/1,2")});
    const CliResult r = tagdesk({QStringLiteral("jobs"), QStringLiteral("show"),
                                 QString::number(id), QStringLiteral("--json")});
    ASSERT_EQ(r.exitCode, 0) << r.describe();
    const QJsonObject job = r.json().object();
    for (const char *key : {"id", "name", "status", "archived", "tagger", "counts", "products"})
        EXPECT_TRUE(job.contains(QLatin1String(key))) << key;
    const QJsonObject counts = job.value(QStringLiteral("counts")).toObject();
    for (const char *key : {"products", "analysed", "pendingReview", "approved", "rejected",
                            "synced", "failed", "conflicts"})
        EXPECT_TRUE(counts.contains(QLatin1String(key))) << key;
    EXPECT_EQ(job.value(QStringLiteral("selection")).toString(),
              QStringLiteral("2 picked product(s)"));
    EXPECT_TRUE(job.value(QStringLiteral("products")).toArray().isEmpty());

    const CliResult text =
        tagdesk({QStringLiteral("jobs"), QStringLiteral("show"), QString::number(id)});
    ASSERT_EQ(text.exitCode, 0);
    EXPECT_TRUE(text.out.contains("Status:      Created")) << text.describe();
}

TEST_F(Cli, UnknownJobIdFailsWithExit2NamingIt) {
    const CliResult r =
        tagdesk({QStringLiteral("jobs"), QStringLiteral("show"), QStringLiteral("42")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("no job with id 42")) << r.describe();
    EXPECT_EQ(r.err.count('\n'), 1) << "one line";
    EXPECT_EQ(
        tagdesk({QStringLiteral("jobs"), QStringLiteral("archive"), QStringLiteral("42")}).exitCode,
        2);
}

TEST_F(Cli, ArchivingAProcessingJobIsRefusedAndChangesNothing) {
    const qint64 id = createJob(QStringLiteral("Busy"));
    {
        auto conn = Connection::open(db.config());
        ASSERT_TRUE(conn.ok());
        ASSERT_TRUE(runSql(conn.value()->db(),
                           QStringLiteral("UPDATE jobs SET run_requested = 1 WHERE id = ?"), {id})
                        .ok());
    }
    const CliResult r =
        tagdesk({QStringLiteral("jobs"), QStringLiteral("archive"), QString::number(id)});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("Processing")) << r.describe();
    EXPECT_EQ(names(list()), QStringList{QStringLiteral("Busy")});
    EXPECT_EQ(list()[0].toObject().value(QStringLiteral("status")).toString(),
              QStringLiteral("Processing"));
}

TEST_F(Cli, UsageErrorsExitWith1) {
    EXPECT_EQ(tagdesk({}).exitCode, 1);
    EXPECT_EQ(tagdesk({QStringLiteral("jobs"), QStringLiteral("fly")}).exitCode, 1);
    EXPECT_EQ(tagdesk({QStringLiteral("jobs"), QStringLiteral("create")}).exitCode, 1)
        << "no --name";
    EXPECT_EQ(
        tagdesk({QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--frobnicate")})
            .exitCode,
        1);
    EXPECT_EQ(tagdesk({QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--name"),
                       QStringLiteral("x")})
                  .exitCode,
              1);
    EXPECT_EQ(
        tagdesk({QStringLiteral("jobs"), QStringLiteral("show"), QStringLiteral("abc")}).exitCode,
        1);
    const CliResult tagger =
        tagdesk({QStringLiteral("jobs"), QStringLiteral("create"), QStringLiteral("--name"),
                 QStringLiteral("x"), QStringLiteral("--tagger"), QStringLiteral("magic")});
    EXPECT_EQ(tagger.exitCode, 1);
    EXPECT_TRUE(tagger.err.contains("magic"));
    const CliResult product =
        tagdesk({QStringLiteral("jobs"), QStringLiteral("create"), QStringLiteral("--name"),
                 QStringLiteral("x"), QStringLiteral("--products"), QStringLiteral("shirt")});
    EXPECT_EQ(product.exitCode, 1);
    EXPECT_TRUE(product.err.contains("'shirt' is not a Shopify Product id")) << product.describe();
    EXPECT_TRUE(list().isEmpty()) << "nothing was created by the failed attempts";
}

TEST_F(Cli, HelpAndVersion) {
    const CliResult help = cli.run({QStringLiteral("--help")});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains("jobs create --name NAME"));
    const CliResult version = cli.run({QStringLiteral("--version")});
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_TRUE(version.out.startsWith("tagdesk-cli ")) << version.describe();
}

TEST_F(Cli, SyncCommandsCheckTheirArgumentsBeforeTouchingTheStore) {
    const CliResult unknownJob = tagdesk({QStringLiteral("sync"), QStringLiteral("99")});
    EXPECT_EQ(unknownJob.exitCode, 2);
    EXPECT_TRUE(unknownJob.err.contains("99")) << unknownJob.describe();
    const CliResult noCsv = tagdesk({QStringLiteral("export"), QStringLiteral("1")});
    EXPECT_EQ(noCsv.exitCode, 1);
    EXPECT_TRUE(noCsv.err.contains("--csv")) << noCsv.describe();
    const CliResult keep =
        tagdesk({QStringLiteral("conflicts"), QStringLiteral("resolve"), QStringLiteral("1"),
                 QStringLiteral("--products"), QStringLiteral("gid://shopify/Product/1"),
                 QStringLiteral("--keep"), QStringLiteral("both")});
    EXPECT_EQ(keep.exitCode, 1);
    EXPECT_TRUE(keep.err.contains("--keep mine or --keep theirs")) << keep.describe();
    const CliResult verdicts =
        tagdesk({QStringLiteral("review"), QStringLiteral("decide"), QStringLiteral("1"),
                 QStringLiteral("--product"), QStringLiteral("gid://shopify/Product/1"),
                 QStringLiteral("--attribute"), QStringLiteral("colour"),
                 QStringLiteral("--accept"), QStringLiteral("--reject")});
    EXPECT_EQ(verdicts.exitCode, 1);
    EXPECT_TRUE(verdicts.err.contains("exactly one of")) << verdicts.describe();
}

TEST_F(Cli, DefaultDatabaseLivesInTheAppDataFolder) {
    const CliResult r = cli.run({QStringLiteral("jobs"), QStringLiteral("create"),
                                 QStringLiteral("--name"), QStringLiteral("Home")});
    ASSERT_EQ(r.exitCode, 0) << r.describe();
    EXPECT_TRUE(QFile::exists(cli.home() + QStringLiteral("/data/Tagdesk/Tagdesk/tagdesk.sqlite")));
    const CliResult demo = cli.run({QStringLiteral("--demo"), QStringLiteral("jobs"),
                                    QStringLiteral("list"), QStringLiteral("--json")});
    ASSERT_EQ(demo.exitCode, 0) << demo.describe();
    EXPECT_TRUE(demo.json().array().isEmpty()) << "the demo has its own database";
}

TEST_F(Cli, DatabaseInAFolderThatCannotBeWrittenGivesOneLineNamingIt) {
    // Root may write anywhere, so use a "folder" that is really a file.
    QFile blocker(db.folder() + QStringLiteral("/not-a-folder"));
    ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QString path = blocker.fileName() + QStringLiteral("/jobs.sqlite");
    const CliResult r =
        cli.run({QStringLiteral("--db"), path, QStringLiteral("jobs"), QStringLiteral("list")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(blocker.fileName().toUtf8())) << r.describe();
    EXPECT_EQ(r.err.count('\n'), 1) << r.describe();
}

namespace {
// Root ignores folder permissions, so under root (as in CI) the CLI runs as the unprivileged
// user "nobody" (uid and gid 65534 on Debian), from a copy in a folder that user may read:
// the checkout itself may sit in a folder only root can enter.
class AsUnprivilegedUser {
public:
    AsUnprivilegedUser() {
        QFile::setPermissions(m_base.path(), QFile::ReadOwner | QFile::WriteOwner |
                                                 QFile::ExeOwner | QFile::ReadOther |
                                                 QFile::ExeOther);
        m_cli = m_base.filePath(QStringLiteral("tagdesk-cli"));
        QFile::copy(CliRunner::cliPath(), m_cli);
    }
    bool root() const { return geteuid() == 0; }
    QString base() const { return m_base.path(); }
    // A folder the CLI's user owns.
    void own(const QString &path) const {
        if (root())
            QProcess::execute(QStringLiteral("chown"),
                              {QStringLiteral("-R"), QStringLiteral("65534:65534"), path});
    }
    QStringList command(const QStringList &arguments) const {
        QStringList launcher;
        if (root())
            launcher = {QStringLiteral("setpriv"), QStringLiteral("--reuid=65534"),
                        QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"),
                        QStringLiteral("--")};
        return launcher + QStringList{m_cli} + arguments;
    }

private:
    QTemporaryDir m_base;
    QString m_cli;
};
} // namespace

TEST_F(Cli, AReadOnlyAppDataFolderIsReportedNamingItAndItsDatabaseIsKept) {
    AsUnprivilegedUser user;
    user.own(cli.home());
    const QStringList create{QStringLiteral("jobs"), QStringLiteral("create"),
                             QStringLiteral("--name"), QStringLiteral("Kept")};
    const CliResult made = cli.runCommand(user.command(create));
    ASSERT_EQ(made.exitCode, 0) << made.describe();
    const QString folder = cli.home() + QStringLiteral("/data/Tagdesk/Tagdesk");
    const QByteArray before = readFile(folder + QStringLiteral("/tagdesk.sqlite"));
    ASSERT_FALSE(before.isEmpty());

    QFile::setPermissions(folder,
                          QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther);
    const CliResult refused =
        cli.runCommand(user.command({QStringLiteral("jobs"), QStringLiteral("create"),
                                     QStringLiteral("--name"), QStringLiteral("Refused")}));
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    EXPECT_EQ(refused.exitCode, 2) << refused.describe();
    EXPECT_TRUE(refused.err.contains(folder.toUtf8())) << refused.describe();
    EXPECT_TRUE(refused.err.contains("writable")) << refused.describe();
    EXPECT_EQ(refused.err.count('\n'), 1) << refused.describe();
    EXPECT_EQ(readFile(folder + QStringLiteral("/tagdesk.sqlite")), before);

    const CliResult listed = cli.runCommand(
        user.command({QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--json")}));
    ASSERT_EQ(listed.exitCode, 0) << listed.describe();
    EXPECT_EQ(names(listed.json().array()), QStringList{QStringLiteral("Kept")});
}

TEST_F(Cli, AFullDiskIsReportedAndNothingIsLost) {
    // A 1 MiB file system of its own (tmpfs in a private mount namespace, which needs no
    // privileges), holding a database with one job, then filled to the last byte.
    createJob(QStringLiteral("Kept"));
    QTemporaryDir outside;
    const QString disk = outside.filePath(QStringLiteral("disk"));
    ASSERT_TRUE(QDir().mkpath(disk));
    const QString script = QStringLiteral(
        "set -e; mount -t tmpfs -o size=1m tmpfs \"$1\"; cp \"$2\" \"$1/jobs.sqlite\"; "
        "dd if=/dev/zero of=\"$1/filler\" bs=4k 2>/dev/null || true; "
        "\"$3\" --db \"$1/jobs.sqlite\" jobs create --name Refused >\"$4/full.out\" "
        "2>\"$4/full.err\" && echo 0 >\"$4/full.rc\" || echo $? >\"$4/full.rc\"; "
        "rm \"$1/filler\"; "
        "\"$3\" --db \"$1/jobs.sqlite\" jobs list --json >\"$4/after.out\" 2>\"$4/after.err\"");
    const CliResult ran =
        cli.runCommand({QStringLiteral("unshare"), QStringLiteral("-rm"), QStringLiteral("sh"),
                        QStringLiteral("-c"), script, QStringLiteral("sh"), disk, db.path(),
                        CliRunner::cliPath(), outside.path()});
    if (ran.exitCode != 0 && !QFile::exists(outside.filePath(QStringLiteral("full.rc"))))
        GTEST_SKIP() << "this machine allows no private mount namespace: " << ran.describe();
    EXPECT_EQ(readFile(outside.filePath(QStringLiteral("full.rc"))).trimmed(), "2");
    const QByteArray full = readFile(outside.filePath(QStringLiteral("full.err")));
    EXPECT_TRUE(full.contains("is full")) << full.toStdString();
    EXPECT_TRUE(full.contains("Free some space")) << full.toStdString();
    const QJsonArray after =
        QJsonDocument::fromJson(readFile(outside.filePath(QStringLiteral("after.out")))).array();
    EXPECT_EQ(names(after), QStringList{QStringLiteral("Kept")})
        << readFile(outside.filePath(QStringLiteral("after.err"))).toStdString();
}

TEST_F(Cli, CorruptDatabaseIsReportedAndLeftAlone) {
    QByteArray garbage(4096, '\x5a');
    garbage.prepend("not sqlite at all");
    {
        QFile f(db.path());
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(garbage);
    }
    const CliResult r = tagdesk({QStringLiteral("jobs"), QStringLiteral("create"),
                                 QStringLiteral("--name"), QStringLiteral("x")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("not a Tagdesk database or is damaged")) << r.describe();
    EXPECT_EQ(readFile(db.path()), garbage);
}

TEST_F(Cli, LockedDatabaseIsReportedAndNothingIsWritten) {
    createJob(QStringLiteral("Existing"));
    auto other = Connection::open(db.config());
    ASSERT_TRUE(other.ok());
    ASSERT_TRUE(beginWrite(other.value()->db()).ok());

    cli.environment().insert(QStringLiteral("TAGDESK_DB_BUSY_TIMEOUT_MS"), QStringLiteral("200"));
    const CliResult r = tagdesk({QStringLiteral("jobs"), QStringLiteral("create"),
                                 QStringLiteral("--name"), QStringLiteral("Blocked")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("locked by another program")) << r.describe();
    EXPECT_EQ(r.err.count('\n'), 1) << r.describe();

    const CliResult listed =
        tagdesk({QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--json")});
    EXPECT_EQ(listed.exitCode, 0) << "reading still works while another program writes: "
                                  << listed.describe();
    rollback(other.value()->db());
    EXPECT_EQ(names(list()), QStringList{QStringLiteral("Existing")});
}

TEST_F(Cli, NewerDatabaseIsRefused) {
    createJob(QStringLiteral("Existing"));
    {
        auto conn = Connection::open(db.config());
        ASSERT_TRUE(conn.ok());
        ASSERT_TRUE(runSql(conn.value()->db(),
                           QStringLiteral("INSERT INTO schema_migrations VALUES (50, 'x')"))
                        .ok());
    }
    const CliResult r = tagdesk({QStringLiteral("jobs"), QStringLiteral("list")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("newer Tagdesk")) << r.describe();
}

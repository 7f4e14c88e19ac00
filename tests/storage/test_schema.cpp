// Schema migrations on real SQLite files: fresh, upgraded from a checked-in v1 file,
// refused when newer, foreign or damaged — and in the refused cases, left untouched.
#include "storage/databasewriter.h"
#include "storage/jobrepository.h"
#include "storage/schema.h"
#include "support/testdatabase.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QSqlQuery>

using namespace tagdesk;
using namespace tagdesk::test;

namespace {
QString scalar(Connection &conn, const QString &sql) {
    auto q = runSql(conn.db(), sql);
    EXPECT_TRUE(q.ok()) << sql.toStdString();
    return q && q->next() ? q->value(0).toString() : QString();
}

void writeFile(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}
} // namespace

TEST(Schema, FreshDatabaseIsMigratedToTheLatestVersionWithWalAndForeignKeys) {
    TempSqlite db;
    auto conn = db.open();
    ASSERT_TRUE(conn);
    EXPECT_EQ(schema::currentVersion(*conn).value(), schema::latestVersion());
    EXPECT_EQ(scalar(*conn, QStringLiteral("PRAGMA journal_mode")), QStringLiteral("wal"));
    EXPECT_EQ(scalar(*conn, QStringLiteral("PRAGMA foreign_keys")), QStringLiteral("1"));
    for (const char *table :
         {"jobs", "job_products", "suggestions", "images", "product_images", "tagger_answers",
          "attribute_decisions", "review_events", "push_log", "conflicts"}) {
        EXPECT_EQ(
            scalar(*conn, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = '%1'")
                              .arg(QLatin1String(table))),
            QStringLiteral("1"))
            << table;
    }
}

TEST(Schema, EveryConnectionSyncsAsItsJournalModeMakesSafe) {
    // synchronous: 1 is NORMAL, 2 is FULL (sqlite.org/pragma.html#pragma_synchronous).
    TempSqlite db;
    auto migrating = db.open();
    ASSERT_TRUE(migrating);
    EXPECT_EQ(scalar(*migrating, QStringLiteral("PRAGMA synchronous")), QStringLiteral("1"));

    // A reader's connection, as JobReader opens it.
    auto reader = Connection::open(db.config());
    ASSERT_TRUE(reader.ok());
    EXPECT_EQ(scalar(*reader.value(), QStringLiteral("PRAGMA synchronous")), QStringLiteral("1"));
    EXPECT_EQ(scalar(*reader.value(), QStringLiteral("PRAGMA foreign_keys")), QStringLiteral("1"));

    // The writer's.
    auto writer = DatabaseWriter::start(db.config());
    ASSERT_TRUE(writer.ok());
    auto settings = writer.value()
                        ->submit<QString>([](Connection &conn) -> Result<QString> {
                            return QString(scalar(conn, QStringLiteral("PRAGMA synchronous")) +
                                           scalar(conn, QStringLiteral("PRAGMA foreign_keys")));
                        })
                        .result();
    ASSERT_TRUE(settings.ok());
    EXPECT_EQ(settings.value(), QStringLiteral("11"));

    // A file not (yet) in WAL mode keeps FULL, under which NORMAL would not be safe.
    const TempSqlite plain;
    auto unmigrated = Connection::open(plain.config());
    ASSERT_TRUE(unmigrated.ok());
    EXPECT_EQ(scalar(*unmigrated.value(), QStringLiteral("PRAGMA journal_mode")),
              QStringLiteral("delete"));
    EXPECT_EQ(scalar(*unmigrated.value(), QStringLiteral("PRAGMA synchronous")),
              QStringLiteral("2"));
}

TEST(Schema, OpeningTwiceDoesNotMigrateAgain) {
    TempSqlite db;
    { auto first = db.open(); }
    auto second = db.open();
    ASSERT_TRUE(second);
    EXPECT_EQ(scalar(*second, QStringLiteral("SELECT count(*) FROM schema_migrations")),
              QString::number(schema::latestVersion()));
}

TEST(Schema, MigrationsCanStopAtAnEarlierVersion) {
    TempSqlite db;
    auto conn = Connection::open(db.config());
    ASSERT_TRUE(conn.ok());
    EXPECT_EQ(schema::migrate(*conn.value(), 1).value(), 1);
    EXPECT_EQ(scalar(*conn.value(),
                     QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'push_log'")),
              QStringLiteral("0"));
    EXPECT_EQ(schema::migrate(*conn.value()).value(), schema::latestVersion());
}

TEST(Schema, UpgradesTheCheckedInVersion1FileKeepingItsJobs) {
    // tests/data/tagdesk-v1.sqlite was written by Tagdesk's schema version 1 (see
    // tests/data/README.md): two jobs, one product with a suggestion.
    TempSqlite db;
    ASSERT_TRUE(QFile::copy(testData(QStringLiteral("tagdesk-v1.sqlite")), db.path()));
    QFile::setPermissions(db.path(), QFile::ReadOwner | QFile::WriteOwner);

    auto conn = openDatabase(db.config());
    ASSERT_TRUE(conn.ok()) << conn.error().message.toStdString();
    EXPECT_EQ(schema::currentVersion(*conn.value()).value(), schema::latestVersion());

    auto jobs = JobRepository(*conn.value()).list(false);
    ASSERT_TRUE(jobs.ok()) << jobs.error().message.toStdString();
    ASSERT_EQ(jobs->size(), 2);
    EXPECT_EQ(jobs->at(0).name, QStringLiteral("Summer dresses"));
    EXPECT_EQ(jobs->at(0).destinations, defaultDestinations()) << "v2 column got its default";
    EXPECT_FALSE(jobs->at(0).shop.isKnown()) << "bound to a store by its next run (v6)";
    EXPECT_EQ(scalar(*conn.value(), QStringLiteral("SELECT value FROM suggestions")),
              QStringLiteral("red"));
}

TEST(Schema, RefusesADatabaseFromANewerTagdeskAndLeavesItUntouched) {
    TempSqlite db;
    {
        auto conn = db.open();
        ASSERT_TRUE(conn);
        ASSERT_TRUE(runSql(conn->db(),
                           QStringLiteral("INSERT INTO schema_migrations VALUES (99, 'future')"))
                        .ok());
        ASSERT_TRUE(runSql(conn->db(), QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")).ok());
    }
    const QByteArray before = readFile(db.path());

    auto reopened = openDatabase(db.config());
    ASSERT_FALSE(reopened.ok());
    const QString message = reopened.error().message;
    EXPECT_TRUE(message.contains(QStringLiteral("newer Tagdesk"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("99"))) << message.toStdString();
    EXPECT_EQ(readFile(db.path()), before);
}

TEST(Schema, RefusesADamagedFileAndLeavesItUntouched) {
    TempSqlite db;
    QByteArray garbage;
    for (int i = 0; i < 8192; ++i)
        garbage.append(char((i * 131 + 7) % 251));
    writeFile(db.path(), garbage);

    auto conn = openDatabase(db.config());
    ASSERT_FALSE(conn.ok());
    EXPECT_TRUE(
        conn.error().message.contains(QStringLiteral("not a Tagdesk database or is damaged")))
        << conn.error().message.toStdString();
    EXPECT_TRUE(conn.error().message.contains(db.path()));
    EXPECT_EQ(readFile(db.path()), garbage);
}

TEST(Schema, RefusesSomeoneElsesSqliteDatabase) {
    TempSqlite db;
    {
        auto conn = Connection::open(db.config());
        ASSERT_TRUE(conn.ok());
        ASSERT_TRUE(
            runSql(conn.value()->db(), QStringLiteral("CREATE TABLE bookmarks (url TEXT)")).ok());
    }
    auto conn = openDatabase(db.config());
    ASSERT_FALSE(conn.ok());
    EXPECT_TRUE(conn.error().message.contains(QStringLiteral("not a Tagdesk one")));
}

TEST(Schema, NamesTheFolderWhenTheDatabaseCannotBeCreated) {
    // A folder nobody can create files in, even root: a path below a regular file.
    TempSqlite db;
    writeFile(db.path(), QByteArray());
    const QString impossible = db.path() + QStringLiteral("/jobs.sqlite");
    auto conn = openDatabase(DatabaseConfig::sqlite(impossible));
    ASSERT_FALSE(conn.ok());
    EXPECT_TRUE(conn.error().message.contains(db.path())) << conn.error().message.toStdString();
}

TEST(Schema, RefusesAFolderAsTheDatabase) {
    TempSqlite db;
    auto conn = openDatabase(DatabaseConfig::sqlite(db.folder()));
    ASSERT_FALSE(conn.ok());
    EXPECT_TRUE(conn.error().message.contains(QStringLiteral("is a folder")));
}

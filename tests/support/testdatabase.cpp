#include "support/testdatabase.h"

#include "storage/schema.h"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace tagdesk::test {

TempSqlite::TempSqlite()
    : m_path(QDir(m_dir.path()).filePath(QStringLiteral("jobs.sqlite"))) {
}

std::unique_ptr<Connection> TempSqlite::open() const {
    auto conn = openDatabase(config());
    EXPECT_TRUE(conn.ok()) << (conn ? "" : conn.error().message.toStdString());
    return conn ? std::move(conn).value() : nullptr;
}

namespace {
DatabaseConfig adminConfig() {
    DatabaseConfig c;
    c.backend = DatabaseConfig::Backend::Postgres;
    c.pgHost = qEnvironmentVariable("PGHOST");
    c.pgPort = qEnvironmentVariableIntValue("PGPORT");
    c.pgUser = qEnvironmentVariable("PGUSER");
    c.pgDatabase = qEnvironmentVariable("PGDATABASE", QStringLiteral("postgres"));
    return c;
}
} // namespace

bool TempPostgres::available() {
    return !qEnvironmentVariableIsEmpty("PGHOST") && !qEnvironmentVariableIsEmpty("PGPORT");
}

TempPostgres::TempPostgres()
    : m_config(adminConfig()) {
    if (!available())
        return;
    static int counter = 0;
    const QString name =
        QStringLiteral("tagdesk_test_%1_%2").arg(QCoreApplication::applicationPid()).arg(++counter);
    auto admin = Connection::open(adminConfig());
    EXPECT_TRUE(admin.ok()) << (admin ? "" : admin.error().message.toStdString());
    if (!admin)
        return;
    auto created = runSql(admin.value()->db(), QStringLiteral("CREATE DATABASE ") + name);
    EXPECT_TRUE(created.ok()) << (created ? "" : created.error().message.toStdString());
    m_config.pgDatabase = name;
    m_created = created.ok();
}

TempPostgres::~TempPostgres() {
    if (!m_created)
        return;
    auto admin = Connection::open(adminConfig());
    if (admin)
        (void)runSql(
            admin.value()->db(),
            QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_config.pgDatabase));
}

std::unique_ptr<Connection> TempPostgres::open() const {
    auto conn = openDatabase(m_config);
    EXPECT_TRUE(conn.ok()) << (conn ? "" : conn.error().message.toStdString());
    return conn ? std::move(conn).value() : nullptr;
}

std::string backendName(Backend backend) {
    return backend == Backend::Sqlite ? "Sqlite" : "Postgres";
}

TempDatabase::TempDatabase(Backend backend)
    : m_backend(backend) {
    if (backend == Backend::Sqlite)
        m_sqlite = std::make_unique<TempSqlite>();
    else if (TempPostgres::available())
        m_postgres = std::make_unique<TempPostgres>();
}

void BackendTest::SetUp() {
    if (!db.available())
        GTEST_SKIP() << "no PostgreSQL server (set PGHOST/PGPORT, or run under pg_virtualenv)";
    conn = db.open();
    ASSERT_TRUE(conn);
}

bool TempDatabase::available() const {
    return m_sqlite || m_postgres;
}

DatabaseConfig TempDatabase::config() const {
    return m_sqlite ? m_sqlite->config() : m_postgres->config();
}

std::unique_ptr<Connection> TempDatabase::open() const {
    return m_sqlite ? m_sqlite->open() : m_postgres->open();
}

QString testData(const QString &relative) {
    return QDir(QStringLiteral(TAGDESK_TEST_DATA)).filePath(relative);
}

QByteArray readFile(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace tagdesk::test

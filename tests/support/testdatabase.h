#pragma once

#include "domain/databaseconfig.h"
#include "storage/connection.h"
#include "support/qtprinters.h"

#include <gtest/gtest.h>

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace tagdesk::test {

// A fresh, empty SQLite database file in its own temporary folder, removed afterwards.
class TempSqlite {
public:
    TempSqlite();
    QString path() const { return m_path; }
    QString folder() const { return m_dir.path(); }
    DatabaseConfig config() const { return DatabaseConfig::sqlite(m_path); }
    // Opens and migrates it (fails the test if that fails).
    std::unique_ptr<Connection> open() const;

private:
    QTemporaryDir m_dir;
    QString m_path;
};

// A fresh, empty PostgreSQL database on the server named by PGHOST/PGPORT/PGUSER (as
// pg_virtualenv sets them), dropped afterwards. available() is false without a server.
class TempPostgres {
public:
    TempPostgres();
    ~TempPostgres();
    static bool available();
    DatabaseConfig config() const { return m_config; }
    std::unique_ptr<Connection> open() const;

private:
    DatabaseConfig m_config;
    bool m_created = false;
};

enum class Backend { Sqlite, Postgres };
std::string backendName(Backend backend);

// A fresh database of either kind, for tests that must pass on both.
class TempDatabase {
public:
    explicit TempDatabase(Backend backend);
    DatabaseConfig config() const;
    std::unique_ptr<Connection> open() const;
    bool available() const;

private:
    Backend m_backend;
    std::unique_ptr<TempSqlite> m_sqlite;
    std::unique_ptr<TempPostgres> m_postgres;
};

// A test that runs on SQLite and on PostgreSQL (when a server is there, as in
// scripts/test.sh, which starts one with pg_virtualenv): each gets a fresh database and a
// connection to it, or is skipped, saying why, without a server.
class BackendTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override;

    TempDatabase db{GetParam()};
    std::unique_ptr<Connection> conn;
};

// Path of a file under tests/data.
QString testData(const QString &relative);

// Reads a whole file (empty if it cannot).
QByteArray readFile(const QString &path);

} // namespace tagdesk::test

#pragma once

#include "domain/databaseconfig.h"
#include "util/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

#include <memory>

namespace tagdesk {

enum class SqlDialect { Sqlite, Postgres };

// One database connection, owned by the thread that opened it (Qt SQL connections must
// not cross threads). Closing and removing the named connection happens in the
// destructor, so there is never a dangling QSqlDatabase.
class Connection {
public:
    // Opens a connection with Tagdesk's settings (busy timeout; on SQLite those of
    // applySqliteSettings). Does not check or migrate the schema: see openDatabase().
    static Result<std::unique_ptr<Connection>> open(const DatabaseConfig &config);
    ~Connection();

    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    QSqlDatabase &db() { return m_db; }
    SqlDialect dialect() const { return m_dialect; }
    const DatabaseConfig &config() const { return m_config; }

private:
    Connection(QSqlDatabase db, SqlDialect dialect, DatabaseConfig config);

    QSqlDatabase m_db;
    SqlDialect m_dialect;
    DatabaseConfig m_config;
};

// The settings every SQLite connection of Tagdesk runs with, in one place: foreign keys
// on, and the sync level its journal mode makes safe (NORMAL in WAL mode, else FULL).
// Connection::open applies them; openDatabase applies them again after turning WAL on.
Status applySqliteSettings(Connection &conn);

SqlDialect dialectOf(const QSqlDatabase &db);

// Turns a driver error into a message a person can act on, naming the database and
// what Tagdesk was doing ("saving the job"). Locked and corrupt files get their own words.
Error storageError(const QSqlError &error, const QSqlDatabase &db, const QString &doing);

// A null QString binds as SQL NULL; Tagdesk's text columns mean "empty" by it, so every
// bind goes through this. Pass QVariant() for a real NULL.
QVariant sqlValue(const QVariant &value);

// A long list of values in parts small enough to bind in one statement each: SQLite takes
// at most 32,766 bound values in one statement (sqlite.org/limits.html, item 9).
QList<QStringList> inChunks(const QStringList &values);

// "?, ?, ?": `count` positional placeholders, for an IN list or a VALUES row.
QString placeholders(qsizetype count);

// Prepares, binds (positional '?') and runs one statement.
Result<QSqlQuery> runSql(QSqlDatabase &db, const QString &sql, const QVariantList &binds = {},
                         const QString &doing = {});

// Starts a write transaction that takes the write lock at once (BEGIN IMMEDIATE on
// SQLite, so two writers can never deadlock upgrading a read lock).
Status beginWrite(QSqlDatabase &db);
Status commit(QSqlDatabase &db);
void rollback(QSqlDatabase &db);

// Runs `work` inside one write transaction; commits if it succeeds, rolls back if not.
template <typename F> auto inWriteTransaction(QSqlDatabase &db, F &&work) -> decltype(work()) {
    if (auto begun = beginWrite(db); !begun)
        return begun.error();
    auto result = work();
    if (!result) {
        rollback(db);
        return result;
    }
    if (auto committed = commit(db); !committed)
        return committed.error();
    return result;
}

// Timestamps are stored as ISO-8601 UTC text with milliseconds on every backend.
QString toDbTime(const QDateTime &t);
QDateTime fromDbTime(const QVariant &v);

// JSON is stored as compact UTF-8 text on every backend; an empty or damaged column reads
// as an empty object (or array).
QString toDbJson(const QJsonObject &o);
QString toDbJson(const QJsonArray &a);
QJsonObject objectFromDb(const QVariant &v);
QJsonArray arrayFromDb(const QVariant &v);

} // namespace tagdesk

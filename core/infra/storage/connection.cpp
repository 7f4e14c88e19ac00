#include "storage/connection.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDriver>
#include <QSqlError>
#include <QStorageInfo>
#include <QThread>
#include <QTimeZone>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(Database)
};

QString uniqueConnectionName() {
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("tagdesk-%1").arg(counter.fetchAndAddRelaxed(1));
}

// SQLite's primary result codes we give their own words (sqlite3.h).
constexpr int sqliteBusy = 5;
constexpr int sqliteLocked = 6;
constexpr int sqliteReadOnly = 8;
constexpr int sqliteIoErr = 10;
constexpr int sqliteCorrupt = 11;
constexpr int sqliteFull = 13;
constexpr int sqliteCantOpen = 14;
constexpr int sqliteNotADb = 26;
} // namespace

namespace {
// Less room than SQLite needs to grow a file by a few pages and its journals.
bool diskHoldingIsNearlyFull(const QString &path) {
    const QStorageInfo volume(QFileInfo(path).absolutePath());
    return volume.isValid() && volume.bytesAvailable() < 1024 * 1024;
}
} // namespace

SqlDialect dialectOf(const QSqlDatabase &db) {
    return db.driverName() == QLatin1String("QPSQL") ? SqlDialect::Postgres : SqlDialect::Sqlite;
}

Connection::Connection(QSqlDatabase db, SqlDialect dialect, DatabaseConfig config)
    : m_db(std::move(db))
    , m_dialect(dialect)
    , m_config(std::move(config)) {
}

Connection::~Connection() {
    const QString name = m_db.connectionName();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
}

Result<std::unique_ptr<Connection>> Connection::open(const DatabaseConfig &config) {
    const bool sqlite = config.backend == DatabaseConfig::Backend::Sqlite;
    const QString driver = sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
    if (!QSqlDatabase::isDriverAvailable(driver))
        return Error::unavailable(
            Texts::tr("The Qt SQL driver %1 is not installed (install the package "
                      "that provides it, e.g. libqt6sql6-%2)")
                .arg(driver, sqlite ? QStringLiteral("sqlite") : QStringLiteral("psql")));

    std::unique_ptr<Connection> conn;
    {
        // Scoped, so no copy outlives the Connection: its destructor removes the database
        // from Qt's registry, which warns on stderr while another handle is alive.
        QSqlDatabase db = QSqlDatabase::addDatabase(driver, uniqueConnectionName());
        if (sqlite) {
            db.setDatabaseName(config.sqlitePath);
            // Busy timeout in the driver too, so even the first statement waits for a lock.
            db.setConnectOptions(
                QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(config.busyTimeoutMs));
        } else {
            db.setHostName(config.pgHost);
            db.setPort(config.pgPort);
            db.setDatabaseName(config.pgDatabase);
            db.setUserName(config.pgUser);
            db.setConnectOptions(QStringLiteral("connect_timeout=10"));
        }
        conn.reset(new Connection(db, sqlite ? SqlDialect::Sqlite : SqlDialect::Postgres, config));
    }
    if (!conn->m_db.open()) {
        const QSqlError err = conn->m_db.lastError();
        if (sqlite)
            return Error::storage(
                Texts::tr("Cannot open the database %1: %2. Check that the folder "
                          "exists and is writable.")
                    .arg(config.describe(),
                         err.driverText().isEmpty() ? err.text() : err.databaseText()));
        return Error::storage(Texts::tr("Cannot connect to %1: %2")
                                  .arg(config.describe(), err.databaseText().trimmed()));
    }
    if (sqlite) {
        if (auto set = applySqliteSettings(*conn); !set)
            return set.error();
    }
    return conn;
}

Status applySqliteSettings(Connection &conn) {
    const QString doing = Texts::tr("opening the database");
    // Both are settings of the connection, not of the file, so every connection sets them
    // (sqlite.org/foreignkeys.html section 2, sqlite.org/pragma.html#pragma_synchronous).
    if (auto r = runSql(conn.db(), QStringLiteral("PRAGMA foreign_keys = ON"), {}, doing); !r)
        return r.error();
    auto mode = runSql(conn.db(), QStringLiteral("PRAGMA journal_mode"), {}, doing);
    if (!mode)
        return mode.error();
    const bool wal = mode->next() && mode->value(0).toString().toLower() == QLatin1String("wal");
    // In WAL mode NORMAL syncs only at checkpoints: the database is always consistent, and
    // a commit survives the program being killed, though a power loss or OS crash may roll
    // back the last commits. Other journal modes keep FULL, the default: under NORMAL a
    // power loss could, rarely, corrupt the file (sqlite.org/pragma.html#pragma_synchronous).
    const QString sync = wal ? QStringLiteral("PRAGMA synchronous = NORMAL")
                             : QStringLiteral("PRAGMA synchronous = FULL");
    if (auto r = runSql(conn.db(), sync, {}, doing); !r)
        return r.error();
    return {};
}

Error storageError(const QSqlError &error, const QSqlDatabase &db, const QString &doing) {
    const QString where = dialectOf(db) == SqlDialect::Sqlite
                              ? QDir::toNativeSeparators(db.databaseName())
                              : Texts::tr("PostgreSQL database %1").arg(db.databaseName());
    const QString what = doing.isEmpty() ? Texts::tr("using the database") : doing;
    if (dialectOf(db) == SqlDialect::Sqlite) {
        bool ok = false;
        const int code = error.nativeErrorCode().toInt(&ok) & 0xff; // primary code
        if (ok) {
            switch (code) {
            case sqliteBusy:
            case sqliteLocked:
                return Error::locked(
                    Texts::tr("The database %1 is locked by another program (while %2); "
                              "close the other Tagdesk or wait for it, then try again")
                        .arg(where, what));
            case sqliteCorrupt:
            case sqliteNotADb:
                return Error::storage(Texts::tr("%1 is not a Tagdesk database or is damaged (%2)")
                                          .arg(where, error.databaseText()));
            case sqliteReadOnly:
            case sqliteCantOpen:
                return Error::storage(
                    Texts::tr(
                        "Cannot write to %1 (while %2): %3. Check that the file and its folder "
                        "are writable.")
                        .arg(where, what, error.databaseText()));
            case sqliteIoErr:
                // A full disk often shows as an I/O error: SQLite says SQLITE_FULL only for
                // some writes, and failing to grow its shared-memory file is an IOERR. The
                // free space tells which it was.
                if (!diskHoldingIsNearlyFull(db.databaseName()))
                    break;
                [[fallthrough]];
            case sqliteFull:
                return Error::storage(
                    Texts::tr("The disk holding %1 is full (while %2): nothing of it was "
                              "saved. Free some space on that disk and try again")
                        .arg(where, what));
            default:
                break;
            }
        }
    } else if (error.nativeErrorCode() == QLatin1String("55P03") ||
               error.nativeErrorCode() == QLatin1String("40P01")) {
        return Error::locked(
            Texts::tr("%1 is locked by another session (while %2); try again").arg(where, what));
    }
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return Error::storage(
        Texts::tr("Database error in %1 while %2: %3").arg(where, what, detail.trimmed()));
}

QVariant sqlValue(const QVariant &value) {
    if (value.typeId() == QMetaType::QString && value.toString().isNull())
        return QString(QLatin1String(""));
    return value;
}

QList<QStringList> inChunks(const QStringList &values) {
    constexpr qsizetype chunk = 500;
    QList<QStringList> out;
    for (qsizetype from = 0; from < values.size(); from += chunk)
        out << values.mid(from, chunk);
    return out;
}

QString placeholders(qsizetype count) {
    QStringList marks;
    marks.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        marks << QStringLiteral("?");
    return marks.join(QStringLiteral(", "));
}

Result<QSqlQuery> runSql(QSqlDatabase &db, const QString &sql, const QVariantList &binds,
                         const QString &doing) {
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // PostgreSQL cannot prepare DDL, and a statement without values gains nothing from it.
    if (binds.isEmpty()) {
        if (!q.exec(sql))
            return storageError(q.lastError(), db, doing);
        return q;
    }
    if (!q.prepare(sql))
        return storageError(q.lastError(), db, doing);
    for (const QVariant &b : binds)
        q.addBindValue(sqlValue(b));
    if (!q.exec())
        return storageError(q.lastError(), db, doing);
    return q;
}

Status beginWrite(QSqlDatabase &db) {
    const QString sql = dialectOf(db) == SqlDialect::Sqlite ? QStringLiteral("BEGIN IMMEDIATE")
                                                            : QStringLiteral("BEGIN");
    QSqlQuery q(db);
    if (!q.exec(sql))
        return storageError(q.lastError(), db, Texts::tr("starting a transaction"));
    return {};
}

Status commit(QSqlDatabase &db) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("COMMIT"))) {
        const Error e = storageError(q.lastError(), db, Texts::tr("saving changes"));
        rollback(db);
        return e;
    }
    return {};
}

void rollback(QSqlDatabase &db) {
    QSqlQuery q(db);
    q.exec(QStringLiteral("ROLLBACK"));
}

QString toDbJson(const QJsonObject &o) {
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString toDbJson(const QJsonArray &a) {
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QJsonObject objectFromDb(const QVariant &v) {
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

QJsonArray arrayFromDb(const QVariant &v) {
    return QJsonDocument::fromJson(v.toString().toUtf8()).array();
}

QString toDbTime(const QDateTime &t) {
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromDbTime(const QVariant &v) {
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    t = t.toUTC();
    return t;
}

} // namespace tagdesk

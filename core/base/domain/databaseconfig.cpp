#include "domain/databaseconfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <QUrl>

namespace tagdesk {

DatabaseConfig DatabaseConfig::sqlite(const QString &path) {
    DatabaseConfig c;
    c.backend = Backend::Sqlite;
    c.sqlitePath = path;
    return c;
}

Result<DatabaseConfig> DatabaseConfig::fromLocation(const QString &location) {
    if (location.trimmed().isEmpty())
        return Error::invalid(
            QCoreApplication::translate("Database", "The database path is empty"));
    if (!location.startsWith(QLatin1String("postgres://")) &&
        !location.startsWith(QLatin1String("postgresql://")))
        return sqlite(location);

    const QUrl url(location, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return Error::invalid(QCoreApplication::translate(
                                  "Database", "'%1' is not a valid PostgreSQL URL "
                                              "(expected postgresql://user@host:port/database)")
                                  .arg(location));
    if (!url.password().isEmpty())
        return Error::invalid(QCoreApplication::translate(
            "Database", "Do not put the PostgreSQL password in the URL; set PGPASSWORD or use "
                        "~/.pgpass"));
    DatabaseConfig c;
    c.backend = Backend::Postgres;
    c.pgHost = url.host();
    c.pgPort = url.port(5432);
    c.pgUser = url.userName();
    c.pgDatabase = url.path().mid(1);
    if (c.pgDatabase.isEmpty())
        return Error::invalid(
            QCoreApplication::translate("Database", "The PostgreSQL URL '%1' names no database")
                .arg(location));
    return c;
}

QString DatabaseConfig::defaultSqlitePath(const QString &fileName) {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(fileName);
}

QString DatabaseConfig::describe() const {
    if (backend == Backend::Sqlite)
        return QDir::toNativeSeparators(sqlitePath);
    return QCoreApplication::translate("Database", "PostgreSQL database %1 on %2:%3")
        .arg(pgDatabase, pgHost)
        .arg(pgPort);
}

} // namespace tagdesk

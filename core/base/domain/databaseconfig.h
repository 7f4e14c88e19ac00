#pragma once

#include "util/result.h"

#include <QString>

namespace tagdesk {

// Where the job database lives. SQLite (a file) by default; PostgreSQL for teams that
// share one job list. Passwords are never part of this: QPSQL reads PGPASSWORD or
// ~/.pgpass, and the app passes what the keychain holds.
struct DatabaseConfig {
    enum class Backend { Sqlite, Postgres };

    Backend backend = Backend::Sqlite;
    QString sqlitePath;
    QString pgHost;
    int pgPort = 0;
    QString pgDatabase;
    QString pgUser;
    // How long a write waits for another program holding the database, in ms.
    int busyTimeoutMs = 5000;

    static DatabaseConfig sqlite(const QString &path);
    // "postgresql://user@host:port/dbname" (no password: see above) or a file path.
    static Result<DatabaseConfig> fromLocation(const QString &location);
    // The platform's app-data folder, e.g. ~/.local/share/Tagdesk/tagdesk.sqlite.
    static QString defaultSqlitePath(const QString &fileName = QStringLiteral("tagdesk.sqlite"));

    // For messages: the file path, or "PostgreSQL database NAME on HOST".
    QString describe() const;
};

} // namespace tagdesk

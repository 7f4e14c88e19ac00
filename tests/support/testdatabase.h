#pragma once

#include "storage/connection.h"
#include "storage/databaseconfig.h"

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

// Path of a file under tests/data.
QString testData(const QString &relative);

// Reads a whole file (empty if it cannot).
QByteArray readFile(const QString &path);

} // namespace tagdesk::test

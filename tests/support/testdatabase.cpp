#include "support/testdatabase.h"

#include "storage/schema.h"

#include <gtest/gtest.h>

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

QString testData(const QString &relative) {
    return QDir(QStringLiteral(TAGDESK_TEST_DATA)).filePath(relative);
}

QByteArray readFile(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace tagdesk::test

#include "storage/schema.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QStringList>

namespace tagdesk {

namespace schema {
int latestVersion();
}

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(Database)
};

// Migrations are append-only: never edit one that has shipped; add the next number.
// {{PK}} is an auto-numbered 64-bit primary key in each dialect.
const char *const migrations[] = {
    // 1: jobs, their products and the suggestions for them.
    R"SQL(
CREATE TABLE jobs (
    id {{PK}},
    name TEXT NOT NULL,
    selection TEXT NOT NULL,
    tagger TEXT NOT NULL,
    images_per_product INTEGER NOT NULL DEFAULT 1,
    attributes TEXT NOT NULL DEFAULT '',
    archived INTEGER NOT NULL DEFAULT 0,
    run_requested INTEGER NOT NULL DEFAULT 0,
    fatal_error TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE job_products (
    job_id BIGINT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    product_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    stage TEXT NOT NULL DEFAULT 'pending',
    review TEXT NOT NULL DEFAULT 'pending',
    sync TEXT NOT NULL DEFAULT 'none',
    error TEXT NOT NULL DEFAULT '',
    snapshot TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (job_id, product_id)
);
CREATE INDEX job_products_by_position ON job_products(job_id, position);
CREATE TABLE suggestions (
    id {{PK}},
    job_id BIGINT NOT NULL,
    product_id TEXT NOT NULL,
    attribute TEXT NOT NULL,
    value TEXT NOT NULL,
    confidence DOUBLE PRECISION NOT NULL,
    source_image TEXT NOT NULL DEFAULT '',
    alternatives TEXT NOT NULL DEFAULT '[]',
    provider_label TEXT NOT NULL DEFAULT '',
    FOREIGN KEY (job_id, product_id) REFERENCES job_products(job_id, product_id) ON DELETE CASCADE
);
CREATE INDEX suggestions_by_product ON suggestions(job_id, product_id);
)SQL",
    // 2: room for review, images, raw answers, push log with replaced values, conflicts,
    // and per-reviewer claims on a shared (PostgreSQL) job list.
    R"SQL(
ALTER TABLE jobs ADD COLUMN destinations TEXT NOT NULL DEFAULT 'tags,metafields';
ALTER TABLE job_products ADD COLUMN destinations TEXT;
ALTER TABLE job_products ADD COLUMN claimed_by TEXT;
ALTER TABLE job_products ADD COLUMN claimed_at TEXT;
CREATE INDEX job_products_by_state ON job_products(job_id, stage, review, sync);
CREATE TABLE images (
    sha256 TEXT PRIMARY KEY,
    bytes BIGINT NOT NULL,
    mime TEXT NOT NULL,
    width INTEGER NOT NULL DEFAULT 0,
    height INTEGER NOT NULL DEFAULT 0,
    stored_at TEXT NOT NULL,
    last_used_at TEXT NOT NULL
);
CREATE TABLE product_images (
    job_id BIGINT NOT NULL,
    product_id TEXT NOT NULL,
    media_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    url TEXT NOT NULL,
    sha256 TEXT REFERENCES images(sha256),
    error TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (job_id, product_id, media_id),
    FOREIGN KEY (job_id, product_id) REFERENCES job_products(job_id, product_id) ON DELETE CASCADE
);
CREATE INDEX product_images_by_image ON product_images(sha256);
CREATE TABLE tagger_answers (
    id {{PK}},
    tagger TEXT NOT NULL,
    settings_key TEXT NOT NULL,
    image_sha256 TEXT NOT NULL,
    answer TEXT NOT NULL,
    received_at TEXT NOT NULL,
    UNIQUE (tagger, settings_key, image_sha256)
);
CREATE TABLE attribute_decisions (
    job_id BIGINT NOT NULL,
    product_id TEXT NOT NULL,
    attribute TEXT NOT NULL,
    verdict TEXT NOT NULL,
    value TEXT NOT NULL DEFAULT '',
    decided_by TEXT NOT NULL DEFAULT '',
    decided_at TEXT NOT NULL,
    PRIMARY KEY (job_id, product_id, attribute),
    FOREIGN KEY (job_id, product_id) REFERENCES job_products(job_id, product_id) ON DELETE CASCADE
);
CREATE TABLE review_events (
    id {{PK}},
    job_id BIGINT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    product_id TEXT NOT NULL,
    before_state TEXT NOT NULL,
    after_state TEXT NOT NULL,
    decided_by TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL
);
CREATE TABLE push_log (
    id {{PK}},
    job_id BIGINT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    product_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    who TEXT NOT NULL DEFAULT '',
    before_values TEXT NOT NULL,
    after_values TEXT NOT NULL,
    shopify_answer TEXT NOT NULL DEFAULT '{}',
    outcome TEXT NOT NULL,
    message TEXT NOT NULL DEFAULT ''
);
CREATE INDEX push_log_by_product ON push_log(job_id, product_id);
CREATE TABLE conflicts (
    job_id BIGINT NOT NULL,
    product_id TEXT NOT NULL,
    detected_at TEXT NOT NULL,
    snapshot_values TEXT NOT NULL,
    remote_values TEXT NOT NULL,
    approved_values TEXT NOT NULL,
    resolution TEXT NOT NULL DEFAULT '',
    resolved_at TEXT,
    PRIMARY KEY (job_id, product_id),
    FOREIGN KEY (job_id, product_id) REFERENCES job_products(job_id, product_id) ON DELETE CASCADE
);
)SQL",
    // 3: listing a job's selection resumes from the last page it stored.
    R"SQL(
ALTER TABLE jobs ADD COLUMN listing_cursor TEXT NOT NULL DEFAULT '';
ALTER TABLE jobs ADD COLUMN listing_done INTEGER NOT NULL DEFAULT 0;
)SQL",
    // 4: review and sync. How a job writes (templates, only-fill-empty); undoing review
    // events; the plan a push in flight is writing, so a killed push resumes exactly;
    // the product's updatedAt after each push, for revert's conflict check.
    R"SQL(
ALTER TABLE jobs ADD COLUMN write_settings TEXT NOT NULL DEFAULT '{}';
ALTER TABLE review_events ADD COLUMN undone_at TEXT;
ALTER TABLE review_events ADD COLUMN attribute TEXT NOT NULL DEFAULT '';
ALTER TABLE job_products ADD COLUMN push_plan TEXT;
ALTER TABLE push_log ADD COLUMN updated_at_after TEXT NOT NULL DEFAULT '';
CREATE INDEX review_events_by_job ON review_events(job_id, id);
)SQL",
    // 5: a reviewer flags a product to come back to it later (F in the review); the
    // review finds the products that got the same suggestions.
    R"SQL(
ALTER TABLE job_products ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0;
CREATE INDEX suggestions_by_value ON suggestions(job_id, attribute, value);
)SQL",
    // 6: the store a job belongs to, as Shopify names it (Job::shop). Jobs from before
    // have none and are bound to the store of their next run, sync or revert.
    R"SQL(
ALTER TABLE jobs ADD COLUMN shop_domain TEXT NOT NULL DEFAULT '';
ALTER TABLE jobs ADD COLUMN shop_id TEXT NOT NULL DEFAULT '';
)SQL",
    // 7: the job view pages a job's products by keyset (the rows after the last one seen,
    // in position and then id order), which this index finds without reading the rows
    // before; it serves every use of the position-only index it replaces.
    R"SQL(
CREATE INDEX job_products_by_position_id ON job_products(job_id, position, product_id);
DROP INDEX job_products_by_position;
)SQL",
    // 8: one program at a time works on a job (JobLeaseRepository): who, since when, and
    // when it last showed it is alive.
    R"SQL(
CREATE TABLE job_leases (
    job_id BIGINT PRIMARY KEY REFERENCES jobs(id) ON DELETE CASCADE,
    lease_id TEXT NOT NULL,
    work TEXT NOT NULL,
    program TEXT NOT NULL,
    host TEXT NOT NULL,
    pid BIGINT NOT NULL,
    acquired_at TEXT NOT NULL,
    renewed_at TEXT NOT NULL
);
)SQL",
};

constexpr int migrationCount = int(sizeof(migrations) / sizeof(migrations[0]));

QStringList statementsFor(int version, SqlDialect dialect) {
    QString sql = QString::fromUtf8(migrations[version - 1]);
    sql.replace(QStringLiteral("{{PK}}"), dialect == SqlDialect::Sqlite
                                              ? QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT")
                                              : QStringLiteral("BIGSERIAL PRIMARY KEY"));
    QStringList out;
    for (const QString &s : sql.split(QLatin1Char(';'))) {
        if (!s.trimmed().isEmpty())
            out << s.trimmed();
    }
    return out;
}

Result<bool> hasTable(Connection &conn, const QString &table) {
    const QString sql =
        conn.dialect() == SqlDialect::Sqlite
            ? QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                             "AND name = ?")
            : QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE "
                             "table_schema = current_schema() AND table_name = ?");
    auto q = runSql(conn.db(), sql, {table}, Texts::tr("reading the schema"));
    if (!q)
        return q.error();
    return q->next() && q->value(0).toInt() > 0;
}

Result<int> tableCount(Connection &conn) {
    const QString sql =
        conn.dialect() == SqlDialect::Sqlite
            ? QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table'")
            : QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE "
                             "table_schema = current_schema()");
    auto q = runSql(conn.db(), sql, {}, Texts::tr("reading the schema"));
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toInt() : 0;
}

Result<int> recordedVersion(Connection &conn) {
    auto q =
        runSql(conn.db(), QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"),
               {}, Texts::tr("reading the schema version"));
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toInt() : 0;
}

Error newerDatabase(Connection &conn, int version) {
    return Error::storage(
        Texts::tr("%1 was written by a newer Tagdesk (schema version %2; this Tagdesk "
                  "knows up to %3). Update Tagdesk to open it; nothing was changed.")
            .arg(conn.config().describe())
            .arg(version)
            .arg(schema::latestVersion()));
}

Status enableWal(Connection &conn) {
    auto q = runSql(conn.db(), QStringLiteral("PRAGMA journal_mode = WAL"), {},
                    Texts::tr("turning on write-ahead logging"));
    if (!q)
        return q.error();
    const QString mode = q->next() ? q->value(0).toString().toLower() : QString();
    if (mode != QLatin1String("wal"))
        return Error::storage(
            Texts::tr("%1 could not be switched to write-ahead logging (the file system "
                      "answered '%2'); Tagdesk needs it to stay safe when it is killed")
                .arg(conn.config().describe(), mode));
    // The sync level follows the journal mode (see applySqliteSettings).
    return applySqliteSettings(conn);
}
} // namespace

namespace schema {

int latestVersion() {
    return migrationCount;
}

Result<int> currentVersion(Connection &conn) {
    auto tracked = hasTable(conn, QStringLiteral("schema_migrations"));
    if (!tracked)
        return tracked.error();
    if (!tracked.value()) {
        auto tables = tableCount(conn);
        if (!tables)
            return tables.error();
        if (tables.value() > 0)
            return Error::storage(
                Texts::tr("%1 is a database, but not a Tagdesk one; choose another file")
                    .arg(conn.config().describe()));
        return 0;
    }
    return recordedVersion(conn);
}

Result<int> migrate(Connection &conn, int target) {
    if (target < 0)
        target = latestVersion();
    auto before = currentVersion(conn);
    if (!before)
        return before.error();
    if (before.value() > latestVersion())
        return newerDatabase(conn, before.value());
    if (before.value() >= target)
        return before.value();

    // Each migration in its own transaction: a failure leaves the last good version.
    int version = before.value();
    while (version < target) {
        const int next = version + 1;
        auto applied = inWriteTransaction(conn.db(), [&]() -> Result<int> {
            auto create =
                runSql(conn.db(),
                       QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                      "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"),
                       {}, Texts::tr("upgrading the database"));
            if (!create)
                return create.error();
            // Another process may have migrated while we waited for the write lock.
            auto now = recordedVersion(conn);
            if (!now)
                return now.error();
            if (now.value() >= next)
                return now.value();
            for (const QString &statement : statementsFor(next, conn.dialect())) {
                if (auto r = runSql(conn.db(), statement, {},
                                    Texts::tr("upgrading the database to version %1").arg(next));
                    !r)
                    return r.error();
            }
            auto record =
                runSql(conn.db(),
                       QStringLiteral("INSERT INTO schema_migrations (version, applied_at) "
                                      "VALUES (?, ?)"),
                       {next, toDbTime(QDateTime::currentDateTimeUtc())},
                       Texts::tr("upgrading the database"));
            if (!record)
                return record.error();
            return next;
        });
        if (!applied)
            return applied.error();
        version = applied.value();
    }
    return version;
}

} // namespace schema

Result<std::unique_ptr<Connection>> openDatabase(const DatabaseConfig &config) {
    if (config.backend == DatabaseConfig::Backend::Sqlite) {
        const QFileInfo file(config.sqlitePath);
        if (file.isDir())
            return Error::invalid(Texts::tr("%1 is a folder, not a database file")
                                      .arg(QDir::toNativeSeparators(config.sqlitePath)));
        const QDir folder = file.absoluteDir();
        if (!file.exists() && !folder.exists() && !QDir().mkpath(folder.absolutePath()))
            return Error::storage(Texts::tr("Cannot create the folder %1 for the database")
                                      .arg(QDir::toNativeSeparators(folder.absolutePath())));
    }

    auto conn = Connection::open(config);
    if (!conn)
        return conn.error();
    Connection &c = *conn.value();

    // Read-only checks first, so a foreign, damaged or newer file is left exactly as it was.
    auto version = schema::currentVersion(c);
    if (!version)
        return version.error();
    if (version.value() > schema::latestVersion())
        return newerDatabase(c, version.value());

    if (c.dialect() == SqlDialect::Sqlite) {
        if (auto wal = enableWal(c); !wal)
            return wal.error();
    }
    if (auto migrated = schema::migrate(c); !migrated)
        return migrated.error();
    return std::move(conn).value();
}

} // namespace tagdesk

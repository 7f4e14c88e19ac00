#pragma once

#include "storage/connection.h"

namespace tagdesk {

// Numbered schema migrations. Version N is reached by applying migrations 1..N in order,
// each in one transaction; the applied versions are recorded in schema_migrations.
namespace schema {

// The newest schema this build knows.
int latestVersion();

// The version a database is at: 0 for an empty database. Refuses a database that has
// tables but is not a Tagdesk database.
Result<int> currentVersion(Connection &conn);

// Brings the database up to `target` (default: latest). Refuses a database written by a
// newer Tagdesk, without touching it.
Result<int> migrate(Connection &conn, int target = -1);

} // namespace schema

// Opens the job database ready for use: checks it is a Tagdesk database, refuses one
// from a newer version, turns on and verifies WAL (SQLite), and migrates it.
Result<std::unique_ptr<Connection>> openDatabase(const DatabaseConfig &config);

} // namespace tagdesk

#pragma once

#include "domain/conflictchoice.h"
#include "pipeline/workhost.h" // WorkKind: push or revert
#include "storeconnection.h"

#include <QTextStream>

namespace tagdesk {
class DatabaseWriter;
struct DatabaseConfig;
} // namespace tagdesk

namespace tagdesk::cli {

struct SyncOptions {
    WorkKind mode = WorkKind::Push; // Push or Revert
    QStringList productIds;         // empty: every queued (or, for revert, pushed) product
    bool retryFailed = false;
    QString who;
    bool json = false;
};

// `sync ID` and `revert ID`: pushes (or reverts) against the store, and returns the
// CLI exit code: 0 all written, 2 the store could not be reached (the rest wait, "Ready
// to sync"), 3 some products ended in conflict or failed.
int syncJob(qint64 jobId, const RunOptions &options, const SyncOptions &sync,
            const DatabaseConfig &database, DatabaseWriter &writer, QTextStream &out,
            QTextStream &err);

// `conflicts resolve ID --products … --keep mine|theirs [--to …]`.
int resolveConflicts(qint64 jobId, const RunOptions &options, const QStringList &productIds,
                     const ConflictChoice &choice, DatabaseWriter &writer, QTextStream &out,
                     QTextStream &err);

} // namespace tagdesk::cli

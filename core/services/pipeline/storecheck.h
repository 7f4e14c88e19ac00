#pragma once

#include "domain/accessscopes.h"
#include "domain/shopifystore.h"
#include "util/result.h"

#include <QFuture>

namespace tagdesk {

class DatabaseWriter;

// What a work on a job may go on with once the store has said who it is.
struct StoreClearance {
    // Something the user should know that does not stop the work, e.g. a run whose token
    // cannot write what the job will sync. Empty when there is nothing to say.
    QString warning;
};

// The one check before a run, a sync or a revert (from the desktop app or the CLI) reads
// or writes anything: the job must belong to the store that answered (Job::checkStore; a
// job with no store yet is bound to it here, in the same write), and the token must have
// the access scopes the job's destinations need (requiredScopes) — named, before the
// first request that would need them. `access` is what the work does: a run reads, a sync
// or a revert writes.
QFuture<Result<StoreClearance>> checkJobStore(DatabaseWriter &writer, qint64 jobId,
                                              StoreAccess access, const ShopConnection &shop);

} // namespace tagdesk

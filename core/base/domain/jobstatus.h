#pragma once

#include "domain/product.h"

#include <QString>

namespace tagdesk {

// The seven statuses a user sees in the job list.
enum class JobStatus {
    Created,
    Processing,
    Review,
    ReadyToSync,
    Complete,
    CompleteWithErrors,
    Error
};

// "Ready to sync", "Complete but with errors", … (translated).
QString jobStatusText(JobStatus status);
// Stable machine key: "created", "ready_to_sync", …
QString jobStatusKey(JobStatus status);

// How many of a job's products are in each state. Built from product rows one by one,
// or from a GROUP BY over stage/review/sync with add(progress, count).
struct ProductTally {
    qint64 total = 0;
    qint64 untouched = 0;   // stage Pending, no decision, never synced
    qint64 active = 0;      // Fetching or Analysing right now
    qint64 unanalysed = 0;  // Pending or Fetched: still to be analysed
    qint64 analysed = 0;    // stage Analysed
    qint64 failed = 0;      // stage Failed (could not be fetched or analysed)
    qint64 skipped = 0;     // stage Skipped (nothing to analyse): neither done nor an error
    qint64 needsReview = 0; // not yet approved or rejected (and not failed)
    qint64 approved = 0;
    qint64 rejected = 0;
    qint64 waitingToSync = 0; // approved, queued or not yet pushed
    qint64 syncing = 0;       // Pushing or Reverting right now
    qint64 synced = 0;        // Pushed or Reverted
    qint64 syncFailed = 0;    // approved but the push failed
    qint64 conflicts = 0;     // approved but Shopify changed meanwhile

    void add(const ProductProgress &p, qint64 count = 1);
    ProductTally &operator+=(const ProductTally &other);

    friend bool operator==(const ProductTally &, const ProductTally &) = default;
};

// Facts about the job itself that its products cannot tell.
struct JobFacts {
    bool runRequested = false; // a run was started and has not finished or been cancelled
    bool fatalError = false;   // the job could not run at all
};

// The one rule that turns product states into the job's status. Pure; every row of the
// status table has a test (tests/unit/test_jobstatus.cpp).
JobStatus deriveJobStatus(const JobFacts &facts, const ProductTally &tally);

// Archiving is allowed in any status but Processing.
bool canArchive(JobStatus status);

} // namespace tagdesk

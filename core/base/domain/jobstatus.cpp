#include "domain/jobstatus.h"

#include <QCoreApplication>

namespace tagdesk {

QString jobStatusText(JobStatus status) {
    switch (status) {
    case JobStatus::Created:
        return QCoreApplication::translate("JobStatus", "Created");
    case JobStatus::Processing:
        return QCoreApplication::translate("JobStatus", "Processing");
    case JobStatus::Review:
        return QCoreApplication::translate("JobStatus", "Review");
    case JobStatus::ReadyToSync:
        return QCoreApplication::translate("JobStatus", "Ready to sync");
    case JobStatus::Complete:
        return QCoreApplication::translate("JobStatus", "Complete");
    case JobStatus::CompleteWithErrors:
        return QCoreApplication::translate("JobStatus", "Complete but with errors");
    case JobStatus::Error:
        return QCoreApplication::translate("JobStatus", "Error");
    }
    return {};
}

QString jobStatusKey(JobStatus status) {
    switch (status) {
    case JobStatus::Created:
        return QStringLiteral("created");
    case JobStatus::Processing:
        return QStringLiteral("processing");
    case JobStatus::Review:
        return QStringLiteral("review");
    case JobStatus::ReadyToSync:
        return QStringLiteral("ready_to_sync");
    case JobStatus::Complete:
        return QStringLiteral("complete");
    case JobStatus::CompleteWithErrors:
        return QStringLiteral("complete_with_errors");
    case JobStatus::Error:
        return QStringLiteral("error");
    }
    return {};
}

void ProductTally::add(const ProductProgress &p, qint64 count) {
    total += count;
    const bool decided = p.review != ReviewState::Pending;
    if (p.stage == PipelineStage::Pending && !decided && p.sync == SyncState::None)
        untouched += count;

    switch (p.stage) {
    case PipelineStage::Fetching:
    case PipelineStage::Analysing:
        active += count;
        break;
    case PipelineStage::Pending:
    case PipelineStage::Fetched:
        unanalysed += count;
        break;
    case PipelineStage::Analysed:
        analysed += count;
        break;
    case PipelineStage::Failed:
        failed += count;
        break;
    case PipelineStage::Skipped:
        skipped += count;
        break;
    }

    switch (p.review) {
    case ReviewState::Pending:
        if (p.stage != PipelineStage::Failed && p.stage != PipelineStage::Skipped)
            needsReview += count;
        return;
    case ReviewState::Rejected:
        rejected += count;
        return;
    case ReviewState::Approved:
        approved += count;
        break;
    }

    switch (p.sync) {
    case SyncState::None:
    case SyncState::Queued:
        waitingToSync += count;
        break;
    case SyncState::Pushing:
    case SyncState::Reverting:
        syncing += count;
        break;
    case SyncState::Pushed:
    case SyncState::Reverted:
        synced += count;
        break;
    case SyncState::Failed:
        syncFailed += count;
        break;
    case SyncState::Conflict:
        conflicts += count;
        break;
    }
}

ProductTally &ProductTally::operator+=(const ProductTally &o) {
    total += o.total;
    untouched += o.untouched;
    active += o.active;
    unanalysed += o.unanalysed;
    analysed += o.analysed;
    failed += o.failed;
    skipped += o.skipped;
    needsReview += o.needsReview;
    approved += o.approved;
    rejected += o.rejected;
    waitingToSync += o.waitingToSync;
    syncing += o.syncing;
    synced += o.synced;
    syncFailed += o.syncFailed;
    conflicts += o.conflicts;
    return *this;
}

JobStatus deriveJobStatus(const JobFacts &facts, const ProductTally &t) {
    if (facts.fatalError)
        return JobStatus::Error;

    // Something is moving: downloading, analysing, pushing — or a run is under way that
    // still has products (or the product list itself) to get through.
    if (t.active > 0 || t.syncing > 0)
        return JobStatus::Processing;
    if (facts.runRequested && (t.total == 0 || t.unanalysed > 0))
        return JobStatus::Processing;

    if (t.total == t.untouched)
        return JobStatus::Created;

    // A product not yet approved or rejected still needs review — including one a
    // cancelled run left unanalysed: the user has to resume it or decide.
    if (t.needsReview > 0)
        return JobStatus::Review;

    // Everything is reviewed (approved, rejected), failed or skipped.
    if (t.approved == 0) {
        // Nothing could be analysed, and not for want of images: the job could not run.
        if (t.failed > 0 && t.failed + t.skipped == t.total)
            return JobStatus::Error;
        return JobStatus::Complete; // all rejected or skipped: nothing to push
    }
    if (t.waitingToSync > 0)
        return JobStatus::ReadyToSync;
    const qint64 pushFailures = t.syncFailed + t.conflicts;
    if (pushFailures == 0)
        return JobStatus::Complete;
    if (t.synced > 0)
        return JobStatus::CompleteWithErrors;
    return JobStatus::Error;
}

bool canArchive(JobStatus status) {
    return status != JobStatus::Processing;
}

} // namespace tagdesk

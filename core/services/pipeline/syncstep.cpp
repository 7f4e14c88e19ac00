#include "pipeline/syncstep.h"

#include "util/futures.h"
#include <QCoreApplication>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(SyncRunner)
};
} // namespace

PushRecord::Kind SyncDirection::logKind() const {
    return pushing() ? PushRecord::Kind::Push : PushRecord::Kind::Revert;
}

SyncState SyncDirection::inFlight() const {
    return pushing() ? SyncState::Pushing : SyncState::Reverting;
}

SyncState SyncDirection::done() const {
    return pushing() ? SyncState::Pushed : SyncState::Reverted;
}

SyncState SyncDirection::afterConflict() const {
    return pushing() ? SyncState::Conflict : SyncState::Pushed;
}

SyncState SyncDirection::afterFailure() const {
    return pushing() ? SyncState::Failed : SyncState::Pushed;
}

QDateTime SyncDirection::expectedUpdatedAt(const ProductChange &change) const {
    if (pushing())
        return change.product.snapshot ? change.product.snapshot->updatedAt : QDateTime();
    return change.undoing ? change.undoing->updatedAtAfter : QDateTime();
}

QString SyncDirection::since() const {
    return pushing() ? Texts::tr("it was fetched") : Texts::tr("Tagdesk's push");
}

void SyncStep::store(std::function<Status(Connection &)> task, std::function<void()> then) {
    whenFinished(this,
                 m_sync.services.writer->submit<bool>(
                     [task = std::move(task)](Connection &conn) -> Result<bool> {
                         if (auto s = task(conn); !s)
                             return s.error();
                         return true;
                     }),
                 [this, then = std::move(then)](const Result<bool> &r) {
                     if (m_sync.finished)
                         return;
                     if (!r)
                         return m_sync.storeFailed(r.error());
                     then();
                 });
}

} // namespace tagdesk

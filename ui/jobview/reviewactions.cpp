#include "jobview/reviewactions.h"

#include "util/futures.h"

#include <QLocale>

namespace tagdesk::ui {

ReviewActions::ReviewActions(ReviewService &review, QObject *parent)
    : QObject(parent)
    , m_review(review) {
}

void ReviewActions::approve(qint64 jobId, const QStringList &productIds,
                            std::optional<Destinations> destinations) {
    ApprovalSelection selection;
    selection.kind = ApprovalSelection::Kind::Products;
    selection.productIds = productIds;
    track(m_review.approve(jobId, selection, destinations, reviewer()), [](int n) {
        return n == 1 ? tr("Approved 1 product") : tr("Approved %1 products").arg(n);
    });
}

void ReviewActions::reject(qint64 jobId, const QStringList &productIds) {
    track(m_review.reject(jobId, productIds, reviewer()), [](int n) {
        return n == 1 ? tr("Rejected 1 product") : tr("Rejected %1 products").arg(n);
    });
}

void ReviewActions::approveAtOrAbove(qint64 jobId, double confidence) {
    ApprovalSelection selection;
    selection.kind = ApprovalSelection::Kind::MinConfidence;
    selection.minConfidence = confidence;
    const QString percent = QLocale().toString(confidence * 100, 'f', 0);
    track(m_review.approve(jobId, selection, std::nullopt, reviewer()), [percent](int n) {
        return n == 1 ? tr("Approved 1 product at or above %1%").arg(percent)
                      : tr("Approved %1 products at or above %2%").arg(n).arg(percent);
    });
}

void ReviewActions::track(QFuture<Result<int>> decision, std::function<QString(int)> describe) {
    if (m_inFlight++ == 0)
        emit busyChanged(true);
    whenFinished(this, decision, [this, describe](const Result<int> &done) {
        if (--m_inFlight == 0)
            emit busyChanged(false);
        if (done)
            emit decided(describe(done.value()));
        else
            emit failed(done.error().message);
    });
}

} // namespace tagdesk::ui

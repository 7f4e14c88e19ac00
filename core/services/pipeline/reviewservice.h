#pragma once

#include "domain/decision.h"
#include "domain/destination.h"
#include "util/result.h"

#include <QFuture>
#include <QStringList>

#include <optional>

namespace tagdesk {

class DatabaseWriter;

// Which analysed products an approval covers.
struct ApprovalSelection {
    enum class Kind { All, Products, MinConfidence };
    Kind kind = Kind::All;
    QStringList productIds;   // Kind::Products
    double minConfidence = 0; // Kind::MinConfidence: every suggestion at or above it
};

// Approving and rejecting whole products. Needs no network: decisions are written to the
// database at once (through the one writer), each with a review event holding the state
// before it, so a crash never loses one and the last ones can be undone.
class ReviewService {
public:
    explicit ReviewService(DatabaseWriter &writer)
        : m_writer(writer) {}

    // Approved products are queued for sync, with `destinations` if given (else the
    // job's). Gives how many products were approved. Products not yet analysed, or
    // unknown to the job, are refused with their id; a product named twice counts once.
    // Runs as a few statements for the whole selection, whatever its size.
    QFuture<Result<int>> approve(qint64 jobId, const ApprovalSelection &selection,
                                 std::optional<Destinations> destinations, const QString &reviewer);
    QFuture<Result<int>> reject(qint64 jobId, const QStringList &productIds,
                                const QString &reviewer);

    // One attribute of one product: accept the suggestion, edit it (a free value or one of
    // the alternatives) or reject it. Verdict Pending takes a decision back.
    QFuture<Status> decide(qint64 jobId, const QString &productId,
                           const AttributeDecision &decision, const QString &reviewer);

    // Takes back the job's last `count` decisions, newest first, as long as what they
    // changed has not moved on (a pushed product is reverted, not undone). Gives how many
    // were undone.
    QFuture<Result<int>> undo(qint64 jobId, int count, const QString &reviewer);

    // Marks a product to come back to later (or takes the mark off); its decisions stay.
    QFuture<Status> flag(qint64 jobId, const QString &productId, bool flagged);

private:
    DatabaseWriter &m_writer;
};

} // namespace tagdesk

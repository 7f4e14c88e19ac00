#pragma once

#include "domain/destination.h"
#include "storage/databasewriter.h"

#include <QFuture>
#include <QStringList>

#include <optional>

namespace tagdesk {

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
    // unknown to the job, are refused with their id.
    QFuture<Result<int>> approve(qint64 jobId, const ApprovalSelection &selection,
                                 std::optional<Destinations> destinations, const QString &reviewer);
    QFuture<Result<int>> reject(qint64 jobId, const QStringList &productIds,
                                const QString &reviewer);

private:
    DatabaseWriter &m_writer;
};

} // namespace tagdesk

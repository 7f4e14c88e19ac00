#pragma once

#include "domain/product.h"
#include "storage/connection.h"

#include <QDateTime>
#include <QStringList>

#include <optional>
#include <utility>

namespace tagdesk {

// Which of a job's products a bulk review change covers.
struct ReviewScope {
    enum class Kind { Waiting, Named };
    Kind kind = Kind::Waiting;
    // Kind::Waiting: the analysed products waiting for review; with minConfidence only
    // those with suggestions, every one at or above it (ConfidenceOverview::atOrAbove).
    std::optional<double> minConfidence = {};
    // Kind::Named: these products (a repeated id counts once), in this order, except those
    // already in the change's review state.
    QStringList productIds = {};
};

// A review state given to many products at once.
struct ReviewChange {
    ReviewState review = ReviewState::Pending;
    SyncState sync = SyncState::None;
    // Where the products are saved (destination keys); nullopt leaves each one's as it is.
    std::optional<QString> destinations = {};
    QString reviewer = {};
    QDateTime at = {};
};

// Review changes for a whole selection in a few statements, whatever its size: the rows and
// review events are those JobProductRepository::setProgress, setDestinationsOverride and
// ReviewEventRepository::record write one product at a time.
class BulkReviewRepository {
public:
    explicit BulkReviewRepository(Connection &conn)
        : m_conn(conn) {}

    // The first product of the scope (in the job's order, or the names' order) whose sync
    // state is one of `states`, with that state; nullopt if none.
    Result<std::optional<std::pair<QString, SyncState>>>
    firstInSync(qint64 jobId, const ReviewScope &scope, const ReviewChange &change,
                const QList<SyncState> &states);

    // Gives the scope's products the change, and records for each one a review event of
    // its state before and after (reviewStateObject), in the scope's order. Gives how many
    // products changed. Runs in the caller's transaction.
    Result<int> apply(qint64 jobId, const ReviewScope &scope, const ReviewChange &change);

private:
    Connection &m_conn;
};

} // namespace tagdesk

#pragma once

#include "domain/product.h"
#include "storage/connection.h"
#include "storage/databaseconfig.h"

#include <QFuture>
#include <QList>

#include <array>
#include <optional>

namespace tagdesk {

// Which of a job's products the job view lists.
enum class ProductFilter { All, Pending, Approved, Rejected, Conflicts, Errors };
// What the job view's product table is sorted by.
enum class ProductOrder { Position, Title, Review, Sync, Suggestions, LowestConfidence };

struct ProductListQuery {
    qint64 jobId = 0;
    ProductFilter filter = ProductFilter::All;
    ProductOrder order = ProductOrder::Position;
    bool descending = false;

    friend bool operator==(const ProductListQuery &, const ProductListQuery &) = default;
};

// One row of the job view: what the table shows about a product, without its snapshot.
struct ProductRow {
    QString productId;
    int position = 0;
    QString title;
    ProductProgress progress;
    QString error;
    int suggestions = 0;
    std::optional<double> lowestConfidence;
    QString thumbnailSha256; // the first downloaded image, empty if none
};

// How sure the tagger was across a job: every suggestion in ten bins of 0.1, and for the
// products still waiting for review, their lowest confidence in hundredths — enough to
// say at once how many "approve all at or above X" would approve.
struct ConfidenceOverview {
    std::array<qint64, 10> suggestionBins{};
    std::array<qint64, 101> pendingByLowest{};

    // Pending analysed products whose every suggestion is at or above `threshold` (what
    // ReviewService approves for ApprovalSelection::Kind::MinConfidence).
    qint64 pendingAtOrAbove(double threshold) const;
    qint64 totalSuggestions() const;
};

// Reads of a job's products for the GUI. Each runs on the thread pool with a connection
// of its own, so the GUI thread never waits on the database; the *Now functions are the
// same reads on a connection the caller has, for tests and other threads.
namespace productqueries {

inline constexpr int defaultPageSize = 200;

QFuture<Result<QList<ProductRow>>> readRows(const DatabaseConfig &config,
                                            const ProductListQuery &query, int offset, int limit);
QFuture<Result<qint64>> countRows(const DatabaseConfig &config, const ProductListQuery &query);
QFuture<Result<ConfidenceOverview>> confidenceOverview(const DatabaseConfig &config, qint64 jobId);
// Products of every job queued for sync: what the status bar calls "pending syncs".
QFuture<Result<qint64>> countQueuedSyncs(const DatabaseConfig &config);

Result<QList<ProductRow>> readRowsNow(Connection &conn, const ProductListQuery &query, int offset,
                                      int limit);
Result<qint64> countRowsNow(Connection &conn, const ProductListQuery &query);
Result<ConfidenceOverview> confidenceOverviewNow(Connection &conn, qint64 jobId);

} // namespace productqueries

} // namespace tagdesk

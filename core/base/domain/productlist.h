#pragma once

#include "domain/product.h"

#include <QList>
#include <QString>
#include <QVariant>

#include <array>
#include <optional>

namespace tagdesk {

// Which of a job's products the job view lists. SyncQueue: what the sync panel lists —
// approved products waiting to be pushed, being pushed, or whose push failed.
enum class ProductFilter {
    All,
    Pending,
    Approved,
    Rejected,
    Conflicts,
    Errors,
    SyncQueue,
    Flagged
};
// What the job view's product table is sorted by.
// Flagged: the products flagged for later first (then by position).
enum class ProductOrder { Position, Title, Review, Sync, Suggestions, LowestConfidence, Flagged };

struct ProductListQuery {
    qint64 jobId = 0;
    ProductFilter filter = ProductFilter::All;
    ProductOrder order = ProductOrder::Position;
    bool descending = false;

    friend bool operator==(const ProductListQuery &, const ProductListQuery &) = default;
};

// Where a page of the job view's rows starts (keyset paging): after the row it was taken
// from, in the query's order. The default starts at the first row.
struct ProductCursor {
    bool atStart = true;
    QVariant sortKey = {}; // the row's sort key, as the database computed it
    int position = 0;
    QString productId = {};
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
    bool flagged = false;
    ProductCursor next = {}; // the page after this row starts here
};

// The products still waiting for review that look like one product to the review: those
// that got the same suggested values (every attribute, no more, no fewer), and those that
// share one of its photos. Each list in the job's order, without the product itself.
struct ProductGroup {
    QStringList sameSuggestions;
    QStringList sameImage;

    // Both, each product once, same suggestions first.
    QStringList all() const;
    bool isEmpty() const { return sameSuggestions.isEmpty() && sameImage.isEmpty(); }
};

// How sure the tagger was across a job: every suggestion in ten bins of 0.1, and for the
// products still waiting for review, their lowest confidence in hundredths — enough to
// say at once how many "approve all at or above X" would approve.
struct ConfidenceOverview {
    std::array<qint64, 10> suggestionBins{};
    std::array<qint64, 101> pendingByLowest{};

    // The bin of a suggestion's confidence (1.0 goes with 0.9…).
    static int binOf(int tenths);
    // Hundredths, rounding a stored 0.7 (0.69999…) to 70 as the comparison in SQL would
    // not fall below it.
    static int hundredths(double confidence);
    // The one rule of "at or above X": compared in hundredths, so the count on the button
    // and the approval agree on every stored confidence.
    static bool atOrAbove(double confidence, double threshold) {
        return hundredths(confidence) >= hundredths(threshold);
    }
    // What hundredths() adds before it rounds down.
    static constexpr double hundredthsSlack = 1e-7;
    // The same rule for a query, which cannot call hundredths(): every confidence is at or
    // above `threshold` when this is 0; else a confidence c is exactly when
    // c * 100 + hundredthsSlack >= this (hundredths(c) rounds that sum down, and a number
    // rounded down is at least a whole n exactly when the number is).
    static int atOrAboveBound(double threshold) { return hundredths(threshold); }

    // Pending analysed products whose every suggestion is at or above `threshold` (what
    // ReviewService approves for ApprovalSelection::Kind::MinConfidence).
    qint64 pendingAtOrAbove(double threshold) const;
    qint64 totalSuggestions() const;
};

} // namespace tagdesk

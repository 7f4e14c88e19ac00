#pragma once

#include "pipeline/syncstep.h"
#include "shopify/productwriter.h"

#include <optional>

namespace tagdesk {

// The bulk-mutation mode of a large push or revert: products checked and marked in flight
// are collected, then their writes go out as one bulk mutation per kind of write (with
// per-line results), and each product's share of the answers is kept for its read-back.
class BulkPushWriter : public SyncStep {
public:
    struct Checked {
        ProductChange change;
        ProductSnapshot remote;
        QList<ShopifyMutation> mutations;
        QJsonArray answers;
        std::optional<Error> error; // refused: nothing more is sent for it
    };

    explicit BulkPushWriter(SyncContext &sync, QObject *parent = nullptr);

    void add(const ProductChange &change, const ProductSnapshot &remote);
    qsizetype size() const { return m_checked.size(); }
    const Checked &at(qsizetype i) const { return m_checked.at(i); }
    // The changes from `index` on, let go of (the store went away: they go back to the queue).
    QList<ProductChange> takeFrom(qsizetype index);

    // Sends every added product's writes, then `written`; the store going away mid-way
    // is the sync's `unreachable`.
    void write(std::function<void()> written);

private:
    void runKind(int kind);
    void settleLines(const QList<std::pair<qsizetype, QString>> &owners,
                     const QList<QJsonObject> &results);

    QList<Checked> m_checked;
    std::function<void()> m_written;
};

} // namespace tagdesk

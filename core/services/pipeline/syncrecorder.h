#pragma once

#include "pipeline/syncstep.h"

#include <optional>

namespace tagdesk {

// Records what happened to each product of a sync: its push log entry, its state, a
// conflict for a person to resolve, and the count in the sync's report. Each outcome
// ends with the sync's `advance`.
class SyncRecorder : public SyncStep {
public:
    explicit SyncRecorder(SyncContext &sync, QObject *parent = nullptr);

    // The plan is about to be written: it is stored as "in flight" first, so a kill
    // part way is finished by the next sync; then `then`.
    void markInFlight(const ProductChange &change, std::function<void()> then);
    void succeeded(const ProductChange &change, const std::optional<ProductSnapshot> &readBack,
                   const QJsonArray &answers);
    // `changedKeys`: the written fields Shopify changed; empty when Shopify's
    // compare-and-set refused the write.
    void conflicted(const ProductChange &change, const ProductSnapshot &remote,
                    const QStringList &changedKeys);
    void failed(const ProductChange &change, const QString &message);
    // Written but for the alt text of images Shopify is still processing: back in the
    // queue with its plan in flight, so the next sync writes what is left.
    void waitForFiles(const ProductChange &change, const QStringList &altKeys,
                      const ProductSnapshot &now);
    // Back to the queue, with their plans still in flight (perhaps partly written), so the
    // next sync accepts what was written as ours; then `then`.
    void putBack(const QList<ProductChange> &changes, std::function<void()> then);

private:
    // The push log entry of this product's push or revert, before Shopify's answer.
    PushRecord logEntry(const ProductChange &change, PushRecord::Outcome outcome,
                        const QString &message) const;
    QString conflictMessage(const ProductSnapshot &remote, const QStringList &changedKeys) const;
    void noteProblem(const ProductChange &change, const QString &message);
};

// The fields named as a person reads them ("Tags, Color").
QString describeFields(const QStringList &keys, const ProductSnapshot *product);

} // namespace tagdesk

#pragma once

#include "pipeline/productchanges.h"
#include "pipeline/syncreport.h"
#include "shopify/productwriter.h"
#include "shopify/shopifyclient.h"
#include "storage/databasewriter.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <optional>

namespace tagdesk {

struct SyncServices {
    DatabaseWriter *writer = nullptr;
    ShopifyClient *shopify = nullptr;
    QString who; // recorded in the push log
    // A push of at least this many products sends its writes as bulk mutations (one per
    // kind of write, with per-line results) instead of a few calls per product.
    int bulkThreshold = 500;
    int bulkPollMs = 1000;
};

// Pushes a job's approved products to Shopify, or reverts its pushes, one product at a
// time:
//   1. re-read the product; if anything about to be written (or updatedAt) changed since
//      the snapshot — since our push, for a revert — it is a conflict and nothing is
//      written;
//   2. record the plan as "in flight", then write it (tag deltas, metafields with
//      compareDigest, productUpdate, fileUpdate);
//   3. read it back: a write Shopify accepted but did not apply is a failure;
//   4. log the values replaced and Shopify's answers, and mark the product pushed.
// A kill at any moment leaves the plan in flight in the database; the next run re-reads
// the product and accepts, per field, either the value before or the value written, so
// nothing is pushed twice and nothing approved is lost. When the store cannot be reached
// the run stops and the rest stay queued ("Ready to sync").
class SyncRunner : public QObject {
    Q_OBJECT
public:
    enum class Mode { Push, Revert };

    SyncRunner(SyncServices services, qint64 jobId, Mode mode, QStringList productIds = {},
               QObject *parent = nullptr);

    void start();
    // Finishes the product in flight, then stops; the rest stay queued.
    void cancel();

signals:
    void progress(qint64 done, qint64 total);
    void finished(const tagdesk::Result<tagdesk::SyncReport> &report);

private:
    void next();
    void check(const ProductChange &change, const ProductSnapshot &remote);
    void write(const ProductChange &change, const ProductSnapshot &remote);
    // Bulk: every checked product's writes, one bulk mutation per kind of write, then each
    // product is read back and settled in turn.
    void writeInBulk();
    void runBulkKind(int kind);
    void settleBulk();
    void requeueBulk();
    void verify(const ProductChange &change, const QJsonArray &answers);
    void succeeded(const ProductChange &change, const std::optional<ProductSnapshot> &readBack,
                   const QJsonArray &answers);
    void conflicted(const ProductChange &change, const ProductSnapshot &remote,
                    const QStringList &changedKeys, bool updatedAtMoved);
    void failed(const ProductChange &change, const QString &message);
    // The push log entry of this product's push or revert, before Shopify's answer.
    PushRecord logEntry(const ProductChange &change, PushRecord::Outcome outcome,
                        const QString &message) const;
    void noteProblem(const ProductChange &change, const QString &message);
    void unreachable(const Error &error);
    // The store went away mid-product: it waits in the queue, its plan still in flight.
    void backToQueue(const ProductChange &change, const Error &why);
    void finish();
    // On to the next product: the next to check, or (bulk) the next to settle.
    void advance();
    // Runs a database task, then `then`; a database failure ends the run.
    void store(std::function<Status(Connection &)> task, std::function<void()> then);

    bool pushing() const { return m_mode == Mode::Push; }
    SyncState inFlightState() const;
    SyncState doneState() const;

    SyncServices m_s;
    qint64 m_jobId;
    Mode m_mode;
    QStringList m_productIds;
    Job m_job;
    QList<ProductChange> m_changes;
    qsizetype m_index = 0;
    SyncReport m_report;
    bool m_bulk = false;
    struct Checked {
        ProductChange change;
        ProductSnapshot remote;
        QList<ShopifyMutation> mutations;
        QJsonArray answers;
        std::optional<Error> error;
    };
    QList<Checked> m_checked;  // bulk: checked, in flight, waiting for the bulk writes
    qsizetype m_settling = -1; // bulk: the checked product being settled, -1 before
    bool m_cancelled = false;
    bool m_finished = false;
};

} // namespace tagdesk

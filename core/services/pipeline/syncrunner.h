#pragma once

#include "domain/preferences.h"
#include "pipeline/productchanges.h"
#include "pipeline/syncreport.h"
#include "shopify/productwriter.h"
#include "shopify/shopifyclient.h"
#include "storage/databasewriter.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace tagdesk {

struct SyncServices {
    DatabaseWriter *writer = nullptr;
    ShopifyClient *shopify = nullptr;
    QString who; // recorded in the push log
    // A push of at least this many products sends its writes as bulk mutations (one per
    // kind of write, with per-line results) instead of a few calls per product.
    int bulkThreshold = Preferences::defaultBulkPushMin;
    int bulkPollMs = 1000;
};

struct SyncContext;
class SyncRecorder;
class ProductSync;
class BulkPushWriter;

// Pushes a job's approved products to Shopify, or reverts its pushes, one product at a
// time:
//   1. re-read the product; if a field about to be written changed since the snapshot —
//      since our push, for a revert — it is a conflict and nothing is written. Only those
//      fields count (for tags, the tags added or removed): updatedAt moves for edits
//      Tagdesk does not touch, such as inventory or the title;
//   2. record the plan as "in flight", then write it (tag deltas, metafields with
//      compareDigest, productUpdate, fileUpdate);
//   3. read it back: a write Shopify accepted but did not apply is a failure (and a write
//      that failed is read back too: one that landed whole anyway is a write done);
//   4. log the values replaced and Shopify's answers, and mark the product pushed.
// A kill at any moment leaves the plan in flight in the database; the next run re-reads
// the product and accepts, per field, either the value before or the value written, so
// nothing is pushed twice and nothing approved is lost. When the store cannot be reached
// the run stops and the rest stay queued ("Ready to sync").
// The runner walks the queue; its steps are ProductSync (check, write and read back one
// product), BulkPushWriter (the bulk-mutation mode of a large push: the writes of every
// checked product as one bulk mutation per kind, its checks and read-backs read a batch at
// a time by ProductReadAhead) and SyncRecorder (each product's outcome); SyncDirection
// holds what differs between a push and a revert.
class SyncRunner : public QObject {
    Q_OBJECT
public:
    enum class Mode { Push, Revert };

    SyncRunner(SyncServices services, qint64 jobId, Mode mode, QStringList productIds = {},
               QObject *parent = nullptr);
    ~SyncRunner() override;

    void start();
    // Finishes the product in flight, then stops; the rest stay queued.
    void cancel();

signals:
    void progress(qint64 done, qint64 total);
    void finished(const tagdesk::Result<tagdesk::SyncReport> &report);

private:
    void load();
    void next();
    void writable(const ProductChange &change, const ProductSnapshot &remote);
    void settleBulk();
    void advance();
    void unreachable(const Error &error);
    void lostInFlight(const ProductChange &change, const Error &error);
    void finish();

    qint64 m_jobId;
    QStringList m_productIds;
    std::unique_ptr<SyncContext> m_sync;
    // The steps (after the context, which they use): outcomes, one product, bulk mode.
    std::unique_ptr<SyncRecorder> m_recorder;
    std::unique_ptr<ProductSync> m_product;
    std::unique_ptr<BulkPushWriter> m_bulkWriter;
    QList<ProductChange> m_changes;
    qsizetype m_index = 0;
    bool m_bulk = false;
    qsizetype m_settling = -1; // bulk: the checked product being settled, -1 before
    bool m_cancelled = false;
};

} // namespace tagdesk

#pragma once

#include "domain/jobstatus.h"
#include "domain/product.h"
#include "storage/connection.h"

#include <QHash>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace tagdesk {

// The job_products table: which products a job holds, where each one is, its snapshot.
class JobProductRepository {
public:
    explicit JobProductRepository(Connection &conn)
        : m_conn(conn) {}

    // Adds products to a job (skipping ones it already has), keeping their order.
    Status addProducts(qint64 jobId, const QList<JobProduct> &products);
    // A page of a job's products in selection order (snapshots included).
    Result<QList<JobProduct>> list(qint64 jobId, int offset = 0, int limit = -1);
    Result<JobProduct> find(qint64 jobId, const QString &productId);
    // The pipeline stage of each of these products the job has, by id (no snapshots read).
    Result<QHash<QString, PipelineStage>> stages(qint64 jobId, const QStringList &productIds);
    // The error for a product the job does not have.
    static Error noSuchProduct(qint64 jobId, const QString &productId);
    // These products of the job (those it has), in the job's order.
    Result<QList<JobProduct>> some(qint64 jobId, const QStringList &productIds);
    // Up to `limit` products of a job at one pipeline stage, in selection order; with
    // `after`, only those that come after that product in that order (keyset paging: a
    // step reads its next batch while the last one's products are still at that stage).
    Result<QList<JobProduct>> inStage(qint64 jobId, PipelineStage stage, int limit,
                                      const JobProduct *after = nullptr);
    // After a crash or kill: products caught mid-download or mid-analysis go back to the
    // stage before, so the next run does that step again. Returns how many moved.
    Result<int> resetInterrupted(qint64 jobId);
    Result<int> count(qint64 jobId);

    // Products of a job in any of the given sync states, in selection order.
    Result<QList<JobProduct>> inSync(qint64 jobId, const QList<SyncState> &states);
    // After a kill mid-push or mid-revert: those products go back to the state before, and
    // keep the plan they were writing (see pushPlan). Returns how many moved.
    Result<int> resetInterruptedSync(qint64 jobId);

    // Where one product is saved when it overrides the job's choice ("tags,type"); empty
    // when it does not.
    Result<QString> destinationsOverride(qint64 jobId, const QString &productId);
    Status setDestinationsOverride(qint64 jobId, const QString &productId, const QString &keys);
    // Every override of a job at once, by product id (products without one are absent).
    Result<QHash<QString, QString>> destinationsOverrides(qint64 jobId);

    // The plan a push (or revert) of the product was writing when it stopped; empty when
    // none is in flight. Kept until the write is confirmed, so a resumed push knows which
    // values may already be Shopify's.
    Result<QJsonObject> pushPlan(qint64 jobId, const QString &productId);
    Status setPushPlan(qint64 jobId, const QString &productId, const QJsonObject &plan);
    // Every plan in flight of a job at once, by product id.
    Result<QHash<QString, QJsonObject>> pushPlans(qint64 jobId);

    // The reviewer's "come back to it later" mark.
    Status setFlagged(qint64 jobId, const QString &productId, bool flagged);
    Status setProgress(qint64 jobId, const QString &productId, const ProductProgress &progress,
                       const QString &error = {});
    Status setSnapshot(qint64 jobId, const ProductSnapshot &snapshot);
    // Several fetched products at once, as the fetch step stores them: each its copy from
    // the store and the stage Fetched — or, when the store no longer has it (no snapshot),
    // the stage Failed with `goneError` — by one statement prepared once, not two prepared
    // per product. Review and sync states stay the product's own.
    struct Fetched {
        Fetched() = default;
        // Makes the snapshot's stored text here, on the thread that fetched it: making it
        // on the one writer thread was most of that thread's work per product (callgrind,
        // BENCHMARKS.md "P3 profiled"), while the fetch step's threads wait on the network.
        Fetched(JobProduct product, std::optional<ProductSnapshot> snapshot)
            : product(std::move(product))
            , snapshot(std::move(snapshot))
            , snapshotText(this->snapshot ? this->snapshot->toJsonText() : QString()) {}

        JobProduct product;
        std::optional<ProductSnapshot> snapshot = {};
        QString snapshotText = {}; // snapshot->toJsonText(); empty without a snapshot
    };
    Status storeFetched(qint64 jobId, const QList<Fetched> &fetched, const QString &goneError);

    // How many products of one job are in each state; cheap (one GROUP BY).
    Result<ProductTally> tally(qint64 jobId);
    // The same for every job at once, for the job list.
    Result<QHash<qint64, ProductTally>> tallies();
    // Products of every job in one sync state (e.g. queued: what waits to be pushed).
    Result<qint64> countInSync(SyncState state);

private:
    // SELECT `what` of these products of the job (at most one chunk, see inChunks), `order`
    // appended.
    Result<QSqlQuery> selectAmong(qint64 jobId, const QString &what, const QStringList &ids,
                                  const QString &order = {});
    // One product's row: `assignments` ("flagged = ?") with `values` bound in order; a
    // product the job does not have is NotFound.
    Status updateOne(qint64 jobId, const QString &productId, const QString &assignments,
                     QVariantList values, const QString &doing);

    Connection &m_conn;
};

} // namespace tagdesk

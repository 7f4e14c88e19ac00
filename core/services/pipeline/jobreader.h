#pragma once

#include "domain/databaseconfig.h"
#include "domain/job.h"
#include "domain/jobstatus.h"
#include "domain/productlist.h"
#include "domain/pushrecord.h"
#include "domain/suggestion.h"
#include "pipeline/productchange.h"
#include "sync/productreview.h"
#include "util/result.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QStringList>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace tagdesk {

// A job with what the job list shows about it.
struct JobSummary {
    Job job;
    ProductTally tally;
    JobStatus status = JobStatus::Created;
};

// A job with every product (snapshots included) and their suggestions by product id.
struct JobDetail {
    JobSummary summary;
    QList<JobProduct> products;
    QHash<QString, QList<Suggestion>> suggestions;
};

// Everything the screens and commands read from the job database: the job list, one job,
// its product rows, previews, the push history, conflicts and the CSV export. Each thread
// that reads gets one connection of its own, opened at its first read and closed when the
// thread ends (Qt SQL connections must not cross threads). Reads never go through the
// DatabaseWriter's queue: with SQLite's WAL and PostgreSQL's MVCC a read goes on while the
// writer holds a transaction, and sees what was committed before it.
//
// A handle: copies share the connections, which close when the last copy is gone. The
// functions read on the calling thread; inBackground() runs one on the thread pool, for
// the GUI thread, which never waits on the database.
class JobReader {
public:
    // The database must exist and be migrated (see JobDatabase); nothing is opened yet.
    explicit JobReader(DatabaseConfig config);

    // Rows per page of the job view's product table.
    static constexpr int defaultPageSize = 200;

    const DatabaseConfig &config() const;

    // Every job (archived or not) with its products' tally and derived status.
    Result<QList<JobSummary>> jobs(bool archived) const;
    Result<Job> job(qint64 jobId) const;
    Result<JobSummary> summary(qint64 jobId) const;
    Result<JobDetail> detail(qint64 jobId) const;
    // Only these products of the job, snapshots included (what History and Conflicts name).
    Result<QList<JobProduct>> products(qint64 jobId, const QStringList &productIds) const;

    // The job view: a page of rows (up to `limit` after `after`: the last row's `next`, or
    // the default for the first page), how many match in all, and the confidence overview.
    Result<QList<ProductRow>> productRows(const ProductListQuery &query, const ProductCursor &after,
                                          int limit) const;
    Result<qint64> productCount(const ProductListQuery &query) const;
    Result<ConfidenceOverview> confidence(qint64 jobId) const;
    // One product as the review panel shows it: images, suggestions beside the store's
    // values, decisions, where each value goes, and the before → after.
    Result<ProductReview> productReview(qint64 jobId, const QString &productId) const;
    // The products waiting for review that the review can decide with this one (same
    // suggestions, or a shared photo).
    Result<ProductGroup> productGroup(qint64 jobId, const QString &productId) const;
    // The ids of the products a query lists, in its order (the review panel's queue).
    Result<QStringList> productIds(const ProductListQuery &query) const;
    // Of the products the job's last `count` decisions (not yet undone) were about, those
    // already pushed: undoing those decisions means reverting these pushes first.
    Result<QList<JobProduct>> pushedByLastDecisions(qint64 jobId, int count) const;
    // Products of every job queued for sync: what the status bar calls "pending syncs".
    Result<qint64> queuedSyncs() const;

    // The before → after of the given products (all analysed, not rejected ones if none
    // are given), whether or not they are approved yet.
    Result<QList<ProductChange>> preview(qint64 jobId, const QStringList &productIds) const;
    // A job's pushes and reverts, oldest first; one product's if productId is given.
    Result<QList<PushRecord>> history(qint64 jobId, const QString &productId) const;
    // Products Shopify changed since they were fetched, not yet settled.
    Result<QList<Conflict>> conflicts(qint64 jobId) const;
    // Writes the job as a spreadsheet to `path` (see csvexport); gives the product rows.
    Result<int> exportCsv(qint64 jobId, const QString &path) const;

    // Runs one of the reads above on the thread pool, with that thread's connection:
    // reader.inBackground(&JobReader::summary, jobId).then(context, …).
    template <typename R, typename... Params, typename... Args>
    QFuture<R> inBackground(R (JobReader::*read)(Params...) const, Args... args) const {
        return QtConcurrent::run(
            [reader = *this, read, args...] { return (reader.*read)(args...); });
    }

private:
    struct Connections;
    template <typename T, typename F> Result<T> withConnection(F &&read) const;

    std::shared_ptr<Connections> m_connections;
};

} // namespace tagdesk

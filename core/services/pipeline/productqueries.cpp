#include "pipeline/productqueries.h"

#include <QCoreApplication>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(ProductQueries)
};

// Which products a filter keeps, as an SQL condition on job_products `jp`.
QString filterCondition(ProductFilter filter) {
    switch (filter) {
    case ProductFilter::All:
        return QStringLiteral("1 = 1");
    case ProductFilter::Pending:
        return QStringLiteral("jp.stage = 'analysed' AND jp.review = 'pending'");
    case ProductFilter::Approved:
        return QStringLiteral("jp.review = 'approved'");
    case ProductFilter::Rejected:
        return QStringLiteral("jp.review = 'rejected'");
    case ProductFilter::Conflicts:
        return QStringLiteral("jp.sync = 'conflict'");
    case ProductFilter::Errors:
        return QStringLiteral("(jp.stage = 'failed' OR jp.sync = 'failed' OR jp.error <> '')");
    }
    return QStringLiteral("1 = 1");
}

const QString suggestionCount = QStringLiteral(
    "(SELECT COUNT(*) FROM suggestions s WHERE s.job_id = jp.job_id AND s.product_id = "
    "jp.product_id)");
const QString lowestConfidence =
    QStringLiteral("(SELECT MIN(s.confidence) FROM suggestions s WHERE s.job_id = jp.job_id AND "
                   "s.product_id = jp.product_id)");
const QString firstImage = QStringLiteral(
    "(SELECT pi.sha256 FROM product_images pi WHERE pi.job_id = jp.job_id AND "
    "pi.product_id = jp.product_id AND pi.sha256 IS NOT NULL ORDER BY pi.position LIMIT 1)");

QString orderBy(const ProductListQuery &q) {
    const QString direction = q.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    QString key;
    switch (q.order) {
    case ProductOrder::Position:
        key = QStringLiteral("jp.position");
        break;
    case ProductOrder::Title:
        key = QStringLiteral("LOWER(jp.title)");
        break;
    case ProductOrder::Review:
        key = QStringLiteral("jp.review");
        break;
    case ProductOrder::Sync:
        key = QStringLiteral("jp.sync");
        break;
    case ProductOrder::Suggestions:
        key = QStringLiteral("suggestion_count");
        break;
    case ProductOrder::LowestConfidence:
        // Products without suggestions sort as the least sure.
        key = QStringLiteral("COALESCE(lowest_confidence, -1)");
        break;
    }
    // Position breaks ties, so paging is stable. (arg, not a chain of +: GCC 12 at -O2
    // misreads the string builder with -Warray-bounds.)
    return QStringLiteral("%1%2, jp.position%2").arg(key, direction);
}

// Hundredths, rounding a stored 0.7 (0.69999…) to 70 as the comparison in SQL would not
// fall below it.
int hundredths(double confidence) {
    return std::clamp(int(std::floor(confidence * 100.0 + 1e-7)), 0, 100);
}

template <typename T, typename F> QFuture<Result<T>> onOwnConnection(const DatabaseConfig &c, F f) {
    return QtConcurrent::run([c, f]() -> Result<T> {
        auto conn = Connection::open(c);
        if (!conn)
            return conn.error();
        return f(*conn.value());
    });
}
} // namespace

qint64 ConfidenceOverview::pendingAtOrAbove(double threshold) const {
    const int from = hundredths(threshold);
    qint64 n = 0;
    for (int i = from; i < int(pendingByLowest.size()); ++i)
        n += pendingByLowest[size_t(i)];
    return n;
}

qint64 ConfidenceOverview::totalSuggestions() const {
    qint64 n = 0;
    for (qint64 bin : suggestionBins)
        n += bin;
    return n;
}

namespace productqueries {

Result<QList<ProductRow>> readRowsNow(Connection &conn, const ProductListQuery &query, int offset,
                                      int limit) {
    const QString sql =
        QStringLiteral("SELECT jp.product_id, jp.position, jp.title, jp.stage, jp.review, "
                       "jp.sync, jp.error, %1 AS suggestion_count, %2 AS lowest_confidence, "
                       "%3 AS thumbnail FROM job_products jp WHERE jp.job_id = ? AND %4 "
                       "ORDER BY %5 LIMIT ? OFFSET ?")
            .arg(suggestionCount, lowestConfidence, firstImage, filterCondition(query.filter),
                 orderBy(query));
    auto q = runSql(conn.db(), sql, {query.jobId, limit, offset},
                    Texts::tr("reading the products of job %1").arg(query.jobId));
    if (!q)
        return q.error();
    QList<ProductRow> rows;
    while (q->next()) {
        ProductRow r;
        r.productId = q->value(0).toString();
        r.position = q->value(1).toInt();
        r.title = q->value(2).toString();
        const auto stage = stageFromKey(q->value(3).toString());
        const auto review = reviewFromKey(q->value(4).toString());
        const auto sync = syncFromKey(q->value(5).toString());
        if (!stage || !review || !sync)
            return Error::storage(
                Texts::tr("Product %1 of job %2 has an unknown state (%3/%4/%5)")
                    .arg(r.productId)
                    .arg(query.jobId)
                    .arg(q->value(3).toString(), q->value(4).toString(), q->value(5).toString()));
        r.progress = {*stage, *review, *sync};
        r.error = q->value(6).toString();
        r.suggestions = q->value(7).toInt();
        if (!q->value(8).isNull())
            r.lowestConfidence = q->value(8).toDouble();
        r.thumbnailSha256 = q->value(9).toString();
        rows.append(std::move(r));
    }
    return rows;
}

Result<qint64> countRowsNow(Connection &conn, const ProductListQuery &query) {
    auto q =
        runSql(conn.db(),
               QStringLiteral("SELECT COUNT(*) FROM job_products jp WHERE jp.job_id = ? AND ") +
                   filterCondition(query.filter),
               {query.jobId}, Texts::tr("counting the products of job %1").arg(query.jobId));
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toLongLong() : 0;
}

Result<ConfidenceOverview> confidenceOverviewNow(Connection &conn, qint64 jobId) {
    ConfidenceOverview overview;
    auto bins = runSql(conn.db(),
                       QStringLiteral("SELECT CAST(confidence * 10 AS INTEGER) AS bin, COUNT(*) "
                                      "FROM suggestions WHERE job_id = ? GROUP BY bin"),
                       {jobId}, Texts::tr("reading the confidence of job %1").arg(jobId));
    if (!bins)
        return bins.error();
    while (bins->next()) {
        const int bin = std::clamp(bins->value(0).toInt(), 0, 9); // 1.0 goes with 0.9…
        overview.suggestionBins[size_t(bin)] += bins->value(1).toLongLong();
    }
    auto lowest = runSql(
        conn.db(),
        QStringLiteral("SELECT MIN(s.confidence) FROM job_products jp JOIN suggestions s ON "
                       "s.job_id = jp.job_id AND s.product_id = jp.product_id WHERE jp.job_id = ? "
                       "AND jp.stage = 'analysed' AND jp.review = 'pending' GROUP BY "
                       "jp.product_id"),
        {jobId}, Texts::tr("reading the confidence of job %1").arg(jobId));
    if (!lowest)
        return lowest.error();
    while (lowest->next())
        ++overview.pendingByLowest[size_t(hundredths(lowest->value(0).toDouble()))];
    return overview;
}

QFuture<Result<QList<ProductRow>>> readRows(const DatabaseConfig &config,
                                            const ProductListQuery &query, int offset, int limit) {
    return onOwnConnection<QList<ProductRow>>(config, [query, offset, limit](Connection &conn) {
        return readRowsNow(conn, query, offset, limit);
    });
}

QFuture<Result<qint64>> countRows(const DatabaseConfig &config, const ProductListQuery &query) {
    return onOwnConnection<qint64>(config,
                                   [query](Connection &conn) { return countRowsNow(conn, query); });
}

QFuture<Result<ConfidenceOverview>> confidenceOverview(const DatabaseConfig &config, qint64 jobId) {
    return onOwnConnection<ConfidenceOverview>(
        config, [jobId](Connection &conn) { return confidenceOverviewNow(conn, jobId); });
}

QFuture<Result<qint64>> countQueuedSyncs(const DatabaseConfig &config) {
    return onOwnConnection<qint64>(config, [](Connection &conn) -> Result<qint64> {
        auto q = runSql(conn.db(),
                        QStringLiteral("SELECT COUNT(*) FROM job_products WHERE sync = 'queued'"),
                        {}, Texts::tr("counting the products waiting to sync"));
        if (!q)
            return q.error();
        return q->next() ? q->value(0).toLongLong() : 0;
    });
}

} // namespace productqueries

} // namespace tagdesk

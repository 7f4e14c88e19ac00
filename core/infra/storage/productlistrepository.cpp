#include "storage/productlistrepository.h"

#include <QCoreApplication>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(ProductListRepository)
};

// Which products a filter keeps: an SQL condition on job_products `jp`, with the state
// keys it compares against as values to bind (the domain's keys, never spelled here).
struct Condition {
    QString sql;
    QVariantList binds;
};

Condition filterCondition(ProductFilter filter) {
    switch (filter) {
    case ProductFilter::All:
        return {QStringLiteral("1 = 1"), {}};
    case ProductFilter::Pending:
        return {QStringLiteral("jp.stage = ? AND jp.review = ?"),
                {stageKey(PipelineStage::Analysed), reviewKey(ReviewState::Pending)}};
    case ProductFilter::Approved:
        return {QStringLiteral("jp.review = ?"), {reviewKey(ReviewState::Approved)}};
    case ProductFilter::Rejected:
        return {QStringLiteral("jp.review = ?"), {reviewKey(ReviewState::Rejected)}};
    case ProductFilter::Conflicts:
        return {QStringLiteral("jp.sync = ?"), {syncKey(SyncState::Conflict)}};
    case ProductFilter::Errors:
        // A skipped product keeps its reason in `error`, but it is no error.
        return {
            QStringLiteral("(jp.stage = ? OR jp.sync = ? OR (jp.error <> '' AND jp.stage <> ?))"),
            {stageKey(PipelineStage::Failed), syncKey(SyncState::Failed),
             stageKey(PipelineStage::Skipped)}};
    case ProductFilter::Flagged:
        return {QStringLiteral("jp.flagged = 1"), {}};
    case ProductFilter::SyncQueue:
        return {
            QStringLiteral("jp.sync IN (?, ?, ?)"),
            {syncKey(SyncState::Queued), syncKey(SyncState::Pushing), syncKey(SyncState::Failed)}};
    }
    return {QStringLiteral("1 = 1"), {}};
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

// The expression a query sorts by (before the position and id that break ties).
QString sortKey(const ProductListQuery &q) {
    switch (q.order) {
    case ProductOrder::Position:
        break;
    case ProductOrder::Title:
        return QStringLiteral("LOWER(jp.title)");
    case ProductOrder::Review:
        return QStringLiteral("jp.review");
    case ProductOrder::Sync:
        return QStringLiteral("jp.sync");
    case ProductOrder::Suggestions:
        return suggestionCount;
    case ProductOrder::LowestConfidence:
        // Products without suggestions sort as the least sure.
        return QStringLiteral("COALESCE(%1, -1)").arg(lowestConfidence);
    case ProductOrder::Flagged:
        return QStringLiteral("(1 - jp.flagged)");
    }
    return QStringLiteral("jp.position");
}

QString orderBy(const ProductListQuery &q) {
    const QString direction = q.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    // Position, then the id, break ties, so paging is stable. PostgreSQL takes an output
    // column's name in ORDER BY only on its own, not inside an expression
    // (postgresql.org/docs/current/queries-order.html): the key is named sort_key, and no
    // subquery runs twice per row. (arg, not a chain of +: GCC 12 at -O2 misreads the
    // string builder with -Warray-bounds.)
    // On the position order that is the index's own order, nothing left to sort.
    if (q.order == ProductOrder::Position)
        return QStringLiteral("jp.position%1, jp.product_id%1").arg(direction);
    return QStringLiteral("sort_key%1, jp.position%1, jp.product_id%1").arg(direction);
}
} // namespace

Result<QList<ProductRow>> ProductListRepository::rows(const ProductListQuery &query,
                                                      const ProductCursor &after, int limit) {
    const Condition filter = filterCondition(query.filter);
    const QString key = sortKey(query);
    QVariantList binds{query.jobId};
    binds += filter.binds;
    // Keyset paging: the rows after the cursor's, compared as the ORDER BY sorts (row
    // values: sqlite.org/rowvalue.html, postgresql.org/docs/current/functions-comparisons.html).
    // On the position order the index on (job_id, position, product_id) finds them.
    QString page;
    if (!after.atStart) {
        const QString op = query.descending ? QStringLiteral("<") : QStringLiteral(">");
        if (query.order == ProductOrder::Position) {
            page = QStringLiteral(" AND (jp.position, jp.product_id) %1 (?, ?)").arg(op);
        } else {
            page =
                QStringLiteral(" AND (%1, jp.position, jp.product_id) %2 (?, ?, ?)").arg(key, op);
            binds << after.sortKey;
        }
        binds << after.position << after.productId;
    }
    binds << limit;
    const QString sql =
        QStringLiteral("SELECT jp.product_id, jp.position, jp.title, jp.stage, jp.review, "
                       "jp.sync, jp.error, %1 AS suggestion_count, %2 AS lowest_confidence, "
                       "%3 AS thumbnail, jp.flagged, %4 AS sort_key FROM job_products jp WHERE "
                       "jp.job_id = ? AND %5%6 ORDER BY %7 LIMIT ?")
            .arg(suggestionCount, lowestConfidence, firstImage, key, filter.sql, page,
                 orderBy(query));
    auto q = runSql(m_conn.db(), sql, binds,
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
        r.flagged = q->value(10).toInt() != 0;
        r.next = {false, q->value(11), r.position, r.productId};
        rows.append(std::move(r));
    }
    return rows;
}

Result<QStringList> ProductListRepository::ids(const ProductListQuery &query) {
    const Condition filter = filterCondition(query.filter);
    // The sort key is selected too: the ORDER BY names it (see orderBy).
    const QString sql = QStringLiteral("SELECT jp.product_id, %1 AS sort_key FROM job_products "
                                       "jp WHERE jp.job_id = ? AND %2 ORDER BY %3")
                            .arg(sortKey(query), filter.sql, orderBy(query));
    auto q = runSql(m_conn.db(), sql, QVariantList{query.jobId} + filter.binds,
                    Texts::tr("listing the products of job %1").arg(query.jobId));
    if (!q)
        return q.error();
    QStringList ids;
    while (q->next())
        ids << q->value(0).toString();
    return ids;
}

Result<qint64> ProductListRepository::count(const ProductListQuery &query) {
    const Condition filter = filterCondition(query.filter);
    auto q =
        runSql(m_conn.db(),
               QStringLiteral("SELECT COUNT(*) FROM job_products jp WHERE jp.job_id = ? AND ") +
                   filter.sql,
               QVariantList{query.jobId} + filter.binds,
               Texts::tr("counting the products of job %1").arg(query.jobId));
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toLongLong() : 0;
}

Result<ConfidenceOverview> ProductListRepository::confidenceOverview(qint64 jobId) {
    ConfidenceOverview overview;
    // The tenth a confidence falls in, rounded down: SQLite's CAST truncates, PostgreSQL's
    // rounds (0.55 would land in 0.6), and SQLite has FLOOR only when built with its math
    // functions.
    const QString tenth = m_conn.dialect() == SqlDialect::Sqlite
                              ? QStringLiteral("CAST(confidence * 10 AS INTEGER)")
                              : QStringLiteral("CAST(FLOOR(confidence * 10) AS INTEGER)");
    auto bins = runSql(m_conn.db(),
                       QStringLiteral("SELECT %1 AS bin, COUNT(*) FROM suggestions WHERE job_id "
                                      "= ? GROUP BY bin")
                           .arg(tenth),
                       {jobId}, Texts::tr("reading the confidence of job %1").arg(jobId));
    if (!bins)
        return bins.error();
    while (bins->next()) {
        const int bin = ConfidenceOverview::binOf(bins->value(0).toInt());
        overview.suggestionBins[size_t(bin)] += bins->value(1).toLongLong();
    }
    auto lowest = runSql(
        m_conn.db(),
        QStringLiteral("SELECT MIN(s.confidence) FROM job_products jp JOIN suggestions s ON "
                       "s.job_id = jp.job_id AND s.product_id = jp.product_id WHERE jp.job_id = ? "
                       "AND jp.stage = ? AND jp.review = ? GROUP BY jp.product_id"),
        {jobId, stageKey(PipelineStage::Analysed), reviewKey(ReviewState::Pending)},
        Texts::tr("reading the confidence of job %1").arg(jobId));
    if (!lowest)
        return lowest.error();
    while (lowest->next())
        ++overview
              .pendingByLowest[size_t(ConfidenceOverview::hundredths(lowest->value(0).toDouble()))];
    return overview;
}

Result<ProductGroup> ProductListRepository::group(qint64 jobId, const QString &productId) {
    const QVariantList waiting{stageKey(PipelineStage::Analysed), reviewKey(ReviewState::Pending)};
    ProductGroup group;
    auto own = runSql(m_conn.db(),
                      QStringLiteral("SELECT attribute, value FROM suggestions WHERE job_id = ? "
                                     "AND product_id = ?"),
                      {jobId, productId},
                      Texts::tr("reading the suggestions of product %1").arg(productId));
    if (!own)
        return own.error();
    QStringList pairs;
    QVariantList pairBinds;
    while (own->next()) {
        pairs << QStringLiteral("(s.attribute = ? AND s.value = ?)");
        pairBinds << own->value(0) << own->value(1);
    }
    const auto idsOf = [](QSqlQuery &q) {
        QStringList ids;
        while (q.next())
            ids << q.value(0).toString();
        return ids;
    };
    if (!pairs.isEmpty()) {
        // Every one of its values, and no other attribute.
        const QString sql =
            QStringLiteral(
                "SELECT s.product_id, MIN(jp.position) AS pos FROM suggestions s JOIN "
                "job_products jp ON jp.job_id = s.job_id AND jp.product_id = s.product_id "
                "WHERE s.job_id = ? AND s.product_id <> ? AND jp.stage = ? AND jp.review = ? "
                "AND (%1) GROUP BY s.product_id HAVING COUNT(*) = ? AND (SELECT COUNT(*) FROM "
                "suggestions t WHERE t.job_id = ? AND t.product_id = s.product_id) = ? "
                "ORDER BY pos")
                .arg(pairs.join(QStringLiteral(" OR ")));
        auto same = runSql(m_conn.db(), sql,
                           QVariantList{jobId, productId} + waiting + pairBinds +
                               QVariantList{pairs.size(), jobId, pairs.size()},
                           Texts::tr("finding products like %1").arg(productId));
        if (!same)
            return same.error();
        group.sameSuggestions = idsOf(*same);
    }
    auto shared = runSql(
        m_conn.db(),
        QStringLiteral("SELECT b.product_id, MIN(jp.position) AS pos FROM product_images a JOIN "
                       "product_images b ON b.sha256 = a.sha256 AND b.job_id = a.job_id JOIN "
                       "job_products jp ON jp.job_id = b.job_id AND jp.product_id = b.product_id "
                       "WHERE a.job_id = ? AND a.product_id = ? AND a.sha256 IS NOT NULL AND "
                       "b.product_id <> a.product_id AND jp.stage = ? AND jp.review = ? "
                       "GROUP BY b.product_id ORDER BY pos"),
        QVariantList{jobId, productId} + waiting,
        Texts::tr("finding products sharing a photo with %1").arg(productId));
    if (!shared)
        return shared.error();
    group.sameImage = idsOf(*shared);
    return group;
}

} // namespace tagdesk

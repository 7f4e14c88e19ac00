#include "storage/bulkreviewrepository.h"

#include "domain/productlist.h"
#include "storage/revieweventrepository.h"

#include <QCoreApplication>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(ReviewService)
};

// One statement's worth of a scope: the products it covers as SQL on job_products `jp`
// (`from` may join the named ids as `sel`), with the values to bind, and their order.
struct Part {
    QString from;
    QVariantList fromBinds;
    QString where;
    QVariantList whereBinds;
    QString order;
    // The UPDATE cannot join: the same products by a condition on `jp` alone.
    QString updateWhere;
    QVariantList updateBinds;
};

QList<Part> partsOf(qint64 jobId, const ReviewScope &scope, const ReviewChange &change) {
    if (scope.kind == ReviewScope::Kind::Waiting) {
        Part part;
        part.from = QStringLiteral("job_products jp");
        part.where = QStringLiteral("jp.job_id = ? AND jp.stage = ? AND jp.review = ?");
        part.whereBinds = {jobId, stageKey(PipelineStage::Analysed),
                           reviewKey(ReviewState::Pending)};
        if (scope.minConfidence) {
            // ConfidenceOverview's rule on the product's lowest suggestion: the lowest is at
            // or above exactly when every one is, and a product without suggestions has no
            // lowest (NULL), so it is never chosen.
            const QString lowest = QStringLiteral(
                "(SELECT MIN(s.confidence) FROM suggestions s WHERE s.job_id = jp.job_id AND "
                "s.product_id = jp.product_id)");
            const int bound = ConfidenceOverview::atOrAboveBound(*scope.minConfidence);
            if (bound <= 0) {
                part.where += QStringLiteral(" AND %1 IS NOT NULL").arg(lowest);
            } else {
                part.where += QStringLiteral(" AND %1 * 100 + ? >= ?").arg(lowest);
                part.whereBinds << ConfidenceOverview::hundredthsSlack << double(bound);
            }
        }
        part.order = QStringLiteral("jp.position, jp.product_id");
        part.updateWhere = part.where;
        part.updateBinds = part.whereBinds;
        return {part};
    }

    QStringList ids = scope.productIds;
    ids.removeDuplicates();
    QList<Part> parts;
    qsizetype ordinal = 0;
    for (const QStringList &chunk : inChunks(ids)) {
        Part part;
        // VALUES names its columns column1, column2 in both SQLite and PostgreSQL
        // (sqlite.org/lang_select.html, postgresql.org/docs/current/queries-values.html).
        QStringList rows;
        for (const QString &id : chunk) {
            rows << QStringLiteral("(%1, ?)").arg(ordinal++);
            part.fromBinds << id;
        }
        part.from = QStringLiteral("job_products jp JOIN (VALUES %1) AS sel ON sel.column2 = "
                                   "jp.product_id")
                        .arg(rows.join(QStringLiteral(", ")));
        part.where = QStringLiteral("jp.job_id = ? AND jp.review <> ?");
        part.whereBinds = {jobId, reviewKey(change.review)};
        part.order = QStringLiteral("sel.column1");
        part.updateWhere =
            part.where +
            QStringLiteral(" AND jp.product_id IN (%1)").arg(placeholders(chunk.size()));
        part.updateBinds = part.whereBinds;
        for (const QString &id : chunk)
            part.updateBinds << id;
        parts << part;
    }
    return parts;
}
} // namespace

Result<std::optional<std::pair<QString, SyncState>>>
BulkReviewRepository::firstInSync(qint64 jobId, const ReviewScope &scope,
                                  const ReviewChange &change, const QList<SyncState> &states) {
    QVariantList stateKeys;
    for (SyncState state : states)
        stateKeys << syncKey(state);
    for (const Part &part : partsOf(jobId, scope, change)) {
        auto q = runSql(m_conn.db(),
                        QStringLiteral("SELECT jp.product_id, jp.sync FROM %1 WHERE %2 AND "
                                       "jp.sync IN (%3) ORDER BY %4 LIMIT 1")
                            .arg(part.from, part.where, placeholders(states.size()), part.order),
                        part.fromBinds + part.whereBinds + stateKeys,
                        Texts::tr("reading the products of job %1").arg(jobId));
        if (!q)
            return q.error();
        if (q->next())
            return std::optional(
                std::pair(q->value(0).toString(), syncFromKey(q->value(1).toString()).value()));
    }
    return std::optional<std::pair<QString, SyncState>>();
}

Result<int> BulkReviewRepository::apply(qint64 jobId, const ReviewScope &scope,
                                        const ReviewChange &change) {
    const QString doing = Texts::tr("recording a review decision");
    const QString keptDestinations = destinationsJsonSql(QStringLiteral("jp.destinations"));
    const QString before =
        reviewStateJsonSql(keptDestinations, QStringLiteral("jp.stage"),
                           QStringLiteral("jp.review"), QStringLiteral("jp.sync"));
    const QString after =
        reviewStateJsonSql(change.destinations ? QStringLiteral("?") : keptDestinations,
                           QStringLiteral("jp.stage"), QStringLiteral("?"), QStringLiteral("?"));
    QVariantList afterBinds;
    if (change.destinations)
        afterBinds << (change.destinations->isEmpty()
                           ? QStringLiteral("null")
                           : QStringLiteral("\"%1\"").arg(*change.destinations));
    afterBinds << reviewKey(change.review) << syncKey(change.sync);
    const QString at = toDbTime(change.at);

    // The events first, while the rows still hold the state before; each part's events
    // are inserted in its order, so their ids follow it.
    const QList<Part> parts = partsOf(jobId, scope, change);
    int changed = 0;
    for (const Part &part : parts) {
        auto q = runSql(
            m_conn.db(),
            QStringLiteral("INSERT INTO review_events (job_id, product_id, attribute, "
                           "before_state, after_state, decided_by, at) SELECT jp.job_id, "
                           "jp.product_id, '', %1, %2, ?, ? FROM %3 WHERE %4 ORDER BY %5")
                .arg(before, after, part.from, part.where, part.order),
            afterBinds + QVariantList{change.reviewer, at} + part.fromBinds + part.whereBinds,
            doing);
        if (!q)
            return q.error();
        changed += q->numRowsAffected();
    }
    QString set = QStringLiteral("review = ?, sync = ?, updated_at = ?");
    QVariantList setBinds{reviewKey(change.review), syncKey(change.sync), at};
    if (change.destinations) {
        set += QStringLiteral(", destinations = ?");
        // No override is NULL (as setDestinationsOverride writes it).
        setBinds << (change.destinations->isEmpty() ? QVariant() : QVariant(*change.destinations));
    }
    for (const Part &part : parts) {
        auto q = runSql(
            m_conn.db(),
            QStringLiteral("UPDATE job_products AS jp SET %1 WHERE %2").arg(set, part.updateWhere),
            setBinds + part.updateBinds, doing);
        if (!q)
            return q.error();
    }
    return changed;
}

} // namespace tagdesk

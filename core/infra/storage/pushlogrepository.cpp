#include "storage/pushlogrepository.h"

#include <QCoreApplication>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(PushLogRepository)
};

const QString pushColumns =
    QStringLiteral("id, job_id, product_id, kind, at, who, before_values, after_values, "
                   "shopify_answer, outcome, message, updated_at_after");

PushRecord pushFromRow(const QSqlQuery &q) {
    PushRecord r;
    r.id = q.value(0).toLongLong();
    r.jobId = q.value(1).toLongLong();
    r.productId = q.value(2).toString();
    r.kind = pushKindFromKey(q.value(3).toString()).value_or(PushRecord::Kind::Push);
    r.at = fromDbTime(q.value(4));
    r.who = q.value(5).toString();
    r.before = objectFromDb(q.value(6));
    r.after = objectFromDb(q.value(7));
    r.shopifyAnswer = objectFromDb(q.value(8));
    r.outcome = pushOutcomeFromKey(q.value(9).toString()).value_or(PushRecord::Outcome::Failed);
    r.message = q.value(10).toString();
    r.updatedAtAfter = fromDbTime(q.value(11));
    return r;
}

const QString conflictColumns =
    QStringLiteral("job_id, product_id, detected_at, snapshot_values, remote_values, "
                   "approved_values, resolution, resolved_at");

Conflict conflictFromRow(const QSqlQuery &q) {
    Conflict c;
    c.jobId = q.value(0).toLongLong();
    c.productId = q.value(1).toString();
    c.detectedAt = fromDbTime(q.value(2));
    c.snapshotValues = objectFromDb(q.value(3));
    c.remoteValues = objectFromDb(q.value(4));
    c.approvedValues = objectFromDb(q.value(5));
    c.resolution = q.value(6).toString();
    c.resolvedAt = fromDbTime(q.value(7));
    return c;
}
} // namespace

Result<qint64> PushLogRepository::append(const PushRecord &r) {
    auto q = runSql(
        m_conn.db(),
        QStringLiteral("INSERT INTO push_log (job_id, product_id, kind, at, who, before_values, "
                       "after_values, shopify_answer, outcome, message, updated_at_after) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {r.jobId, r.productId, pushKindKey(r.kind),
         toDbTime(r.at.isValid() ? r.at : QDateTime::currentDateTimeUtc()), r.who,
         toDbJson(r.before), toDbJson(r.after), toDbJson(r.shopifyAnswer),
         pushOutcomeKey(r.outcome), r.message,
         r.updatedAtAfter.isValid() ? toDbTime(r.updatedAtAfter) : QString()},
        Texts::tr("logging the push of product %1").arg(r.productId));
    if (!q)
        return q.error();
    if (!q->next())
        return Error::storage(Texts::tr("The database did not return the push log entry's id"));
    return q->value(0).toLongLong();
}

Result<QList<PushRecord>> PushLogRepository::forJob(qint64 jobId, const QString &productId) {
    QString sql =
        QStringLiteral("SELECT ") + pushColumns + QStringLiteral(" FROM push_log WHERE job_id = ?");
    QVariantList binds{jobId};
    if (!productId.isEmpty()) {
        sql += QStringLiteral(" AND product_id = ?");
        binds << productId;
    }
    sql += QStringLiteral(" ORDER BY id");
    auto q =
        runSql(m_conn.db(), sql, binds, Texts::tr("reading the push log of job %1").arg(jobId));
    if (!q)
        return q.error();
    QList<PushRecord> out;
    while (q->next())
        out.append(pushFromRow(q.value()));
    return out;
}

Result<std::optional<PushRecord>> PushLogRepository::revertible(qint64 jobId,
                                                                const QString &productId) {
    auto q =
        runSql(m_conn.db(),
               QStringLiteral("SELECT ") + pushColumns +
                   QStringLiteral(" FROM push_log WHERE job_id = ? AND product_id = ? AND "
                                  "outcome = 'succeeded' ORDER BY id DESC LIMIT 1"),
               {jobId, productId}, Texts::tr("reading the push log of product %1").arg(productId));
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<PushRecord>();
    PushRecord last = pushFromRow(q.value());
    if (last.kind != PushRecord::Kind::Push)
        return std::optional<PushRecord>();
    return std::optional<PushRecord>(last);
}

Status PushLogRepository::recordConflict(const Conflict &c) {
    const QString doing = Texts::tr("recording the conflict on product %1").arg(c.productId);
    if (auto del =
            runSql(m_conn.db(),
                   QStringLiteral("DELETE FROM conflicts WHERE job_id = ? AND product_id = ?"),
                   {c.jobId, c.productId}, doing);
        !del)
        return del.error();
    auto q =
        runSql(m_conn.db(),
               QStringLiteral("INSERT INTO conflicts (job_id, product_id, detected_at, "
                              "snapshot_values, remote_values, approved_values) "
                              "VALUES (?, ?, ?, ?, ?, ?)"),
               {c.jobId, c.productId,
                toDbTime(c.detectedAt.isValid() ? c.detectedAt : QDateTime::currentDateTimeUtc()),
                toDbJson(c.snapshotValues), toDbJson(c.remoteValues), toDbJson(c.approvedValues)},
               doing);
    return q ? Status{} : Status{q.error()};
}

Result<std::optional<Conflict>> PushLogRepository::conflict(qint64 jobId,
                                                            const QString &productId) {
    auto q =
        runSql(m_conn.db(),
               QStringLiteral("SELECT ") + conflictColumns +
                   QStringLiteral(" FROM conflicts WHERE job_id = ? AND product_id = ?"),
               {jobId, productId}, Texts::tr("reading the conflict on product %1").arg(productId));
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Conflict>();
    return std::optional<Conflict>(conflictFromRow(q.value()));
}

Result<QList<Conflict>> PushLogRepository::openConflicts(qint64 jobId) {
    auto q = runSql(m_conn.db(),
                    QStringLiteral("SELECT ") + conflictColumns +
                        QStringLiteral(" FROM conflicts WHERE job_id = ? AND resolution = '' "
                                       "ORDER BY product_id"),
                    {jobId}, Texts::tr("reading the conflicts of job %1").arg(jobId));
    if (!q)
        return q.error();
    QList<Conflict> out;
    while (q->next())
        out.append(conflictFromRow(q.value()));
    return out;
}

Status PushLogRepository::resolveConflict(qint64 jobId, const QString &productId,
                                          const QString &resolution) {
    auto q = runSql(m_conn.db(),
                    QStringLiteral("UPDATE conflicts SET resolution = ?, resolved_at = ? WHERE "
                                   "job_id = ? AND product_id = ?"),
                    {resolution, toDbTime(QDateTime::currentDateTimeUtc()), jobId, productId},
                    Texts::tr("resolving the conflict on product %1").arg(productId));
    return q ? Status{} : Status{q.error()};
}

} // namespace tagdesk

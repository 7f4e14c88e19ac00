#include "storage/decisionrepository.h"

#include <QCoreApplication>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(DecisionRepository)
};

const QString columns = QStringLiteral("product_id, attribute, verdict, value, decided_at");

AttributeDecision fromRow(const QSqlQuery &q) {
    AttributeDecision d;
    d.attribute = q.value(1).toString();
    d.verdict = verdictFromKey(q.value(2).toString()).value_or(AttributeDecision::Verdict::Pending);
    d.value = q.value(3).toString();
    d.decidedAt = fromDbTime(q.value(4));
    return d;
}
} // namespace

Status DecisionRepository::set(qint64 jobId, const QString &productId,
                               const AttributeDecision &decision, const QString &reviewer) {
    const QString doing =
        Texts::tr("saving the decision on %1 of product %2").arg(decision.attribute, productId);
    if (auto del = remove(jobId, productId, decision.attribute); !del)
        return del;
    auto q = runSql(m_conn.db(),
                    QStringLiteral("INSERT INTO attribute_decisions (job_id, product_id, "
                                   "attribute, verdict, value, decided_by, decided_at) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                    {jobId, productId, decision.attribute, verdictKey(decision.verdict),
                     decision.value, reviewer,
                     toDbTime(decision.decidedAt.isValid() ? decision.decidedAt
                                                           : QDateTime::currentDateTimeUtc())},
                    doing);
    return q ? Status{} : Status{q.error()};
}

Status DecisionRepository::remove(qint64 jobId, const QString &productId,
                                  const QString &attribute) {
    auto q =
        runSql(m_conn.db(),
               QStringLiteral("DELETE FROM attribute_decisions WHERE job_id = ? AND "
                              "product_id = ? AND attribute = ?"),
               {jobId, productId, attribute},
               Texts::tr("removing the decision on %1 of product %2").arg(attribute, productId));
    return q ? Status{} : Status{q.error()};
}

Result<std::optional<AttributeDecision>>
DecisionRepository::find(qint64 jobId, const QString &productId, const QString &attribute) {
    auto q =
        runSql(m_conn.db(),
               QStringLiteral("SELECT ") + columns +
                   QStringLiteral(" FROM attribute_decisions WHERE job_id = ? AND "
                                  "product_id = ? AND attribute = ?"),
               {jobId, productId, attribute},
               Texts::tr("reading the decision on %1 of product %2").arg(attribute, productId));
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<AttributeDecision>();
    return std::optional<AttributeDecision>(fromRow(q.value()));
}

Result<QList<AttributeDecision>> DecisionRepository::forProduct(qint64 jobId,
                                                                const QString &productId) {
    auto q =
        runSql(m_conn.db(),
               QStringLiteral("SELECT ") + columns +
                   QStringLiteral(" FROM attribute_decisions WHERE job_id = ? AND "
                                  "product_id = ? ORDER BY attribute"),
               {jobId, productId}, Texts::tr("reading the decisions on product %1").arg(productId));
    if (!q)
        return q.error();
    QList<AttributeDecision> out;
    while (q->next())
        out.append(fromRow(q.value()));
    return out;
}

Result<QHash<QString, QList<AttributeDecision>>> DecisionRepository::forJob(qint64 jobId) {
    auto q = runSql(m_conn.db(),
                    QStringLiteral("SELECT ") + columns +
                        QStringLiteral(" FROM attribute_decisions WHERE job_id = ? "
                                       "ORDER BY product_id, attribute"),
                    {jobId}, Texts::tr("reading the decisions of job %1").arg(jobId));
    if (!q)
        return q.error();
    QHash<QString, QList<AttributeDecision>> out;
    while (q->next())
        out[q->value(0).toString()].append(fromRow(q.value()));
    return out;
}

} // namespace tagdesk

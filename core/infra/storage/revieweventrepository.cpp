#include "storage/revieweventrepository.h"

#include <QCoreApplication>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(ReviewService)
};
} // namespace

QJsonObject reviewStateObject(const ProductProgress &p, const QString &destinations) {
    return {{QStringLiteral("stage"), stageKey(p.stage)},
            {QStringLiteral("review"), reviewKey(p.review)},
            {QStringLiteral("sync"), syncKey(p.sync)},
            {QStringLiteral("destinations"),
             destinations.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(destinations)}};
}

QString reviewStateJsonSql(const QString &destinationsJson, const QString &stage,
                           const QString &review, const QString &sync) {
    // QJsonObject keeps its keys sorted, so toDbJson writes them in this order.
    return QStringLiteral("('{\"destinations\":' || %1 || ',\"review\":\"' || %2 || "
                          "'\",\"stage\":\"' || %3 || '\",\"sync\":\"' || %4 || '\"}')")
        .arg(destinationsJson, review, stage, sync);
}

QString destinationsJsonSql(const QString &column) {
    return QStringLiteral("COALESCE('\"' || NULLIF(%1, '') || '\"', 'null')").arg(column);
}

Status ReviewEventRepository::record(const ReviewEvent &e) {
    auto q = runSql(
        m_conn.db(),
        QStringLiteral("INSERT INTO review_events (job_id, product_id, attribute, before_state, "
                       "after_state, decided_by, at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {e.jobId, e.productId, e.attribute, toDbJson(e.before), toDbJson(e.after), e.decidedBy,
         toDbTime(e.at)},
        Texts::tr("recording a review decision"));
    return q ? Status{} : Status{q.error()};
}

Result<QList<ReviewEvent>> ReviewEventRepository::latest(qint64 jobId, int count) {
    auto q = runSql(m_conn.db(),
                    QStringLiteral("SELECT id, product_id, attribute, before_state, after_state, "
                                   "decided_by, at FROM review_events WHERE job_id = ? AND "
                                   "undone_at IS NULL ORDER BY id DESC LIMIT ?"),
                    {jobId, count}, Texts::tr("reading the review history of job %1").arg(jobId));
    if (!q)
        return q.error();
    QList<ReviewEvent> events;
    while (q->next())
        events.append({q->value(0).toLongLong(), jobId, q->value(1).toString(),
                       q->value(2).toString(), objectFromDb(q->value(3)), objectFromDb(q->value(4)),
                       q->value(5).toString(), fromDbTime(q->value(6))});
    return events;
}

Status ReviewEventRepository::markUndone(qint64 eventId, const QDateTime &at) {
    auto q =
        runSql(m_conn.db(), QStringLiteral("UPDATE review_events SET undone_at = ? WHERE id = ?"),
               {toDbTime(at), eventId}, Texts::tr("marking a review decision undone"));
    return q ? Status{} : Status{q.error()};
}

} // namespace tagdesk

#include "storage/suggestionrepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSqlError>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(SuggestionRepository)
};

const QString columns = QStringLiteral(
    "product_id, attribute, value, confidence, source_image, alternatives, provider_label");

Suggestion fromRow(const QSqlQuery &q) {
    Suggestion s;
    s.attribute = q.value(1).toString();
    s.value = q.value(2).toString();
    s.confidence = q.value(3).toDouble();
    s.sourceImageId = q.value(4).toString();
    for (const auto &v : arrayFromDb(q.value(5))) {
        const QJsonObject a = v.toObject();
        s.alternatives.append({a.value(QStringLiteral("value")).toString(),
                               a.value(QStringLiteral("confidence")).toDouble()});
    }
    s.providerLabel = q.value(6).toString();
    return s;
}
} // namespace

Status SuggestionRepository::replace(qint64 jobId, const QString &productId,
                                     const QList<Suggestion> &suggestions) {
    const QString doing = Texts::tr("saving the suggestions for product %1").arg(productId);
    if (auto del =
            runSql(m_conn.db(),
                   QStringLiteral("DELETE FROM suggestions WHERE job_id = ? AND product_id = ?"),
                   {jobId, productId}, doing);
        !del)
        return del.error();
    QSqlQuery q(m_conn.db());
    if (!q.prepare(QStringLiteral("INSERT INTO suggestions (job_id, product_id, attribute, value, "
                                  "confidence, source_image, alternatives, provider_label) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")))
        return storageError(q.lastError(), m_conn.db(), doing);
    for (const Suggestion &s : suggestions) {
        QJsonArray alts;
        for (const Alternative &a : s.alternatives)
            alts.append(QJsonObject{{QStringLiteral("value"), a.value},
                                    {QStringLiteral("confidence"), a.confidence}});
        q.addBindValue(sqlValue(jobId));
        q.addBindValue(sqlValue(productId));
        q.addBindValue(sqlValue(s.attribute));
        q.addBindValue(sqlValue(s.value));
        q.addBindValue(sqlValue(s.confidence));
        q.addBindValue(sqlValue(s.sourceImageId));
        q.addBindValue(sqlValue(toDbJson(alts)));
        q.addBindValue(sqlValue(s.providerLabel));
        if (!q.exec())
            return storageError(q.lastError(), m_conn.db(), doing);
    }
    return {};
}

Result<QList<Suggestion>> SuggestionRepository::forProduct(qint64 jobId, const QString &productId) {
    auto q = runSql(
        m_conn.db(),
        QStringLiteral("SELECT ") + columns +
            QStringLiteral(" FROM suggestions WHERE job_id = ? AND product_id = ? ORDER BY id"),
        {jobId, productId}, Texts::tr("reading the suggestions for product %1").arg(productId));
    if (!q)
        return q.error();
    QList<Suggestion> out;
    while (q->next())
        out.append(fromRow(q.value()));
    return out;
}

Result<QHash<QString, QList<Suggestion>>> SuggestionRepository::forJob(qint64 jobId) {
    auto q = runSql(m_conn.db(),
                    QStringLiteral("SELECT ") + columns +
                        QStringLiteral(" FROM suggestions WHERE job_id = ? ORDER BY id"),
                    {jobId}, Texts::tr("reading the suggestions of job %1").arg(jobId));
    if (!q)
        return q.error();
    QHash<QString, QList<Suggestion>> out;
    while (q->next())
        out[q->value(0).toString()].append(fromRow(q.value()));
    return out;
}

} // namespace tagdesk

#include "storage/jobproductrepository.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlError>

#include <limits>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(JobProductRepository)
};

const QString columns =
    QStringLiteral("job_id, product_id, position, title, stage, review, sync, error, snapshot, "
                   "flagged");

Result<JobProduct> productFromRow(const QSqlQuery &q) {
    JobProduct p;
    p.jobId = q.value(0).toLongLong();
    p.productId = q.value(1).toString();
    p.position = q.value(2).toInt();
    p.title = q.value(3).toString();
    const auto stage = stageFromKey(q.value(4).toString());
    const auto review = reviewFromKey(q.value(5).toString());
    const auto sync = syncFromKey(q.value(6).toString());
    if (!stage || !review || !sync)
        return Error::storage(
            Texts::tr("Product %1 of job %2 has an unknown state (%3/%4/%5)")
                .arg(p.productId)
                .arg(p.jobId)
                .arg(q.value(4).toString(), q.value(5).toString(), q.value(6).toString()));
    p.progress = {*stage, *review, *sync};
    p.error = q.value(7).toString();
    if (!q.value(8).isNull()) {
        auto snapshot = ProductSnapshot::fromJson(objectFromDb(q.value(8)));
        if (!snapshot)
            return Error::storage(Texts::tr("The stored copy of product %1 is damaged: %2")
                                      .arg(p.productId, snapshot.error().message));
        p.snapshot = std::move(snapshot).value();
    }
    p.flagged = q.value(9).toInt() != 0;
    return p;
}

Result<QList<JobProduct>> productsFrom(QSqlQuery &q) {
    QList<JobProduct> out;
    while (q.next()) {
        auto p = productFromRow(q);
        if (!p)
            return p.error();
        out.append(std::move(p).value());
    }
    return out;
}

Result<ProductTally> tallyFrom(QSqlQuery &q, int firstColumn) {
    ProductTally t;
    const auto stage = stageFromKey(q.value(firstColumn).toString());
    const auto review = reviewFromKey(q.value(firstColumn + 1).toString());
    const auto sync = syncFromKey(q.value(firstColumn + 2).toString());
    if (!stage || !review || !sync)
        return Error::storage(Texts::tr("A product has an unknown state (%1/%2/%3)")
                                  .arg(q.value(firstColumn).toString(),
                                       q.value(firstColumn + 1).toString(),
                                       q.value(firstColumn + 2).toString()));
    t.add({*stage, *review, *sync}, q.value(firstColumn + 3).toLongLong());
    return t;
}

} // namespace

Status JobProductRepository::addProducts(qint64 jobId, const QList<JobProduct> &products) {
    const QString now = toDbTime(QDateTime::currentDateTimeUtc());
    QSqlQuery q(m_conn.db());
    const QString sql = QStringLiteral(
        "INSERT INTO job_products (job_id, product_id, position, title, stage, review, sync, "
        "error, snapshot, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (job_id, product_id) DO NOTHING");
    if (!q.prepare(sql))
        return storageError(q.lastError(), m_conn.db(),
                            Texts::tr("adding products to job %1").arg(jobId));
    for (const JobProduct &p : products) {
        q.addBindValue(sqlValue(jobId));
        q.addBindValue(sqlValue(p.productId));
        q.addBindValue(sqlValue(p.position));
        q.addBindValue(sqlValue(p.title));
        q.addBindValue(sqlValue(stageKey(p.progress.stage)));
        q.addBindValue(sqlValue(reviewKey(p.progress.review)));
        q.addBindValue(sqlValue(syncKey(p.progress.sync)));
        q.addBindValue(sqlValue(p.error));
        q.addBindValue(p.snapshot ? p.snapshot->toJsonText() : QVariant());
        q.addBindValue(sqlValue(now));
        if (!q.exec())
            return storageError(
                q.lastError(), m_conn.db(),
                Texts::tr("adding product %1 to job %2").arg(p.productId).arg(jobId));
    }
    return {};
}

Result<QList<JobProduct>> JobProductRepository::list(qint64 jobId, int offset, int limit) {
    QString sql =
        QStringLiteral("SELECT ") + columns +
        QStringLiteral(" FROM job_products WHERE job_id = ? ORDER BY position, product_id");
    QVariantList binds{jobId};
    if (limit >= 0 || offset > 0) {
        sql += QStringLiteral(" LIMIT ? OFFSET ?");
        binds << (limit >= 0 ? limit : std::numeric_limits<int>::max()) << offset;
    }
    auto q =
        runSql(m_conn.db(), sql, binds, Texts::tr("reading the products of job %1").arg(jobId));
    if (!q)
        return q.error();
    return productsFrom(q.value());
}

Result<QSqlQuery> JobProductRepository::selectAmong(qint64 jobId, const QString &what,
                                                    const QStringList &ids, const QString &order) {
    QVariantList binds{jobId};
    for (const QString &id : ids)
        binds << id;
    return runSql(m_conn.db(),
                  QStringLiteral("SELECT %1 FROM job_products WHERE job_id = ? AND product_id IN "
                                 "(%2)%3")
                      .arg(what, placeholders(ids.size()), order),
                  binds, Texts::tr("reading products of job %1").arg(jobId));
}

Result<QList<JobProduct>> JobProductRepository::some(qint64 jobId, const QStringList &productIds) {
    QList<JobProduct> out;
    for (const QStringList &ids : inChunks(productIds)) {
        auto q = selectAmong(jobId, columns, ids, QStringLiteral(" ORDER BY position, product_id"));
        if (!q)
            return q.error();
        auto products = productsFrom(q.value());
        if (!products)
            return products.error();
        out += products.value();
    }
    return out;
}

Error JobProductRepository::noSuchProduct(qint64 jobId, const QString &productId) {
    return Error::notFound(Texts::tr("Job %1 has no product %2").arg(jobId).arg(productId));
}

Result<QHash<QString, PipelineStage>> JobProductRepository::stages(qint64 jobId,
                                                                   const QStringList &productIds) {
    QHash<QString, PipelineStage> out;
    for (const QStringList &ids : inChunks(productIds)) {
        auto q = selectAmong(jobId, QStringLiteral("product_id, stage"), ids);
        if (!q)
            return q.error();
        while (q->next()) {
            const auto stage = stageFromKey(q->value(1).toString());
            if (!stage)
                return Error::storage(Texts::tr("Product %1 of job %2 has an unknown state (%3)")
                                          .arg(q->value(0).toString())
                                          .arg(jobId)
                                          .arg(q->value(1).toString()));
            out.insert(q->value(0).toString(), *stage);
        }
    }
    return out;
}

Result<JobProduct> JobProductRepository::find(qint64 jobId, const QString &productId) {
    auto q = runSql(m_conn.db(),
                    QStringLiteral("SELECT ") + columns +
                        QStringLiteral(" FROM job_products WHERE job_id = ? AND product_id = ?"),
                    {jobId, productId}, Texts::tr("reading product %1").arg(productId));
    if (!q)
        return q.error();
    if (!q->next())
        return noSuchProduct(jobId, productId);
    return productFromRow(q.value());
}

Result<QList<JobProduct>> JobProductRepository::inStage(qint64 jobId, PipelineStage stage,
                                                        int limit, const JobProduct *after) {
    QVariantList binds{jobId, stageKey(stage)};
    QString afterIt;
    if (after) {
        afterIt = QStringLiteral("AND (position > ? OR (position = ? AND product_id > ?)) ");
        binds << after->position << after->position << after->productId;
    }
    binds << limit;
    auto q = runSql(m_conn.db(),
                    QStringLiteral("SELECT ") + columns +
                        QStringLiteral(" FROM job_products WHERE job_id = ? AND stage = ? ") +
                        afterIt + QStringLiteral("ORDER BY position, product_id LIMIT ?"),
                    binds, Texts::tr("reading the products of job %1").arg(jobId));
    if (!q)
        return q.error();
    return productsFrom(q.value());
}

Result<QList<JobProduct>> JobProductRepository::inSync(qint64 jobId,
                                                       const QList<SyncState> &states) {
    QVariantList binds{jobId};
    for (SyncState state : states)
        binds << syncKey(state);
    auto q = runSql(m_conn.db(),
                    QStringLiteral("SELECT ") + columns +
                        QStringLiteral(" FROM job_products WHERE job_id = ? AND sync IN (%1) "
                                       "ORDER BY position, product_id")
                            .arg(placeholders(states.size())),
                    binds, Texts::tr("reading the products of job %1").arg(jobId));
    if (!q)
        return q.error();
    return productsFrom(q.value());
}

Result<int> JobProductRepository::resetInterruptedSync(qint64 jobId) {
    int moved = 0;
    for (const auto &[from, to] : {std::pair{SyncState::Pushing, SyncState::Queued},
                                   std::pair{SyncState::Reverting, SyncState::Pushed}}) {
        auto q =
            runSql(m_conn.db(),
                   QStringLiteral("UPDATE job_products SET sync = ? WHERE job_id = ? AND sync = ?"),
                   {syncKey(to), jobId, syncKey(from)},
                   Texts::tr("resuming the sync of job %1").arg(jobId));
        if (!q)
            return q.error();
        moved += q->numRowsAffected();
    }
    return moved;
}

Result<QString> JobProductRepository::destinationsOverride(qint64 jobId, const QString &productId) {
    auto q =
        runSql(m_conn.db(),
               QStringLiteral("SELECT destinations FROM job_products WHERE job_id = ? AND "
                              "product_id = ?"),
               {jobId, productId}, Texts::tr("reading where product %1 is saved").arg(productId));
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toString() : QString();
}

Status JobProductRepository::setDestinationsOverride(qint64 jobId, const QString &productId,
                                                     const QString &keys) {
    auto set = runSql(m_conn.db(),
                      QStringLiteral("UPDATE job_products SET destinations = ? WHERE "
                                     "job_id = ? AND product_id = ?"),
                      {keys.isEmpty() ? QVariant() : QVariant(keys), jobId, productId},
                      Texts::tr("saving where product %1 is saved").arg(productId));
    return set ? Status{} : Status{set.error()};
}

Result<QHash<QString, QString>> JobProductRepository::destinationsOverrides(qint64 jobId) {
    auto q =
        runSql(m_conn.db(),
               QStringLiteral("SELECT product_id, destinations FROM job_products WHERE "
                              "job_id = ? AND destinations IS NOT NULL"),
               {jobId}, Texts::tr("reading where the products of job %1 are saved").arg(jobId));
    if (!q)
        return q.error();
    QHash<QString, QString> out;
    while (q->next())
        out.insert(q->value(0).toString(), q->value(1).toString());
    return out;
}

Result<QHash<QString, QJsonObject>> JobProductRepository::pushPlans(qint64 jobId) {
    auto q = runSql(m_conn.db(),
                    QStringLiteral("SELECT product_id, push_plan FROM job_products WHERE "
                                   "job_id = ? AND push_plan IS NOT NULL"),
                    {jobId}, Texts::tr("reading the pushes in flight of job %1").arg(jobId));
    if (!q)
        return q.error();
    QHash<QString, QJsonObject> out;
    while (q->next())
        out.insert(q->value(0).toString(), objectFromDb(q->value(1)));
    return out;
}

Result<QJsonObject> JobProductRepository::pushPlan(qint64 jobId, const QString &productId) {
    auto q = runSql(m_conn.db(),
                    QStringLiteral("SELECT push_plan FROM job_products WHERE job_id = ? AND "
                                   "product_id = ?"),
                    {jobId, productId},
                    Texts::tr("reading the push in flight for product %1").arg(productId));
    if (!q)
        return q.error();
    if (!q->next() || q->value(0).isNull())
        return QJsonObject();
    return objectFromDb(q->value(0));
}

Status JobProductRepository::setPushPlan(qint64 jobId, const QString &productId,
                                         const QJsonObject &plan) {
    auto set = runSql(
        m_conn.db(),
        QStringLiteral("UPDATE job_products SET push_plan = ? WHERE job_id = ? AND product_id = ?"),
        {plan.isEmpty() ? QVariant() : QVariant(toDbJson(plan)), jobId, productId},
        Texts::tr("saving the push in flight for product %1").arg(productId));
    return set ? Status{} : Status{set.error()};
}

Result<int> JobProductRepository::resetInterrupted(qint64 jobId) {
    int moved = 0;
    for (const auto &[from, to] : {std::pair{PipelineStage::Fetching, PipelineStage::Pending},
                                   std::pair{PipelineStage::Analysing, PipelineStage::Fetched}}) {
        auto q = runSql(
            m_conn.db(),
            QStringLiteral("UPDATE job_products SET stage = ? WHERE job_id = ? AND stage = ?"),
            {stageKey(to), jobId, stageKey(from)}, Texts::tr("resuming job %1").arg(jobId));
        if (!q)
            return q.error();
        moved += q->numRowsAffected();
    }
    return moved;
}

Result<int> JobProductRepository::count(qint64 jobId) {
    auto q =
        runSql(m_conn.db(), QStringLiteral("SELECT count(*) FROM job_products WHERE job_id = ?"),
               {jobId}, Texts::tr("counting the products of job %1").arg(jobId));
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toInt() : 0;
}

Status JobProductRepository::updateOne(qint64 jobId, const QString &productId,
                                       const QString &assignments, QVariantList values,
                                       const QString &doing) {
    values << jobId << productId;
    auto q = runSql(m_conn.db(),
                    QStringLiteral("UPDATE job_products SET %1 WHERE job_id = ? AND product_id = ?")
                        .arg(assignments),
                    values, doing);
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return noSuchProduct(jobId, productId);
    return {};
}

Status JobProductRepository::setFlagged(qint64 jobId, const QString &productId, bool flagged) {
    return updateOne(jobId, productId, QStringLiteral("flagged = ?"), {flagged ? 1 : 0},
                     Texts::tr("flagging product %1").arg(productId));
}

Status JobProductRepository::setProgress(qint64 jobId, const QString &productId,
                                         const ProductProgress &progress, const QString &error) {
    return updateOne(jobId, productId,
                     QStringLiteral("stage = ?, review = ?, sync = ?, error = ?, updated_at = ?"),
                     {stageKey(progress.stage), reviewKey(progress.review), syncKey(progress.sync),
                      error, toDbTime(QDateTime::currentDateTimeUtc())},
                     Texts::tr("saving the state of product %1").arg(productId));
}

Status JobProductRepository::setSnapshot(qint64 jobId, const ProductSnapshot &snapshot) {
    return updateOne(
        jobId, snapshot.id, QStringLiteral("snapshot = ?, title = ?, updated_at = ?"),
        {snapshot.toJsonText(), snapshot.title, toDbTime(QDateTime::currentDateTimeUtc())},
        Texts::tr("saving the copy of product %1").arg(snapshot.id));
}

Status JobProductRepository::storeFetched(qint64 jobId, const QList<Fetched> &fetched,
                                          const QString &goneError) {
    QSqlDatabase &db = m_conn.db();
    const QString doing =
        Texts::tr("saving the copies of %n fetched product(s)", nullptr, int(fetched.size()));
    QSqlQuery stored(db);
    QSqlQuery gone(db);
    if (!stored.prepare(QStringLiteral(
            "UPDATE job_products SET snapshot = ?, title = ?, stage = ?, review = ?, sync = ?, "
            "error = ?, updated_at = ? WHERE job_id = ? AND product_id = ?")))
        return storageError(stored.lastError(), db, doing);
    if (!gone.prepare(
            QStringLiteral("UPDATE job_products SET stage = ?, review = ?, sync = ?, "
                           "error = ?, updated_at = ? WHERE job_id = ? AND product_id = ?")))
        return storageError(gone.lastError(), db, doing);
    const QString now = toDbTime(QDateTime::currentDateTimeUtc());
    for (const Fetched &f : fetched) {
        const ProductProgress &was = f.product.progress;
        QSqlQuery &q = f.snapshot ? stored : gone;
        const auto bind = [&q](const QVariant &value) {
            q.addBindValue(sqlValue(value));
        };
        if (f.snapshot) {
            bind(f.snapshotText);
            bind(f.snapshot->title);
        }
        bind(stageKey(f.snapshot ? PipelineStage::Fetched : PipelineStage::Failed));
        bind(reviewKey(was.review));
        bind(syncKey(was.sync));
        bind(f.snapshot ? QString() : goneError);
        bind(now);
        bind(jobId);
        bind(f.product.productId);
        if (!q.exec())
            return storageError(q.lastError(), db, doing);
        if (q.numRowsAffected() == 0)
            return noSuchProduct(jobId, f.product.productId);
    }
    return {};
}

Result<ProductTally> JobProductRepository::tally(qint64 jobId) {
    auto q = runSql(m_conn.db(),
                    QStringLiteral("SELECT stage, review, sync, count(*) FROM job_products "
                                   "WHERE job_id = ? GROUP BY stage, review, sync"),
                    {jobId}, Texts::tr("counting the products of job %1").arg(jobId));
    if (!q)
        return q.error();
    ProductTally total;
    while (q->next()) {
        auto part = tallyFrom(q.value(), 0);
        if (!part)
            return part.error();
        total += part.value();
    }
    return total;
}

Result<QHash<qint64, ProductTally>> JobProductRepository::tallies() {
    auto q = runSql(m_conn.db(),
                    QStringLiteral("SELECT job_id, stage, review, sync, count(*) FROM job_products "
                                   "GROUP BY job_id, stage, review, sync"),
                    {}, Texts::tr("counting products"));
    if (!q)
        return q.error();
    QHash<qint64, ProductTally> out;
    while (q->next()) {
        auto part = tallyFrom(q.value(), 1);
        if (!part)
            return part.error();
        out[q->value(0).toLongLong()] += part.value();
    }
    return out;
}

Result<qint64> JobProductRepository::countInSync(SyncState state) {
    auto q = runSql(m_conn.db(), QStringLiteral("SELECT COUNT(*) FROM job_products WHERE sync = ?"),
                    {syncKey(state)}, Texts::tr("counting the products waiting to sync"));
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toLongLong() : 0;
}

} // namespace tagdesk

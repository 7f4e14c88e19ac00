#include "storage/jobrepository.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlRecord>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(JobRepository)
};

const QString columns = QStringLiteral(
    "id, name, selection, tagger, images_per_product, attributes, destinations, archived, "
    "run_requested, fatal_error, created_at, updated_at, listing_cursor, listing_done, "
    "write_settings, shop_domain, shop_id");

Result<Job> jobFromRow(const QSqlQuery &q) {
    Job job;
    job.id = q.value(0).toLongLong();
    job.name = q.value(1).toString();
    auto selection = ProductSelection::fromJson(objectFromDb(q.value(2)));
    if (!selection)
        return Error::storage(Texts::tr("Job %1 has a damaged product selection: %2")
                                  .arg(job.id)
                                  .arg(selection.error().message));
    job.selection = selection.value();
    const auto tagger = taggerFromKey(q.value(3).toString());
    if (!tagger)
        return Error::storage(Texts::tr("Job %1 names an unknown tagger '%2'")
                                  .arg(job.id)
                                  .arg(q.value(3).toString()));
    job.tagger = *tagger;
    job.imagesPerProduct = q.value(4).toInt();
    job.attributes = q.value(5).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    const auto destinations = destinationsFromKeys(q.value(6).toString());
    job.destinations = destinations ? destinations.value() : defaultDestinations();
    job.archived = q.value(7).toInt() != 0;
    job.runRequested = q.value(8).toInt() != 0;
    job.fatalError = q.value(9).toString();
    job.createdAt = fromDbTime(q.value(10));
    job.updatedAt = fromDbTime(q.value(11));
    job.listingCursor = q.value(12).toString();
    job.listingDone = q.value(13).toInt() != 0;
    job.writing = WriteSettings::fromJson(objectFromDb(q.value(14)));
    job.shop.domain = q.value(15).toString();
    job.shop.id = q.value(16).toString();
    return job;
}
} // namespace

Result<Job> JobRepository::insert(const Job &job) {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto q = runSql(
        m_conn.db(),
        QStringLiteral("INSERT INTO jobs (name, selection, tagger, images_per_product, "
                       "attributes, destinations, archived, run_requested, fatal_error, "
                       "created_at, updated_at, write_settings, shop_domain, shop_id) "
                       "VALUES (?, ?, ?, ?, ?, ?, 0, 0, '', ?, ?, ?, ?, ?) "
                       "RETURNING id"),
        {job.name, toDbJson(job.selection.toJson()), taggerKey(job.tagger), job.imagesPerProduct,
         job.attributes.join(QLatin1Char(',')), destinationsToKeys(job.destinations), toDbTime(now),
         toDbTime(now), toDbJson(job.writing.toJson()), job.shop.domain, job.shop.id},
        Texts::tr("saving the new job"));
    if (!q)
        return q.error();
    if (!q->next())
        return Error::storage(Texts::tr("The database did not return the new job's id"));
    Job stored = job;
    stored.id = q->value(0).toLongLong();
    stored.archived = false;
    stored.runRequested = false;
    stored.fatalError.clear();
    stored.createdAt = stored.updatedAt = fromDbTime(toDbTime(now));
    return stored;
}

Result<Job> JobRepository::find(qint64 id) {
    auto q = runSql(m_conn.db(),
                    QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM jobs WHERE id = ?"),
                    {id}, Texts::tr("reading job %1").arg(id));
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(Texts::tr("There is no job with id %1").arg(id));
    return jobFromRow(q.value());
}

Result<QList<Job>> JobRepository::list(bool archived) {
    auto q = runSql(m_conn.db(),
                    QStringLiteral("SELECT ") + columns +
                        QStringLiteral(" FROM jobs WHERE archived = ? ORDER BY id"),
                    {archived ? 1 : 0}, Texts::tr("reading the job list"));
    if (!q)
        return q.error();
    QList<Job> jobs;
    while (q->next()) {
        auto job = jobFromRow(q.value());
        if (!job)
            return job.error();
        jobs.append(std::move(job).value());
    }
    return jobs;
}

Status JobRepository::setArchived(qint64 id, bool archived) {
    return touch(id, QStringLiteral("UPDATE jobs SET archived = ?, updated_at = ? WHERE id = ?"),
                 {archived ? 1 : 0},
                 archived ? Texts::tr("archiving job %1").arg(id)
                          : Texts::tr("unarchiving job %1").arg(id));
}

Status JobRepository::setWriting(qint64 id, Destinations destinations,
                                 const WriteSettings &writing) {
    return touch(id,
                 QStringLiteral("UPDATE jobs SET destinations = ?, write_settings = ?, "
                                "updated_at = ? WHERE id = ?"),
                 {destinationsToKeys(destinations), toDbJson(writing.toJson())},
                 Texts::tr("saving where job %1 writes").arg(id));
}

Status JobRepository::setRunState(qint64 id, bool runRequested, const QString &fatalError) {
    return touch(
        id,
        QStringLiteral("UPDATE jobs SET run_requested = ?, fatal_error = ?, updated_at = ? "
                       "WHERE id = ?"),
        {runRequested ? 1 : 0, fatalError}, Texts::tr("saving the state of job %1").arg(id));
}

Status JobRepository::bindStore(qint64 id, const ShopIdentity &shop) {
    return touch(id,
                 QStringLiteral("UPDATE jobs SET shop_domain = ?, shop_id = ?, updated_at = ? "
                                "WHERE id = ?"),
                 {shop.domain, shop.id}, Texts::tr("saving the store of job %1").arg(id));
}

Status JobRepository::setListing(qint64 id, const QString &cursor, bool done) {
    return touch(
        id,
        QStringLiteral("UPDATE jobs SET listing_cursor = ?, listing_done = ?, updated_at = ? "
                       "WHERE id = ?"),
        {cursor, done ? 1 : 0}, Texts::tr("saving how far job %1 got").arg(id));
}

Status JobRepository::touch(qint64 id, const QString &sql, const QVariantList &binds,
                            const QString &doing) {
    QVariantList all = binds;
    all << toDbTime(QDateTime::currentDateTimeUtc()) << id;
    auto q = runSql(m_conn.db(), sql, all, doing);
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error::notFound(Texts::tr("There is no job with id %1").arg(id));
    return {};
}

} // namespace tagdesk

#pragma once

#include "domain/job.h"
#include "storage/connection.h"

#include <QList>

namespace tagdesk {

// The jobs table.
class JobRepository {
public:
    explicit JobRepository(Connection &conn)
        : m_conn(conn) {}

    // Stores a new job; returns it with its id and timestamps.
    Result<Job> insert(const Job &job);
    // NotFound with a message naming the id if there is no such job.
    Result<Job> find(qint64 id);
    Result<QList<Job>> list(bool archived);

    Status setArchived(qint64 id, bool archived);
    // Where the job's approved values go and how they are written.
    Status setWriting(qint64 id, Destinations destinations, const WriteSettings &writing);
    Status setRunState(qint64 id, bool runRequested, const QString &fatalError);
    Status setListing(qint64 id, const QString &cursor, bool done);
    // The store the job belongs to from now on (Job::shop).
    Status bindStore(qint64 id, const ShopIdentity &shop);

private:
    Status touch(qint64 id, const QString &sql, const QVariantList &binds, const QString &doing);

    Connection &m_conn;
};

} // namespace tagdesk

#pragma once

#include "domain/job.h"
#include "domain/jobstatus.h"
#include "storage/connection.h"
#include "storage/databasewriter.h"

#include <QFuture>
#include <QList>

namespace tagdesk {

// A job with what the job list shows about it.
struct JobSummary {
    Job job;
    ProductTally tally;
    JobStatus status = JobStatus::Created;
};

// The job list as the user sees it: every job (archived or not) with its derived status.
Result<QList<JobSummary>> readJobSummaries(Connection &conn, bool archived);

// Creating, listing, archiving jobs: the rules around the job list. Reads use the
// caller's connection; writes go through the one database writer, and the rules that
// guard a write (e.g. "not while Processing") are checked inside the same transaction.
class JobService {
public:
    JobService(Connection &reader, DatabaseWriter &writer)
        : m_reader(reader)
        , m_writer(writer) {}

    QFuture<Result<Job>> create(const NewJob &request);
    // Refused for a Processing job, with a message saying why.
    QFuture<Result<Job>> setArchived(qint64 jobId, bool archived);

    Result<QList<JobSummary>> list(bool archived);
    Result<JobSummary> summary(qint64 jobId);

    // The one place a job's facts and its products' tally become its status.
    static JobStatus statusOf(const Job &job, const ProductTally &tally);

private:
    Connection &m_reader;
    DatabaseWriter &m_writer;
};

} // namespace tagdesk

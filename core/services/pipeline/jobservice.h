#pragma once

#include "domain/job.h"
#include "domain/jobstatus.h"
#include "util/result.h"

#include <QFuture>

namespace tagdesk {

class DatabaseWriter;

// Creating and archiving jobs: the rules around the job list. Writes go through the one
// database writer, and the rules that guard a write (e.g. "not while Processing") are
// checked inside the same transaction. Reads are the JobReader's.
class JobService {
public:
    explicit JobService(DatabaseWriter &writer)
        : m_writer(writer) {}

    QFuture<Result<Job>> create(const NewJob &request);
    // Refused for a Processing job, with a message saying why.
    QFuture<Result<Job>> setArchived(qint64 jobId, bool archived);

    // Where the job's approved values go and how they are written, from the next push on
    // (products with their own places keep them). Needs at least one place, and settings
    // a new job could have (WriteSettings::validate).
    QFuture<Result<Job>> setWriting(qint64 jobId, Destinations destinations,
                                    const WriteSettings &writing);

    // The one place a job's facts and its products' tally become its status.
    static JobStatus statusOf(const Job &job, const ProductTally &tally);

private:
    DatabaseWriter &m_writer;
};

} // namespace tagdesk

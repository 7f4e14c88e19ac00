#include "pipeline/jobservice.h"

#include "storage/databasewriter.h"
#include "storage/jobproductrepository.h"
#include "storage/jobrepository.h"

#include <QCoreApplication>

namespace tagdesk {

JobStatus JobService::statusOf(const Job &job, const ProductTally &tally) {
    return deriveJobStatus({job.runRequested, !job.fatalError.isEmpty()}, tally);
}

QFuture<Result<Job>> JobService::create(const NewJob &request) {
    return m_writer.submit<Job>([request](Connection &conn) -> Result<Job> {
        auto job = request.validated();
        if (!job)
            return job.error();
        return JobRepository(conn).insert(job.value());
    });
}

QFuture<Result<Job>> JobService::setWriting(qint64 jobId, Destinations destinations,
                                            const WriteSettings &writing) {
    return m_writer.submit<Job>([=](Connection &conn) -> Result<Job> {
        if (destinations == Destinations())
            return Error::invalid(
                QCoreApplication::translate("JobService", "Job %1 needs at least one place to save "
                                                          "values to")
                    .arg(jobId));
        if (const Status valid = writing.validate(); !valid)
            return valid.error();
        JobRepository jobs(conn);
        if (auto set = jobs.setWriting(jobId, destinations, writing); !set)
            return set.error();
        return jobs.find(jobId);
    });
}

QFuture<Result<Job>> JobService::setArchived(qint64 jobId, bool archived) {
    return m_writer.submit<Job>([jobId, archived](Connection &conn) -> Result<Job> {
        JobRepository jobs(conn);
        auto job = jobs.find(jobId);
        if (!job)
            return job.error();
        if (archived) {
            auto tally = JobProductRepository(conn).tally(jobId);
            if (!tally)
                return tally.error();
            const JobStatus status = statusOf(job.value(), tally.value());
            if (!canArchive(status))
                return Error::notAllowed(
                    QCoreApplication::translate("JobService",
                                                "Job %1 is %2 and cannot be archived; cancel it "
                                                "or wait until it finishes")
                        .arg(jobId)
                        .arg(jobStatusText(status)));
        }
        if (job->archived == archived)
            return job; // already so: nothing to write
        if (auto set = jobs.setArchived(jobId, archived); !set)
            return set.error();
        return jobs.find(jobId);
    });
}

} // namespace tagdesk

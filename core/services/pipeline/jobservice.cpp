#include "pipeline/jobservice.h"

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

Result<QList<JobSummary>> readJobSummaries(Connection &conn, bool archived) {
    auto jobs = JobRepository(conn).list(archived);
    if (!jobs)
        return jobs.error();
    auto tallies = JobProductRepository(conn).tallies();
    if (!tallies)
        return tallies.error();
    QList<JobSummary> out;
    out.reserve(jobs->size());
    for (const Job &job : jobs.value()) {
        const ProductTally tally = tallies->value(job.id);
        out.append({job, tally, JobService::statusOf(job, tally)});
    }
    return out;
}

Result<QList<JobSummary>> JobService::list(bool archived) {
    return readJobSummaries(m_reader, archived);
}

Result<JobSummary> JobService::summary(qint64 jobId) {
    auto job = JobRepository(m_reader).find(jobId);
    if (!job)
        return job.error();
    auto tally = JobProductRepository(m_reader).tally(jobId);
    if (!tally)
        return tally.error();
    return JobSummary{job.value(), tally.value(), statusOf(job.value(), tally.value())};
}

} // namespace tagdesk

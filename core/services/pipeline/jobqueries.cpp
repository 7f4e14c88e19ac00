#include "pipeline/jobqueries.h"

#include <QtConcurrent/QtConcurrentRun>

namespace tagdesk::jobqueries {

QFuture<Result<QList<JobSummary>>> listJobs(const DatabaseConfig &config, bool archived) {
    return QtConcurrent::run([config, archived]() -> Result<QList<JobSummary>> {
        auto conn = Connection::open(config);
        if (!conn)
            return conn.error();
        return readJobSummaries(*conn.value(), archived);
    });
}

} // namespace tagdesk::jobqueries

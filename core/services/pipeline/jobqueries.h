#pragma once

#include "pipeline/jobservice.h"
#include "storage/databaseconfig.h"

#include <QFuture>

namespace tagdesk {

// Reads for the GUI, run on the thread pool with a connection of their own, so the GUI
// thread never waits on the database.
namespace jobqueries {

QFuture<Result<QList<JobSummary>>> listJobs(const DatabaseConfig &config, bool archived);

} // namespace jobqueries

} // namespace tagdesk

#pragma once

#include "domain/databaseconfig.h"
#include "storeconnection.h"

#include <QTextStream>

namespace tagdesk {
class DatabaseWriter;
} // namespace tagdesk

namespace tagdesk::cli {

// `jobs run ID`: connects to the store and tagger, runs the job to the end (or to the
// first error that stops it), and returns the CLI exit code.
int runJob(qint64 jobId, const RunOptions &options, const DatabaseConfig &database,
           DatabaseWriter &writer, QTextStream &out, QTextStream &err);

} // namespace tagdesk::cli

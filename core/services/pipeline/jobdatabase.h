#pragma once

#include "domain/databaseconfig.h"
#include "pipeline/jobreader.h"
#include "util/result.h"

#include <memory>

namespace tagdesk {

class DatabaseWriter;

// The job database as a program uses it: checked and migrated once when it opens, one
// writer thread for every write, and the reader for every read.
class JobDatabase {
public:
    // Refuses a database that is not Tagdesk's or was written by a newer version.
    static Result<std::unique_ptr<JobDatabase>> open(const DatabaseConfig &config);
    // Finishes the writes already submitted, then stops the writer.
    ~JobDatabase();

    JobDatabase(const JobDatabase &) = delete;
    JobDatabase &operator=(const JobDatabase &) = delete;

    const DatabaseConfig &config() const { return m_reader.config(); }
    DatabaseWriter &writer() const { return *m_writer; }
    const JobReader &reader() const { return m_reader; }

private:
    JobDatabase(const DatabaseConfig &config, std::unique_ptr<DatabaseWriter> writer);

    std::unique_ptr<DatabaseWriter> m_writer;
    JobReader m_reader;
};

} // namespace tagdesk

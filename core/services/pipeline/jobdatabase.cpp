#include "pipeline/jobdatabase.h"

#include "storage/databasewriter.h"
#include "storage/schema.h"

namespace tagdesk {

JobDatabase::JobDatabase(const DatabaseConfig &config, std::unique_ptr<DatabaseWriter> writer)
    : m_writer(std::move(writer))
    , m_reader(config) {
}

JobDatabase::~JobDatabase() = default;

Result<std::unique_ptr<JobDatabase>> JobDatabase::open(const DatabaseConfig &config) {
    // The schema is checked and migrated once, before anything reads or writes; the
    // connection that did it is not needed after.
    if (auto migrated = openDatabase(config); !migrated)
        return migrated.error();
    auto writer = DatabaseWriter::start(config);
    if (!writer)
        return writer.error();
    return std::unique_ptr<JobDatabase>(new JobDatabase(config, std::move(writer).value()));
}

} // namespace tagdesk

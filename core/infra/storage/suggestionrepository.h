#pragma once

#include "domain/suggestion.h"
#include "storage/connection.h"

#include <QHash>
#include <QList>

namespace tagdesk {

// The suggestions table: what a tagger proposed for each product of a job.
class SuggestionRepository {
public:
    explicit SuggestionRepository(Connection &conn)
        : m_conn(conn) {}

    // Replaces a product's suggestions (a re-analysis supersedes the previous one).
    Status replace(qint64 jobId, const QString &productId, const QList<Suggestion> &suggestions);
    Result<QList<Suggestion>> forProduct(qint64 jobId, const QString &productId);
    // Every suggestion of a job, by product id.
    Result<QHash<QString, QList<Suggestion>>> forJob(qint64 jobId);

private:
    Connection &m_conn;
};

} // namespace tagdesk

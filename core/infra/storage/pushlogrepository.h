#pragma once

#include "domain/pushrecord.h"
#include "storage/connection.h"

#include <QList>

#include <optional>

namespace tagdesk {

// The push_log table: every write to Shopify (push or revert) with the values it
// replaced, and the conflicts table beside it.
class PushLogRepository {
public:
    explicit PushLogRepository(Connection &conn)
        : m_conn(conn) {}

    Result<qint64> append(const PushRecord &record);
    // A job's log, oldest first; one product's if productId is given.
    Result<QList<PushRecord>> forJob(qint64 jobId, const QString &productId = {});
    // The successful push whose values a product has now: the last succeeded push, unless
    // a succeeded revert came after it. nullopt if there is nothing to revert.
    Result<std::optional<PushRecord>> revertible(qint64 jobId, const QString &productId);

    Status recordConflict(const Conflict &conflict);
    Result<std::optional<Conflict>> conflict(qint64 jobId, const QString &productId);
    Result<QList<Conflict>> openConflicts(qint64 jobId);
    Status resolveConflict(qint64 jobId, const QString &productId, const QString &resolution);

private:
    Connection &m_conn;
};

} // namespace tagdesk

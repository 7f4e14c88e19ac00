#pragma once

#include "domain/decision.h"
#include "storage/connection.h"

#include <QHash>
#include <QList>

#include <optional>

namespace tagdesk {

// The attribute_decisions table: the reviewer's verdict per product and attribute.
class DecisionRepository {
public:
    explicit DecisionRepository(Connection &conn)
        : m_conn(conn) {}

    Status set(qint64 jobId, const QString &productId, const AttributeDecision &decision,
               const QString &reviewer);
    Status remove(qint64 jobId, const QString &productId, const QString &attribute);
    Result<std::optional<AttributeDecision>> find(qint64 jobId, const QString &productId,
                                                  const QString &attribute);
    Result<QList<AttributeDecision>> forProduct(qint64 jobId, const QString &productId);
    // Every decision of a job, by product id.
    Result<QHash<QString, QList<AttributeDecision>>> forJob(qint64 jobId);

private:
    Connection &m_conn;
};

} // namespace tagdesk

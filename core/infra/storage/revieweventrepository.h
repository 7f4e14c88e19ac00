#pragma once

#include "storage/connection.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

namespace tagdesk {

// One review decision as it was recorded: what a product (or one of its attributes, when
// `attribute` is set) was before and after it, so it can be undone.
struct ReviewEvent {
    qint64 id = 0;
    qint64 jobId = 0;
    QString productId;
    QString attribute; // empty: the product's review state, not one attribute
    QJsonObject before;
    QJsonObject after;
    QString decidedBy;
    QDateTime at;
};

// The review_events table: every review decision of a job, newest last, for undo.
class ReviewEventRepository {
public:
    explicit ReviewEventRepository(Connection &conn)
        : m_conn(conn) {}

    // Records `event` (its id is ignored; the database gives one).
    Status record(const ReviewEvent &event);
    // The job's last `count` decisions not yet undone, newest first.
    Result<QList<ReviewEvent>> latest(qint64 jobId, int count);
    Status markUndone(qint64 eventId, const QDateTime &at);

private:
    Connection &m_conn;
};

} // namespace tagdesk

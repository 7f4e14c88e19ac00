#pragma once

#include "domain/product.h"
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

// What a product-level review event records of a product: its pipeline, review and sync
// state, and where it is saved when it overrides its job (`destinations`, empty if not).
QJsonObject reviewStateObject(const ProductProgress &progress, const QString &destinations);

// The same object as SQL builds it, for events recorded set-based: its compact JSON text
// (as toDbJson writes it: keys in order, no spaces) from SQL expressions that give each
// field's text — the destinations as a JSON value (`"tags"` or `null`, see
// destinationsJsonSql), the states as their keys. The keys and destinations are plain
// words, which JSON needs no escapes for.
QString reviewStateJsonSql(const QString &destinationsJson, const QString &stage,
                           const QString &review, const QString &sync);
// A job_products destinations column (NULL or empty: no override) as a JSON value.
QString destinationsJsonSql(const QString &column);

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

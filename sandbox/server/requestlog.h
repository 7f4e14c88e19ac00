#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QString>

namespace tagdesk::sandbox {

// What the sandbox received, for GET /_sandbox/requests: tests and checks use it to see
// what Tagdesk really sent (how many pages, which mutations, retries).
class RequestLog {
public:
    explicit RequestLog(int limit)
        : m_limit(std::max(1, limit)) {}

    struct Entry {
        qint64 sequence = 0;
        QString method;
        QString path;
        QString service;
        QString operationName;
        QDateTime time;
        int status = 0; // 0 until answered (or never, for hangs and drops)
        QString fault;
    };

    qint64 add(Entry entry);
    void setOutcome(qint64 sequence, int status, const QString &fault);
    void clear() { m_entries.clear(); }
    QJsonArray toJson() const;
    qsizetype size() const { return m_entries.size(); }
    // Requests received per service since the start: kept whole, unlike the entries, which
    // keep only the last `limit`; clear() leaves them.
    const QHash<QString, qint64> &countsByService() const { return m_countsByService; }

private:
    Entry *find(qint64 sequence);

    int m_limit;
    QList<Entry> m_entries;
    QHash<QString, qint64> m_countsByService;
    qint64 m_next = 1;
};

} // namespace tagdesk::sandbox

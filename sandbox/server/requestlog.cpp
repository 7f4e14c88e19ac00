#include "server/requestlog.h"

#include <QJsonObject>

namespace tagdesk::sandbox {

qint64 RequestLog::add(Entry entry) {
    entry.sequence = m_next++;
    ++m_countsByService[entry.service];
    if (m_entries.size() >= m_limit)
        m_entries.remove(0, m_entries.size() - m_limit + 1);
    m_entries.append(std::move(entry));
    return m_entries.last().sequence;
}

RequestLog::Entry *RequestLog::find(qint64 sequence) {
    if (m_entries.isEmpty())
        return nullptr;
    // Sequences are consecutive from the first entry kept.
    const qint64 index = sequence - m_entries.first().sequence;
    if (index < 0 || index >= m_entries.size())
        return nullptr;
    return &m_entries[index];
}

void RequestLog::setOutcome(qint64 sequence, int status, const QString &fault) {
    if (Entry *e = find(sequence)) {
        e->status = status;
        e->fault = fault;
    }
}

QJsonArray RequestLog::toJson() const {
    QJsonArray out;
    for (const Entry &e : m_entries) {
        QJsonObject o{{QStringLiteral("sequence"), double(e.sequence)},
                      {QStringLiteral("method"), e.method},
                      {QStringLiteral("path"), e.path},
                      {QStringLiteral("service"), e.service},
                      {QStringLiteral("time"), e.time.toString(Qt::ISODateWithMs)},
                      {QStringLiteral("status"), e.status}};
        if (!e.operationName.isEmpty())
            o.insert(QStringLiteral("operationName"), e.operationName);
        if (!e.fault.isEmpty())
            o.insert(QStringLiteral("fault"), e.fault);
        out.append(o);
    }
    return out;
}

} // namespace tagdesk::sandbox

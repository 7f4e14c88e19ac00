#pragma once

#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

namespace tagdesk::sandbox {

// At most `maxRequests` per `windowMs` milliseconds for each key (a sliding window), the
// way Pixyle limits its live API per account token.
class RateLimiter {
public:
    RateLimiter(int maxRequests, qint64 windowMs);

    // Counts the request and returns 0 if it is allowed at `nowMs`; otherwise counts
    // nothing and returns how many milliseconds until one would be.
    qint64 admit(const QString &key, qint64 nowMs);

private:
    const int m_maxRequests;
    const qint64 m_windowMs;
    QMutex m_mutex;
    QHash<QString, QList<qint64>> m_admitted; // per key, times of admitted requests
};

} // namespace tagdesk::sandbox

#include "ratelimiter.h"

#include <QMutexLocker>

namespace tagdesk::sandbox {

RateLimiter::RateLimiter(int maxRequests, qint64 windowMs)
    : m_maxRequests(maxRequests)
    , m_windowMs(windowMs) {
}

qint64 RateLimiter::admit(const QString &key, qint64 nowMs) {
    QMutexLocker lock(&m_mutex);
    QList<qint64> &times = m_admitted[key];
    times.removeIf([&](qint64 time) { return time <= nowMs - m_windowMs; });
    if (times.size() >= m_maxRequests)
        return times.first() + m_windowMs - nowMs;
    times.append(nowMs);
    return 0;
}

} // namespace tagdesk::sandbox

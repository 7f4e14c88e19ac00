#include "shopify/costthrottle.h"

#include <algorithm>
#include <cmath>

namespace tagdesk {

void CostThrottle::update(const Status &status, Clock::time_point now) {
    m_status = Snapshot{status, now};
}

double CostThrottle::available(Clock::time_point now) const {
    if (!m_status)
        return 0;
    const double seconds = std::chrono::duration<double>(now - m_status->at).count();
    const double refilled =
        m_status->status.currentlyAvailable + std::max(0.0, seconds) * m_status->status.restoreRate;
    return std::min(m_status->status.maximumAvailable, refilled) - m_inFlight;
}

std::chrono::milliseconds CostThrottle::delayBefore(double cost, Clock::time_point now) const {
    if (!m_status)
        return std::chrono::milliseconds(0);
    const Status &s = m_status->status;
    // A request dearer than the whole bucket can never wait long enough: send it when
    // the bucket is full and let Shopify answer MAX_COST_EXCEEDED or charge it.
    const double needed = std::min(cost, s.maximumAvailable);
    const double missing = needed - available(now);
    if (missing <= 0)
        return std::chrono::milliseconds(0);
    if (s.restoreRate <= 0)
        return std::chrono::milliseconds(1000);
    // Shopify's buckets refill from empty within 20 s (1,000 points at 50 a second at the
    // least: https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits); a longer wait
    // comes from figures that are not Shopify's (a restoreRate of 1e-300 asked for 1e305 ms, past
    // what qint64 holds), so it is capped.
    const double wait = std::ceil(missing / s.restoreRate * 1000.0);
    return std::chrono::milliseconds(qint64(std::min(wait, double(maxDelay.count()))));
}

void CostThrottle::reserve(double cost) {
    m_inFlight += cost;
}

void CostThrottle::release(double cost) {
    m_inFlight = std::max(0.0, m_inFlight - cost);
}

void CostThrottle::throttled(Clock::time_point now) {
    if (!m_status)
        return;
    m_status->status.currentlyAvailable = 0;
    m_status->at = now;
}

} // namespace tagdesk

#include "taggers/requestpacer.h"

#include <algorithm>

namespace tagdesk {

RequestPacer::RequestPacer(int maxRequests, std::chrono::milliseconds window,
                           std::chrono::milliseconds margin)
    : m_maxRequests(std::max(1, maxRequests))
    , m_window(window)
    , m_margin(margin) {
}

std::chrono::milliseconds RequestPacer::waitBeforeStart(Clock::time_point now) const {
    if (m_starts.size() < m_maxRequests)
        return std::chrono::milliseconds(0);
    const Clock::time_point free = m_starts.first() + m_window + m_margin;
    if (free <= now)
        return std::chrono::milliseconds(0);
    // Rounded up: a wait cut short by rounding would only be asked again.
    return std::chrono::ceil<std::chrono::milliseconds>(free - now);
}

void RequestPacer::started(Clock::time_point now) {
    m_starts.append(now);
    while (m_starts.size() > m_maxRequests)
        m_starts.removeFirst();
}

} // namespace tagdesk

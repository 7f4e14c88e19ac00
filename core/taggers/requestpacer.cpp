#include "taggers/requestpacer.h"

#include <algorithm>

namespace tagdesk {

RequestPacer::RequestPacer(int maxRequests, std::chrono::milliseconds window,
                           std::chrono::milliseconds margin)
    : m_maxRequests(std::max(1, maxRequests))
    , m_window(window)
    , m_margin(margin) {
}

std::chrono::milliseconds RequestPacer::reserve(Clock::time_point now) {
    Clock::time_point start = now;
    if (m_starts.size() >= m_maxRequests)
        start = std::max(now, m_starts.at(m_starts.size() - m_maxRequests) + m_window + m_margin);
    // Booked starts only grow, so the last `m_maxRequests` are all that can matter.
    m_starts.append(start);
    while (m_starts.size() > m_maxRequests)
        m_starts.removeFirst();
    return std::chrono::duration_cast<std::chrono::milliseconds>(start - now);
}

} // namespace tagdesk

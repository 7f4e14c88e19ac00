#pragma once

#include <QList>

#include <chrono>

namespace tagdesk {

// At most `maxRequests` request starts in any window of `window` (a sliding window, the
// way a provider counts them): reserve() books the earliest free start and says how long
// to wait for it. Used where a provider documents a rate (Pixyle: 2 requests per second).
class RequestPacer {
public:
    using Clock = std::chrono::steady_clock;

    RequestPacer(int maxRequests, std::chrono::milliseconds window,
                 std::chrono::milliseconds margin = std::chrono::milliseconds(50));

    std::chrono::milliseconds reserve(Clock::time_point now);

private:
    int m_maxRequests;
    std::chrono::milliseconds m_window;
    // Requests arrive a little after they start, some later than others; the margin keeps
    // two of them from meeting inside the provider's window.
    std::chrono::milliseconds m_margin;
    QList<Clock::time_point> m_starts; // booked starts, oldest first
};

} // namespace tagdesk

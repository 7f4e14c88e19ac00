#pragma once

#include <QList>

#include <chrono>

namespace tagdesk {

// At most `maxRequests` request starts in any window of `window` (a sliding window, the way
// a provider counts them). Asked right before a request would go out, so a timer that fired
// late or a busy event loop never lets two requests leave closer together than allowed.
// Used where a provider documents a rate (Pixyle: 2 requests per second).
class RequestPacer {
public:
    using Clock = std::chrono::steady_clock;

    RequestPacer(int maxRequests, std::chrono::milliseconds window,
                 std::chrono::milliseconds margin = std::chrono::milliseconds(100));

    // How long to wait before a request may start at `now`; 0: it may start now.
    std::chrono::milliseconds waitBeforeStart(Clock::time_point now) const;
    // Records a request that starts now.
    void started(Clock::time_point now);

private:
    int m_maxRequests;
    std::chrono::milliseconds m_window;
    // Requests reach the provider a little after they leave, some later than others; the
    // margin keeps two of them from meeting inside the provider's window.
    std::chrono::milliseconds m_margin;
    QList<Clock::time_point> m_starts; // the last `m_maxRequests` starts, oldest first
};

} // namespace tagdesk

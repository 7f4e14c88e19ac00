#pragma once

#include <QtGlobal>

#include <chrono>
#include <optional>

namespace tagdesk {

// Shopify's leaky bucket as Tagdesk sees it
// (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits): every answer carries
// extensions.cost.throttleStatus; between answers the bucket refills at restoreRate.
// The one throttle for every Shopify request: ask it how long to wait before a request
// of a given cost so that the bucket is used fully but never overdrawn. Pure: the time
// is passed in, so it is tested without sleeping.
class CostThrottle {
public:
    using Clock = std::chrono::steady_clock;
    // The longest delayBefore() ever asks for.
    static constexpr std::chrono::milliseconds maxDelay{60'000};

    struct Status {
        double maximumAvailable = 0;
        double currentlyAvailable = 0;
        double restoreRate = 0; // points per second
    };

    // A new answer's throttleStatus: the truth as of `now`, minus what is still in flight.
    void update(const Status &status, Clock::time_point now);
    // How long to wait before sending a request expected to cost `cost`. Zero when the
    // bucket is unknown (first request) or holds enough.
    std::chrono::milliseconds delayBefore(double cost, Clock::time_point now) const;
    // Book `cost` for a request being sent now (several requests may be in flight).
    void reserve(double cost);
    // The request's answer came (or it failed): release what was booked for it.
    void release(double cost);
    // THROTTLED / 429 without a fresh status: assume an empty bucket as of now.
    void throttled(Clock::time_point now);

    std::optional<Status> known() const {
        return m_status ? std::optional(m_status->status) : std::nullopt;
    }
    double available(Clock::time_point now) const;

private:
    struct Snapshot {
        Status status;
        Clock::time_point at;
    };
    std::optional<Snapshot> m_status;
    double m_inFlight = 0;
};

} // namespace tagdesk

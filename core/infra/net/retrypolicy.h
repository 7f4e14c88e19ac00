#pragma once

#include <QByteArray>
#include <QDateTime>

#include <chrono>
#include <optional>

namespace tagdesk {

// What one attempt at a request came back with, as far as retrying cares.
struct AttemptOutcome {
    enum class Kind {
        Success,
        ConnectionError, // refused, reset, TLS handshake cut… — no HTTP answer
        HostNotFound,    // the name does not resolve: asking again will not change that
        Timeout,         // no progress within the transfer timeout
        HttpError,       // an HTTP status >= 400
        Throttled,       // HTTP 200 with a GraphQL THROTTLED error
        Malformed,       // an answer that could not be parsed (truncated, not JSON)
    };
    Kind kind = Kind::Success;
    int httpStatus = 0;
    std::optional<std::chrono::milliseconds> retryAfter; // from Retry-After or the throttle
};

// The one retry policy for every network client in Tagdesk: exponential
// backoff with full jitter on connection errors, timeouts, malformed answers, 5xx and 429
// (and GraphQL THROTTLED), honouring Retry-After; never a retry on any other 4xx, nor on a
// host name that does not resolve (a typo or no network: said at once, not after six tries).
class RetryPolicy {
public:
    struct Decision {
        bool retry = false;
        std::chrono::milliseconds delay{0};
    };

    int maxAttempts = 6;
    std::chrono::milliseconds baseDelay{400};
    std::chrono::milliseconds maxDelay{30'000};
    // A server may ask for a long pause (a throttle storm); we wait, but not forever.
    std::chrono::milliseconds maxRetryAfter{120'000};

    static bool isRetryable(const AttemptOutcome &outcome);

    // `attempt` is the number of attempts already made (1 after the first). `random` is
    // a uniformly distributed number in [0, 1): injected so the policy stays pure.
    Decision decide(int attempt, const AttemptOutcome &outcome, double random) const;

    // Retry-After as seconds ("120") or an HTTP date, relative to `now`.
    static std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray &value,
                                                                    const QDateTime &now);
};

} // namespace tagdesk

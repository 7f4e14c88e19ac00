#pragma once

#include <QDateTime>

#include <functional>

namespace tagdesk::sandbox {

// Shopify's leaky bucket of query cost points: `size` points, refilled at `restoreRate`
// points per second. A request is charged its requested cost up front and refunded the
// difference to its actual cost afterwards.
class CostBucket {
public:
    using Clock = std::function<qint64()>; // milliseconds, monotonic

    CostBucket(double size, double restoreRate, Clock clock = {});

    double size() const { return m_size; }
    double restoreRate() const { return m_restoreRate; }
    double available();

    // Takes `cost` points if that many are available; false means "throttled".
    bool tryCharge(double cost);
    void refund(double points);
    // Points charged and not refunded since the start: what the requests really cost. With
    // the bucket full at the start, (spent − size) ÷ restoreRate is the least time any
    // client could have taken for them (a benchmark's rate-limit bound).
    double spent() const { return m_spent; }

private:
    void refill();

    double m_size;
    double m_restoreRate;
    double m_available;
    double m_spent = 0;
    Clock m_clock;
    qint64 m_lastRefillMs = 0;
};

} // namespace tagdesk::sandbox

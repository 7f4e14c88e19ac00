#include "shopify/costbucket.h"

#include <QElapsedTimer>

#include <algorithm>

namespace tagdesk::sandbox {

namespace {

qint64 monotonicMs() {
    static QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.elapsed();
}

} // namespace

CostBucket::CostBucket(double size, double restoreRate, Clock clock)
    : m_size(size)
    , m_restoreRate(restoreRate)
    , m_available(size)
    , m_clock(clock ? std::move(clock) : Clock(monotonicMs)) {
    m_lastRefillMs = m_clock();
}

void CostBucket::refill() {
    const qint64 now = m_clock();
    const double elapsed = double(now - m_lastRefillMs) / 1000.0;
    m_lastRefillMs = now;
    m_available = std::min(m_size, m_available + elapsed * m_restoreRate);
}

double CostBucket::available() {
    refill();
    return m_available;
}

bool CostBucket::tryCharge(double cost) {
    refill();
    if (cost > m_available)
        return false;
    m_available -= cost;
    m_spent += cost;
    return true;
}

void CostBucket::refund(double points) {
    refill();
    m_available = std::min(m_size, m_available + std::max(0.0, points));
    m_spent -= std::max(0.0, points);
}

} // namespace tagdesk::sandbox

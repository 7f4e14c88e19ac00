// The one retry policy, the one Shopify throttle and the page sizer: pure rules, tested
// with injected randomness and time.
#include "net/retrypolicy.h"
#include "shopify/costthrottle.h"
#include "shopify/pagesizer.h"

#include <gtest/gtest.h>

using namespace tagdesk;
using namespace std::chrono_literals;
using Kind = AttemptOutcome::Kind;

TEST(RetryPolicy, RetriesConnectionErrorsTimeoutsServerErrorsAnd429) {
    for (const AttemptOutcome &o :
         {AttemptOutcome{Kind::ConnectionError, 0, {}}, AttemptOutcome{Kind::Timeout, 0, {}},
          AttemptOutcome{Kind::Malformed, 200, {}}, AttemptOutcome{Kind::Throttled, 200, {}},
          AttemptOutcome{Kind::HttpError, 500, {}}, AttemptOutcome{Kind::HttpError, 503, {}},
          AttemptOutcome{Kind::HttpError, 429, {}}})
        EXPECT_TRUE(RetryPolicy::isRetryable(o)) << int(o.kind) << " " << o.httpStatus;
}

TEST(RetryPolicy, NeverRetriesOtherClientErrorsOrSuccess) {
    for (int status : {400, 401, 402, 403, 404, 409, 422, 423})
        EXPECT_FALSE(RetryPolicy::isRetryable({Kind::HttpError, status, {}})) << status;
    EXPECT_FALSE(RetryPolicy::isRetryable({Kind::Success, 200, {}}));
    RetryPolicy p;
    EXPECT_FALSE(p.decide(1, {Kind::HttpError, 401, {}}, 0.5).retry);
}

TEST(RetryPolicy, BackoffGrowsExponentiallyWithFullJitterAndIsCapped) {
    RetryPolicy p;
    p.baseDelay = 100ms;
    p.maxDelay = 1000ms;
    p.maxAttempts = 20;
    const AttemptOutcome err{Kind::HttpError, 502, {}};
    EXPECT_EQ(p.decide(1, err, 0.999).delay, 99ms);
    EXPECT_EQ(p.decide(2, err, 0.999).delay, 199ms);
    EXPECT_EQ(p.decide(3, err, 0.5).delay, 200ms);
    EXPECT_EQ(p.decide(10, err, 0.999).delay, 999ms) << "capped at maxDelay";
    EXPECT_EQ(p.decide(3, err, 0.0).delay, 0ms) << "jitter reaches down to zero";
}

TEST(RetryPolicy, HonoursRetryAfterAsAFloor) {
    RetryPolicy p;
    p.baseDelay = 100ms;
    const auto d = p.decide(1, {Kind::HttpError, 429, 5000ms}, 0.1);
    EXPECT_TRUE(d.retry);
    EXPECT_EQ(d.delay, 5000ms);
    p.maxRetryAfter = 2000ms;
    EXPECT_EQ(p.decide(1, {Kind::HttpError, 429, 5000ms}, 0.1).delay, 2000ms);
}

TEST(RetryPolicy, StopsAfterMaxAttempts) {
    RetryPolicy p;
    p.maxAttempts = 3;
    const AttemptOutcome err{Kind::ConnectionError, 0, {}};
    EXPECT_TRUE(p.decide(2, err, 0.5).retry);
    EXPECT_FALSE(p.decide(3, err, 0.5).retry);
}

TEST(RetryPolicy, ParsesRetryAfterSecondsAndHttpDates) {
    const QDateTime now(QDate(2026, 10, 21), QTime(7, 28, 0), Qt::UTC);
    EXPECT_EQ(RetryPolicy::parseRetryAfter("120", now), 120000ms);
    EXPECT_EQ(RetryPolicy::parseRetryAfter(" 1.5 ", now), 1500ms);
    EXPECT_EQ(RetryPolicy::parseRetryAfter("Wed, 21 Oct 2026 07:28:30 GMT", now), 30000ms);
    EXPECT_EQ(RetryPolicy::parseRetryAfter("Wed, 21 Oct 2026 07:00:00 GMT", now), 0ms);
    EXPECT_FALSE(RetryPolicy::parseRetryAfter("soon", now).has_value());
    EXPECT_FALSE(RetryPolicy::parseRetryAfter("", now).has_value());
    EXPECT_FALSE(RetryPolicy::parseRetryAfter("-3", now).has_value());
}

TEST(CostThrottle, SendsAtOnceWhileTheBucketIsUnknownOrFull) {
    CostThrottle t;
    const auto now = CostThrottle::Clock::now();
    EXPECT_EQ(t.delayBefore(500, now), 0ms);
    t.update({2000, 2000, 100}, now);
    EXPECT_EQ(t.delayBefore(500, now), 0ms);
}

TEST(CostThrottle, WaitsExactlyUntilTheBucketHoldsTheCost) {
    CostThrottle t;
    const auto now = CostThrottle::Clock::now();
    t.update({2000, 100, 100}, now);
    EXPECT_EQ(t.delayBefore(352, now), 2520ms);
    EXPECT_EQ(t.delayBefore(352, now + 2520ms), 0ms) << "refilled meanwhile";
    EXPECT_NEAR(t.available(now + 100s), 2000, 1e-9) << "never above the maximum";
}

TEST(CostThrottle, InFlightRequestsAreBookedSoConcurrentOnesCannotOverdraw) {
    CostThrottle t;
    const auto now = CostThrottle::Clock::now();
    t.update({1000, 600, 50}, now);
    t.reserve(500);
    EXPECT_EQ(t.delayBefore(500, now), 8000ms) << "only 100 left once the first is booked";
    t.release(500);
    EXPECT_EQ(t.delayBefore(500, now), 0ms);
}

TEST(CostThrottle, AThrottledAnswerEmptiesTheBucket) {
    CostThrottle t;
    const auto now = CostThrottle::Clock::now();
    t.update({1000, 900, 50}, now);
    t.throttled(now);
    EXPECT_EQ(t.delayBefore(100, now), 2000ms);
}

TEST(CostThrottle, ARequestDearerThanTheBucketWaitsForAFullBucketOnly) {
    CostThrottle t;
    const auto now = CostThrottle::Clock::now();
    t.update({1000, 0, 100}, now);
    EXPECT_EQ(t.delayBefore(5000, now), 10000ms);
}

// UBSan in tests/fuzz/fuzz_shopify_answers (corpus: crash-throttle-restore-rate): a THROTTLED
// answer with a restoreRate of 1e-300 made the wait 1e305 ms, converted to qint64
// (undefined behaviour).
TEST(CostThrottle, AnAbsurdRestoreRateWaitsAMinuteAtMost) {
    CostThrottle t;
    const auto now = CostThrottle::Clock::now();
    t.update({2000, 0, 1e-300}, now);
    EXPECT_EQ(t.delayBefore(50, now), CostThrottle::maxDelay);
    t.update({2000, 0, 0.5}, now);
    EXPECT_EQ(t.delayBefore(50, now), CostThrottle::maxDelay) << "100 s is capped too";
    t.update({2000, 0, 1}, now);
    EXPECT_EQ(t.delayBefore(50, now), 50000ms) << "below the cap, the exact wait";
}

TEST(PageSizer, AsksForWhatIsWantedUntilAPageHasBeenPriced) {
    PageSizer sizer;
    EXPECT_EQ(sizer.pageSize(25, 1000), 25);
    EXPECT_EQ(sizer.pageSize(0, 1000), 1) << "never less than one";
    EXPECT_FALSE(sizer.costOf(10).has_value());
}

TEST(PageSizer, SizesPagesFromThePricePerNodeWithinTheBudget) {
    PageSizer sizer;
    sizer.priced(25, 877); // 35.08 a node
    EXPECT_EQ(sizer.pageSize(250, 1000), 28) << "2 + 28 x 35 = 982";
    EXPECT_EQ(sizer.pageSize(10, 1000), 10) << "never more than wanted";
    EXPECT_EQ(sizer.pageSize(250, 300), 8);
    EXPECT_EQ(sizer.pageSize(250, 20), 1) << "one node over the budget is still one";
    EXPECT_DOUBLE_EQ(*sizer.costOf(10), 350.8);
    sizer.priced(40, 1000); // 25 a node: an exact fit does not round down
    EXPECT_EQ(sizer.pageSize(250, 1000), 40);
}

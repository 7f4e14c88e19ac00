// How long a sync should take at the store's rate limit, worked out before it starts.

#include "sync/syncestimate.h"

#include <gtest/gtest.h>

using namespace tagdesk;

TEST(SyncEstimate, CountsOneMutationPerKindOfFieldAndTheTwoReads) {
    EXPECT_EQ(pushCallsPerProduct(Destination::Tags).mutations, 1);
    EXPECT_EQ(pushCallsPerProduct(Destination::Tags).reads, 2);
    EXPECT_EQ(pushCallsPerProduct(Destination::ProductType | Destination::Description).mutations, 1)
        << "one productUpdate carries the type and the description";
    EXPECT_EQ(pushCallsPerProduct(Destination::Tags | Destination::Metafields |
                                  Destination::ProductType | Destination::AltText)
                  .mutations,
              4);
}

TEST(SyncEstimate, WaitsOnlyForWhatTheBucketDoesNotHold) {
    const RateLimit standard{2000, 2000, 100}; // a standard plan's bucket, full
    // Tags only: 2 reads × 20 + 1 mutation × 10 = 50 points a product.
    const SyncEstimate small = estimateSync(10, Destination::Tags, standard, 500);
    EXPECT_FALSE(small.bulk);
    EXPECT_DOUBLE_EQ(small.points, 500);
    EXPECT_DOUBLE_EQ(small.waitSeconds.value(), 0) << "500 points fit in a full bucket";

    const SyncEstimate big = estimateSync(100, Destination::Tags, standard, 500);
    EXPECT_DOUBLE_EQ(big.points, 5000);
    EXPECT_DOUBLE_EQ(big.waitSeconds.value(), 30) << "(5,000 − 2,000) ÷ 100 points a second";

    const RateLimit drained{2000, 0, 50};
    EXPECT_DOUBLE_EQ(estimateSync(10, Destination::Tags, drained, 500).waitSeconds.value(), 10);
}

TEST(SyncEstimate, UnknownWithoutALimitAndOutsideTheBucketInBulk) {
    EXPECT_FALSE(estimateSync(10, Destination::Tags, std::nullopt, 500).waitSeconds.has_value());
    const SyncEstimate bulk = estimateSync(600, Destination::Tags, RateLimit{2000, 2000, 100}, 500);
    EXPECT_TRUE(bulk.bulk);
    EXPECT_DOUBLE_EQ(bulk.points, 0);
    EXPECT_DOUBLE_EQ(estimateSync(0, Destination::Tags, std::nullopt, 500).waitSeconds.value(), 0);
}

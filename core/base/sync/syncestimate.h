#pragma once

#include "domain/destination.h"

#include <QtGlobal>

#include <optional>

namespace tagdesk {

// Shopify's leaky bucket for this app on this store, as the last answer reported it
// (extensions.cost.throttleStatus;
// https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits).
struct RateLimit {
    double maximumAvailable = 0;
    double currentlyAvailable = 0;
    double restoreRate = 0; // points per second
};

// What one product's push asks of Shopify, in calls: the product read again just before
// the write (the conflict check), one mutation per kind of field written, and the read
// that checks the write was kept.
struct PushCalls {
    int reads = 0;
    int mutations = 0;
};
PushCalls pushCallsPerProduct(Destinations destinations);

// How long a sync of `products` products should take at the store's rate limit, before it
// starts. Shopify charges a mutation 10 points by default; a product read with its images
// and metafields is charged its requested cost, which for Tagdesk's read is taken as
// `readPoints`. A push of `bulkThreshold` products or more goes through bulk mutations,
// which Shopify runs on its side outside the bucket.
struct SyncEstimate {
    qint64 products = 0;
    bool bulk = false;
    double points = 0;                 // charged to the bucket in all (0 for bulk)
    std::optional<double> waitSeconds; // waiting for the bucket to refill; unknown without a limit
};
inline constexpr double mutationPoints = 10;
inline constexpr double defaultReadPoints = 20;
SyncEstimate estimateSync(qint64 products, Destinations destinations,
                          const std::optional<RateLimit> &limit, int bulkThreshold,
                          double readPoints = defaultReadPoints);

} // namespace tagdesk

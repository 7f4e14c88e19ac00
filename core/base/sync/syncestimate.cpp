#include "sync/syncestimate.h"

#include <algorithm>

namespace tagdesk {

PushCalls pushCallsPerProduct(Destinations destinations) {
    PushCalls calls;
    calls.reads = 2; // the conflict check before, the read-back after
    if (destinations.testFlag(Destination::Tags))
        ++calls.mutations; // tagsAdd (tagsRemove too when the job removes tags)
    if (destinations.testAnyFlags(Destination::Metafields | Destination::CategoryMetafields))
        ++calls.mutations; // one metafieldsSet carries both (a metaobject the store lacks is
                           // created once per sync, which a product's share does not count)
    if (destinations.testAnyFlags(Destination::ProductType | Destination::Description |
                                  Destination::Category))
        ++calls.mutations; // one productUpdate carries them all
    if (destinations.testFlag(Destination::AltText))
        ++calls.mutations; // fileUpdate
    return calls;
}

SyncEstimate estimateSync(qint64 products, Destinations destinations,
                          const std::optional<RateLimit> &limit, int bulkThreshold,
                          double readPoints) {
    SyncEstimate e;
    e.products = products;
    e.bulk = bulkThreshold > 0 && products >= bulkThreshold;
    if (products <= 0) {
        e.waitSeconds = 0;
        return e;
    }
    if (e.bulk) {
        // The bulk operation runs on Shopify's side; what it costs in time depends on
        // Shopify's queue, not on the bucket.
        return e;
    }
    const PushCalls calls = pushCallsPerProduct(destinations);
    e.points = double(products) * (calls.reads * readPoints + calls.mutations * mutationPoints);
    if (limit && limit->restoreRate > 0)
        e.waitSeconds = std::max(0.0, e.points - limit->currentlyAvailable) / limit->restoreRate;
    return e;
}

} // namespace tagdesk

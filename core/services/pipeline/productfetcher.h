#pragma once

#include "pipeline/runstep.h"
#include "storage/jobproductrepository.h"

#include <optional>

namespace tagdesk {

// Fetches the snapshot of each listed product that has none yet (products picked by
// hand, or left pending by an interrupted run), 20 per query, and stores them
// several at once (one writer task per `storeEvery` products, not one each: a task's
// hand-off to the writer and its savepoint cost more than the rows); a product gone from
// Shopify is that product's failure only. A run stopped before a group is stored fetches
// those products again when resumed.
class ProductFetcher : public RunStep {
public:
    explicit ProductFetcher(RunContext &run, QObject *parent = nullptr);

    // Fetches every pending product, then `then` — also when cancelled part way.
    void run(std::function<void()> then);

private:
    void nextBatch();
    // Reads `products` from Shopify in one query.
    void fetch(const QList<JobProduct> &products, std::function<void()> done);
    // Stores what was fetched since the last store, then `next`.
    void store(std::function<void()> next);

    static constexpr int storeEvery = 16;
    QList<JobProductRepository::Fetched> m_fetched;
    std::function<void()> m_then;
};

} // namespace tagdesk

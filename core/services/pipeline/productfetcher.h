#pragma once

#include "pipeline/runstep.h"

#include <optional>

namespace tagdesk {

// Fetches the snapshot of each listed product that has none yet (products picked by
// hand, or left pending by an interrupted run), a batch at a time, and stores it; a
// product gone from Shopify is that product's failure only.
class ProductFetcher : public RunStep {
public:
    explicit ProductFetcher(RunContext &run, QObject *parent = nullptr);

    // Fetches every pending product, then `then` — also when cancelled part way.
    void run(std::function<void()> then);

private:
    void nextBatch();
    void fetch(const JobProduct &product, std::function<void()> done);
    void store(const JobProduct &product, const std::optional<ProductSnapshot> &snapshot,
               std::function<void()> done);

    std::function<void()> m_then;
};

} // namespace tagdesk

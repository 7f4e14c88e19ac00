#pragma once

#include <optional>

namespace tagdesk {

// How many nodes one page of a paged query may ask for. Shopify prices a query before
// running it from its `first` arguments (requestedQueryCost), refuses one priced over
// the single-query limit with MAX_COST_EXCEEDED, and answers THROTTLED until the bucket
// holds the price, so a page dearer than the whole bucket is never served
// (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits).
// A page's price grows with `first`, so each priced page teaches the price of a node
// (its cost ÷ its size) and the next page is sized to fit. Pure: no network, no clock.
class PageSizer {
public:
    // What one query may cost on Shopify until an answer says otherwise
    // (https://shopify.dev/docs/api/usage/limits).
    static constexpr double shopifyMaxQueryCost = 1000;

    // A page of `first` nodes was priced `requestedCost`, answered or refused.
    void priced(int first, double requestedCost);

    // The page to ask for when up to `wanted` nodes are wanted and a query may cost at
    // most `budget` points: `wanted` until a page has been priced, then the most whose
    // price fits the budget. Never less than 1: a single node over the budget is for
    // Shopify to refuse and the caller to report.
    int pageSize(int wanted, double budget) const;

    // The price of a page of `first` nodes, once a page has been priced.
    std::optional<double> costOf(int first) const;

private:
    // The page's price ÷ its size: the fixed part of the price (the connection itself)
    // is spread over the nodes, so the estimate errs on the dear side for larger pages.
    std::optional<double> m_costPerNode;
};

} // namespace tagdesk

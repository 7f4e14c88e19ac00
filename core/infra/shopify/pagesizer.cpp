#include "shopify/pagesizer.h"

#include <algorithm>
#include <cmath>

namespace tagdesk {

void PageSizer::priced(int first, double requestedCost) {
    if (first > 0 && requestedCost > 0)
        m_costPerNode = requestedCost / first;
}

int PageSizer::pageSize(int wanted, double budget) const {
    const int most = std::max(1, wanted);
    if (!m_costPerNode)
        return most;
    // The epsilon keeps an exact fit (1000 points at 40 a node: 25) from rounding down.
    const double affordable = std::floor(budget / *m_costPerNode + 1e-9);
    return int(std::clamp(affordable, 1.0, double(most)));
}

std::optional<double> PageSizer::costOf(int first) const {
    if (!m_costPerNode)
        return std::nullopt;
    return *m_costPerNode * first;
}

} // namespace tagdesk

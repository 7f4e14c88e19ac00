#include "domain/productlist.h"

#include <algorithm>
#include <cmath>

namespace tagdesk {

int ConfidenceOverview::binOf(int tenths) {
    return std::clamp(tenths, 0, 9);
}

int ConfidenceOverview::hundredths(double confidence) {
    return std::clamp(int(std::floor(confidence * 100.0 + hundredthsSlack)), 0, 100);
}

qint64 ConfidenceOverview::pendingAtOrAbove(double threshold) const {
    const int from = hundredths(threshold);
    qint64 n = 0;
    for (int i = from; i < int(pendingByLowest.size()); ++i)
        n += pendingByLowest[size_t(i)];
    return n;
}

QStringList ProductGroup::all() const {
    QStringList ids = sameSuggestions;
    for (const QString &id : sameImage) {
        if (!ids.contains(id))
            ids << id;
    }
    return ids;
}

qint64 ConfidenceOverview::totalSuggestions() const {
    qint64 n = 0;
    for (qint64 bin : suggestionBins)
        n += bin;
    return n;
}

} // namespace tagdesk

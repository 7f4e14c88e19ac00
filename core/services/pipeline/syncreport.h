#pragma once

#include "util/result.h"

#include <QStringList>

#include <optional>

namespace tagdesk {

// What a sync (or revert) did, product by product counted.
struct SyncReport {
    int written = 0;   // written, and read back as written
    int unchanged = 0; // had nothing to write
    int conflicts = 0; // changed in Shopify meanwhile: nothing written
    int failed = 0;
    int waiting = 0;                // not attempted: the store could not be reached, or cancelled
    QStringList problems;           // one line per conflict or failure, naming the product
    std::optional<Error> stoppedBy; // why products were left waiting

    bool clean() const { return conflicts == 0 && failed == 0 && waiting == 0; }
};

} // namespace tagdesk

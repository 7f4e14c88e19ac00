#pragma once

#include "domain/destination.h"
#include "domain/product.h"
#include "domain/pushrecord.h"
#include "sync/changeplan.h"

#include <QList>

#include <optional>

namespace tagdesk {

// One product with what a push (or revert) of it would write, as the database has it:
// the snapshot, where it is saved, the approved values and the plan computed from them.
struct ProductChange {
    JobProduct product;
    Destinations destinations;
    QList<ApprovedValue> values;
    ChangePlan plan;
    // The plan an interrupted push or revert was writing, read back from the database:
    // some of its values may already be in Shopify.
    bool resumed = false;
    // A compare-and-set of this write was refused and the product checked again (once).
    bool recheckedAfterRefusal = false;
    std::optional<PushRecord> undoing; // revert: the push whose values are put back
    // Revert: metaobjects Tagdesk created for category metafields that nothing in the job
    // references once this product is reverted; deleted after its writes.
    QStringList metaobjectsToDelete = {};
};

} // namespace tagdesk

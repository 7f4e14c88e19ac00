#pragma once

#include "sync/productreview.h"

#include <QString>

namespace tagdesk::ui {

// The before → after of a product as rich text: one row per field the plan writes (the
// value it had when fetched, the value it would get), then what Shopify would refuse.
QString changePreviewHtml(const ProductReview &review, const ChangePlan &plan);

// The values a product's review settled on, as approving it would write them.
QList<ApprovedValue> valuesToWrite(const ProductReview &review);

} // namespace tagdesk::ui

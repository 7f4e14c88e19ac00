#pragma once

#include "taggers/taxonomy.h"
#include "util/result.h"

#include <QJsonObject>
#include <QList>
#include <QPair>

namespace tagdesk {

// Reads Pixyle's product answers
// (https://pixyleai.gitbook.io/pixyle.ai-documentation): one product is
// {sku, category, attributes{attr:{correct:[{tag: score}], all:[{tag: score}, …]}},
//  hex_codes, primary_image, extra_images, verified, errors?}.
namespace pixyle {

// The labels of one product answer.
//  - `category` has no score: it is what Pixyle processed the product as, so it counts as
//    certain (1.0).
//  - An attribute whose `correct` list is empty gives no value: Pixyle itself judged none
//    of its candidates right. Otherwise the `correct` tags come first, then up to
//    kAlternatives more from `all` as alternatives.
//  - Attribute names differ between Pixyle's answers ("sleeve_length", older ones with
//    spaces such as "mid rise"); the taxonomy takes either.
Result<QList<ProviderLabel>> productLabels(const QJsonObject &product);

// The products of a collection ("autotag multi") result, the shape Pixyle's batch API
// returns: {detected_categories:{cat:{products:{sku: product}}}, errors, no_detections}.
// The live single-product API answers one such product by itself.
QList<QPair<QString, QJsonObject>> autotagProducts(const QJsonObject &result);

inline constexpr int kAlternatives = 4;

} // namespace pixyle
} // namespace tagdesk

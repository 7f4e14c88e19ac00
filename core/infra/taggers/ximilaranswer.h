#pragma once

#include "taggers/taxonomy.h"
#include "util/result.h"

#include <QJsonObject>
#include <QList>

namespace tagdesk {

// Reads Ximilar's answers
// (https://docs.ximilar.com/services/fashion_tagging). One record per image:
// {_id, _status{code,text}, _objects[{name, prob, area, "Top Category"[…],
//  _tags{Feature:[{name, prob, id}]}, _tags_simple}]}.
namespace ximilar {

// The labels one record holds, or why the record carries none (its `_status` says
// Ximilar could not read the image).
//  - Of several detected objects only the main one (largest area × probability) is the
//    product: a dress photo may also show the model's shoes.
//  - "Top Category" ("Clothing") is used only when the object has no "Category": it is the
//    coarser word for the same thing and, with probability 1.0, would always win.
//  - The answer of `/v2/tags` has `_tags` on the record itself; read too.
//  - Feature lists beside `_objects` on the record (Ximilar's collectibles example has
//    "Graded Slab" there) are read as well; plain strings there ("Category": "Card/…")
//    only repeat an object's tag without a probability and are skipped.
Result<QList<ProviderLabel>> recordLabels(const QJsonObject &record);

// The records of a whole answer, `{"records": […], "status": {…}}`.
QList<QJsonObject> records(const QJsonObject &envelope);

// A record's `_status.code`; 200 when the record has none (Ximilar omits it on success in
// some answers).
int recordStatusCode(const QJsonObject &record);

} // namespace ximilar
} // namespace tagdesk

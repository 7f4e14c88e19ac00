#pragma once

#include "domain/destination.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <initializer_list>

namespace tagdesk::ui::fieldvalues {

// The field keys of productfields (tags, product type, description, metafields, alt texts)
// found in any of `objects`, in the order a person reads a product: the fixed fields
// first, then metafields and alt texts by key. Keys that are not fields (the push log and
// the conflict record keep "updatedAt" beside them) are left out.
QStringList orderedKeys(std::initializer_list<QJsonObject> objects);

// A field value as one line of text: a tag list joined with commas, a missing metafield or
// image as "(none)".
QString text(const QJsonValue &value);

// Where Tagdesk writes a field: a conflict can be settled per destination (see
// ConflictChoice::only), so fields of one destination are kept or left together.
Destination destinationOf(const QString &fieldKey);

} // namespace tagdesk::ui::fieldvalues

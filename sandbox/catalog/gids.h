#pragma once

#include <QString>

#include <optional>

namespace tagdesk::sandbox {

// "gid://shopify/<type>/<number>"
QString shopifyGid(const QString &type, qint64 number);

// The number at the end of a gid ("gid://shopify/Product/42" → 42) or of a bare number
// ("42" → 42); nothing if there is none.
std::optional<qint64> gidNumber(const QString &idOrGid);

// A URL handle from a title: "Navy Floral Midi Dress" → "navy-floral-midi-dress".
QString handleFromTitle(const QString &title);

} // namespace tagdesk::sandbox

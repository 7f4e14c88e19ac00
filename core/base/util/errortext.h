#pragma once

#include "util/result.h"

#include <QString>

namespace tagdesk {

// What a kind of error is called where a person reads it ("Token rejected", "Scope
// missing", …), so the CLI, the Settings dialog and the status bar name each the same way.
// Empty for Failed and InvalidInput, whose message says all there is to say.
QString errorKindText(const Error &error);

// The line a person reads: the kind, then the message ("Token rejected: shop refused the
// access token (HTTP 401) …"); the message alone for a generic failure or a bad input.
QString errorText(const Error &error);

} // namespace tagdesk

#pragma once

#include <QDateTime>

#include <functional>

namespace tagdesk::sandbox {

// The time as the tagger endpoints see it (token expiry, rate limits, `created`);
// injected so tests can move it.
using Clock = std::function<QDateTime()>;

} // namespace tagdesk::sandbox

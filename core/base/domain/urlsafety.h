#pragma once

#include "util/result.h"

#include <QUrl>

namespace tagdesk {

// Where Tagdesk may send credentials: https anywhere, plain http only to this computer
// (the sandbox, a local vision model). One rule for the store address, the taggers'
// endpoints and every request the HTTP client sends.
bool isLoopbackUrl(const QUrl &url);
Status checkUrlIsSafe(const QUrl &url);

} // namespace tagdesk

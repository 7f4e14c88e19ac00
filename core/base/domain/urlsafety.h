#pragma once

#include "util/result.h"

#include <QUrl>

namespace tagdesk {

// Where Tagdesk may send credentials: https anywhere, plain http only to this computer
// (the sandbox, a local vision model). One rule for the store address, the taggers'
// endpoints and every request the HTTP client sends.
bool isLoopbackUrl(const QUrl &url);
Status checkUrlIsSafe(const QUrl &url);
// "scheme://host:port" with the scheme's default port filled in and the host in lower case:
// two URLs with the same origin reach the same server (RFC 6454).
QString urlOrigin(const QUrl &url);
// Whether a request to `from` may follow a redirect to `to`: never from https to http, and a
// request carrying credentials (a token header, a key, a body) never to another origin —
// the token would go to a host it was not meant for.
Status checkRedirect(const QUrl &from, const QUrl &to, bool carriesCredentials);

} // namespace tagdesk

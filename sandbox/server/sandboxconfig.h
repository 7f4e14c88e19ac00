#pragma once

#include "server/faults.h"
#include "shopify/shopifyapi.h"
#include "taggers/taggerendpoints.h"

#include <QString>

namespace tagdesk::sandbox {

// Everything the sandbox server can be told: the same struct serves the tagdesk-sandbox
// command line, `tagdesk --demo` and the tests, which run the server in-process.
struct SandboxConfig {
    quint16 port = 0;  // 0: any free port
    QString statePath; // store state file; empty keeps the store in memory only
    ShopifyConfig shopify;
    TaggerCredentials taggers; // what the tagger endpoints accept
    FaultPlan faults;
    int requestLogLimit = 100000; // oldest entries are dropped beyond this
};

} // namespace tagdesk::sandbox

#pragma once

#include "server/sandboxconfig.h"
#include "util/result.h"

#include <QStringList>

namespace tagdesk::sandbox {

// What the tagdesk-sandbox command line asks for.
struct SandboxOptions {
    SandboxConfig config;
    QString catalogPath; // empty: the built-in demo catalog
    int products = 0;    // grow the catalog to this many products (0: as loaded)
};

// Parses tagdesk-sandbox's arguments (argv[0] first). --help and --version print and exit
// inside; a bad flag or file gives an Error naming it.
Result<SandboxOptions> parseSandboxArguments(const QStringList &arguments);

} // namespace tagdesk::sandbox

#pragma once

#include "util/result.h"

#include <QTextStream>

namespace tagdesk::cli {

// Exit codes of tagdesk-cli (README "Command line").
enum ExitCode { Ok = 0, UsageError = 1, Failed = 2, PartlyFailed = 3 };

// The exit code of a command that stopped with `error`: 1 when what was typed is wrong
// (InvalidInput), 2 for everything else, so a script sees the same code for a revoked
// token whichever command met it.
int exitCodeFor(const Error &error);

// The one way a command reports the error it stopped with: "tagdesk-cli: <kind>: <message>"
// on `err` (util/errortext.h), and its exit code.
int reportError(QTextStream &err, const Error &error);

} // namespace tagdesk::cli

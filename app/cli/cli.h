#pragma once

#include "util/result.h"

#include <QStringList>
#include <QTextStream>

namespace tagdesk::cli {

// Exit codes of tagdesk-cli (README "Command line").
enum ExitCode { Ok = 0, UsageError = 1, Failed = 2, PartlyFailed = 3 };

// Runs one tagdesk-cli invocation: parses `arguments` (argv without the program name),
// runs the command, writes results to `out` and one-line errors to `err`.
int run(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace tagdesk::cli

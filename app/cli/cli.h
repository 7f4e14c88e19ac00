#pragma once

#include "cli/errorreport.h"
#include "domain/preferences.h"
#include "util/result.h"

#include <QStringList>
#include <QTextStream>

namespace tagdesk::cli {

// Runs one tagdesk-cli invocation: parses `arguments` (argv without the program name),
// runs the command with the user's `preferences` (main() loads them), writes results to
// `out` and one-line errors to `err`.
int run(const QStringList &arguments, const Preferences &preferences, QTextStream &out,
        QTextStream &err);

} // namespace tagdesk::cli

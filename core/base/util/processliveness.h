#pragma once

#include <QtGlobal>

namespace tagdesk {

// Whether a process with this id runs on this computer now. A process that exited (or was
// killed) is not alive; one we may not signal (another user's) still counts as alive.
bool isProcessAlive(qint64 pid);

} // namespace tagdesk

#pragma once

#include <QString>
#include <QtGlobal>

namespace tagdesk {

// Where a job run (or a sync) is, as the screens and the CLI show it.
struct JobProgress {
    // Pushing and Reverting are a sync's (SyncRunner), shown the same way.
    enum class Phase {
        Starting,
        Listing,
        Fetching,
        Downloading,
        Analysing,
        Pushing,
        Reverting,
        Finished
    };
    Phase phase = Phase::Starting;
    qint64 done = 0;  // in this phase
    qint64 total = 0; // in this phase, when known
    double perSecond = 0;
    qint64 secondsLeft = -1; // -1 when not yet known

    QString describe() const;
};

} // namespace tagdesk

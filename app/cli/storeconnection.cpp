#include "storeconnection.h"

#include <optional>

namespace tagdesk::cli {

WorkResult runWork(WorkHost &host, const WorkRequest &request) {
    std::optional<WorkResult> outcome;
    QObject::connect(&host, &WorkHost::finished, &host,
                     [&outcome, jobId = request.jobId](qint64 job, const WorkResult &result) {
                         if (job == jobId)
                             outcome = result;
                     });
    if (const Status started = host.start(request); !started) {
        WorkResult refused;
        refused.kind = request.kind;
        refused.status = started;
        return refused;
    }
    awaitSignal(&host, &WorkHost::finished, [&] { return outcome.has_value(); });
    return *outcome;
}

} // namespace tagdesk::cli

#pragma once

#include "domain/decision.h"
#include "pipeline/jobreader.h"

#include <QTextStream>

namespace tagdesk {
class DatabaseWriter;
}

namespace tagdesk::cli {

// The commands that need no network: what a sync would write, per-attribute decisions,
// undo, the push history, open conflicts and the CSV export. Each returns the exit code.
struct OfflineCommand {
    const JobReader &reader;
    DatabaseWriter &writer;
    qint64 jobId;
    bool json;
    QTextStream &out;
    QTextStream &err;
};

int previewJob(const OfflineCommand &c, const QStringList &productIds);
int decideAttribute(const OfflineCommand &c, const QString &productId,
                    const AttributeDecision &decision, const QString &reviewer);
int undoDecisions(const OfflineCommand &c, int count, const QString &reviewer);
int showHistory(const OfflineCommand &c, const QString &productId);
int listConflicts(const OfflineCommand &c);
int exportCsv(const OfflineCommand &c, const QString &path);

} // namespace tagdesk::cli

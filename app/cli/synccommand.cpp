#include "synccommand.h"

#include "cli.h"
#include "pipeline/jobreader.h"
#include "pipeline/workhost.h"
#include "settings/account.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tagdesk::cli {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

} // namespace

int syncJob(qint64 jobId, const RunOptions &options, const SyncOptions &sync,
            const DatabaseConfig &database, DatabaseWriter &writer, QTextStream &out,
            QTextStream &err) {
    const JobReader jobs(database);
    if (auto job = jobs.summary(jobId); !job)
        return reportError(err, job.error());
    const bool pushing = sync.mode == WorkKind::Push;
    WorkRequest request = WorkRequest::sync(pushing ? WorkKind::Push : WorkKind::Revert, jobId,
                                            sync.who, options.account->preferences().bulkPushMin);
    request.productIds = sync.productIds;
    request.retryFailed = sync.retryFailed;
    WorkHost host(writer, *options.account);
    const WorkResult outcome = runWork(host, request);
    if (!outcome.status) {
        // Offline is not a failure of the approvals: they wait in the queue.
        if (outcome.status.error().isTransient()) {
            auto summary = jobs.summary(jobId);
            const qint64 waiting = summary ? summary->tally.waitingToSync : 0;
            reportError(err, outcome.status.error());
            err << "tagdesk-cli: "
                << Texts::tr("%n approved product(s) wait; job %1 stays %2", nullptr, int(waiting))
                       .arg(jobId)
                       .arg(summary ? jobStatusText(summary->status) : QString())
                << Qt::endl;
            return Failed;
        }
        return reportError(err, outcome.status.error());
    }
    const SyncReport &report = outcome.report;

    auto summary = jobs.summary(jobId);
    if (!summary)
        return reportError(err, summary.error());
    if (sync.json) {
        QJsonObject o{{QStringLiteral("job"), jobId},
                      {QStringLiteral("status"), jobStatusKey(summary->status)},
                      {QStringLiteral("written"), report.written},
                      {QStringLiteral("unchanged"), report.unchanged},
                      {QStringLiteral("conflicts"), report.conflicts},
                      {QStringLiteral("failed"), report.failed},
                      {QStringLiteral("waiting"), report.waiting},
                      {QStringLiteral("problems"), QJsonArray::fromStringList(report.problems)}};
        if (report.stoppedBy)
            o.insert(QStringLiteral("stoppedBy"), report.stoppedBy->message);
        out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        out << (pushing ? Texts::tr("Job %1: %2 — %3 pushed, %4 unchanged, %5 in conflict, "
                                    "%6 failed, %7 waiting")
                        : Texts::tr("Job %1: %2 — %3 reverted, %4 unchanged, %5 in conflict, "
                                    "%6 failed, %7 waiting"))
                   .arg(jobId)
                   .arg(jobStatusText(summary->status))
                   .arg(report.written)
                   .arg(report.unchanged)
                   .arg(report.conflicts)
                   .arg(report.failed)
                   .arg(report.waiting)
            << Qt::endl;
        for (const QString &line : report.problems)
            out << "  " << line << Qt::endl;
    }
    if (report.stoppedBy) {
        err << "tagdesk-cli: " << report.stoppedBy->message << Qt::endl;
        return Failed;
    }
    return report.clean() ? int(Ok) : int(PartlyFailed);
}

int resolveConflicts(qint64 jobId, const RunOptions &options, const QStringList &productIds,
                     const ConflictChoice &choice, DatabaseWriter &writer, QTextStream &out,
                     QTextStream &err) {
    WorkHost host(writer, *options.account);
    const WorkResult outcome = runWork(host, WorkRequest::resolve(jobId, productIds, choice));
    if (!outcome.status)
        return reportError(err, outcome.status.error());
    const int settled = outcome.settled;
    out << (choice.keep == ConflictChoice::Keep::Mine
                ? Texts::tr("%n product(s) queued again with Tagdesk's values; run 'sync %1'",
                            nullptr, settled)
                : Texts::tr("%n product(s) keep Shopify's values; nothing will be written", nullptr,
                            settled))
               .arg(jobId)
        << Qt::endl;
    return Ok;
}

} // namespace tagdesk::cli

#include "runcommand.h"

#include "cli.h"
#include "pipeline/jobreader.h"
#include "pipeline/workhost.h"
#include "storeconnection.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>

#include <cstdio>
#include <unistd.h>

namespace tagdesk::cli {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

} // namespace

int runJob(qint64 jobId, const RunOptions &options, const DatabaseConfig &database,
           DatabaseWriter &writer, QTextStream &out, QTextStream &err) {
    const JobReader reader(database);
    auto job = reader.job(jobId);
    if (!job)
        return reportError(err, job.error());

    WorkHost host(writer, *options.account);
    QObject::connect(&host, &WorkHost::connected, &host,
                     [&err](qint64, const StoreIdentity &store) {
                         if (!store.warning.isEmpty())
                             err << "tagdesk-cli: warning: " << store.warning << Qt::endl;
                     });

    QString lastLine;
    // On a terminal one line is redrawn in place; into a file or pipe, a line is written
    // when the phase changes and at most every two seconds.
    const bool terminal = isatty(fileno(stderr));
    QElapsedTimer sinceLine;
    JobProgress::Phase lastPhase = JobProgress::Phase::Starting;
    QObject::connect(&host, &WorkHost::progress, &host, [&](qint64, const JobProgress &p) {
        if (!options.progressLines)
            return;
        const QString line = p.describe();
        if (line == lastLine)
            return;
        if (terminal) {
            err << "\r" << line.leftJustified(70) << Qt::flush;
        } else {
            if (p.phase == lastPhase && sinceLine.isValid() && sinceLine.elapsed() < 2000)
                return;
            err << line << Qt::endl;
            sinceLine.start();
            lastPhase = p.phase;
        }
        lastLine = line;
    });
    // The host asks the store who it is before any work: a bad token, another store than
    // the job's or a missing scope fails here, at once.
    const Status outcome = runWork(host, WorkRequest::run(jobId, job->tagger)).status;
    if (terminal && options.progressLines && !lastLine.isEmpty())
        err << Qt::endl;
    if (!outcome)
        return reportError(err, outcome.error());

    auto summary = reader.summary(jobId);
    if (!summary)
        return reportError(err, summary.error());
    const ProductTally &t = summary->tally;
    out << Texts::tr("Job %1: %2 — %3 products, %4 analysed, %5 failed, %6 skipped")
               .arg(jobId)
               .arg(jobStatusText(summary->status))
               .arg(t.total)
               .arg(t.analysed)
               .arg(t.failed)
               .arg(t.skipped)
        << Qt::endl;
    return t.failed > 0 ? int(PartlyFailed) : int(Ok);
}

} // namespace tagdesk::cli

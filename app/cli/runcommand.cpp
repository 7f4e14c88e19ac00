#include "runcommand.h"

#include "cli.h"
#include "common/demostore.h"
#include "pipeline/jobrunner.h"
#include "pipeline/jobservice.h"
#include "secrets/secretstore.h"
#include "settings/accountsettings.h"
#include "storage/jobrepository.h"
#include "storage/schema.h"
#include "storeconnection.h"
#include "taggers/taggerfactory.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStandardPaths>

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
    const auto fail = [&err](const Error &e) {
        err << "tagdesk-cli: " << e.message << Qt::endl;
        return int(Failed);
    };
    auto reader = openDatabase(database);
    if (!reader)
        return fail(reader.error());
    auto job = JobRepository(*reader.value()).find(jobId);
    if (!job)
        return fail(job.error());

    auto session = StoreConnection::open(options);
    if (!session)
        return fail(session.error());
    HttpClient &http = session.value()->http();
    ShopifyClient &shopify = session.value()->shopify();
    if (!session.value()->connection().canWriteProducts)
        err << "tagdesk-cli: warning: "
            << Texts::tr("the token for %1 cannot write products (no write_products scope): "
                         "analysis works, "
                         "but sync will be refused")
                   .arg(shopify.store().domain())
            << Qt::endl;

    KeychainSecretStore keychain;
    auto taggerSettings =
        options.demo ? Result<TaggerSettings>(options.demo->taggerSettings())
                     : await(accountsettings::resolveTaggerSettings(job->tagger, keychain));
    if (!taggerSettings)
        return fail(taggerSettings.error());
    auto tagger = makeTagger(job->tagger, taggerSettings.value(), &http);
    if (!tagger)
        return fail(tagger.error());

    const QString cacheFolder =
        options.demo ? DemoStore::imageCachePath()
                     : QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                           .filePath(QStringLiteral("images"));
    ImageCache images(cacheFolder);
    RunnerServices services{&writer, &shopify, &http, &images, tagger.value().get()};
    services.imageCacheCapBytes = accountsettings::imageCacheCapBytes();
    JobRunner runner(services, jobId);

    Status outcome;
    bool done = false;
    QString lastLine;
    // On a terminal one line is redrawn in place; into a file or pipe, a line is written
    // when the phase changes and at most every two seconds.
    const bool terminal = isatty(fileno(stderr));
    QElapsedTimer sinceLine;
    JobProgress::Phase lastPhase = JobProgress::Phase::Starting;
    QObject::connect(&runner, &JobRunner::progress, &runner, [&](const JobProgress &p) {
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
    QObject::connect(&runner, &JobRunner::finished, &runner, [&](const Status &result) {
        outcome = result;
        done = true;
    });
    runner.start();
    awaitSignal(&runner, &JobRunner::finished, [&] { return done; });
    if (terminal && options.progressLines && !lastLine.isEmpty())
        err << Qt::endl;
    if (!outcome)
        return fail(outcome.error());

    auto summary = JobService(*reader.value(), writer).summary(jobId);
    if (!summary)
        return fail(summary.error());
    const ProductTally &t = summary->tally;
    out << Texts::tr("Job %1: %2 — %3 products, %4 analysed, %5 failed")
               .arg(jobId)
               .arg(jobStatusText(summary->status))
               .arg(t.total)
               .arg(t.analysed)
               .arg(t.failed)
        << Qt::endl;
    return t.failed > 0 ? int(PartlyFailed) : int(Ok);
}

} // namespace tagdesk::cli

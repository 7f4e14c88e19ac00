// P7: start to first window with a saved database, as processes — Tagdesk (not demo)
// against an empty QMainWindow program (and, for reference, the same program showing a
// twelve-row list: empty_window.cpp says why), all ending at their first paint
// (app/gui/firstpaintprobe.h), offscreen, alternating, median of the rounds. The saved
// database holds twelve jobs of 1,000 analysed products each, written through the app's
// own services before the first round.
#include "../common/figure.h"
#include "../common/jobproducts.h"
#include "pipeline/jobdatabase.h"
#include "pipeline/jobservice.h"
#include "storage/connection.h"
#include "storage/databasewriter.h"
#include "storage/jobproductrepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <vector>

using namespace tagdesk;

namespace {

constexpr int patientMs = 60 * 1000;

template <typename T> T await(QFuture<T> future) {
    future.waitForFinished();
    return future.result();
}

void writeSavedDatabase(const QString &path, int jobs, int productsPerJob) {
    const DatabaseConfig config = DatabaseConfig::sqlite(path);
    auto database = JobDatabase::open(config);
    if (!database)
        qFatal("bench_startup: %s", qPrintable(database.error().message));
    DatabaseWriter &writer = database.value()->writer();
    for (int j = 0; j < jobs; ++j) {
        NewJob request;
        request.name = QStringLiteral("Summer catalogue %1").arg(j + 1);
        auto job = await(JobService(writer).create(request));
        if (!job)
            qFatal("bench_startup: %s", qPrintable(job.error().message));
        const QList<JobProduct> products =
            bench::analysedShirts(productsPerJob, j * productsPerJob);
        const qint64 id = job->id;
        auto added = await(writer.submit<bool>([=](Connection &conn) -> Result<bool> {
            if (auto a = JobProductRepository(conn).addProducts(id, products); !a)
                return a.error();
            return true;
        }));
        if (!added)
            qFatal("bench_startup: %s", qPrintable(added.error().message));
    }
}

// Milliseconds from starting `program` to its "first paint" line.
double msToFirstPaint(const QString &program, const QStringList &arguments,
                      const QProcessEnvironment &environment) {
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    QByteArray out;
    while (!out.contains("first paint")) {
        if (!process.waitForReadyRead(patientMs))
            qFatal("bench_startup: %s never painted its window (%s)", qPrintable(program),
                   qPrintable(process.errorString()));
        out += process.readAllStandardOutput();
    }
    const double ms = clock.nsecsElapsed() / 1e6;
    if (!process.waitForFinished(patientMs) || process.exitCode() != 0)
        qFatal("bench_startup: %s did not end cleanly", qPrintable(program));
    return ms;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QTemporaryDir home;
    const QString database = home.filePath(QStringLiteral("saved.sqlite"));
    writeSavedDatabase(database, 12, bench::quick() ? 100 : 1000);

    // A home of its own: no settings, keychain or caches of the person running it.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("TAGDESK_EXIT_ON_FIRST_PAINT"), QStringLiteral("1"));

    const QString tagdesk = QStringLiteral(TAGDESK_BENCH_APP);
    const QString empty = QStringLiteral(TAGDESK_BENCH_EMPTY_WINDOW);
    // A first start of each warms the page cache, as a person's second start finds it.
    msToFirstPaint(empty, {}, environment);
    msToFirstPaint(tagdesk, {QStringLiteral("--db"), database}, environment);
    std::vector<double> appMs;
    std::vector<double> emptyMs;
    std::vector<double> listMs;
    const QStringList list{QStringLiteral("--list")};
    const int rounds = bench::quick() ? 3 : 11;
    for (int round = 0; round < rounds; ++round) {
        emptyMs.push_back(msToFirstPaint(empty, {}, environment));
        appMs.push_back(msToFirstPaint(tagdesk, {QStringLiteral("--db"), database}, environment));
        listMs.push_back(msToFirstPaint(empty, list, environment));
        std::printf("round %d: Tagdesk %.1f ms, empty QMainWindow %.1f ms, a 12-row list %.1f ms\n",
                    round + 1, appMs.back(), emptyMs.back(), listMs.back());
    }
    // Not a figure: where the least window that shows text stands against the same baseline.
    std::printf("reference: a QMainWindow showing a 12-row QTreeWidget takes %.1f ms, %.2f× the "
                "empty one; Tagdesk takes %.2f× that window\n",
                bench::median(listMs), bench::median(listMs) / bench::median(emptyMs),
                bench::median(appMs) / bench::median(listMs));
    bench::printRatio("P7", "start to first window (saved database of 12 jobs, not demo)",
                      bench::median(appMs), bench::median(emptyMs), "empty QMainWindow app", 1.5);
    return 0;
}

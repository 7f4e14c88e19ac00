// P2: tagging throughput at concurrency C = 1, 4, 8, 16 against a model that takes L to
// answer, measured against its bound C/L (goal: ≥ 90 % at every C). The model is the
// sandbox's OpenAI-compatible endpoint with a fixed latency (FaultPlan "openai:latency=L-L",
// as `tagdesk-sandbox --fault openai:latency=L-L`), in this process on a thread of its own;
// Tagdesk's OpenAiTagger and HttpClient call it over loopback as they call a real one. Each
// C keeps C calls in flight (a new one starts as one ends, as a job run does) for a fixed
// number of calls, after one round that opens the connections; the median of three runs.
// `--quick`: a shorter latency and fewer calls, for a smoke run; BENCH_LATENCY_MS sets L.
#include "net/httpclient.h"
#include "server/sandboxserver.h"
#include "taggers/openaitagger.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace tagdesk;

namespace {

// Calls the tagger `calls` times with at most `concurrency` in flight; seconds taken.
double runCalls(OpenAiTagger &tagger, const TaggerImage &image, int calls, int concurrency) {
    int started = 0;
    int finished = 0;
    int failed = 0;
    QObject context;
    QElapsedTimer clock;
    clock.start();
    std::function<void()> startOne = [&] {
        ++started;
        tagger.analyse({image}).then(&context, [&](const Result<QList<Result<TaggerAnswer>>> &r) {
            ++finished;
            if (!r || r->isEmpty() || !r->first())
                ++failed;
            if (started < calls)
                startOne();
        });
    };
    for (int i = 0; i < std::min(concurrency, calls); ++i)
        startOne();
    while (finished < calls)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    const double seconds = clock.nsecsElapsed() / 1e9;
    if (failed > 0)
        qFatal("bench_tagging: %d of %d calls failed", failed, calls);
    return seconds;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick")) ||
                       qEnvironmentVariableIntValue("TAGDESK_BENCH_QUICK") == 1;
    const int latencyMs = qEnvironmentVariableIntValue("BENCH_LATENCY_MS") > 0
                              ? qEnvironmentVariableIntValue("BENCH_LATENCY_MS")
                          : quick ? 100
                                  : 250;
    const int roundsPerRun = quick ? 3 : 8; // calls per run: C × this
    const int runs = 3;

    QFile photo(QStringLiteral(TAGDESK_BENCH_IMAGES) +
                QStringLiteral("/dress__35f157d0-53e4-4496-b087-da4ad63edd47.jpg"));
    if (!photo.open(QIODevice::ReadOnly))
        qFatal("bench_tagging: cannot read %s", qPrintable(photo.fileName()));
    const TaggerImage image{QStringLiteral("gid://shopify/MediaImage/1"), QStringLiteral("bench"),
                            photo.readAll(), QStringLiteral("image/jpeg")};

    // The model on its own thread, so its work does not delay the client's event loop.
    QThread modelThread;
    QObject modelContext;
    modelContext.moveToThread(&modelThread);
    modelThread.start();
    sandbox::SandboxConfig config;
    if (!config.faults.addFlag(QStringLiteral("openai:latency=%1-%1").arg(latencyMs)))
        qFatal("bench_tagging: bad fault flag");
    QString baseUrl;
    sandbox::SandboxServer *server = nullptr;
    QMetaObject::invokeMethod(
        &modelContext,
        [&] {
            server = new sandbox::SandboxServer(config, sandbox::Catalog{});
            if (!server->start())
                qFatal("bench_tagging: the sandbox did not start");
            baseUrl = server->baseUrl();
        },
        Qt::BlockingQueuedConnection);

    QNetworkAccessManager network;
    HttpClient::Options options;
    options.transferTimeout = std::chrono::milliseconds(60'000);
    HttpClient http(&network, options);

    std::printf("%-4s %12s %12s %8s\n", "C", "calls/s", "C/L", "of C/L");
    for (int concurrency : {1, 4, 8, 16}) {
        OpenAiTagger::Settings settings;
        settings.url = QUrl(baseUrl);
        settings.key = QStringLiteral("sk-sandbox");
        settings.model = QStringLiteral("sandbox-vision");
        settings.concurrency = concurrency;
        OpenAiTagger tagger(settings, &http);
        runCalls(tagger, image, concurrency, concurrency); // opens the connections
        std::vector<double> rates;
        const int calls = concurrency * roundsPerRun;
        for (int run = 0; run < runs; ++run)
            rates.push_back(calls / runCalls(tagger, image, calls, concurrency));
        const double rate = median(rates);
        const double bound = concurrency * 1000.0 / latencyMs;
        const double share = rate / bound;
        std::printf("%-4d %12.2f %12.2f %7.1f%%\n", concurrency, rate, bound, share * 100);
        std::printf("FIGURE|P2@C=%d|tagging throughput, %d calls at once, model latency %d "
                    "ms|%.2f calls/s|%.2f calls/s (C/L)|%.0f %%|≥ 90 %%|%s\n",
                    concurrency, concurrency, latencyMs, rate, bound, share * 100,
                    share >= 0.9 ? "yes" : "no");
        std::fflush(stdout);
    }

    QMetaObject::invokeMethod(
        &modelContext, [&] { delete server; }, Qt::BlockingQueuedConnection);
    modelThread.quit();
    modelThread.wait();
    return 0;
}

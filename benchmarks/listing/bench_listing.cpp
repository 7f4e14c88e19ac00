// Listing a store's products through ShopifyClient against the in-process sandbox over
// loopback sockets:
//   - P1: 1,500 products page by page in a bucket of 2,000 points refilled at 100 a second,
//     against the bound (Σ actual cost − bucket) ÷ restore rate: the least time any client
//     could take, paying only what the pages really cost (goal: ≥ 95 % of it);
//   - P1b: 100,000 products by bulk operation as a run does (start, poll every second as
//     JobRunner::bulkPollMs, stream the JSONL into snapshots), against the sandbox's own
//     export time: the same bulk query started and polled every 10 ms until COMPLETED.
// Medians of three runs, each on a fresh sandbox. `bench_listing P1` or `bench_listing P1b`
// measures one of the two.
#include "../common/figure.h"
#include "catalog/catalogloader.h"
#include "net/httpclient.h"
#include "server/sandboxserver.h"
#include "shopify/shopifyclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QTimer>

#include <cstdio>
#include <vector>

using namespace tagdesk;

namespace {

template <typename T> T await(QFuture<T> future) {
    QEventLoop loop;
    QFutureWatcher<T> watcher;
    QObject::connect(&watcher, &QFutureWatcher<T>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec();
    return future.result();
}

void sleepMs(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

template <typename T> T must(Result<T> result, const char *what) {
    if (!result)
        qFatal("bench_listing: %s: %s", what, qPrintable(result.error().message));
    return std::move(result).value();
}

struct Store {
    sandbox::SandboxServer server;
    QNetworkAccessManager network;
    HttpClient http{&network};
    std::unique_ptr<ShopifyClient> shopify;

    Store(int products, double bucket, double restore)
        : server(config(bucket, restore), catalog(products)) {
        must(server.start(), "starting the sandbox");
        ShopifyCredentials credentials;
        credentials.accessToken = QStringLiteral("shpat_sandbox");
        shopify = std::make_unique<ShopifyClient>(
            &http, must(ShopifyStore::parse(server.baseUrl()), "the store"), credentials);
    }

    static sandbox::SandboxConfig config(double bucket, double restore) {
        sandbox::SandboxConfig c;
        c.shopify.bucketSize = bucket;
        c.shopify.restoreRate = restore;
        return c;
    }

    // The demo catalog grown to `n` products, as the sandbox's --products does.
    static sandbox::Catalog catalog(int n) {
        sandbox::Catalog c = sandbox::demoCatalog();
        sandbox::growCatalog(c, n);
        return c;
    }
};

struct PagedRun {
    double seconds = 0;
    double boundSeconds = 0;
};

// Every product page by page, as ProductLister asks (up to 250 a page, sized by the client).
PagedRun listPageByPage(int products, double bucket, double restore) {
    Store store(products, bucket, restore);
    QElapsedTimer clock;
    clock.start();
    QString cursor;
    int seen = 0;
    for (;;) {
        const ProductPage page =
            must(await(store.shopify->productsPage(QString(), cursor, 250)), "a page");
        seen += int(page.products.size());
        if (!page.hasNextPage)
            break;
        cursor = page.endCursor;
    }
    const double seconds = clock.nsecsElapsed() / 1e9;
    if (seen != products)
        qFatal("bench_listing: listed %d products of %d", seen, products);
    // What the pages really cost: the bucket was full at the start and never full again
    // while pages kept draining it, so what it lacks now is what was spent beyond the
    // restore.
    const double spent = bucket + restore * seconds - store.server.shopify().bucket().available();
    return {seconds, std::max(0.0, (spent - bucket) / restore)};
}

struct BulkRun {
    double clientSeconds = 0;
    double exportSeconds = 0;
};

BulkOperationStatus waitForBulk(ShopifyClient &shopify, const QString &id, int pollMs) {
    for (;;) {
        const BulkOperationStatus status = must(await(shopify.bulkOperation(id)), "polling");
        if (status.finished()) {
            if (status.status != QLatin1String("COMPLETED"))
                qFatal("bench_listing: the bulk operation ended %s", qPrintable(status.status));
            return status;
        }
        sleepMs(pollMs);
    }
}

BulkRun listByBulk(int products) {
    Store store(products, 2000, 100);
    BulkRun run;
    // The export alone: the sandbox's time from the query to COMPLETED, seen within 10 ms.
    QElapsedTimer clock;
    clock.start();
    const QString first = must(await(store.shopify->startProductsBulkQuery(QString())), "bulk");
    waitForBulk(*store.shopify, first, 10);
    run.exportSeconds = clock.nsecsElapsed() / 1e9;

    // As a run lists: start, poll every second, read every product into a snapshot.
    clock.restart();
    const QString id = must(await(store.shopify->startProductsBulkQuery(QString())), "bulk");
    const BulkOperationStatus done = waitForBulk(*store.shopify, id, 1000);
    qint64 seen = 0;
    const qint64 read =
        must(await(store.shopify->readBulkProducts(done.url, [&seen](ProductSnapshot) { ++seen; })),
             "reading the export");
    run.clientSeconds = clock.nsecsElapsed() / 1e9;
    if (read != products || seen != products)
        qFatal("bench_listing: read %lld products of %d", static_cast<long long>(seen), products);
    return run;
}

std::string count(int n) {
    return QLocale(QLocale::English).toString(n).toStdString();
}

void measurePaged(int runs) {
    // P1. --quick: 300 products in a bucket of 400, the same shape in a fifth of the time.
    const int paged = bench::quick() ? 300 : 1500;
    const double bucket = bench::quick() ? 400 : 2000;
    std::vector<double> seconds;
    std::vector<double> bounds;
    std::vector<double> shares;
    for (int i = 0; i < runs; ++i) {
        const PagedRun r = listPageByPage(paged, bucket, 100);
        seconds.push_back(r.seconds);
        bounds.push_back(r.boundSeconds);
        shares.push_back(r.boundSeconds / std::max(r.seconds, 1e-9));
        std::printf("P1 run %d: %.1f s, bound %.1f s\n", i + 1, r.seconds, r.boundSeconds);
    }
    const double share = bench::median(shares);
    bench::print({"P1",
                  "list " + count(paged) + " products page by page (bucket " + count(int(bucket)) +
                      ", restore 100/s)",
                  bench::number(bench::median(seconds), 1) + " s",
                  bench::number(bench::median(bounds), 1) + " s bound",
                  bench::number(share * 100, 1) + " % of the bound", "≥ 95 %", share >= 0.95});
}

void measureBulk(int runs) {
    const int bulk = bench::quick() ? 5000 : 100000;
    std::vector<double> client;
    std::vector<double> exported;
    for (int i = 0; i < runs; ++i) {
        const BulkRun r = listByBulk(bulk);
        client.push_back(r.clientSeconds);
        exported.push_back(r.exportSeconds);
        std::printf("P1b run %d: %.2f s, the export alone %.2f s\n", i + 1, r.clientSeconds,
                    r.exportSeconds);
    }
    const double clientS = bench::median(client);
    const double exportS = bench::median(exported);
    bench::print({"P1b", "list " + count(bulk) + " products by bulk operation",
                  bench::number(clientS, 2) + " s", bench::number(exportS, 2) + " s export alone",
                  bench::ratioText(clientS / std::max(exportS, 1e-9)), "≤ 1.5×",
                  clientS <= 1.5 * exportS});
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const int runs = bench::quick() ? 1 : 3;
    const QString only = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();

    if (only.isEmpty() || only == QLatin1String("P1"))
        measurePaged(runs);
    if (only.isEmpty() || only == QLatin1String("P1b"))
        measureBulk(runs);
    return 0;
}

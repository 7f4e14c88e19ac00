// Reading a products bulk export: time per product and peak memory, for catalogs of
// 1,000 / 10,000 / 100,000 products, as ratios against the 1,000-product baseline run in
// the same process. Flat ratios for memory mean memory does not grow with the catalog.
// FIGURE rows for benchmarks/run-suite.sh: the largest catalog's time per product against
// the smallest's (the reader stays linear), and its peak memory growth.
#include "../common/figure.h"
#include "shopify/bulkproductreader.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>

#include <cstdio>
#include <map>

#include <sys/resource.h>

using namespace tagdesk;

namespace {

// One product of the export and its two children, as Shopify writes them with groupObjects.
QByteArray productLines(qint64 n) {
    const QByteArray id = QByteArray::number(1000000 + n);
    return "{\"id\":\"gid://shopify/Product/" + id + "\",\"handle\":\"p-" + id +
           "\",\"title\":\"Linen shirt " + id +
           "\",\"vendor\":\"Acme\",\"productType\":\"Shirt\",\"status\":\"ACTIVE\","
           "\"descriptionHtml\":\"<p>Soft linen shirt with a relaxed "
           "fit.</p>\",\"tags\":[\"summer\",\"linen\"],"
           "\"updatedAt\":\"2026-01-01T00:00:00Z\"}\n"
           "{\"id\":\"gid://shopify/MediaImage/" +
           id +
           "\",\"alt\":\"\",\"mediaContentType\":\"IMAGE\",\"image\":{\"url\":\"https://"
           "cdn.example/" +
           id + ".jpg\",\"width\":2048,\"height\":2048},\"__parentId\":\"gid://shopify/Product/" +
           id +
           "\"}\n"
           "{\"id\":\"gid://shopify/Metafield/" +
           id +
           "\",\"namespace\":\"tagdesk\",\"key\":\"colour\",\"type\":\"single_line_text_field\","
           "\"value\":\"white\","
           "\"compareDigest\":\"abc\",\"__parentId\":\"gid://shopify/Product/" +
           id + "\"}\n";
}

long peakRssKb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

std::map<qint64, std::vector<double>> g_nsPerProductSamples;
std::map<qint64, long> g_rssGrowthKb;

// Streams `products` products through the reader in 64 KB chunks, as the network would.
void BM_ReadBulkExport(benchmark::State &state) {
    const qint64 products = state.range(0);
    long growth = 0;
    for (auto _ : state) {
        const long before = peakRssKb();
        qint64 seen = 0;
        BulkProductReader reader([&seen](ProductSnapshot p) {
            benchmark::DoNotOptimize(p.id);
            ++seen;
        });
        QByteArray chunk;
        for (qint64 n = 0; n < products; ++n) {
            chunk += productLines(n);
            if (chunk.size() >= 64 * 1024) {
                if (!reader.feed(chunk).ok())
                    state.SkipWithError("feed failed");
                chunk.clear();
            }
        }
        if (!reader.feed(chunk).ok() || !reader.finish().ok() || seen != products)
            state.SkipWithError("the export was not read whole");
        growth = std::max(growth, peakRssKb() - before);
    }
    state.counters["products"] = double(products);
    state.SetItemsProcessed(state.iterations() * products);
    g_rssGrowthKb[products] = std::max(g_rssGrowthKb[products], growth);
}
BENCHMARK(BM_ReadBulkExport)
    ->Arg(bench::sized(1000))
    ->Arg(bench::sized(10000))
    ->Arg(bench::sized(100000))
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(3)
    ->ReportAggregatesOnly(false)
    ->Iterations(1);

class RatioReporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run> &runs) override {
        for (const Run &r : runs) {
            const double products =
                r.counters.count("products") ? double(r.counters.at("products")) : 0;
            if (products > 0 && r.run_type == Run::RT_Iteration)
                g_nsPerProductSamples[qint64(products)].push_back(r.GetAdjustedCPUTime() * 1e6 /
                                                                  products); // ms → ns
        }
        ConsoleReporter::ReportRuns(runs);
    }
};

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    std::map<qint64, double> g_nsPerProduct;
    for (const auto &[products, samples] : g_nsPerProductSamples)
        g_nsPerProduct[products] = bench::median(samples);
    if (g_nsPerProduct.empty())
        return 1;
    const qint64 smallest = g_nsPerProduct.begin()->first;
    const qint64 largest = g_nsPerProduct.rbegin()->first;
    const double baseNs = g_nsPerProduct[smallest];
    std::printf("\nBulk export reading, against the %lld-product baseline of this run:\n",
                static_cast<long long>(smallest));
    for (const auto &[products, ns] : g_nsPerProduct) {
        std::printf("  %7lld products: %6.2f us/product (x%.2f), peak memory grew %ld KB\n",
                    static_cast<long long>(products), ns / 1000.0, baseNs > 0 ? ns / baseNs : 0.0,
                    g_rssGrowthKb[products]);
    }
    const double ratio = g_nsPerProduct[largest] / std::max(baseNs, 1e-9);
    bench::print({"bulk-read",
                  "read a bulk export of " + std::to_string(largest) + " products, per product",
                  bench::number(g_nsPerProduct[largest] / 1000.0, 2) + " µs",
                  bench::number(baseNs / 1000.0, 2) + " µs at " + std::to_string(smallest),
                  bench::ratioText(ratio), "≤ 1.2× (linear)", ratio <= 1.2});
    bench::print(
        {"bulk-read", "its peak memory growth",
         std::to_string(g_rssGrowthKb[largest] / 1024) + " MB",
         std::to_string(g_rssGrowthKb[smallest] / 1024) + " MB at " + std::to_string(smallest), "-",
         "does not grow with the catalog",
         g_rssGrowthKb[largest] <= g_rssGrowthKb[smallest] + 16 * 1024});
    benchmark::Shutdown();
    return 0;
}

// The review's speed as a person feels it, on a real SQLite file and real photos in the
// local image cache (offscreen):
//   - key → next product painted: J pressed in the review panel until the next product is
//     on screen (its data and photo read ahead, as the panel does), against a plain repaint
//     of the same panel in the same run;
//   - opening a job: the job view's first rows painted for a 100,000-product job, against a
//     1,000-product job in the same run (a flat ratio means the size of the job does not
//     matter).
// Printed as milliseconds and as ratios; the targets are 16 ms and 150 ms (P10, P4), and
// as FIGURE rows (medians) for benchmarks/run-suite.sh, with the process's resident memory
// once the 100,000-product job is open (P4: ≤ 150 MB).
#include "../common/figure.h"
#include "../common/jobproducts.h"
#include "cache/imagecache.h"
#include "jobview/jobviewpanel.h"
#include "jobview/producttablemodel.h"
#include "jobview/thumbnailcache.h"
#include "pipeline/imagefiles.h"
#include "pipeline/jobreader.h"
#include "pipeline/jobservice.h"
#include "pipeline/reviewservice.h"
#include "pipeline/workhost.h"
#include "review/fullimagecache.h"
#include "review/reviewpanel.h"
#include "review/reviewqueue.h"
#include "settings/account.h"
#include "storage/connection.h"
#include "storage/databasewriter.h"
#include "storage/imagerepository.h"
#include "storage/jobproductrepository.h"
#include "storage/schema.h"
#include "storage/suggestionrepository.h"

#include <benchmark/benchmark.h>

#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLocale>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <fstream>
#include <map>

#include <malloc.h>

using namespace tagdesk;

namespace {

constexpr int patient = 10 * 60 * 1000;

// Waits for what must happen; a benchmark that cannot set itself up stops with the reason.
void must(bool happened, const char *what) {
    if (!happened)
        qFatal("bench_review: %s did not happen", what);
}

template <typename T> T await(QFuture<T> future) {
    must(QTest::qWaitFor([&] { return future.isFinished(); }, patient), "a database write");
    return future.result();
}

// A database holding one job of `count` analysed products with three suggestions each;
// the first `withPhotos` products have the benchmark's photos in the image cache.
struct Fixture {
    QTemporaryDir folder;
    DatabaseConfig config;
    std::unique_ptr<DatabaseWriter> writer;
    qint64 jobId = 0;
    QString images;

    explicit Fixture(int count, int withPhotos) {
        config = DatabaseConfig::sqlite(folder.filePath(QStringLiteral("bench.sqlite")));
        images = folder.filePath(QStringLiteral("images"));
        QDir().mkpath(images);
        if (auto migrated = openDatabase(config); !migrated)
            qFatal("database: %s", qPrintable(migrated.error().message));
        writer = DatabaseWriter::start(config).value();
        NewJob n;
        n.name = QStringLiteral("Bench");
        jobId = await(JobService(*writer).create(n)).value().id;

        // Real photos (CC0, tests/data/images), stored as the image cache stores them.
        QStringList shas;
        QDir photos(QStringLiteral(TAGDESK_BENCH_IMAGES));
        for (const QString &name : photos.entryList({QStringLiteral("*.jpg")}, QDir::Files)) {
            QFile in(photos.filePath(name));
            in.open(QIODevice::ReadOnly);
            const QByteArray bytes = in.readAll();
            const QString sha = QString::fromLatin1(
                QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
            const QString path = cachedImagePath(images, sha);
            QDir().mkpath(QFileInfo(path).path());
            QFile out(path);
            out.open(QIODevice::WriteOnly);
            out.write(bytes);
            shas << sha;
        }

        const QList<JobProduct> products = bench::analysedShirts(count);
        const qint64 id = jobId;
        auto added = await(writer->submit<bool>([=](Connection &conn) -> Result<bool> {
            if (auto a = JobProductRepository(conn).addProducts(id, products); !a)
                return a.error();
            SuggestionRepository suggestions(conn);
            ImageRepository imageRepo(conn);
            for (int i = 0; i < products.size(); ++i) {
                const QString media = products[i].snapshot->media.first().id;
                QList<Suggestion> list;
                for (const auto &[attribute, value] :
                     {std::pair{"colour", "white"}, std::pair{"pattern", "striped"},
                      std::pair{"category", "shirts"}}) {
                    Suggestion s;
                    s.attribute = QLatin1String(attribute);
                    s.value = QLatin1String(value);
                    s.confidence = (i % 100) / 100.0;
                    s.sourceImageId = media;
                    s.alternatives = {{QStringLiteral("cream"), 0.2},
                                      {QStringLiteral("grey"), 0.1}};
                    list << s;
                }
                if (auto r = suggestions.replace(id, products[i].productId, list); !r)
                    return r.error();
                if (i < withPhotos) {
                    const QString sha = shas.at(i % shas.size());
                    if (auto r = imageRepo.recordImage({sha, 1, QStringLiteral("image/jpeg"), 0, 0},
                                                       QDateTime::currentDateTimeUtc());
                        !r)
                        return r.error();
                    ProductImage image{id, products[i].productId, media, 0, QUrl(), sha, {}};
                    if (auto r = imageRepo.saveProductImage(image); !r)
                        return r.error();
                }
            }
            return true;
        }));
        if (!added)
            qFatal("setup failed: %s", qPrintable(added.error().message));
    }
};

std::map<std::string, double> g_ms;
std::map<std::string, double> g_rssMb;

// This process's resident memory now (VmRSS), after handing freed heap back to the system
// so that what the fixture wrote and let go does not count.
double residentMb() {
    malloc_trim(0);
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stod(line.substr(6)) / 1024.0;
    }
    return 0;
}

void BM_KeyToNextProductPainted(benchmark::State &state) {
    const bool pressKey = state.range(0) != 0;
    Fixture f(400, 400);
    ReviewService review(*f.writer);
    // Never started here: the panel needs the host for Ctrl+Z of a pushed product.
    FixedAccount account({QStringLiteral("Bench"), QStringLiteral("http://127.0.0.1:9"), QString(),
                          TaggerSettings::defaults(), f.images, true});
    WorkHost work(*f.writer, account);
    ui::ReviewPanel panel(JobReader(f.config), review, work, f.images);
    panel.resize(1280, 800);
    panel.show();
    must(QTest::qWaitForWindowExposed(&panel), "the panel shown");
    panel.openJob(JobSummary{JobReader(f.config).job(f.jobId).value(), {}, JobStatus::Review},
                  {f.jobId, ProductFilter::All, ProductOrder::Position, false});
    ui::ReviewQueue *queue = panel.queue();
    must(QTest::qWaitFor([&] { return queue->current() != nullptr; }, patient),
         "the first product");
    std::vector<double> samples;
    for (auto _ : state) {
        state.PauseTiming();
        if (queue->position() + 1 >= queue->count())
            queue->go(0);
        // What the panel reads ahead has arrived: the next product and its photo.
        const int next = queue->position() + 1;
        must(QTest::qWaitFor([&] { return queue->current() != nullptr; }, patient), "a product");
        QTest::qWait(30); // the read-ahead of the next products and their photos settles
        state.ResumeTiming();
        QElapsedTimer t;
        t.start();
        if (pressKey)
            QTest::keyClick(&panel, Qt::Key_J);
        panel.repaint(); // paints now, synchronously
        samples.push_back(t.nsecsElapsed() / 1e6);
        if (pressKey && queue->position() != next)
            state.SkipWithError("J did not move to the next product");
    }
    g_ms[pressKey ? "key" : "repaint"] = bench::median(samples);
}
BENCHMARK(BM_KeyToNextProductPainted)
    ->Arg(0)
    ->Arg(1)
    ->Iterations(bench::sized(200))
    ->Unit(benchmark::kMillisecond);

void BM_OpenJobFirstRowsPainted(benchmark::State &state) {
    const int products = int(state.range(0));
    Fixture f(products, 0);
    std::vector<double> samples;
    double rssMb = 0;
    for (auto _ : state) {
        QTableView view;
        ui::ThumbnailCache thumbnails(f.images, QSize(48, 48));
        ui::ProductTableModel model(JobReader(f.config), &thumbnails);
        view.setModel(&model);
        view.resize(1000, 700);
        view.show();
        must(QTest::qWaitForWindowExposed(&view), "the table shown");
        QElapsedTimer t;
        t.start();
        model.setQuery({f.jobId, ProductFilter::All, ProductOrder::Position, false});
        must(QTest::qWaitFor([&] { return model.rowCount() > 0; }, patient), "the first rows");
        view.repaint();
        samples.push_back(t.nsecsElapsed() / 1e6);
        rssMb = std::max(rssMb, residentMb());
    }
    g_ms["open" + std::to_string(products)] = bench::median(samples);
    g_rssMb["open" + std::to_string(products)] = rssMb;
}
BENCHMARK(BM_OpenJobFirstRowsPainted)
    ->Arg(bench::sized(1000))
    ->Arg(bench::sized(100000))
    ->Iterations(10)
    ->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    const std::string small = "open" + std::to_string(bench::sized(1000));
    const std::string big = "open" + std::to_string(bench::sized(100000));
    const std::string bigName =
        QLocale(QLocale::English).toString(bench::sized(100000)).toStdString();
    std::printf("\nKey J → next product painted: %.2f ms (target 16); a plain repaint: %.2f ms; "
                "ratio %.2f\n",
                g_ms["key"], g_ms["repaint"], g_ms["key"] / std::max(g_ms["repaint"], 1e-9));
    std::printf("First rows painted: %s products %.1f ms, %s products %.1f ms (target 150); "
                "ratio %.2f\n",
                small.c_str() + 4, g_ms[small], bigName.c_str(), g_ms[big],
                g_ms[big] / std::max(g_ms[small], 1e-9));
    bench::print({"P10", "review: key J → next product painted (cached photo)",
                  bench::ms(g_ms["key"]),
                  "16 ms (a 60 Hz frame); a plain repaint " + bench::ms(g_ms["repaint"]),
                  bench::ratioText(g_ms["key"] / 16.0), "≤ 16 ms", g_ms["key"] <= 16.0});
    bench::print(
        {"P4", "open a " + bigName + "-product job: first rows painted", bench::ms(g_ms[big]),
         "150 ms; a " + std::string(small.c_str() + 4) + "-product job " + bench::ms(g_ms[small]),
         bench::ratioText(g_ms[big] / 150.0), "≤ 150 ms", g_ms[big] <= 150.0});
    bench::print({"P4", "open a " + bigName + "-product job: resident memory (whole process)",
                  bench::number(g_rssMb[big], 0) + " MB", "150 MB",
                  bench::ratioText(g_rssMb[big] / 150.0), "≤ 150 MB", g_rssMb[big] <= 150.0});
    return 0;
}

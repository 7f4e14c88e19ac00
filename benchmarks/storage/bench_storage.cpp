// The job database's costs on a real SQLite file (in the build folder, not /tmp: a tmpfs
// would make every fsync free), each against a baseline measured in the same run:
//   - P3, storing product snapshots: each product written as the fetch step writes it (one
//     writer task per product; one waited for at a time, and four in flight as a run
//     fetches), against the same rows inserted raw with one prepared statement in one
//     transaction (goal ≤ 2×);
//   - P6, approving every analysed product of a job through ReviewService, against one
//     UPDATE of the same products plus one INSERT … SELECT of their review events (goal
//     ≤ 2×);
//   - paging: the job view's last page of rows against its first (goal ≈ 1).
// Wall time: the writer's commits wait on the disk, which CPU time does not see. Medians of
// the iterations; FIGURE rows for benchmarks/run-suite.sh.
#include "../common/figure.h"
#include "pipeline/jobreader.h"
#include "pipeline/jobservice.h"
#include "pipeline/reviewservice.h"
#include "storage/connection.h"
#include "storage/databasewriter.h"
#include "storage/jobproductrepository.h"
#include "storage/schema.h"
#include "storage/suggestionrepository.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QLocale>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <deque>
#include <functional>
#include <map>
#include <string>

using namespace tagdesk;

namespace {

std::map<std::string, double> g_ms;
std::map<std::string, int> g_size;

void must(bool happened, const char *what) {
    if (!happened)
        qFatal("bench_storage: %s failed", what);
}

template <typename T> T await(QFuture<T> future) {
    future.waitForFinished();
    return future.result();
}

ProductSnapshot snapshotOf(int i) {
    ProductSnapshot s;
    s.id = QStringLiteral("gid://shopify/Product/%1").arg(i + 1);
    s.title = QStringLiteral("Linen shirt %1").arg(i);
    s.productType = QStringLiteral("Shirts");
    s.vendor = QStringLiteral("Tagdesk Bench");
    s.descriptionHtml = QStringLiteral("<p>A light linen shirt for summer, number %1.</p>").arg(i);
    s.tags = {QStringLiteral("summer"), QStringLiteral("linen")};
    s.media = {{QStringLiteral("gid://shopify/MediaImage/%1").arg(i + 1), {}, QString(), 0, 0}};
    return s;
}

// A fresh database file holding one job of `count` products at `stage`.
struct Fixture {
    QTemporaryDir folder{QDir::currentPath() + QStringLiteral("/bench_storage-XXXXXX")};
    DatabaseConfig config;
    std::unique_ptr<DatabaseWriter> writer;
    qint64 jobId = 0;

    Fixture(int count, PipelineStage stage, int suggestionsEach) {
        config = DatabaseConfig::sqlite(folder.filePath(QStringLiteral("bench.sqlite")));
        must(openDatabase(config).ok(), "opening the database");
        writer = DatabaseWriter::start(config).value();
        NewJob n;
        n.name = QStringLiteral("Bench");
        jobId = await(JobService(*writer).create(n)).value().id;
        QList<JobProduct> products;
        for (int i = 0; i < count; ++i) {
            JobProduct p;
            p.productId = QStringLiteral("gid://shopify/Product/%1").arg(i + 1);
            p.position = i;
            p.title = QStringLiteral("Linen shirt %1").arg(i);
            p.progress.stage = stage;
            if (stage != PipelineStage::Pending)
                p.snapshot = snapshotOf(i);
            products.append(p);
        }
        const qint64 id = jobId;
        auto added = await(writer->submit<bool>([=](Connection &conn) -> Result<bool> {
            if (auto a = JobProductRepository(conn).addProducts(id, products); !a)
                return a.error();
            SuggestionRepository suggestions(conn);
            for (int i = 0; i < products.size() && suggestionsEach > 0; ++i) {
                QList<Suggestion> list;
                for (int k = 0; k < suggestionsEach; ++k) {
                    Suggestion s;
                    s.attribute = QStringLiteral("attribute%1").arg(k);
                    s.value = QStringLiteral("value%1").arg(i % 7);
                    s.confidence = 0.5 + (i % 50) / 100.0;
                    s.alternatives = {{QStringLiteral("other"), 0.2}};
                    list << s;
                }
                if (auto r = suggestions.replace(id, products[i].productId, list); !r)
                    return r.error();
            }
            return true;
        }));
        must(added.ok(), "filling the job");
    }
};

// Times `work` once per iteration on the wall clock, after `prepare` (untimed) made it; keeps
// the median under `key`.
void timeEach(benchmark::State &state, const std::string &key,
              const std::function<std::function<void()>()> &prepare) {
    std::vector<double> samples;
    for (auto _ : state) {
        state.PauseTiming();
        const std::function<void()> work = prepare();
        state.ResumeTiming();
        QElapsedTimer t;
        t.start();
        work();
        samples.push_back(t.nsecsElapsed() / 1e6);
    }
    g_ms[key] = bench::median(samples);
    g_size[key] = int(state.range(0));
}

// P3: what ProductFetcher::store writes for each product, one writer task per product.
// Stores each snapshot as ProductFetcher::store does, with at most `inFlight` writes
// waiting at once (the fetch step waits for a product's write before it fetches another).
void storeSnapshots(benchmark::State &state, const std::string &key, int inFlight) {
    const int count = int(state.range(0));
    timeEach(state, key, [count, inFlight] {
        auto f = std::make_shared<Fixture>(count, PipelineStage::Pending, 0);
        QList<ProductSnapshot> snapshots;
        for (int i = 0; i < count; ++i)
            snapshots << snapshotOf(i);
        return [f, snapshots, inFlight] {
            const qint64 id = f->jobId;
            std::deque<QFuture<Result<bool>>> waiting;
            for (const ProductSnapshot &s : snapshots) {
                if (int(waiting.size()) >= inFlight) {
                    must(await(waiting.front()).ok(), "storing a snapshot");
                    waiting.pop_front();
                }
                waiting.push_back(
                    f->writer->submit<bool>([id, s](Connection &conn) -> Result<bool> {
                        JobProductRepository products(conn);
                        if (auto r = products.setSnapshot(id, s); !r)
                            return r.error();
                        if (auto r = products.setProgress(id, s.id, {PipelineStage::Fetched}); !r)
                            return r.error();
                        return true;
                    }));
            }
            for (auto &w : waiting)
                must(await(w).ok(), "storing a snapshot");
        };
    });
}

// P3: one product at a time (the worst case: every write its own transaction) …
void BM_StoreSnapshotsThroughWriter(benchmark::State &state) {
    storeSnapshots(state, "store", 1);
}
BENCHMARK(BM_StoreSnapshotsThroughWriter)
    ->Arg(bench::sized(2000))
    ->Iterations(3)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// … and four at a time, as a run fetches (RunnerServices::parallelDownloads).
void BM_StoreSnapshotsFourInFlight(benchmark::State &state) {
    storeSnapshots(state, "store4", 4);
}
BENCHMARK(BM_StoreSnapshotsFourInFlight)
    ->Arg(bench::sized(2000))
    ->Iterations(3)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// P3 as a run now stores them: ProductFetcher hands the writer 16 fetched products per task
// (JobProductRepository::storeFetched), with up to four fetches in flight. Each group's
// snapshot texts are made in the timed region, on this thread, as the fetch step makes them
// when an answer arrives (JobProductRepository::Fetched), overlapping the writer's work on
// the groups before.
void BM_StoreSnapshotsAsFetched(benchmark::State &state) {
    const int count = int(state.range(0));
    constexpr int perTask = 16;
    timeEach(state, "fetched", [count] {
        auto f = std::make_shared<Fixture>(count, PipelineStage::Pending, 0);
        QList<std::pair<JobProduct, ProductSnapshot>> answers;
        for (int i = 0; i < count; ++i) {
            JobProduct p;
            p.productId = QStringLiteral("gid://shopify/Product/%1").arg(i + 1);
            answers.append({p, snapshotOf(i)});
        }
        return [f, answers] {
            const qint64 id = f->jobId;
            std::deque<QFuture<Result<bool>>> waiting;
            for (qsizetype from = 0; from < answers.size(); from += perTask) {
                if (waiting.size() >= 4) {
                    must(await(waiting.front()).ok(), "storing fetched products");
                    waiting.pop_front();
                }
                QList<JobProductRepository::Fetched> group;
                for (const auto &[product, snapshot] : answers.mid(from, perTask))
                    group.append({product, snapshot});
                waiting.push_back(
                    f->writer->submit<bool>([id, group](Connection &conn) -> Result<bool> {
                        if (auto s = JobProductRepository(conn).storeFetched(id, group, {}); !s)
                            return s.error();
                        return true;
                    }));
            }
            for (auto &w : waiting)
                must(await(w).ok(), "storing fetched products");
        };
    });
}
BENCHMARK(BM_StoreSnapshotsAsFetched)
    ->Arg(bench::sized(2000))
    ->Iterations(3)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// P3's baseline: the same rows, with their snapshots, inserted in one transaction.
void BM_StoreSnapshotsRaw(benchmark::State &state) {
    const int count = int(state.range(0));
    timeEach(state, "raw", [count] {
        auto f = std::make_shared<Fixture>(0, PipelineStage::Pending, 0);
        std::shared_ptr<Connection> conn = Connection::open(f->config).value();
        QStringList json;
        for (int i = 0; i < count; ++i)
            json << snapshotOf(i).toJsonText();
        return [f, conn, json, count] {
            must(beginWrite(conn->db()).ok(), "BEGIN");
            QSqlQuery q(conn->db());
            must(q.prepare(QStringLiteral(
                     "INSERT INTO job_products (job_id, product_id, position, title, stage, "
                     "snapshot, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")),
                 "preparing the insert");
            const QString now = toDbTime(QDateTime::currentDateTimeUtc());
            for (int i = 0; i < count; ++i) {
                q.addBindValue(f->jobId);
                q.addBindValue(QStringLiteral("gid://shopify/Product/%1").arg(i + 1));
                q.addBindValue(i);
                q.addBindValue(QStringLiteral("Linen shirt %1").arg(i));
                q.addBindValue(stageKey(PipelineStage::Fetched));
                q.addBindValue(json.at(i));
                q.addBindValue(now);
                must(q.exec(), "inserting a row");
            }
            must(commit(conn->db()).ok(), "COMMIT");
        };
    });
}
BENCHMARK(BM_StoreSnapshotsRaw)
    ->Arg(bench::sized(2000))
    ->Iterations(3)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// Puts every product of the job back to "waiting for review", with no review events.
void resetReview(Connection &conn, qint64 jobId) {
    must(runSql(conn.db(),
                QStringLiteral("UPDATE job_products SET review = 'pending', sync = 'none', "
                               "destinations = NULL WHERE job_id = ?"),
                {jobId})
             .ok(),
         "resetting the review");
    must(runSql(conn.db(), QStringLiteral("DELETE FROM review_events WHERE job_id = ?"), {jobId})
             .ok(),
         "deleting the review events");
}

// P6: approve all through ReviewService (as the job view's Approve all does).
void BM_ApproveAll(benchmark::State &state) {
    const int count = int(state.range(0));
    Fixture f(count, PipelineStage::Analysed, 3);
    auto conn = Connection::open(f.config).value();
    ReviewService review(*f.writer);
    timeEach(state, "approve", [&] {
        resetReview(*conn, f.jobId);
        return [&] {
            auto approved = await(review.approve(f.jobId, {ApprovalSelection::Kind::All, {}, 0},
                                                 std::nullopt, QStringLiteral("bench")));
            must(approved.ok() && approved.value() == count, "approving every product");
        };
    });
}
BENCHMARK(BM_ApproveAll)
    ->Arg(bench::sized(20000))
    ->Iterations(3)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// P6's baseline: one UPDATE of the same products and one INSERT … SELECT of their events.
void BM_ApproveOneUpdate(benchmark::State &state) {
    const int count = int(state.range(0));
    Fixture f(count, PipelineStage::Analysed, 3);
    auto conn = Connection::open(f.config).value();
    timeEach(state, "update", [&] {
        resetReview(*conn, f.jobId);
        return [&] {
            const QString now = toDbTime(QDateTime::currentDateTimeUtc());
            must(beginWrite(conn->db()).ok(), "BEGIN");
            must(runSql(conn->db(),
                        QStringLiteral("INSERT INTO review_events (job_id, product_id, "
                                       "before_state, after_state, decided_by, at) SELECT "
                                       "job_id, product_id, '{}', '{}', 'bench', ? FROM "
                                       "job_products WHERE job_id = ? AND stage = 'analysed' "
                                       "AND review = 'pending'"),
                        {now, f.jobId})
                     .ok(),
                 "inserting the events");
            must(runSql(conn->db(),
                        QStringLiteral("UPDATE job_products SET review = 'approved', sync = "
                                       "'queued', updated_at = ? WHERE job_id = ? AND stage = "
                                       "'analysed' AND review = 'pending'"),
                        {now, f.jobId})
                     .ok(),
                 "the update");
            must(commit(conn->db()).ok(), "COMMIT");
        };
    });
}
BENCHMARK(BM_ApproveOneUpdate)
    ->Arg(bench::sized(20000))
    ->Iterations(3)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// Paging: the job view's first page against its last, read as the table model reads them.
void BM_ProductPages(benchmark::State &state) {
    const int count = int(state.range(0));
    const int pageSize = JobReader::defaultPageSize;
    Fixture f(count, PipelineStage::Analysed, 1);
    JobReader reader(f.config);
    const ProductListQuery query{f.jobId, ProductFilter::All, ProductOrder::Position, false};
    // The cursor of the row before the last page, as scrolling down would leave it.
    const int lastStart = (count - 1) / pageSize * pageSize;
    ProductCursor beforeLast;
    {
        auto upTo = reader.productRows(query, {}, lastStart);
        must(upTo.ok() && upTo->size() == lastStart, "reading up to the last page");
        beforeLast = upTo->last().next;
    }
    std::vector<double> firstMs;
    std::vector<double> lastMs;
    for (auto _ : state) {
        QElapsedTimer t;
        t.start();
        auto first = reader.productRows(query, {}, pageSize);
        firstMs.push_back(t.nsecsElapsed() / 1e6);
        must(first.ok() && first->size() == pageSize, "reading the first page");
        t.restart();
        auto last = reader.productRows(query, beforeLast, pageSize);
        lastMs.push_back(t.nsecsElapsed() / 1e6);
        must(last.ok() && !last->isEmpty(), "reading the last page");
    }
    g_ms["first page"] = bench::median(firstMs);
    g_ms["last page"] = bench::median(lastMs);
    g_size["last page"] = int(state.range(0));
}
BENCHMARK(BM_ProductPages)
    ->Arg(bench::sized(100000))
    ->Iterations(20)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

std::string products(const std::string &key) {
    return QLocale(QLocale::English).toString(g_size[key]).toStdString() + " products";
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    if (g_ms.count("store") && g_ms.count("raw"))
        bench::printRatio("P3", "store " + products("store") + "' snapshots through the writer",
                          g_ms["store"], g_ms["raw"], "raw insert in one transaction", 2);
    if (g_ms.count("store4") && g_ms.count("raw"))
        bench::printRatio("P3",
                          "store " + products("store4") + "' snapshots, four writes in flight",
                          g_ms["store4"], g_ms["raw"], "raw insert in one transaction", 2);
    if (g_ms.count("fetched") && g_ms.count("raw"))
        bench::printRatio("P3",
                          "store " + products("fetched") +
                              "' snapshots, 16 per writer task as ProductFetcher stores them",
                          g_ms["fetched"], g_ms["raw"], "raw insert in one transaction", 2);
    if (g_ms.count("approve") && g_ms.count("update"))
        bench::printRatio("P6", "approve " + products("approve"), g_ms["approve"], g_ms["update"],
                          "one UPDATE + events", 2);
    if (g_ms.count("first page") && g_ms.count("last page"))
        bench::printRatio("paging", "job view's last page of " + products("last page"),
                          g_ms["last page"], g_ms["first page"], "first page", 1.5);
    return 0;
}

// The steps a job run is made of, each on its own against the sandbox store over real
// sockets and a real SQLite file: the lister, the image downloader and the analyser, the
// bounded loop that drives them, and the merge of per-image suggestions. And a whole run
// holds a bounded number of product batches, whatever the job's size.
#include "catalog/catalogloader.h"
#include "pipeline/imagedownloader.h"
#include "pipeline/jobrunner.h"
#include "pipeline/jobservice.h"
#include "pipeline/productanalyser.h"
#include "pipeline/productlister.h"
#include "pipeline/runstep.h"
#include "pipeline/sandboxfixture.h"
#include "pipeline/suggestionmerge.h"
#include "storage/imagerepository.h"
#include "storage/jobproductrepository.h"
#include "storage/jobrepository.h"
#include "storage/suggestionrepository.h"
#include "support/qtprinters.h"
#include "taggers/localtagger.h"

#include <QImage>
#include <QTemporaryDir>
#include <QUrlQuery>

#include <atomic>

using namespace tagdesk;
using namespace tagdesk::test;

namespace {

// Counts the images that reach the tagger: what a paid provider would bill.
class CountingTagger : public LocalTagger {
public:
    QFuture<Result<QList<Result<TaggerAnswer>>>>
    analyse(const QList<TaggerImage> &images) override {
        billed += int(images.size());
        return LocalTagger::analyse(images);
    }
    std::atomic<int> billed{0};
};

// A job in a real database, and a run's context over it, its steps used one by one.
class StepHarness {
public:
    StepHarness(SandboxFixture &sandbox, int pageSize = 25)
        : reader(db.open())
        , writer(DatabaseWriter::start(db.config()).value())
        , jobs(*writer)
        , http(&sandbox.network, sandbox.fastRetries())
        , shopify(&http, sandbox.store(), SandboxFixture::credentials())
        , images(m_cacheDir.path()) {
        run.services = {writer.get(), &shopify, &http, &images, &tagger, pageSize, 4};
        run.stop = [this](const Error &e) {
            run.stopped = true;
            ADD_FAILURE() << "stopped: " << e.message.toStdString();
        };
        run.storeFailed = run.stop;
    }

    void createJob() {
        NewJob n;
        n.name = QStringLiteral("Steps");
        run.jobId = await(jobs.create(n)).value().id;
        run.job = JobRepository(*reader).find(run.jobId).value();
    }

    // Lists the whole selection with a new lister and gives what was stored.
    QList<JobProduct> listEverything() {
        ProductLister lister(run, 0);
        waitFor([&](auto done) { lister.run(done); });
        return stored();
    }

    QList<JobProduct> stored() { return JobProductRepository(*reader).list(run.jobId).value(); }

    // Waits until `step` calls back.
    template <typename Start> void waitFor(Start start) {
        bool done = false;
        start([&] { done = true; });
        ASSERT_TRUE(
            QTest::qWaitFor([&] { return done || run.stopped; }, std::numeric_limits<int>::max()));
        ASSERT_TRUE(done);
    }

private:
    QTemporaryDir m_cacheDir;

public:
    TempSqlite db;
    std::unique_ptr<Connection> reader;
    std::unique_ptr<DatabaseWriter> writer;
    JobService jobs;
    HttpClient http;
    ShopifyClient shopify;
    ImageCache images;
    CountingTagger tagger;
    RunContext run;
};

int countRequests(const QJsonArray &log, const QString &key, const QString &value) {
    int n = 0;
    for (const QJsonValue &v : log)
        n += v.toObject().value(key).toString() == value ? 1 : 0;
    return n;
}

} // namespace

TEST(ProductLister, ListsEveryProductOncePageByPageInTheStoresOrder) {
    const sandbox::Catalog catalog = realCatalog(QStringLiteral("kith-storefront-products.json"));
    ASSERT_EQ(catalog.products.size(), 30);
    SandboxFixture sandbox(catalog, roomyBucket());
    StepHarness h(sandbox, 7);
    h.createJob();
    const QList<JobProduct> products = h.listEverything();
    ASSERT_EQ(products.size(), 30);
    QSet<QString> ids;
    for (int i = 0; i < products.size(); ++i) {
        EXPECT_EQ(products[i].position, i);
        EXPECT_EQ(products[i].progress.stage, PipelineStage::Fetched) << "a page brings it all";
        EXPECT_TRUE(products[i].snapshot.has_value());
        ids.insert(products[i].productId);
    }
    EXPECT_EQ(ids.size(), 30) << "no product listed twice";
    EXPECT_EQ(countRequests(sandbox.requestLog(), QStringLiteral("operationName"),
                            QStringLiteral("ProductsPage")),
              5)
        << "30 products, 7 a page";
    const Job job = JobRepository(*h.reader).find(h.run.jobId).value();
    EXPECT_TRUE(job.listingDone);
    EXPECT_TRUE(h.run.job.listingDone);
}

TEST(ProductLister, ResumesAfterTheLastStoredPage) {
    const sandbox::Catalog catalog = realCatalog(QStringLiteral("kith-storefront-products.json"));
    SandboxFixture sandbox(catalog, roomyBucket());
    StepHarness h(sandbox, 10);
    h.createJob();
    {
        // Cancelled after its first page: the page and its cursor are stored.
        h.run.progress = ProgressMeter([&](const JobProgress &p) {
            if (p.done >= 10)
                h.run.cancelled = true;
        });
        ProductLister first(h.run, 0);
        h.waitFor([&](auto done) { first.run(done); });
    }
    ASSERT_EQ(h.stored().size(), 10);
    EXPECT_FALSE(JobRepository(*h.reader).find(h.run.jobId).value().listingDone);

    h.run.cancelled = false;
    h.run.progress = ProgressMeter();
    h.run.job = JobRepository(*h.reader).find(h.run.jobId).value();
    ProductLister second(h.run, 10);
    h.waitFor([&](auto done) { second.run(done); });
    const QList<JobProduct> products = h.stored();
    ASSERT_EQ(products.size(), 30);
    QSet<QString> ids;
    for (int i = 0; i < products.size(); ++i) {
        EXPECT_EQ(products[i].position, i);
        ids.insert(products[i].productId);
    }
    EXPECT_EQ(ids.size(), 30) << "the second run went on after the stored page";
    EXPECT_EQ(countRequests(sandbox.requestLog(), QStringLiteral("operationName"),
                            QStringLiteral("ProductsPage")),
              3);
}

TEST(ProductLister, ListsEveryProductWithSmallerPagesWhenAPageIsTooExpensive) {
    // A page of 25 costs 902 points; this store allows 300 a query (Shopify: 1000).
    const sandbox::Catalog catalog = realCatalog(QStringLiteral("kith-storefront-products.json"));
    sandbox::SandboxConfig config = roomyBucket();
    config.shopify.maxQueryCost = 300;
    SandboxFixture sandbox(catalog, config);
    StepHarness h(sandbox, 25);
    h.createJob();
    const QList<JobProduct> products = h.listEverything();
    ASSERT_EQ(products.size(), 30);
    QSet<QString> ids;
    for (const JobProduct &p : products)
        ids.insert(p.productId);
    EXPECT_EQ(ids.size(), 30) << "no product listed twice";
    EXPECT_EQ(countRequests(sandbox.requestLog(), QStringLiteral("operationName"),
                            QStringLiteral("ProductsPage")),
              1 + 4)
        << "25 refused, then 300 / 35.08 = 8 a page: 8, 8, 8, 6";
    EXPECT_TRUE(JobRepository(*h.reader).find(h.run.jobId).value().listingDone);
}

TEST(ProductAnalyser, NeverPaysTwiceForTheSameImage) {
    const sandbox::Catalog catalog = realCatalog(QStringLiteral("kith-storefront-products.json"));
    SandboxFixture sandbox(catalog, roomyBucket());
    StepHarness h(sandbox);
    h.createJob();
    ProductLister lister(h.run, 0);
    h.waitFor([&](auto done) { lister.run(done); });
    const JobProduct product = h.stored().first();

    ImageDownloader downloader(h.run);
    ProductAnalyser analyser(h.run);
    auto first = std::make_shared<ProductWork>(product, 1);
    ASSERT_EQ(first->images.size(), 1);
    h.waitFor([&](auto done) { downloader.download(first, done); });
    ASSERT_FALSE(first->images[0].sha256.isEmpty()) << first->images[0].error.toStdString();
    EXPECT_TRUE(h.images.contains(first->images[0].sha256));
    h.waitFor([&](auto done) { analyser.analyse(first, done); });
    EXPECT_EQ(h.tagger.billed.load(), 1);
    const auto once = SuggestionRepository(*h.reader).forJob(h.run.jobId).value();

    // The same product again (its image is now cached, and its answer stored).
    auto again = std::make_shared<ProductWork>(product, 1);
    h.waitFor([&](auto done) { downloader.download(again, done); });
    EXPECT_EQ(again->images[0].sha256, first->images[0].sha256);
    h.waitFor([&](auto done) { analyser.analyse(again, done); });
    EXPECT_EQ(h.tagger.billed.load(), 1) << "the stored answer was read, not paid for again";
    EXPECT_EQ(again->images[0].suggestions, first->images[0].suggestions);
    EXPECT_EQ(SuggestionRepository(*h.reader).forJob(h.run.jobId).value(), once);
    EXPECT_EQ(
        countRequests(sandbox.requestLog(), QStringLiteral("service"), QStringLiteral("images")), 1)
        << "a cached image is not downloaded again";
}

namespace {
// The long side of the image the cache holds under `sha256`.
int cachedLongSide(const ImageCache &images, const QString &sha256) {
    const QSize size = QImage::fromData(images.load(sha256).value()).size();
    return std::max(size.width(), size.height());
}
} // namespace

TEST(ImageDownloader, DownloadsTheRenditionForAnalysisNotTheOriginal) {
    const sandbox::Catalog catalog = realCatalog(QStringLiteral("kith-storefront-products.json"));
    sandbox::SandboxConfig config = roomyBucket();
    config.shopify.originalLongSide = 2048; // a store's originals, not 400 px photos
    SandboxFixture sandbox(catalog, config);
    StepHarness h(sandbox);
    h.createJob();
    const JobProduct product = h.listEverything().first();
    ASSERT_FALSE(product.snapshot->media.isEmpty());
    const MediaImage &media = product.snapshot->media.first();
    EXPECT_EQ(QUrlQuery(media.analysisUrl).queryItemValue(QStringLiteral("width")),
              QStringLiteral("768"))
        << "the listing asks Shopify for a rendition of at most 768 × 768 px";
    EXPECT_FALSE(QUrlQuery(media.url).hasQueryItem(QStringLiteral("width")));

    ImageDownloader downloader(h.run);
    auto work = std::make_shared<ProductWork>(product, 1);
    h.waitFor([&](auto done) { downloader.download(work, done); });
    ASSERT_FALSE(work->images[0].sha256.isEmpty()) << work->images[0].error.toStdString();
    EXPECT_EQ(cachedLongSide(h.images, work->images[0].sha256), 768)
        << "the rendition, scaled down from the 2048 px original";
    const QList<ProductImage> stored =
        ImageRepository(*h.reader).forProduct(h.run.jobId, product.productId).value();
    ASSERT_EQ(stored.size(), 1);
    EXPECT_EQ(stored.first().url, media.analysisUrl) << "what was downloaded is recorded";
}

TEST(ImageDownloader, DownloadsTheOriginalWhenTheSnapshotKnowsNoRendition) {
    const sandbox::Catalog catalog = realCatalog(QStringLiteral("kith-storefront-products.json"));
    sandbox::SandboxConfig config = roomyBucket();
    config.shopify.originalLongSide = 2048;
    SandboxFixture sandbox(catalog, config);
    StepHarness h(sandbox);
    h.createJob();
    // A product as a job stored it before renditions were asked for.
    JobProduct product = h.listEverything().first();
    product.snapshot->media.first().analysisUrl = QUrl();

    ImageDownloader downloader(h.run);
    auto work = std::make_shared<ProductWork>(product, 1);
    h.waitFor([&](auto done) { downloader.download(work, done); });
    ASSERT_FALSE(work->images[0].sha256.isEmpty()) << work->images[0].error.toStdString();
    EXPECT_EQ(cachedLongSide(h.images, work->images[0].sha256), 2048);
    EXPECT_EQ(
        ImageRepository(*h.reader).forProduct(h.run.jobId, product.productId).value().first().url,
        product.snapshot->media.first().url);
}

TEST(BoundedLoop, RunsAtMostParallelAtOnceAndLetsGoOfItsWorkWhenDone) {
    RunContext run;
    auto batch = std::make_shared<const ProductBatch>(QList<JobProduct>(10));
    EXPECT_EQ(ProductBatch::live(), 1);
    QList<std::function<void()>> inFlight;
    int most = 0;
    bool finished = false;
    forEachBounded(
        run, batch->size(), 3,
        [&, batch](int, std::function<void()> done) {
            inFlight.append(std::move(done));
            most = std::max(most, int(inFlight.size()));
        },
        [&] { finished = true; });
    batch.reset();
    EXPECT_EQ(ProductBatch::live(), 1) << "held by the loop while it works";
    while (!inFlight.isEmpty())
        inFlight.takeFirst()();
    EXPECT_TRUE(finished);
    EXPECT_EQ(most, 3);
    EXPECT_EQ(ProductBatch::live(), 0) << "the loop let go of the batch once done";
}

TEST(MergeSuggestions, KeepsTheMostConfidentValueAndTheOthersAsAlternatives) {
    const QList<QList<Suggestion>> perImage{
        {{QStringLiteral("color"), QStringLiteral("red"), 0.6, QStringLiteral("m1"), {}, {}},
         {QStringLiteral("pattern"), QStringLiteral("plain"), 0.9, QStringLiteral("m1"), {}, {}}},
        {{QStringLiteral("color"),
          QStringLiteral("blue"),
          0.8,
          QStringLiteral("m2"),
          {{QStringLiteral("red"), 0.7}, {QStringLiteral("navy"), 0.3}},
          {}}},
    };
    const QList<Suggestion> merged = mergeSuggestions(perImage, {});
    ASSERT_EQ(merged.size(), 2);
    EXPECT_EQ(merged[0].attribute, QStringLiteral("color"));
    EXPECT_EQ(merged[0].value, QStringLiteral("blue"));
    EXPECT_DOUBLE_EQ(merged[0].confidence, 0.8);
    ASSERT_EQ(merged[0].alternatives.size(), 2);
    EXPECT_EQ(merged[0].alternatives[0].value, QStringLiteral("red"));
    EXPECT_DOUBLE_EQ(merged[0].alternatives[0].confidence, 0.7);
    EXPECT_EQ(merged[0].alternatives[1].value, QStringLiteral("navy"));
    EXPECT_EQ(merged[1].value, QStringLiteral("plain"));

    const QList<Suggestion> onlyPattern = mergeSuggestions(perImage, {QStringLiteral("pattern")});
    ASSERT_EQ(onlyPattern.size(), 1);
    EXPECT_EQ(onlyPattern[0].attribute, QStringLiteral("pattern"));
}

TEST(JobRunner, HoldsABoundedNumberOfProductBatchesWhateverTheJobsSize) {
    sandbox::Catalog catalog = realCatalog(QStringLiteral("kith-storefront-products.json"));
    sandbox::growCatalog(catalog, 400); // more than six batches of 64
    SandboxFixture sandbox(catalog, roomyBucket());
    StepHarness h(sandbox);
    h.createJob();
    JobRunner runner(h.run.services, h.run.jobId);
    int most = 0;
    std::optional<Status> result;
    QObject::connect(&runner, &JobRunner::progress, &runner,
                     [&](const JobProgress &) { most = std::max(most, ProductBatch::live()); });
    QObject::connect(&runner, &JobRunner::finished, &runner, [&](const Status &s) {
        result = s;
        most = std::max(most, ProductBatch::live());
    });
    runner.start();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return result.has_value(); }, std::numeric_limits<int>::max()));
    ASSERT_TRUE(result->ok()) << result->error().message.toStdString();
    const ProductTally tally = JobProductRepository(*h.reader).tally(h.run.jobId).value();
    EXPECT_EQ(tally.total, 400);
    EXPECT_EQ(tally.unanalysed, 0);
    EXPECT_GT(tally.analysed, 0);
    EXPECT_GE(most, 1) << "the analysis went through batches";
    EXPECT_LE(most, 2) << "a batch is let go once its products are stored";
    EXPECT_EQ(ProductBatch::live(), 0) << "the runner, still alive, holds no batch";
}

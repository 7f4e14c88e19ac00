// The job runner end to end against the sandbox store over real sockets, on a real
// SQLite file: list → fetch → download images → analyse, through injected faults, and
// resumed after an interruption without fetching or analysing anything twice.
#include "catalog/catalogloader.h"
#include "catalog/photos.h"
#include "domain/attribute.h"
#include "domain/standardtaxonomy.h"
#include "domain/taxonomyvocabulary.h"
#include "pipeline/imagecachejanitor.h"
#include "pipeline/jobreader.h"
#include "pipeline/jobrunner.h"
#include "pipeline/jobservice.h"
#include "pipeline/runstep.h"
#include "pipeline/sandboxfixture.h"
#include "shopify/store.h"
#include "storage/imagerepository.h"
#include "storage/jobproductrepository.h"
#include "storage/suggestionrepository.h"
#include "support/qtprinters.h"
#include "taggers/localtagger.h"
#include "taggers/taggerfactory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSet>
#include <QTemporaryDir>
#include <QTimer>

#include <atomic>

using namespace tagdesk;
using namespace tagdesk::test;

namespace {

// Counts what reaches the real tagger, to prove the answer cache is used.
class CountingTagger : public Tagger {
public:
    explicit CountingTagger(Tagger &inner)
        : m_inner(inner) {}
    TaggerKind kind() const override { return m_inner.kind(); }
    QString settingsKey() const override { return m_inner.settingsKey(); }
    QString answerKey(const QString &categoryId) const override {
        return m_inner.answerKey(categoryId);
    }
    int maxImagesPerCall() const override { return m_inner.maxImagesPerCall(); }
    int concurrency() const override { return m_inner.concurrency(); }
    QFuture<Result<QList<Result<TaggerAnswer>>>>
    analyse(const QList<TaggerImage> &images) override {
        analysed += int(images.size());
        for (const TaggerImage &image : images)
            askedIn.insert(image.mediaId, image.categoryId);
        return m_inner.analyse(images);
    }
    Result<QList<Suggestion>> interpret(const QByteArray &raw,
                                        const QString &mediaId) const override {
        return m_inner.interpret(raw, mediaId);
    }
    std::atomic<int> analysed{0};
    QHash<QString, QString> askedIn; // media id → the category it was asked in

private:
    Tagger &m_inner;
};

// A provider whose credits are gone.
class BrokeTagger : public LocalTagger {
public:
    QFuture<Result<QList<Result<TaggerAnswer>>>> analyse(const QList<TaggerImage> &) override {
        QPromise<Result<QList<Result<TaggerAnswer>>>> p;
        p.start();
        p.addResult(Error::quota(QStringLiteral("Ximilar: no credits left on this account")));
        p.finish();
        return p.future();
    }
};

// A job database, an image cache and a runner wired to one sandbox.
class RunnerHarness {
public:
    RunnerHarness(SandboxFixture &sandbox, Tagger &tagger, HttpClient::Options options)
        : m_sandbox(sandbox)
        , m_tagger(tagger)
        , reader(db.open())
        , writer(DatabaseWriter::start(db.config()).value())
        , jobs(*writer)
        , jobReader(db.config())
        , http(&sandbox.network, options)
        , shopify(&http, sandbox.store(), credentials())
        , images(m_cacheDir.path()) {}

    static ShopifyCredentials credentials() { return SandboxFixture::credentials(); }

    qint64 createJob(const QString &name, int imagesPerProduct = 1) {
        NewJob n;
        n.name = name;
        n.imagesPerProduct = imagesPerProduct;
        return await(jobs.create(n)).value().id;
    }

    // Runs the job; `cancelAfter` > 0 cancels once that many products are analysed.
    // Sees every progress report of the next runs.
    std::function<void(const JobProgress &)> onProgress;

    Status run(qint64 jobId, int cancelAfter = 0, qint64 bulkThreshold = 2000) {
        RunnerServices services{writer.get(), &shopify, &http, &images, &m_tagger, 25, 4};
        services.bulkThreshold = bulkThreshold;
        services.bulkPollMs = 20;
        JobRunner runner(services, jobId);
        std::optional<Status> result;
        QObject::connect(&runner, &JobRunner::finished, &runner,
                         [&](const Status &s) { result = s; });
        if (onProgress)
            QObject::connect(&runner, &JobRunner::progress, &runner, onProgress);
        if (cancelAfter > 0) {
            QObject::connect(&runner, &JobRunner::progress, &runner, [&](const JobProgress &p) {
                if (p.phase == JobProgress::Phase::Analysing && p.done >= cancelAfter)
                    runner.cancel();
            });
        }
        runner.start();
        EXPECT_TRUE(
            QTest::qWaitFor([&] { return result.has_value(); }, std::numeric_limits<int>::max()));
        return *result;
    }

    // Product id → its colour suggestion (or its error).
    QMap<QString, QString> outcome(qint64 jobId) {
        QMap<QString, QString> out;
        auto products = JobProductRepository(*reader).list(jobId);
        auto suggestions = SuggestionRepository(*reader).forJob(jobId);
        EXPECT_TRUE(products.ok() && suggestions.ok());
        for (const JobProduct &p : products.value()) {
            QStringList values;
            for (const Suggestion &s : suggestions->value(p.productId))
                values << s.attribute + QLatin1Char('=') + s.value;
            out.insert(p.productId,
                       stageKey(p.progress.stage) + QLatin1Char(' ') +
                           values.join(QLatin1Char(',')) +
                           (p.error.isEmpty() ? QString() : QStringLiteral(" error: ") + p.error));
        }
        return out;
    }

private:
    SandboxFixture &m_sandbox;
    Tagger &m_tagger;
    QTemporaryDir m_cacheDir;

public:
    TempSqlite db;
    std::unique_ptr<Connection> reader;
    std::unique_ptr<DatabaseWriter> writer;
    JobService jobs;
    JobReader jobReader;
    HttpClient http;
    ShopifyClient shopify;
    ImageCache images;
};

} // namespace

TEST(JobRunner, AnalysesEveryProductOfARealCatalogThatHasImages) {
    const sandbox::Catalog catalog =
        realCatalog(QStringLiteral("devstore-admin-rest-products.json"));
    SandboxFixture sandbox(catalog, roomyBucket());
    LocalTagger tagger;
    RunnerHarness h(sandbox, tagger, sandbox.fastRetries());
    const qint64 job = h.createJob(QStringLiteral("Devstore"));
    const Status ran = h.run(job);
    ASSERT_TRUE(ran.ok()) << ran.error().message.toStdString();

    int active = 0;
    int withImages = 0;
    for (const auto &p : catalog.products) {
        if (p.status != QLatin1String("ACTIVE"))
            continue;
        ++active;
        withImages += p.media.isEmpty() ? 0 : 1;
    }
    const auto outcome = h.outcome(job);
    ASSERT_EQ(outcome.size(), active);
    int analysed = 0;
    for (auto it = outcome.cbegin(); it != outcome.cend(); ++it) {
        if (it.value().startsWith(QLatin1String("analysed "))) {
            ++analysed;
            EXPECT_TRUE(it.value().contains(QStringLiteral("colour=")))
                << it.key().toStdString() << ": " << it.value().toStdString();
        } else {
            EXPECT_TRUE(it.value().contains(QStringLiteral("no images")))
                << it.key().toStdString() << ": " << it.value().toStdString();
        }
    }
    EXPECT_EQ(analysed, withImages);
    auto summary = h.jobReader.summary(job);
    ASSERT_TRUE(summary.ok());
    EXPECT_EQ(summary->status, JobStatus::Review);
    // A product without images is skipped with its reason, counted apart, not failed.
    ASSERT_LT(withImages, active) << "the catalog has products without images";
    EXPECT_EQ(summary->tally.skipped, active - withImages);
    EXPECT_EQ(summary->tally.failed, 0);
    EXPECT_EQ(summary->tally.needsReview, withImages);
    EXPECT_FALSE(summary->job.runRequested);
}

TEST(JobRunner, FinishesWithTheSameSuggestionsThroughFaults) {
    const sandbox::Catalog catalog = realCatalog(QStringLiteral("kith-storefront-products.json"));
    QMap<QString, QString> clean;
    {
        SandboxFixture sandbox(catalog, roomyBucket());
        LocalTagger tagger;
        RunnerHarness h(sandbox, tagger, sandbox.fastRetries());
        const qint64 job = h.createJob(QStringLiteral("Clean"));
        ASSERT_TRUE(h.run(job).ok());
        clean = h.outcome(job);
    }
    sandbox::SandboxConfig faulty = roomyBucket();
    for (const char *spec :
         {"shopify:errorRate=0.1,errorStatus=503,hang=0.05,drop=0.05,stormEvery=5,stormLength=1",
          "images:errorRate=0.1,errorStatus=500,hang=0.05,drop=0.05"})
        ASSERT_TRUE(faulty.faults.addFlag(QLatin1String(spec)).ok());
    SandboxFixture sandbox(catalog, faulty);
    LocalTagger tagger;
    RunnerHarness h(sandbox, tagger, sandbox.fastRetries(30));
    const qint64 job = h.createJob(QStringLiteral("Faulty"));
    const Status ran = h.run(job);
    ASSERT_TRUE(ran.ok()) << ran.error().message.toStdString();
    EXPECT_EQ(h.outcome(job), clean);
    int faults = 0;
    for (const QJsonValue &entry : sandbox.requestLog())
        faults += entry.toObject().contains(QStringLiteral("fault")) ? 1 : 0;
    EXPECT_GT(faults, 5) << "the faults were really injected";
}

TEST(JobRunner, ResumesAfterAnInterruptionWithoutFetchingOrAnalysingAgain) {
    const sandbox::Catalog catalog = realCatalog(QStringLiteral("kith-storefront-products.json"));
    SandboxFixture sandbox(catalog, roomyBucket());
    LocalTagger local;
    CountingTagger tagger(local);
    RunnerHarness h(sandbox, tagger, sandbox.fastRetries());
    const qint64 job = h.createJob(QStringLiteral("Interrupted"));

    const Status first = h.run(job, 8);
    EXPECT_FALSE(first.ok()) << "cancelled";
    auto half = h.jobReader.summary(job);
    ASSERT_TRUE(half.ok());
    EXPECT_GT(half->tally.analysed, 0);
    EXPECT_LT(half->tally.analysed, catalog.products.size());
    EXPECT_EQ(half->status, JobStatus::Review) << "paused with products left";
    const int analysedBefore = tagger.analysed.load();
    const qint64 left = catalog.products.size() - half->tally.analysed;

    const Status second = h.run(job);
    ASSERT_TRUE(second.ok()) << second.error().message.toStdString();
    auto done = h.jobReader.summary(job);
    EXPECT_EQ(done->tally.analysed, catalog.products.size());
    EXPECT_LE(tagger.analysed.load() - analysedBefore, left) << "only what was left was analysed";

    // Nothing stored was fetched again: every product's image was downloaded once, and
    // every page of the selection was listed once, across both runs.
    int downloads = 0;
    int pages = 0;
    for (const QJsonValue &v : sandbox.requestLog()) {
        const QJsonObject e = v.toObject();
        if (e.value(QStringLiteral("service")).toString() == QLatin1String("images"))
            ++downloads;
        if (e.value(QStringLiteral("operationName")).toString() == QLatin1String("ProductsPage"))
            ++pages;
    }
    EXPECT_EQ(downloads, int(catalog.products.size()));
    EXPECT_EQ(pages, int((catalog.products.size() + 24) / 25));
}

TEST(JobRunner, ASecondJobOverTheSameImagesUsesTheStoredAnswers) {
    const sandbox::Catalog catalog = realCatalog(QStringLiteral("kith-storefront-products.json"));
    SandboxFixture sandbox(catalog, roomyBucket());
    LocalTagger local;
    CountingTagger tagger(local);
    RunnerHarness h(sandbox, tagger, sandbox.fastRetries());
    const qint64 first = h.createJob(QStringLiteral("First"));
    ASSERT_TRUE(h.run(first).ok());
    const int paid = tagger.analysed.load();
    EXPECT_GT(paid, 0);
    const qint64 second = h.createJob(QStringLiteral("Second"));
    ASSERT_TRUE(h.run(second).ok());
    EXPECT_EQ(tagger.analysed.load(), paid) << "no image analysed twice";
    EXPECT_EQ(h.outcome(second).values(), h.outcome(first).values());
}

// "Never pay twice" holds under concurrency too: two products showing the same photo,
// analysed at once by a slow model, cost one request to the tagger, and both get its answer.
TEST(JobRunner, TwoProductsWithTheSamePhotoAnalysedAtOnceAskTheTaggerOnce) {
    sandbox::Catalog catalog = sandbox::demoCatalog();
    ASSERT_GE(catalog.products.size(), 3);
    catalog.products.resize(3);
    for (sandbox::StoreProduct &p : catalog.products) {
        ASSERT_FALSE(p.media.isEmpty());
        p.media.resize(1);
    }
    catalog.products[1].media.first().photo = catalog.products[0].media.first().photo;
    QSet<QString> photos;
    for (const sandbox::StoreProduct &p : catalog.products)
        photos.insert(p.media.first().photo);
    sandbox::SandboxConfig config = roomyBucket();
    ASSERT_TRUE(config.faults.addFlag(QStringLiteral("openai:latency=150-150")).ok());
    SandboxFixture sandbox(catalog, config);
    TaggerSettings settings;
    settings.openAi.url = QUrl(sandbox.server.baseUrl());
    settings.openAi.key = QStringLiteral("sk-sandbox");
    settings.openAi.model = QStringLiteral("sandbox-vision");
    settings.openAi.concurrency = 3;
    HttpClient taggerHttp(&sandbox.network, sandbox.fastRetries());
    auto tagger = makeTagger(TaggerKind::OpenAi, settings, &taggerHttp);
    ASSERT_TRUE(tagger.ok()) << tagger.error().message.toStdString();
    RunnerHarness h(sandbox, *tagger.value(), sandbox.fastRetries());
    NewJob n;
    n.name = QStringLiteral("Shared photo");
    n.tagger = TaggerKind::OpenAi;
    const qint64 job = await(h.jobs.create(n)).value().id;
    const Status ran = h.run(job);
    ASSERT_TRUE(ran.ok()) << ran.error().message.toStdString();

    int taggerRequests = 0;
    for (const QJsonValue &entry : sandbox.requestLog())
        taggerRequests +=
            entry.toObject().value(QStringLiteral("service")).toString() == QLatin1String("openai")
                ? 1
                : 0;
    EXPECT_EQ(taggerRequests, photos.size()) << "one request per photo, the shared one too";
    const auto outcome = h.outcome(job);
    const QString shared = catalog.products[0].id;
    const QString copy = catalog.products[1].id;
    EXPECT_TRUE(outcome.value(shared).startsWith(QLatin1String("analysed ")))
        << outcome.value(shared).toStdString();
    EXPECT_EQ(outcome.value(copy), outcome.value(shared)) << "the same photo, the same answer";
}

// A tagger that answers its oldest call as soon as its `concurrency` calls are all out,
// and otherwise only after a pause with no new call: it sees how many calls are in flight at
// once, and which images were being asked about when each call came. While it is full, a
// call can only come from a product already waiting for it.
class PacedTagger : public Tagger {
public:
    explicit PacedTagger(int concurrency)
        : m_inner({}, 1)
        , m_concurrency(concurrency) {
        m_release.setSingleShot(true);
        QObject::connect(&m_release, &QTimer::timeout, [this] { answerOldest(); });
    }
    TaggerKind kind() const override { return m_inner.kind(); }
    QString settingsKey() const override { return m_inner.settingsKey(); }
    QString answerKey(const QString &categoryId) const override {
        return m_inner.answerKey(categoryId);
    }
    int concurrency() const override { return m_concurrency; }
    QFuture<Result<QList<Result<TaggerAnswer>>>>
    analyse(const QList<TaggerImage> &images) override {
        Call call{images, std::make_shared<QPromise<Result<QList<Result<TaggerAnswer>>>>>()};
        call.answer->start();
        QStringList asking;
        for (const Call &held : std::as_const(m_held))
            asking << held.images.first().mediaId;
        calls.append({images.first().mediaId, asking});
        m_held.append(call);
        mostAtOnce = std::max(mostAtOnce, int(m_held.size()));
        releaseLater();
        return call.answer->future();
    }
    Result<QList<Suggestion>> interpret(const QByteArray &raw,
                                        const QString &mediaId) const override {
        return m_inner.interpret(raw, mediaId);
    }

    // Each call: the image asked about, and those of the calls still unanswered then.
    QList<std::pair<QString, QStringList>> calls;
    int mostAtOnce = 0;

private:
    struct Call {
        QList<TaggerImage> images;
        std::shared_ptr<QPromise<Result<QList<Result<TaggerAnswer>>>>> answer;
    };
    void answerOldest() {
        if (m_held.isEmpty())
            return;
        const Call call = m_held.takeFirst();
        auto answered = m_inner.analyse(call.images);
        answered.waitForFinished();
        call.answer->addResult(answered.result());
        call.answer->finish();
        releaseLater();
    }
    void releaseLater() {
        if (!m_held.isEmpty())
            m_release.start(m_held.size() >= m_concurrency ? 0 : 200);
    }

    LocalTagger m_inner;
    int m_concurrency;
    QTimer m_release;
    QList<Call> m_held;
};

// The analysis keeps the tagger busy: never more calls at once than its concurrency, and
// the next batch of products is read and sent while the last batch's final calls are still
// out, instead of waiting for that batch to drain first.
TEST(JobRunner, TheTaggerGetsItsConcurrencyNeverMoreAndTheNextBatchWithoutWaiting) {
    sandbox::Catalog catalog = sandbox::demoCatalog();
    sandbox::growCatalog(catalog, productBatchSize + 10);
    for (sandbox::StoreProduct &p : catalog.products) {
        p.status = QStringLiteral("ACTIVE");
        if (p.media.size() > 1)
            p.media.resize(1);
    }
    sandbox::SandboxConfig config = roomyBucket();
    config.shopify.distinctImages = true; // no answer cache hits: every product is asked
    SandboxFixture sandbox(catalog, config);
    PacedTagger tagger(3);
    RunnerHarness h(sandbox, tagger, sandbox.fastRetries());
    const qint64 job = h.createJob(QStringLiteral("Paced"));
    const Status ran = h.run(job);
    ASSERT_TRUE(ran.ok()) << ran.error().message.toStdString();

    // Where each image's product stands in the job's order.
    QHash<QString, int> positionOf;
    auto products = JobProductRepository(*h.reader).list(job);
    ASSERT_TRUE(products.ok());
    for (const JobProduct &p : products.value()) {
        ASSERT_TRUE(p.snapshot.has_value());
        for (const MediaImage &m : p.snapshot->media)
            positionOf.insert(m.id, p.position);
    }
    ASSERT_GT(tagger.calls.size(), productBatchSize) << "the job spans two batches";
    EXPECT_EQ(tagger.mostAtOnce, 3) << "the tagger's three calls at once, and never more";
    // A call for the second batch came while one of the first batch's was still out.
    std::vector<int> sortedPositions;
    for (const JobProduct &p : products.value())
        sortedPositions.push_back(p.position);
    std::sort(sortedPositions.begin(), sortedPositions.end());
    const int firstOfSecondBatch = sortedPositions.at(productBatchSize);
    bool overlapped = false;
    for (const auto &[image, asking] : std::as_const(tagger.calls)) {
        if (positionOf.value(image, -1) < firstOfSecondBatch)
            continue;
        for (const QString &other : asking)
            overlapped = overlapped || positionOf.value(other, -1) < firstOfSecondBatch;
    }
    EXPECT_TRUE(overlapped) << "the second batch waited for the first to drain";
    const auto outcome = h.outcome(job);
    for (auto it = outcome.cbegin(); it != outcome.cend(); ++it)
        EXPECT_TRUE(it.value().startsWith(QLatin1String("analysed ")) ||
                    it.value().contains(QStringLiteral("no images")))
            << it.key().toStdString() << ": " << it.value().toStdString();
}

TEST(JobRunner, AProviderOutOfCreditsStopsTheJobWithItsReason) {
    const sandbox::Catalog catalog = realCatalog(QStringLiteral("kith-storefront-products.json"));
    SandboxFixture sandbox(catalog, roomyBucket());
    BrokeTagger tagger;
    RunnerHarness h(sandbox, tagger, sandbox.fastRetries());
    const qint64 job = h.createJob(QStringLiteral("Broke"));
    const Status ran = h.run(job);
    ASSERT_FALSE(ran.ok());
    EXPECT_EQ(ran.error().code, Error::Code::Quota);
    auto summary = h.jobReader.summary(job);
    EXPECT_EQ(summary->status, JobStatus::Error);
    EXPECT_EQ(summary->job.fatalError, QStringLiteral("Ximilar: no credits left on this account"));
    EXPECT_FALSE(summary->job.runRequested);
}

TEST(JobRunner, AnUnreachableStoreStopsTheRunWithAMessageAndLosesNothing) {
    const sandbox::Catalog catalog = realCatalog(QStringLiteral("kith-storefront-products.json"));
    sandbox::SandboxConfig config = roomyBucket();
    ASSERT_TRUE(config.faults.addFlag(QStringLiteral("shopify:drop=1")).ok());
    SandboxFixture sandbox(catalog, config);
    LocalTagger tagger;
    RunnerHarness h(sandbox, tagger, sandbox.fastRetries(2));
    const qint64 job = h.createJob(QStringLiteral("Offline"));
    const Status ran = h.run(job);
    ASSERT_FALSE(ran.ok());
    EXPECT_TRUE(ran.error().message.contains(QStringLiteral("Could not reach")))
        << ran.error().message.toStdString();
    auto summary = h.jobReader.summary(job);
    EXPECT_EQ(summary->status, JobStatus::Error);
    EXPECT_FALSE(summary->job.fatalError.isEmpty());
}

TEST(ImageCacheJanitor, KeepsActiveJobsImagesAndEvictsArchivedOnesOverTheCap) {
    const sandbox::Catalog catalog = realCatalog(QStringLiteral("kith-storefront-products.json"));
    SandboxFixture sandbox(catalog, roomyBucket());
    LocalTagger tagger;
    RunnerHarness h(sandbox, tagger, sandbox.fastRetries());
    const qint64 job = h.createJob(QStringLiteral("Cached"));
    ASSERT_TRUE(h.run(job).ok());
    auto before = ImageRepository(*h.reader).cacheUse();
    ASSERT_TRUE(before.ok());
    ASSERT_FALSE(before->isEmpty());

    auto kept = await(enforceImageCacheCap(*h.writer, h.images, 1));
    ASSERT_TRUE(kept.ok()) << kept.error().message.toStdString();
    EXPECT_EQ(kept.value(), 0) << "an active job's images stay, even over the cap";
    for (const CacheEntryUse &e : before.value())
        EXPECT_TRUE(h.images.contains(e.sha256));

    ASSERT_TRUE(await(h.jobs.setArchived(job, true)).ok());
    auto evicted = await(enforceImageCacheCap(*h.writer, h.images, 1));
    ASSERT_TRUE(evicted.ok());
    EXPECT_EQ(evicted.value(), before->size());
    for (const CacheEntryUse &e : before.value())
        EXPECT_FALSE(h.images.contains(e.sha256));
    EXPECT_TRUE(ImageRepository(*h.reader).cacheUse()->isEmpty());
}

TEST(JobRunner, ListsALargeSelectionWithABulkExportInsteadOfPages) {
    const sandbox::Catalog catalog = realCatalog(QStringLiteral("kith-storefront-products.json"));
    SandboxFixture sandbox(catalog, roomyBucket());
    LocalTagger tagger;
    RunnerHarness paged(sandbox, tagger, sandbox.fastRetries());
    const qint64 pagedJob = paged.createJob(QStringLiteral("Paged"));
    ASSERT_TRUE(paged.run(pagedJob).ok());

    RunnerHarness bulk(sandbox, tagger, sandbox.fastRetries());
    const qint64 bulkJob = bulk.createJob(QStringLiteral("Bulk"));
    const Status ran = bulk.run(bulkJob, 0, 10); // 30 products > 10: bulk
    ASSERT_TRUE(ran.ok()) << ran.error().message.toStdString();
    EXPECT_EQ(bulk.outcome(bulkJob), paged.outcome(pagedJob))
        << "the same products, the same suggestions";

    int bulkRuns = 0;
    int downloads = 0;
    for (const QJsonValue &v : sandbox.requestLog()) {
        const QJsonObject e = v.toObject();
        bulkRuns +=
            e.value(QStringLiteral("operationName")).toString() == QLatin1String("BulkProductsRun")
                ? 1
                : 0;
        downloads +=
            e.value(QStringLiteral("path")).toString().endsWith(QLatin1String(".jsonl")) ? 1 : 0;
    }
    EXPECT_EQ(bulkRuns, 1);
    EXPECT_EQ(downloads, 1);
}

// A bulk export's progress counts products, once: Shopify's objectCount counts each
// product's images and metafields too, and the stored batches came on top of it (a
// 95,314-product listing showed "187,701 of 95,314").
TEST(JobRunner, ABulkListingCountsEachProductOnce) {
    const sandbox::Catalog catalog = realCatalog(QStringLiteral("kith-storefront-products.json"));
    sandbox::SandboxConfig config = roomyBucket();
    config.shopify.bulkSliceSize = 4; // the export runs while it is polled
    config.shopify.bulkSliceDelayMs = 10;
    SandboxFixture sandbox(catalog, config);
    LocalTagger tagger;
    RunnerHarness bulk(sandbox, tagger, sandbox.fastRetries());
    QList<qint64> listed;
    bulk.onProgress = [&](const JobProgress &p) {
        if (p.phase == JobProgress::Phase::Listing)
            listed << p.done;
    };
    const qint64 job = bulk.createJob(QStringLiteral("Bulk"));
    const Status ran = bulk.run(job, 0, 10);
    ASSERT_TRUE(ran.ok()) << ran.error().message.toStdString();
    ASSERT_FALSE(listed.isEmpty());
    EXPECT_TRUE(std::is_sorted(listed.begin(), listed.end())) << "never back";
    EXPECT_EQ(listed.last(), 30);
    EXPECT_LE(*std::max_element(listed.begin(), listed.end()), 30);
    EXPECT_TRUE(std::any_of(listed.begin(), listed.end(), [](qint64 n) { return n > 0 && n < 30; }))
        << "the export's own progress was seen";
}

// Issue 4's "done when": a job over a real catalog finishes with suggestions for every
// product with images with each of the four taggers (the remote ones served by the
// sandbox over loopback).
TEST(JobRunner, EveryTaggerAnalysesARealCatalog) {
    const sandbox::Catalog catalog = realCatalog(QStringLiteral("kith-storefront-products.json"));
    SandboxFixture sandbox(catalog, roomyBucket());
    TaggerSettings settings;
    const QUrl base(sandbox.server.baseUrl());
    settings.ximilar.url = base;
    settings.ximilar.key = QStringLiteral("sandbox-ximilar");
    settings.pixyle.url = base;
    settings.pixyle.email = QStringLiteral("sandbox@tagdesk.test");
    settings.pixyle.password = QStringLiteral("sandbox");
    settings.openAi.url = base;
    settings.openAi.key = QStringLiteral("sk-sandbox");
    settings.openAi.model = QStringLiteral("sandbox-vision");
    for (TaggerKind kind :
         {TaggerKind::Local, TaggerKind::Ximilar, TaggerKind::Pixyle, TaggerKind::OpenAi}) {
        SCOPED_TRACE(taggerKey(kind).toStdString());
        HttpClient taggerHttp(&sandbox.network, sandbox.fastRetries());
        auto tagger = makeTagger(kind, settings, &taggerHttp);
        ASSERT_TRUE(tagger.ok()) << tagger.error().message.toStdString();
        RunnerHarness h(sandbox, *tagger.value(), sandbox.fastRetries());
        NewJob n;
        n.name = taggerKey(kind);
        n.tagger = kind;
        const qint64 job = await(h.jobs.create(n)).value().id;
        const Status ran = h.run(job);
        ASSERT_TRUE(ran.ok()) << ran.error().message.toStdString();
        const auto outcome = h.outcome(job);
        ASSERT_EQ(outcome.size(), catalog.products.size());
        for (auto it = outcome.cbegin(); it != outcome.cend(); ++it)
            EXPECT_TRUE(it.value().startsWith(QLatin1String("analysed ")) &&
                        it.value().contains(QStringLiteral("colour=")))
                << it.key().toStdString() << ": " << it.value().toStdString();
        if (kind != TaggerKind::Local) {
            bool anyCategory = false;
            for (const QString &v : outcome)
                anyCategory = anyCategory || v.contains(QStringLiteral("category="));
            EXPECT_TRUE(anyCategory) << "remote taggers name the garment too";
        }
    }
}

// A job that files products in Shopify's taxonomy asks the vision model in it: each product's
// images carry its category (its own, or the one its words name), the model answers in the
// taxonomy's values, and those answers are kept apart from the general question's.
// Products picked by hand are read 20 per query (nodes(ids:)), not one each, and each
// ends with its own copy — a product gone from the store is that product's failure.
TEST(JobRunner, ProductsPickedByHandAreFetchedTwentyPerQuery) {
    const sandbox::Catalog catalog = realCatalog(QStringLiteral("kith-storefront-products.json"));
    SandboxFixture sandbox(catalog, roomyBucket());
    LocalTagger tagger;
    RunnerHarness h(sandbox, tagger, sandbox.fastRetries());
    NewJob n;
    n.name = QStringLiteral("Picked");
    n.selection.kind = ProductSelection::Kind::Products;
    for (qsizetype i = 0; i < 24; ++i)
        n.selection.productIds << catalog.products.at(i).id;
    const QString gone = QStringLiteral("gid://shopify/Product/999999999");
    n.selection.productIds << gone;
    const qint64 id = await(h.jobs.create(n)).value().id;
    const Status ran = h.run(id);
    ASSERT_TRUE(ran.ok()) << ran.error().message.toStdString();

    EXPECT_EQ(sandbox.operations(QStringLiteral("ProductsByIds")), 2) << "25 products, 20 a query";
    EXPECT_EQ(sandbox.operations(QStringLiteral("Product")), 0);
    auto products = JobProductRepository(*h.reader).list(id);
    ASSERT_TRUE(products.ok());
    ASSERT_EQ(products->size(), 25);
    for (const JobProduct &p : products.value()) {
        if (p.productId == gone) {
            EXPECT_EQ(p.progress.stage, PipelineStage::Failed);
            EXPECT_TRUE(p.error.contains(QStringLiteral("no longer exists")))
                << p.error.toStdString();
        } else {
            ASSERT_TRUE(p.snapshot.has_value()) << p.productId.toStdString();
            EXPECT_EQ(p.snapshot->id, p.productId);
        }
    }
}

TEST(JobRunner, AJobWritingTheCategoryAsksTheModelInTheTaxonomysVocabulary) {
    // Twelve products with a photo each of their own: two showing the same photo would
    // share one answer (asked once), and this test counts the questions per product.
    sandbox::Catalog catalog = sandbox::demoCatalog();
    QStringList photos;
    for (const sandbox::StoreProduct &p : catalog.products)
        for (const sandbox::StoreImage &image : p.media)
            if (!photos.contains(image.photo))
                photos << image.photo;
    ASSERT_GE(photos.size(), 12);
    for (int i = 0; i < 12; ++i) {
        ASSERT_FALSE(catalog.products[i].media.isEmpty());
        catalog.products[i].media.first().photo = photos.at(i);
    }
    SandboxFixture sandbox(catalog, roomyBucket());
    TaggerSettings settings;
    settings.openAi.url = QUrl(sandbox.server.baseUrl());
    settings.openAi.key = QStringLiteral("sk-sandbox");
    settings.openAi.model = QStringLiteral("sandbox-vision");
    HttpClient taggerHttp(&sandbox.network, sandbox.fastRetries());
    auto openAi = makeTagger(TaggerKind::OpenAi, settings, &taggerHttp);
    ASSERT_TRUE(openAi.ok()) << openAi.error().message.toStdString();
    CountingTagger tagger(*openAi.value());
    RunnerHarness h(sandbox, tagger, sandbox.fastRetries());
    const auto runJob = [&](const QString &name, Destinations destinations) {
        NewJob n;
        n.name = name;
        n.tagger = TaggerKind::OpenAi;
        n.selection.kind = ProductSelection::Kind::Products;
        for (int i = 0; i < 12; ++i)
            n.selection.productIds << catalog.products[i].id;
        n.destinations = destinations;
        const qint64 id = await(h.jobs.create(n)).value().id;
        const Status ran = h.run(id);
        EXPECT_TRUE(ran.ok()) << ran.error().message.toStdString();
        return id;
    };

    const qint64 tagsOnly = runJob(QStringLiteral("Tags"), Destinations(Destination::Tags));
    const int generalQuestions = tagger.analysed.load();
    ASSERT_EQ(generalQuestions, 12);
    for (const QString &category : std::as_const(tagger.askedIn))
        EXPECT_TRUE(category.isEmpty()) << "a tags job asks the general question";

    tagger.askedIn.clear();
    const qint64 filed =
        runJob(QStringLiteral("Filed"), Destinations(Destination::Tags) | Destination::Category |
                                            Destination::CategoryMetafields);
    EXPECT_EQ(tagger.analysed.load(), generalQuestions + 12)
        << "an answer to the general question is not reused for another question";
    int withOwnCategory = 0;
    for (int i = 0; i < 12; ++i) {
        const sandbox::StoreProduct &p = catalog.products[i];
        ASSERT_FALSE(p.media.isEmpty());
        const QString asked = tagger.askedIn.value(p.media.first().mediaId);
        const TaxonomyCategory *own = StandardTaxonomy::instance().categoryById(p.category);
        if (own && !p.category.isEmpty() && asked == p.category)
            ++withOwnCategory;
        else
            EXPECT_EQ(asked, vocabulary::categoryFromProductWords(p.productType, p.title).best.id)
                << p.title.toStdString() << " in '" << p.category.toStdString() << "'";
    }
    EXPECT_GE(withOwnCategory, 6) << "most demo products have a category";

    // The model answered in Shopify's words: each colour is a taxonomy colour, each product
    // has a Shopify category the model chose itself.
    auto suggestions = SuggestionRepository(*h.reader).forJob(filed);
    ASSERT_TRUE(suggestions.ok());
    int colours = 0;
    for (auto it = suggestions->cbegin(); it != suggestions->cend(); ++it) {
        bool chosen = false;
        for (const Suggestion &s : it.value()) {
            if (s.attribute == attributes::colour) {
                ++colours;
                // The model's word as said ("colour: Gray"), kept as the evidence.
                const QString said = s.providerLabel.section(QStringLiteral(": "), 1);
                const TaxonomyValue *value =
                    StandardTaxonomy::instance().value(QStringLiteral("color"), said);
                ASSERT_NE(value, nullptr) << s.providerLabel.toStdString();
                EXPECT_EQ(value->name, said) << "in the taxonomy's own spelling";
                EXPECT_EQ(vocabulary::matchValue(attributes::colour, s.value).value.id, value->id)
                    << s.value.toStdString();
            }
            if (s.attribute == attributes::shopifyCategory)
                chosen = s.providerLabel.startsWith(attributes::shopifyCategory);
        }
        EXPECT_TRUE(chosen) << it.key().toStdString();
    }
    EXPECT_EQ(colours, 12);
    EXPECT_EQ(h.outcome(tagsOnly).size(), 12);
}

TEST(JobRunner, ABrokenImageIsItsProductsErrorSayingWhatIsWrongAndTheOthersAreAnalysed) {
    const sandbox::Catalog catalog = realCatalog(QStringLiteral("kith-storefront-products.json"));
    SandboxFixture sandbox(catalog, roomyBucket());
    // Products whose first photo in the store is broken, and what the error must say.
    const QList<std::pair<QString, QString>> broken = {
        {QStringLiteral("broken-cut-short.jpg"), QStringLiteral("cut short")},
        {QStringLiteral("broken-header.jpg"), QStringLiteral("damaged")},
        {QStringLiteral("broken-error-page.jpg"), QStringLiteral("an HTML page")},
        {QStringLiteral("broken-over-40mb.jpg"), QStringLiteral("larger than 40 MB")},
        {QStringLiteral("broken-40000px.png"), QStringLiteral("40000 × 40000 pixels")},
    };
    ASSERT_EQ(qsizetype(broken.size()), sandbox::brokenFileNames().size());
    QMap<QString, QString> expected; // product id → what its error says
    sandbox::ShopifyStore &store = sandbox.server.store();
    for (qsizetype i = 0, b = 0; i < store.productCount() && b < broken.size(); ++i) {
        sandbox::StoreProduct &product = store.mutableProductAt(i);
        if (product.media.isEmpty() || product.status != QLatin1String("ACTIVE"))
            continue;
        product.media[0].photo = broken[b].first; // the one image the job analyses
        expected.insert(product.id, broken[b++].second);
    }
    ASSERT_EQ(expected.size(), broken.size());

    LocalTagger tagger;
    RunnerHarness h(sandbox, tagger, sandbox.fastRetries());
    const qint64 job = h.createJob(QStringLiteral("Broken images"));
    const Status ran = h.run(job);
    ASSERT_TRUE(ran.ok()) << "a broken image stops only its product: "
                          << ran.error().message.toStdString();
    const auto outcome = h.outcome(job);
    int analysed = 0;
    for (auto it = outcome.cbegin(); it != outcome.cend(); ++it) {
        if (expected.contains(it.key())) {
            EXPECT_FALSE(it.value().startsWith(QLatin1String("analysed ")))
                << it.key().toStdString() << ": " << it.value().toStdString();
            EXPECT_TRUE(it.value().contains(expected.value(it.key())))
                << it.key().toStdString() << ": " << it.value().toStdString();
        } else {
            analysed += it.value().startsWith(QLatin1String("analysed ")) ? 1 : 0;
        }
    }
    EXPECT_GT(analysed, 10) << "the other products are analysed";
    auto summary = h.jobReader.summary(job);
    ASSERT_TRUE(summary.ok());
    EXPECT_EQ(summary->tally.failed + summary->tally.skipped, int(broken.size()))
        << "each broken product is counted apart, with its reason";
}

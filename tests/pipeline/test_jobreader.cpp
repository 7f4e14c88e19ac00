// The one read path: what the screens and commands read, on SQLite and on PostgreSQL, one
// connection per reading thread, and reads that never wait for the writer.
#include "pipeline/jobdatabase.h"
#include "pipeline/jobreader.h"
#include "pipeline/jobservice.h"
#include "pipeline/reviewservice.h"
#include "storage/databasewriter.h"
#include "storage/imagerepository.h"
#include "storage/jobproductrepository.h"
#include "storage/jobrepository.h"
#include "storage/pushlogrepository.h"
#include "storage/suggestionrepository.h"
#include "support/testdatabase.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QSemaphore>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <limits>

using namespace tagdesk;
using namespace tagdesk::test;

namespace {

template <typename T> T await(QFuture<T> future) {
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return future.isFinished(); }, std::numeric_limits<int>::max()));
    return future.result();
}

QString gid(int n) {
    return QStringLiteral("gid://shopify/Product/%1").arg(n);
}

Suggestion colour(const QString &value, double confidence) {
    Suggestion s;
    s.attribute = QStringLiteral("colour");
    s.value = value;
    s.confidence = confidence;
    return s;
}

// A product of the job at `position`, fetched (it has a snapshot) and in `progress`.
JobProduct product(int n, const QString &title, ProductProgress progress,
                   const QString &error = {}) {
    JobProduct p;
    p.productId = gid(n);
    p.position = n;
    p.title = title;
    p.progress = progress;
    p.error = error;
    ProductSnapshot s;
    s.id = p.productId;
    s.handle = title.toLower();
    s.title = title;
    s.status = QStringLiteral("ACTIVE");
    s.tags = {QStringLiteral("summer")};
    s.updatedAt = QDateTime(QDate(2026, 5, 1), QTime(12, 0), Qt::UTC);
    p.snapshot = s;
    return p;
}

// Connections Qt has open in this process (the writer's, the readers', the test's own).
int openConnections() {
    return int(QSqlDatabase::connectionNames().size());
}

// One job "Shirts" of four products, one of each kind the job view tells apart, and an
// archived job "Old" of none.
class Reader : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        if (!db.available())
            GTEST_SKIP() << "no PostgreSQL server (set PGHOST/PGPORT, or run under pg_virtualenv)";
        auto opened = JobDatabase::open(db.config());
        ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
        database = std::move(opened).value();
        JobService jobs(database->writer());
        NewJob shirts;
        shirts.name = QStringLiteral("Shirts");
        jobId = await(jobs.create(shirts)).value().id;
        NewJob old;
        old.name = QStringLiteral("Old");
        oldId = await(jobs.create(old)).value().id;
        ASSERT_TRUE(await(jobs.setArchived(oldId, true)).ok());

        const qint64 id = jobId;
        auto seeded = await(database->writer().submit<bool>([id](Connection &conn) -> Result<bool> {
            const QList<JobProduct> products{
                product(1, QStringLiteral("Blue shirt"), {PipelineStage::Analysed}),
                product(2, QStringLiteral("apricot shirt"),
                        {PipelineStage::Analysed, ReviewState::Approved, SyncState::Queued}),
                product(3, QStringLiteral("Checked shirt"),
                        {PipelineStage::Analysed, ReviewState::Approved, SyncState::Conflict}),
                product(4, QStringLiteral("Denim shirt"), {PipelineStage::Failed},
                        QStringLiteral("no image")),
            };
            JobProductRepository repo(conn);
            if (auto added = repo.addProducts(id, products); !added)
                return added.error();
            for (const JobProduct &p : products) {
                if (auto s = repo.setSnapshot(id, *p.snapshot); !s)
                    return s.error();
            }
            SuggestionRepository suggestions(conn);
            for (const auto &[n, list] :
                 {std::pair{1, QList<Suggestion>{colour(QStringLiteral("Blue"), 0.95),
                                                 colour(QStringLiteral("Navy"), 0.72)}},
                  std::pair{2, QList<Suggestion>{colour(QStringLiteral("Orange"), 0.55)}},
                  std::pair{3, QList<Suggestion>{colour(QStringLiteral("White"), 1.0)}}}) {
                if (auto r = suggestions.replace(id, gid(n), list); !r)
                    return r.error();
            }
            Conflict c;
            c.jobId = id;
            c.productId = gid(3);
            c.detectedAt = QDateTime::currentDateTimeUtc();
            c.snapshotValues = {{QStringLiteral("tags"), QStringLiteral("summer")}};
            c.remoteValues = {{QStringLiteral("tags"), QStringLiteral("summer, sale")}};
            c.approvedValues = {{QStringLiteral("tags"), QStringLiteral("summer, colour:White")}};
            if (auto r = PushLogRepository(conn).recordConflict(c); !r)
                return r.error();
            PushRecord push;
            push.jobId = id;
            push.productId = gid(2);
            push.at = QDateTime::currentDateTimeUtc();
            push.who = QStringLiteral("Ann");
            push.outcome = PushRecord::Outcome::Failed;
            push.message = QStringLiteral("the store refused it");
            if (auto r = PushLogRepository(conn).append(push); !r)
                return r.error();
            return true;
        }));
        ASSERT_TRUE(seeded.ok()) << seeded.error().message.toStdString();
    }

    const JobReader &reader() const { return database->reader(); }

    QStringList ids(const QList<ProductRow> &rows) const {
        QStringList out;
        for (const ProductRow &r : rows)
            out << r.productId;
        return out;
    }

    TempDatabase db{GetParam()};
    std::unique_ptr<JobDatabase> database;
    qint64 jobId = 0;
    qint64 oldId = 0;
};

} // namespace

TEST_P(Reader, ListsJobsWithTheirTalliesAndStatus) {
    auto current = reader().jobs(false);
    ASSERT_TRUE(current.ok()) << current.error().message.toStdString();
    ASSERT_EQ(current->size(), 1);
    EXPECT_EQ(current->at(0).job.name, QStringLiteral("Shirts"));
    EXPECT_EQ(current->at(0).tally.total, 4);
    EXPECT_EQ(current->at(0).tally.failed, 1);
    EXPECT_EQ(current->at(0).tally.waitingToSync, 1);
    auto archived = reader().jobs(true);
    ASSERT_TRUE(archived.ok());
    ASSERT_EQ(archived->size(), 1);
    EXPECT_EQ(archived->at(0).job.id, oldId);
    EXPECT_EQ(archived->at(0).status, JobStatus::Created);

    auto summary = reader().summary(jobId);
    ASSERT_TRUE(summary.ok());
    EXPECT_EQ(summary->status, JobService::statusOf(summary->job, summary->tally));
    EXPECT_EQ(summary->tally, current->at(0).tally);
}

TEST_P(Reader, GivesAJobWithItsProductsAndSuggestions) {
    auto detail = reader().detail(jobId);
    ASSERT_TRUE(detail.ok()) << detail.error().message.toStdString();
    EXPECT_EQ(detail->summary.job.name, QStringLiteral("Shirts"));
    ASSERT_EQ(detail->products.size(), 4);
    EXPECT_EQ(detail->products[0].productId, gid(1));
    ASSERT_TRUE(detail->products[0].snapshot.has_value());
    EXPECT_EQ(detail->products[0].snapshot->tags, QStringList{QStringLiteral("summer")});
    EXPECT_EQ(detail->suggestions.value(gid(1)).size(), 2);
    EXPECT_FALSE(detail->suggestions.contains(gid(4)));
}

TEST_P(Reader, FiltersSortsAndPagesProductRows) {
    const auto rows = [&](ProductFilter filter, ProductOrder order = ProductOrder::Position,
                          bool descending = false, const ProductCursor &after = {},
                          int limit = 100) {
        auto r = reader().productRows({jobId, filter, order, descending}, after, limit);
        EXPECT_TRUE(r.ok()) << (r ? "" : r.error().message.toStdString());
        return r ? ids(r.value()) : QStringList{};
    };
    EXPECT_EQ(rows(ProductFilter::All), (QStringList{gid(1), gid(2), gid(3), gid(4)}));
    EXPECT_EQ(rows(ProductFilter::Pending), QStringList{gid(1)});
    EXPECT_EQ(rows(ProductFilter::Approved), (QStringList{gid(2), gid(3)}));
    EXPECT_EQ(rows(ProductFilter::Rejected), QStringList{});
    EXPECT_EQ(rows(ProductFilter::Conflicts), QStringList{gid(3)});
    EXPECT_EQ(rows(ProductFilter::Errors), QStringList{gid(4)});
    EXPECT_EQ(rows(ProductFilter::SyncQueue), QStringList{gid(2)})
        << "the sync panel lists what waits to be pushed, not what is in conflict";
    EXPECT_EQ(rows(ProductFilter::All, ProductOrder::Title),
              (QStringList{gid(2), gid(1), gid(3), gid(4)}))
        << "titles sort without regard to case";
    EXPECT_EQ(rows(ProductFilter::All, ProductOrder::LowestConfidence, true),
              (QStringList{gid(3), gid(1), gid(2), gid(4)}))
        << "a product without suggestions sorts as the least sure";

    auto first = reader().productRows({jobId}, {}, 1);
    ASSERT_TRUE(first.ok());
    ASSERT_EQ(first->size(), 1);
    EXPECT_EQ(rows(ProductFilter::All, ProductOrder::Position, false, first->at(0).next, 2),
              (QStringList{gid(2), gid(3)}))
        << "the next page starts after the last row seen";
    EXPECT_EQ(first->at(0).title, QStringLiteral("Blue shirt"));
    EXPECT_EQ(first->at(0).suggestions, 2);
    EXPECT_DOUBLE_EQ(first->at(0).lowestConfidence.value(), 0.72);
    EXPECT_EQ(first->at(0).progress, (ProductProgress{PipelineStage::Analysed}));

    EXPECT_EQ(reader().productCount({jobId, ProductFilter::All}).value(), 4);
    EXPECT_EQ(reader().productCount({jobId, ProductFilter::Approved}).value(), 2);
    EXPECT_EQ(reader().productCount({jobId, ProductFilter::Errors}).value(), 1);

    // Only the products asked for (History and Conflicts name a few of thousands), in the
    // job's order, with their snapshots; an id the job does not have is left out.
    auto some = reader().products(jobId, {gid(3), gid(1), gid(99)});
    ASSERT_TRUE(some.ok()) << some.error().message.toStdString();
    ASSERT_EQ(some->size(), 2);
    EXPECT_EQ(some->at(0).productId, gid(1));
    EXPECT_EQ(some->at(1).productId, gid(3));
    EXPECT_TRUE(some->at(1).snapshot.has_value());
}

TEST_P(Reader, SumsConfidenceAndQueuedSyncs) {
    auto overview = reader().confidence(jobId);
    ASSERT_TRUE(overview.ok()) << overview.error().message.toStdString();
    EXPECT_EQ(overview->totalSuggestions(), 4);
    EXPECT_EQ(overview->suggestionBins[9], 2) << "0.95 and 1.0";
    EXPECT_EQ(overview->suggestionBins[7], 1);
    EXPECT_EQ(overview->suggestionBins[5], 1);
    EXPECT_EQ(overview->pendingAtOrAbove(0.7), 1) << "only product 1 waits for review";
    EXPECT_EQ(overview->pendingAtOrAbove(0.8), 0);
    EXPECT_EQ(reader().queuedSyncs().value(), 1);
}

TEST_P(Reader, ApproveAtOrAboveApprovesWhatItsButtonCounted) {
    // A tagger's 0.6999999999 is 70 % on the button: the approval must agree, with one
    // rule for both, whatever the database gives back for the stored double.
    const qint64 id = jobId;
    auto stored = await(database->writer().submit<bool>([id](Connection &conn) -> Result<bool> {
        auto r = SuggestionRepository(conn).replace(
            id, gid(1),
            {colour(QStringLiteral("Blue"), 0.95), colour(QStringLiteral("Navy"), 0.6999999999)});
        if (!r)
            return r.error();
        return true;
    }));
    ASSERT_TRUE(stored.ok()) << stored.error().message.toStdString();
    const qint64 counted = reader().confidence(jobId)->pendingAtOrAbove(0.7);
    EXPECT_EQ(counted, 1);
    ApprovalSelection above{ApprovalSelection::Kind::MinConfidence, {}, 0.7};
    auto approved = await(ReviewService(database->writer())
                              .approve(jobId, above, std::nullopt, QStringLiteral("Ann")));
    ASSERT_TRUE(approved.ok()) << approved.error().message.toStdString();
    EXPECT_EQ(approved.value(), counted);
    EXPECT_EQ(reader().confidence(jobId)->pendingAtOrAbove(0.7), 0);
}

TEST_P(Reader, GroupsProductsWithTheSameSuggestionsOrASharedPhoto) {
    const qint64 id = jobId;
    auto seeded = await(database->writer().submit<bool>([id](Connection &conn) -> Result<bool> {
        const ProductProgress waiting{PipelineStage::Analysed};
        const QList<JobProduct> more{product(5, QStringLiteral("Orange tee"), waiting),
                                     product(6, QStringLiteral("Orange tee, again"), waiting),
                                     product(7, QStringLiteral("Orange striped tee"), waiting)};
        if (auto added = JobProductRepository(conn).addProducts(id, more); !added)
            return added.error();
        Suggestion plain = colour(QStringLiteral("Orange"), 0.9);
        Suggestion striped{QStringLiteral("pattern"), QStringLiteral("striped"), 0.8, {}, {}, {}};
        SuggestionRepository suggestions(conn);
        for (const auto &[n, list] :
             {std::pair{5, QList<Suggestion>{plain}}, std::pair{6, QList<Suggestion>{plain}},
              std::pair{7, QList<Suggestion>{plain, striped}}}) {
            if (auto r = suggestions.replace(id, gid(n), list); !r)
                return r.error();
        }
        // Product 1 (another colour) shows the same photo as product 5.
        ImageRepository images(conn);
        const QString sha(64, QLatin1Char('a'));
        if (auto r = images.recordImage({sha, 10, QStringLiteral("image/jpeg"), 1, 1},
                                        QDateTime::currentDateTimeUtc());
            !r)
            return r.error();
        for (int n : {1, 5}) {
            if (auto r =
                    images.saveProductImage({id,
                                             gid(n),
                                             QStringLiteral("gid://shopify/MediaImage/%1").arg(n),
                                             0,
                                             QUrl(QStringLiteral("https://cdn.example/a.jpg")),
                                             sha,
                                             {}});
                !r)
                return r.error();
        }
        return true;
    }));
    ASSERT_TRUE(seeded.ok()) << seeded.error().message.toStdString();

    auto five = reader().productGroup(jobId, gid(5));
    ASSERT_TRUE(five.ok()) << five.error().message.toStdString();
    EXPECT_EQ(five->sameSuggestions, QStringList{gid(6)})
        << "7 has a pattern too; 2 is approved already";
    EXPECT_EQ(five->sameImage, QStringList{gid(1)});
    EXPECT_EQ(five->all(), (QStringList{gid(6), gid(1)}));
    auto seven = reader().productGroup(jobId, gid(7));
    ASSERT_TRUE(seven.ok());
    EXPECT_TRUE(seven->isEmpty());
}

TEST_P(Reader, PreviewsHistoryAndConflictsOfAJob) {
    auto preview = reader().preview(jobId, {});
    ASSERT_TRUE(preview.ok()) << preview.error().message.toStdString();
    ASSERT_EQ(preview->size(), 3) << "the analysed products; product 4 failed";
    EXPECT_EQ(preview->at(0).product.productId, gid(1));
    EXPECT_FALSE(preview->at(0).plan.isEmpty()) << "its colour would be written";
    auto one = reader().preview(jobId, {gid(2)});
    ASSERT_TRUE(one.ok());
    ASSERT_EQ(one->size(), 1);
    EXPECT_EQ(one->at(0).product.productId, gid(2));

    auto history = reader().history(jobId, {});
    ASSERT_TRUE(history.ok()) << history.error().message.toStdString();
    ASSERT_EQ(history->size(), 1);
    EXPECT_EQ(history->at(0).message, QStringLiteral("the store refused it"));
    EXPECT_TRUE(reader().history(jobId, gid(1))->isEmpty());

    auto conflicts = reader().conflicts(jobId);
    ASSERT_TRUE(conflicts.ok()) << conflicts.error().message.toStdString();
    ASSERT_EQ(conflicts->size(), 1);
    EXPECT_EQ(conflicts->at(0).productId, gid(3));
    EXPECT_EQ(conflicts->at(0).remoteValues.value(QStringLiteral("tags")).toString(),
              QStringLiteral("summer, sale"));
}

TEST_P(Reader, RefusesAnUnknownJobWithItsId) {
    const qint64 unknown = jobId + 1000;
    for (const Error &e :
         {reader().job(unknown).error(), reader().summary(unknown).error(),
          reader().detail(unknown).error(), reader().preview(unknown, {}).error(),
          reader().history(unknown, {}).error(), reader().conflicts(unknown).error()}) {
        EXPECT_EQ(e.code, Error::Code::NotFound) << e.message.toStdString();
        EXPECT_TRUE(e.message.contains(QString::number(unknown))) << e.message.toStdString();
    }
}

TEST_P(Reader, ExportsAJobAsCsv) {
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("shirts.csv"));
    auto rows = await(reader().inBackground(&JobReader::exportCsv, jobId, path));
    ASSERT_TRUE(rows.ok()) << rows.error().message.toStdString();
    EXPECT_EQ(rows.value(), 4);
    const QString text = QString::fromUtf8(readFile(path));
    EXPECT_TRUE(text.contains(QStringLiteral("Checked shirt")));
    EXPECT_EQ(text.count(QStringLiteral("\r\n")), 5) << "a header and a row per product";
}

TEST_P(Reader, EachReadingThreadHasOneConnectionClosedWhenTheThreadEnds) {
    ASSERT_TRUE(reader().jobs(false).ok()); // this thread's connection
    const int before = openConnections();
    ASSERT_TRUE(reader().summary(jobId).ok());
    EXPECT_EQ(openConnections(), before) << "a thread reads again on its connection";

    QSemaphore haveRead;
    QSemaphore firstMayEnd;
    QSemaphore secondMayEnd;
    const auto readTwiceThenWait = [&](QSemaphore &end) {
        return [&, &mayEnd = end] {
            EXPECT_TRUE(reader().jobs(false).ok());
            EXPECT_TRUE(reader().productRows({jobId}, {}, 10).ok());
            haveRead.release();
            mayEnd.acquire();
        };
    };
    std::unique_ptr<QThread> first(QThread::create(readTwiceThenWait(firstMayEnd)));
    std::unique_ptr<QThread> second(QThread::create(readTwiceThenWait(secondMayEnd)));
    first->start();
    second->start();
    haveRead.acquire(2);
    EXPECT_EQ(openConnections(), before + 2) << "one connection per thread, two reads each";

    firstMayEnd.release();
    ASSERT_TRUE(first->wait());
    EXPECT_EQ(openConnections(), before + 1) << "closed as its thread ended";
    secondMayEnd.release();
    ASSERT_TRUE(second->wait());
    EXPECT_EQ(openConnections(), before);

    // Copies of the reader share the connections; the last one to go closes them.
    {
        JobReader copy = reader();
        ASSERT_TRUE(copy.jobs(false).ok());
        EXPECT_EQ(openConnections(), before);
    }
    JobReader own(db.config());
    ASSERT_TRUE(own.jobs(false).ok());
    EXPECT_EQ(openConnections(), before + 1) << "another reader, another connection";
}

TEST_P(Reader, ReadsGoOnWhileTheWriterHoldsALongTransaction) {
    ASSERT_TRUE(reader().jobs(false).ok());
    QSemaphore inTransaction;
    QSemaphore mayCommit;
    // The writer holds its transaction open, with a job written but not committed, and
    // more work waits in its queue behind it.
    auto holding = database->writer().submit<qint64>([&](Connection &conn) -> Result<qint64> {
        NewJob n;
        n.name = QStringLiteral("Uncommitted");
        auto job = JobRepository(conn).insert(n.validated().value());
        inTransaction.release();
        mayCommit.acquire();
        if (!job)
            return job.error();
        return job->id;
    });
    NewJob queuedJob;
    queuedJob.name = QStringLiteral("Queued");
    auto queued = JobService(database->writer()).create(queuedJob);
    inTransaction.acquire();

    auto onThisThread = reader().jobs(false);
    auto onThePool = reader().inBackground(&JobReader::summary, jobId);
    onThePool.waitForFinished(); // the pool's read does not wait for the writer either
    const bool writerStillHolds = !holding.isFinished() && !queued.isFinished();
    mayCommit.release();

    ASSERT_TRUE(onThisThread.ok()) << onThisThread.error().message.toStdString();
    ASSERT_EQ(onThisThread->size(), 1) << "what was committed before, without the open write";
    EXPECT_EQ(onThisThread->at(0).job.id, jobId);
    ASSERT_TRUE(onThePool.result().ok()) << onThePool.result().error().message.toStdString();
    EXPECT_EQ(onThePool.result()->job.name, QStringLiteral("Shirts"));
    EXPECT_TRUE(writerStillHolds) << "the reads finished while the writer was inside its work";

    ASSERT_TRUE(await(holding).ok());
    ASSERT_TRUE(await(queued).ok());
    EXPECT_EQ(reader().jobs(false)->size(), 3) << "committed now, and seen";
}

INSTANTIATE_TEST_SUITE_P(Backends, Reader, ::testing::Values(Backend::Sqlite, Backend::Postgres),
                         [](const auto &info) { return backendName(info.param); });

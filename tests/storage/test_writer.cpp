// The database writer: one thread, batches in one transaction, each task isolated by a
// savepoint, results delivered only after commit, and a clear message when locked.
#include "pipeline/jobreader.h"
#include "pipeline/jobservice.h"
#include "storage/databasewriter.h"
#include "storage/jobproductrepository.h"
#include "storage/jobrepository.h"
#include "support/testdatabase.h"

#include <gtest/gtest.h>

#include <QThread>

using namespace tagdesk;
using namespace tagdesk::test;

namespace {
NewJob named(const QString &name) {
    NewJob n;
    n.name = name;
    return n;
}

int countJobs(Connection &conn) {
    auto q = runSql(conn.db(), QStringLiteral("SELECT count(*) FROM jobs"));
    return q && q->next() ? q->value(0).toInt() : -1;
}
} // namespace

TEST(DatabaseWriter, RunsTasksOffTheCallingThreadAndReturnsTheirResults) {
    TempSqlite db;
    auto reader = db.open();
    auto writer = DatabaseWriter::start(db.config());
    ASSERT_TRUE(writer.ok());

    QThread *caller = QThread::currentThread();
    QThread *ranOn = nullptr;
    auto future = writer.value()->submit<qint64>([&](Connection &conn) -> Result<qint64> {
        ranOn = QThread::currentThread();
        auto job = JobRepository(conn).insert(named(QStringLiteral("x")).validated().value());
        if (!job)
            return job.error();
        return job->id;
    });
    const Result<qint64> id = future.result();
    ASSERT_TRUE(id.ok());
    EXPECT_NE(ranOn, caller);
    EXPECT_EQ(JobRepository(*reader).find(id.value())->name, QStringLiteral("x"));
}

TEST(DatabaseWriter, AFailingTaskDoesNotUndoItsNeighbours) {
    TempSqlite db;
    auto reader = db.open();
    auto writer = DatabaseWriter::start(db.config()).value();
    JobService service(*writer);

    // Submitted back to back, these land in one batch.
    QList<QFuture<Result<Job>>> futures;
    for (int i = 0; i < 20; ++i)
        futures << service.create(named(i == 7 ? QString() : QStringLiteral("job %1").arg(i)));
    int ok = 0;
    int failed = 0;
    for (auto &f : futures)
        (f.result().ok() ? ok : failed)++;
    EXPECT_EQ(ok, 19);
    EXPECT_EQ(failed, 1);
    EXPECT_EQ(countJobs(*reader), 19);
}

TEST(DatabaseWriter, AFailedTaskLeavesNoPartialWrite) {
    TempSqlite db;
    auto reader = db.open();
    auto writer = DatabaseWriter::start(db.config()).value();
    auto result = writer
                      ->submit<int>([](Connection &conn) -> Result<int> {
                          auto job = JobRepository(conn).insert(
                              named(QStringLiteral("half")).validated().value());
                          EXPECT_TRUE(job.ok());
                          return Error::failed(QStringLiteral("changed my mind"));
                      })
                      .result();
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(countJobs(*reader), 0);
}

TEST(DatabaseWriter, ReportsALockedDatabaseAndWritesNothing) {
    TempSqlite db;
    auto reader = db.open();
    DatabaseConfig quick = db.config();
    quick.busyTimeoutMs = 100;
    auto writer = DatabaseWriter::start(quick).value();
    JobService service(*writer);

    // Another program holds the write lock.
    auto other = Connection::open(db.config());
    ASSERT_TRUE(other.ok());
    ASSERT_TRUE(beginWrite(other.value()->db()).ok());

    const Result<Job> created = service.create(named(QStringLiteral("blocked"))).result();
    ASSERT_FALSE(created.ok());
    EXPECT_EQ(created.error().code, Error::Code::Locked);
    EXPECT_TRUE(created.error().message.contains(QStringLiteral("locked by another program")))
        << created.error().message.toStdString();
    EXPECT_TRUE(created.error().message.contains(db.path()));

    rollback(other.value()->db());
    EXPECT_EQ(countJobs(*reader), 0);
    EXPECT_TRUE(service.create(named(QStringLiteral("after"))).result().ok())
        << "works once released";
}

TEST(DatabaseWriter, FinishesQueuedWorkBeforeStopping) {
    TempSqlite db;
    auto reader = db.open();
    QList<QFuture<Result<Job>>> futures;
    {
        auto writer = DatabaseWriter::start(db.config()).value();
        JobService service(*writer);
        for (int i = 0; i < 300; ++i)
            futures << service.create(named(QStringLiteral("job %1").arg(i)));
    }
    for (auto &f : futures)
        EXPECT_TRUE(f.result().ok());
    EXPECT_EQ(countJobs(*reader), 300);
}

TEST(JobService, RefusesToArchiveAProcessingJob) {
    TempSqlite db;
    auto reader = db.open();
    auto writer = DatabaseWriter::start(db.config()).value();
    JobService service(*writer);
    const JobReader jobs(db.config());
    const Job job = service.create(named(QStringLiteral("busy"))).result().value();
    ASSERT_TRUE(JobRepository(*reader).setRunState(job.id, true, {}).ok());
    EXPECT_EQ(jobs.summary(job.id)->status, JobStatus::Processing);

    const Result<Job> archived = service.setArchived(job.id, true).result();
    ASSERT_FALSE(archived.ok());
    EXPECT_EQ(archived.error().code, Error::Code::NotAllowed);
    EXPECT_TRUE(archived.error().message.contains(QStringLiteral("Processing")));
    EXPECT_FALSE(JobRepository(*reader).find(job.id)->archived);
}

TEST(JobService, ListsJobsWithTheirDerivedStatus) {
    TempSqlite db;
    auto reader = db.open();
    auto writer = DatabaseWriter::start(db.config()).value();
    JobService service(*writer);
    const JobReader jobs(db.config());
    const Job a = service.create(named(QStringLiteral("a"))).result().value();
    const Job b = service.create(named(QStringLiteral("b"))).result().value();
    JobProduct p;
    p.productId = QStringLiteral("gid://shopify/Product/1");
    p.progress = {PipelineStage::Analysed, ReviewState::Approved, SyncState::Queued};
    ASSERT_TRUE(JobProductRepository(*reader).addProducts(b.id, {p}).ok());

    auto list = jobs.jobs(false);
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 2);
    EXPECT_EQ(list->at(0).job.id, a.id);
    EXPECT_EQ(list->at(0).status, JobStatus::Created);
    EXPECT_EQ(list->at(1).status, JobStatus::ReadyToSync);
    EXPECT_EQ(list->at(1).tally.total, 1);
}

TEST(JobServiceOnPostgres, CreatesListsAndArchivesThroughTheWriter) {
    if (!TempPostgres::available())
        GTEST_SKIP() << "no PostgreSQL server (set PGHOST/PGPORT, or run under pg_virtualenv)";
    TempPostgres db;
    auto reader = db.open();
    ASSERT_TRUE(reader);
    auto writer = DatabaseWriter::start(db.config());
    ASSERT_TRUE(writer.ok()) << writer.error().message.toStdString();
    JobService service(*writer.value());
    const JobReader jobs(db.config());
    QList<QFuture<Result<Job>>> futures;
    for (int i = 0; i < 10; ++i)
        futures << service.create(named(i == 3 ? QString() : QStringLiteral("job %1").arg(i)));
    int ok = 0;
    for (auto &f : futures)
        ok += f.result().ok() ? 1 : 0;
    EXPECT_EQ(ok, 9) << "the invalid one fails alone";
    const qint64 first = jobs.jobs(false)->at(0).job.id;
    ASSERT_TRUE(service.setArchived(first, true).result().ok());
    EXPECT_EQ(jobs.jobs(false)->size(), 8);
    EXPECT_EQ(jobs.jobs(true)->size(), 1);
}

// The work host: a push and a revert run on its worker thread — they go on, product by
// product, while the asking thread is blocked and never returns to its event loop; a
// cancelled push stops after the product in flight and the rest wait; a second request
// for a busy job is refused, saying what the job is busy with.
#include "pipeline/synchharness.h"
#include "pipeline/workhost.h"
#include "settings/account.h"
#include "support/qtprinters.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThread>

#include <optional>

using namespace tagdesk;
using namespace tagdesk::test;

namespace {

// Generous: a slow, busy machine must never fail a test by being slow.
constexpr int patientMs = 5 * 60 * 1000;

// The sandbox on a thread of its own, so that it answers while the test's thread is
// blocked. Made, started and destroyed on that thread.
class SandboxThread {
public:
    SandboxThread(sandbox::Catalog catalog, sandbox::SandboxConfig config) {
        m_thread.setObjectName(QStringLiteral("Sandbox"));
        m_thread.start();
        m_context.moveToThread(&m_thread);
        QMetaObject::invokeMethod(
            &m_context,
            [&] {
                server =
                    std::make_unique<sandbox::SandboxServer>(std::move(config), std::move(catalog));
                const auto port = server->start();
                EXPECT_TRUE(port.ok()) << (port ? "" : port.error().message.toStdString());
            },
            Qt::BlockingQueuedConnection);
    }

    ~SandboxThread() {
        QMetaObject::invokeMethod(
            &m_context, [&] { server.reset(); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    std::unique_ptr<sandbox::SandboxServer> server;

private:
    QThread m_thread;
    QObject m_context;
};

class WorkHostTest : public ::testing::Test {
protected:
    WorkHostTest()
        : sandbox(realCatalog(QStringLiteral("kith-storefront-products.json")), slowConfig())
        , h(network, *sandbox.server, HttpClient::Options{})
        , account(FixedAccount::Values{QStringLiteral("Test store"), sandbox.server->baseUrl(),
                                       SandboxFixture::credentials().accessToken,
                                       TaggerSettings::defaults(), images.path(), false})
        , host(*h.writer, account) {
        QObject::connect(&host, &WorkHost::progress, &host,
                         [this](qint64 jobId, const JobProgress &p) { lastProgress[jobId] = p; });
        QObject::connect(&host, &WorkHost::finished, &host,
                         [this](qint64 jobId, const WorkResult &r) { results[jobId] = r; });
    }

    // Every Shopify answer waits a little, so that a sync of a dozen products takes long
    // enough to be watched, cancelled and asked again while it runs.
    static sandbox::SandboxConfig slowConfig() {
        sandbox::SandboxConfig config;
        config.faults.services[QStringLiteral("shopify")].latencyMinMs = 20;
        config.faults.services[QStringLiteral("shopify")].latencyMaxMs = 40;
        return config;
    }

    qint64 approvedJob(int products, int skip = 0) {
        const qint64 job = h.analysedJob(products, Destination::Tags, {}, skip);
        EXPECT_EQ(h.approveAll(job), products);
        return job;
    }

    qsizetype productsIn(qint64 jobId, SyncState state) {
        auto found = JobProductRepository(*h.reader).inSync(jobId, {state});
        EXPECT_TRUE(found.ok()) << (found ? "" : found.error().message.toStdString());
        return found ? found->size() : -1;
    }

    // Waits, in the event loop, until the work has reported a product done.
    void waitForAProductDone(qint64 jobId) {
        ASSERT_TRUE(QTest::qWaitFor(
            [&] { return lastProgress.contains(jobId) && lastProgress[jobId].done >= 1; },
            patientMs));
    }

    // Blocks this thread — no event loop — until `count` products of the job are in
    // `state`: only work on another thread can get them there.
    bool reachedWhileBlocked(qint64 jobId, SyncState state, qsizetype count) {
        EXPECT_LT(productsIn(jobId, state), count) << "the work was over before the block";
        QElapsedTimer waited;
        waited.start();
        while (productsIn(jobId, state) < count) {
            if (waited.elapsed() > patientMs)
                return false;
            QThread::msleep(20);
        }
        return true;
    }

    WorkResult waitForResult(qint64 jobId) {
        EXPECT_TRUE(QTest::qWaitFor([&] { return results.contains(jobId); }, patientMs));
        return results.value(jobId);
    }

    QNetworkAccessManager network;
    SandboxThread sandbox;
    SyncHarness h;
    QTemporaryDir images;
    FixedAccount account;
    WorkHost host;
    QHash<qint64, JobProgress> lastProgress;
    QHash<qint64, WorkResult> results;
};

} // namespace

TEST_F(WorkHostTest, APushAndARevertRunOnTheWorkerThread) {
    const qint64 job = approvedJob(12);
    ASSERT_TRUE(host.start(WorkRequest::sync(WorkKind::Push, job, QStringLiteral("Ann"), 500)));
    EXPECT_EQ(host.busyWith(job), WorkKind::Push);
    waitForAProductDone(job);
    EXPECT_TRUE(reachedWhileBlocked(job, SyncState::Pushed, 12))
        << "the push stopped while the asking thread was blocked";
    const WorkResult pushed = waitForResult(job);
    EXPECT_EQ(pushed.kind, WorkKind::Push);
    ASSERT_TRUE(pushed.status.ok()) << pushed.status.error().message.toStdString();
    EXPECT_TRUE(pushed.begun);
    EXPECT_EQ(pushed.report.written, 12);
    EXPECT_TRUE(pushed.report.clean())
        << pushed.report.problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_FALSE(host.isBusy(job));

    results.clear();
    lastProgress.clear();
    ASSERT_TRUE(host.start(WorkRequest::sync(WorkKind::Revert, job, QStringLiteral("Ann"), 500)));
    waitForAProductDone(job);
    EXPECT_EQ(lastProgress[job].phase, JobProgress::Phase::Reverting);
    EXPECT_TRUE(reachedWhileBlocked(job, SyncState::Reverted, 12))
        << "the revert stopped while the asking thread was blocked";
    const WorkResult reverted = waitForResult(job);
    EXPECT_EQ(reverted.kind, WorkKind::Revert);
    ASSERT_TRUE(reverted.status.ok()) << reverted.status.error().message.toStdString();
    EXPECT_EQ(reverted.report.written, 12);
}

TEST_F(WorkHostTest, ACancelledPushStopsAndTheRestWait) {
    const qint64 job = approvedJob(20);
    ASSERT_TRUE(host.start(WorkRequest::sync(WorkKind::Push, job, QStringLiteral("Ann"), 500)));
    waitForAProductDone(job);
    host.cancel(job);
    const WorkResult result = waitForResult(job);
    ASSERT_TRUE(result.status.ok()) << result.status.error().message.toStdString();
    ASSERT_TRUE(result.report.stoppedBy.has_value());
    EXPECT_GT(result.report.waiting, 0);
    EXPECT_LT(result.report.written, 20);
    EXPECT_EQ(result.report.written + result.report.waiting, 20);
    EXPECT_EQ(productsIn(job, SyncState::Queued), result.report.waiting);
    EXPECT_FALSE(host.isBusy(job));
}

TEST_F(WorkHostTest, ASecondRequestForABusyJobIsRefused) {
    const qint64 job = approvedJob(6);
    const qint64 other = approvedJob(3, 6); // other products: no conflict between the two
    ASSERT_TRUE(host.start(WorkRequest::sync(WorkKind::Push, job, QStringLiteral("Ann"), 500)));

    const Status revert =
        host.start(WorkRequest::sync(WorkKind::Revert, job, QStringLiteral("Ann"), 500));
    ASSERT_FALSE(revert.ok());
    EXPECT_EQ(revert.error().code, Error::Code::NotAllowed);
    EXPECT_TRUE(revert.error().message.contains(QStringLiteral("being synced")))
        << revert.error().message.toStdString();
    const Status run = host.start(WorkRequest::run(job, TaggerKind::Local));
    ASSERT_FALSE(run.ok());
    EXPECT_EQ(host.busyWith(job), WorkKind::Push) << "the refused requests changed nothing";

    // Another job is not busy: its push runs beside the first.
    ASSERT_TRUE(host.start(WorkRequest::sync(WorkKind::Push, other, QStringLiteral("Ann"), 500)));
    EXPECT_EQ(waitForResult(job).report.written, 6);
    EXPECT_EQ(waitForResult(other).report.written, 3);
    EXPECT_FALSE(host.anyBusy());
    // Once finished, the job takes new work.
    results.remove(job);
    ASSERT_TRUE(host.start(WorkRequest::sync(WorkKind::Revert, job, QStringLiteral("Ann"), 500)));
    EXPECT_EQ(waitForResult(job).report.written, 6);
}

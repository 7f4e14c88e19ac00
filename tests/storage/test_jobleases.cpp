// One program at a time works on a job: the job_leases table on SQLite and PostgreSQL. A
// live holder keeps the job; a stale lease, or one whose process on this computer is gone,
// is taken over; only its own holder renews or ends a lease.
#include "pipeline/jobservice.h"
#include "storage/jobleaserepository.h"
#include "storage/jobrepository.h"
#include "support/testdatabase.h"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QProcess>
#include <QSysInfo>

using namespace tagdesk;
using namespace tagdesk::test;

namespace {

// The id of a process of this computer that has exited.
qint64 deadProcessId() {
    QProcess process;
    process.start(QStringLiteral("sleep"), {QStringLiteral("0.1")});
    EXPECT_TRUE(process.waitForStarted());
    const qint64 pid = process.processId(); // known only while it runs
    EXPECT_TRUE(process.waitForFinished());
    return pid;
}

class JobLeases : public BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        NewJob n;
        n.name = QStringLiteral("Leased");
        auto job = JobRepository(*conn).insert(n.validated().value());
        ASSERT_TRUE(job.ok()) << job.error().message.toStdString();
        jobId = job->id;
    }

    // A lease of another computer's program, taken at `at`.
    JobLease elsewhere(const QDateTime &at) const {
        JobLease l = JobLease::forThisProcess(jobId, QStringLiteral("push"), at);
        l.program = QStringLiteral("Tagdesk");
        l.host = QStringLiteral("front-desk-pc");
        l.pid = 4242;
        return l;
    }

    qint64 jobId = 0;
    const QDateTime now = QDateTime::currentDateTimeUtc();
};

} // namespace

TEST_P(JobLeases, ALiveHolderKeepsTheJobAndIsNamed) {
    JobLeaseRepository leases(*conn);
    const JobLease first = elsewhere(now);
    auto taken = leases.acquire(first);
    ASSERT_TRUE(taken.ok()) << taken.error().message.toStdString();
    EXPECT_FALSE(taken.value()) << "a free job is taken";

    const JobLease second =
        JobLease::forThisProcess(jobId, QStringLiteral("revert"), now.addSecs(30));
    auto refused = leases.acquire(second);
    ASSERT_TRUE(refused.ok());
    ASSERT_TRUE(refused.value()) << "a live holder keeps the job";
    EXPECT_EQ(refused.value()->leaseId, first.leaseId);
    EXPECT_EQ(refused.value()->work, QStringLiteral("push"));
    EXPECT_EQ(refused.value()->holderText(),
              QStringLiteral("Tagdesk (process 4242 on front-desk-pc)"));
    EXPECT_EQ(refused.value()->acquiredAt, first.acquiredAt);

    // The holder renews; the other may not renew or end what is not its own.
    auto renewed = leases.renew(jobId, first.leaseId, now.addSecs(45));
    ASSERT_TRUE(renewed.ok());
    EXPECT_TRUE(renewed.value());
    auto notMine = leases.renew(jobId, second.leaseId, now.addSecs(45));
    ASSERT_TRUE(notMine.ok());
    EXPECT_FALSE(notMine.value());
    ASSERT_TRUE(leases.release(jobId, second.leaseId).ok());
    auto still = leases.holder(jobId);
    ASSERT_TRUE(still.ok() && still.value());
    EXPECT_EQ(still.value()->leaseId, first.leaseId);

    // Renewed at +45 s, it is still live at +100 s (55 s later), and stale at +106 s.
    auto atHundred =
        leases.acquire(JobLease::forThisProcess(jobId, QStringLiteral("run"), now.addSecs(100)));
    ASSERT_TRUE(atHundred.ok());
    EXPECT_TRUE(atHundred.value());
    const JobLease late = JobLease::forThisProcess(jobId, QStringLiteral("run"), now.addSecs(106));
    auto takenOver = leases.acquire(late);
    ASSERT_TRUE(takenOver.ok());
    EXPECT_FALSE(takenOver.value()) << "a lease not renewed for a minute is stale";
    auto holder = leases.holder(jobId);
    ASSERT_TRUE(holder.ok() && holder.value());
    EXPECT_EQ(holder.value()->leaseId, late.leaseId);
    EXPECT_EQ(holder.value()->pid, QCoreApplication::applicationPid());
    EXPECT_EQ(holder.value()->host, QSysInfo::machineHostName());

    // The first holder, back from sleep, learns it lost the job.
    auto lost = leases.renew(jobId, first.leaseId, now.addSecs(110));
    ASSERT_TRUE(lost.ok());
    EXPECT_FALSE(lost.value());

    ASSERT_TRUE(leases.release(jobId, late.leaseId).ok());
    auto free = leases.holder(jobId);
    ASSERT_TRUE(free.ok());
    EXPECT_FALSE(free.value());
}

TEST_P(JobLeases, AKilledProcessOfThisComputerFreesTheJobAtOnce) {
    JobLeaseRepository leases(*conn);
    JobLease killed = JobLease::forThisProcess(jobId, QStringLiteral("push"), now);
    killed.pid = deadProcessId();
    ASSERT_GT(killed.pid, 0);
    ASSERT_TRUE(leases.acquire(killed).ok());
    EXPECT_FALSE(killed.isLive(now.addSecs(1)));

    // On another computer the same process id says nothing: only time frees it.
    JobLease remote = killed;
    remote.host = QStringLiteral("front-desk-pc");
    EXPECT_TRUE(remote.isLive(now.addSecs(1)));
    EXPECT_FALSE(remote.isLive(now.addSecs(60)));

    const JobLease next = JobLease::forThisProcess(jobId, QStringLiteral("push"), now.addSecs(1));
    auto taken = leases.acquire(next);
    ASSERT_TRUE(taken.ok()) << taken.error().message.toStdString();
    EXPECT_FALSE(taken.value()) << "the job was free: its holder is gone";
    EXPECT_TRUE(next.isLive(now.addSecs(1))) << "this process is alive";
}

TEST_P(JobLeases, ALeaseGoesWithItsJob) {
    JobLeaseRepository leases(*conn);
    ASSERT_TRUE(leases.acquire(elsewhere(now)).ok());
    ASSERT_TRUE(runSql(conn->db(), QStringLiteral("DELETE FROM jobs WHERE id = ?"), {jobId}).ok());
    auto holder = leases.holder(jobId);
    ASSERT_TRUE(holder.ok());
    EXPECT_FALSE(holder.value());
}

INSTANTIATE_TEST_SUITE_P(Backends, JobLeases, ::testing::Values(Backend::Sqlite, Backend::Postgres),
                         [](const auto &info) { return backendName(info.param); });

// Review decisions, undo, the push log and conflicts, on SQLite and on PostgreSQL.
#include "pipeline/reviewservice.h"
#include "storage/databasewriter.h"
#include "storage/decisionrepository.h"
#include "storage/jobproductrepository.h"
#include "storage/jobrepository.h"
#include "storage/pushlogrepository.h"
#include "support/qtprinters.h"
#include "support/testdatabase.h"

#include <gtest/gtest.h>

#include <QJsonArray>

using namespace tagdesk;
using namespace tagdesk::test;

namespace {

class ReviewStorage : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        if (!db.available())
            GTEST_SKIP() << "no PostgreSQL server (set PGHOST/PGPORT, or run under pg_virtualenv)";
        conn = db.open();
        ASSERT_TRUE(conn);
        NewJob n;
        n.name = QStringLiteral("Review");
        n.writing.tagTemplate = QStringLiteral("td-{attribute}-{value}");
        n.writing.onlyFillEmpty = true;
        job = JobRepository(*conn).insert(n.validated().value()).value().id;
        QList<JobProduct> products;
        for (int i = 1; i <= 3; ++i) {
            JobProduct p;
            p.productId = QStringLiteral("gid://shopify/Product/%1").arg(i);
            p.position = i;
            p.progress.stage = PipelineStage::Analysed;
            products.append(p);
        }
        JobProductRepository repo(*conn);
        ASSERT_TRUE(repo.addProducts(job, products).ok());
        for (const JobProduct &p : products)
            ASSERT_TRUE(repo.setProgress(job, p.productId, p.progress).ok());
    }

    std::unique_ptr<DatabaseWriter> writer() {
        auto w = DatabaseWriter::start(db.config());
        EXPECT_TRUE(w.ok());
        return std::move(w).value();
    }

    JobProduct product(int n) {
        return JobProductRepository(*conn)
            .find(job, QStringLiteral("gid://shopify/Product/%1").arg(n))
            .value();
    }

    TempDatabase db{GetParam()};
    std::unique_ptr<Connection> conn;
    qint64 job = 0;
};

const QString p1 = QStringLiteral("gid://shopify/Product/1");
const QString p2 = QStringLiteral("gid://shopify/Product/2");

} // namespace

TEST_P(ReviewStorage, TheJobKeepsHowItWritesValues) {
    const Job found = JobRepository(*conn).find(job).value();
    EXPECT_EQ(found.writing.tagTemplate, QStringLiteral("td-{attribute}-{value}"));
    EXPECT_TRUE(found.writing.onlyFillEmpty);
    EXPECT_EQ(found.writing.metafieldNamespace, QStringLiteral("tagdesk"));
}

TEST_P(ReviewStorage, AttributeDecisionsAreWrittenAtOnceAndUndoneNewestFirst) {
    auto w = writer();
    ReviewService review(*w);
    const AttributeDecision edit{
        QStringLiteral("colour"), AttributeDecision::Verdict::Edited, QStringLiteral("teal"), {}};
    ASSERT_TRUE(review.decide(job, p1, edit, QStringLiteral("Ann")).result().ok());
    const AttributeDecision reject{
        QStringLiteral("pattern"), AttributeDecision::Verdict::Rejected, {}, {}};
    ASSERT_TRUE(review.decide(job, p1, reject, QStringLiteral("Ann")).result().ok());
    const AttributeDecision again{
        QStringLiteral("colour"), AttributeDecision::Verdict::Edited, QStringLiteral("navy"), {}};
    ASSERT_TRUE(review.decide(job, p1, again, QStringLiteral("Ben")).result().ok());

    // Read with another connection: committed, not waiting in a cache.
    auto decisions = DecisionRepository(*conn).forProduct(job, p1);
    ASSERT_TRUE(decisions.ok());
    ASSERT_EQ(decisions->size(), 2);
    EXPECT_EQ(decisions->at(0).attribute, QStringLiteral("colour"));
    EXPECT_EQ(decisions->at(0).value, QStringLiteral("navy"));
    EXPECT_EQ(decisions->at(1).verdict, AttributeDecision::Verdict::Rejected);

    ASSERT_EQ(review.undo(job, 1, QStringLiteral("Ann")).result().value(), 1);
    EXPECT_EQ(DecisionRepository(*conn).find(job, p1, QStringLiteral("colour")).value()->value,
              QStringLiteral("teal"));
    ASSERT_EQ(review.undo(job, 2, QStringLiteral("Ann")).result().value(), 2);
    EXPECT_TRUE(DecisionRepository(*conn).forProduct(job, p1)->isEmpty());
    const auto nothing = review.undo(job, 1, QStringLiteral("Ann")).result();
    ASSERT_FALSE(nothing.ok());
    EXPECT_EQ(nothing.error().code, Error::Code::NotFound);
}

TEST_P(ReviewStorage, UndoTakesBackAnApprovalAndItsDestinationsButNotAPush) {
    auto w = writer();
    ReviewService review(*w);
    ApprovalSelection both{ApprovalSelection::Kind::Products, {p1, p2}, 0};
    ASSERT_EQ(review.approve(job, both, Destinations(Destination::AltText), QStringLiteral("Ann"))
                  .result()
                  .value(),
              2);
    EXPECT_EQ(JobProductRepository(*conn).destinationsOverride(job, p2).value(),
              QStringLiteral("alt"));
    ASSERT_EQ(review.undo(job, 1, QStringLiteral("Ann")).result().value(), 1);
    EXPECT_EQ(product(2).progress.review, ReviewState::Pending);
    EXPECT_EQ(product(2).progress.sync, SyncState::None);
    EXPECT_TRUE(JobProductRepository(*conn).destinationsOverride(job, p2)->isEmpty());
    EXPECT_EQ(product(1).progress.review, ReviewState::Approved);

    // Once pushed, a decision is reverted in Shopify, not undone here.
    ASSERT_TRUE(
        JobProductRepository(*conn)
            .setProgress(job, p1,
                         {PipelineStage::Analysed, ReviewState::Approved, SyncState::Pushed})
            .ok());
    const auto refused = review.undo(job, 1, QStringLiteral("Ann")).result();
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, Error::Code::NotAllowed);
    EXPECT_TRUE(refused.error().message.contains(p1)) << refused.error().message.toStdString();
    EXPECT_EQ(product(1).progress.sync, SyncState::Pushed);
    const AttributeDecision late{
        QStringLiteral("colour"), AttributeDecision::Verdict::Accepted, {}, {}};
    EXPECT_FALSE(review.decide(job, p1, late, QStringLiteral("Ann")).result().ok());
}

TEST_P(ReviewStorage, ThePushLogKnowsWhichPushARevertUndoes) {
    PushLogRepository log(*conn);
    PushRecord push;
    push.jobId = job;
    push.productId = p1;
    push.who = QStringLiteral("Ann");
    push.before = {{QStringLiteral("tags"), QJsonArray{QStringLiteral("a")}}};
    push.after = {{QStringLiteral("tags"), QJsonArray{QStringLiteral("a"), QStringLiteral("b")}}};
    push.updatedAtAfter = QDateTime(QDate(2026, 11, 28), QTime(10, 0), Qt::UTC);
    EXPECT_FALSE(log.revertible(job, p1)->has_value());
    ASSERT_TRUE(log.append(push).ok());
    PushRecord failed = push;
    failed.outcome = PushRecord::Outcome::Failed;
    failed.message = QStringLiteral("Shopify refused tagsAdd");
    ASSERT_TRUE(log.append(failed).ok());

    auto revertible = log.revertible(job, p1);
    ASSERT_TRUE(revertible.ok() && revertible->has_value());
    EXPECT_EQ((*revertible)->after, push.after);
    EXPECT_EQ((*revertible)->updatedAtAfter, push.updatedAtAfter);
    EXPECT_EQ((*revertible)->who, QStringLiteral("Ann"));

    PushRecord revert = push;
    revert.kind = PushRecord::Kind::Revert;
    std::swap(revert.before, revert.after);
    ASSERT_TRUE(log.append(revert).ok());
    EXPECT_FALSE(log.revertible(job, p1)->has_value()) << "already reverted";
    EXPECT_EQ(log.forJob(job)->size(), 3);
    EXPECT_EQ(log.forJob(job, p2)->size(), 0);
}

TEST_P(ReviewStorage, AConflictKeepsThreeVersionsUntilAPersonSettlesIt) {
    PushLogRepository log(*conn);
    Conflict c;
    c.jobId = job;
    c.productId = p1;
    c.snapshotValues = {{QStringLiteral("productType"), QStringLiteral("")}};
    c.remoteValues = {{QStringLiteral("productType"), QStringLiteral("Shirts")}};
    c.approvedValues = {{QStringLiteral("productType"), QStringLiteral("Dresses")}};
    ASSERT_TRUE(log.recordConflict(c).ok());
    ASSERT_TRUE(log.recordConflict(c).ok()) << "a second detection replaces the first";
    auto open = log.openConflicts(job);
    ASSERT_EQ(open->size(), 1);
    EXPECT_EQ(open->first().remoteValues, c.remoteValues);
    EXPECT_EQ(open->first().approvedValues, c.approvedValues);
    ASSERT_TRUE(log.resolveConflict(job, p1, QStringLiteral("mine")).ok());
    EXPECT_TRUE(log.openConflicts(job)->isEmpty());
    EXPECT_EQ(log.conflict(job, p1).value()->resolution, QStringLiteral("mine"));
}

TEST_P(ReviewStorage, AnInterruptedPushKeepsItsPlanAndGoesBackToTheQueue) {
    JobProductRepository repo(*conn);
    const QJsonObject plan{{QStringLiteral("productId"), p1}};
    ASSERT_TRUE(repo.setPushPlan(job, p1, plan).ok());
    ASSERT_TRUE(
        repo.setProgress(job, p1,
                         {PipelineStage::Analysed, ReviewState::Approved, SyncState::Pushing})
            .ok());
    ASSERT_TRUE(
        repo.setProgress(job, p2,
                         {PipelineStage::Analysed, ReviewState::Approved, SyncState::Reverting})
            .ok());
    EXPECT_EQ(repo.resetInterruptedSync(job).value(), 2);
    EXPECT_EQ(product(1).progress.sync, SyncState::Queued);
    EXPECT_EQ(product(2).progress.sync, SyncState::Pushed);
    EXPECT_EQ(repo.pushPlan(job, p1).value(), plan);
    EXPECT_EQ(repo.inSync(job, {SyncState::Queued, SyncState::Pushed})->size(), 2);
    ASSERT_TRUE(repo.setPushPlan(job, p1, {}).ok());
    EXPECT_TRUE(repo.pushPlan(job, p1)->isEmpty());
}

INSTANTIATE_TEST_SUITE_P(Backends, ReviewStorage,
                         ::testing::Values(Backend::Sqlite, Backend::Postgres),
                         [](const auto &info) { return backendName(info.param); });

// Review decisions, bulk approval, undo, the push log and conflicts, on SQLite and on
// PostgreSQL.
#include "domain/productlist.h"
#include "pipeline/reviewservice.h"
#include "storage/databasewriter.h"
#include "storage/decisionrepository.h"
#include "storage/jobproductrepository.h"
#include "storage/jobrepository.h"
#include "storage/pushlogrepository.h"
#include "storage/revieweventrepository.h"
#include "storage/suggestionrepository.h"
#include "support/qtprinters.h"
#include "support/testdatabase.h"

#include <gtest/gtest.h>

#include <QJsonArray>

#include <algorithm>

using namespace tagdesk;
using namespace tagdesk::test;

namespace {

class ReviewStorage : public BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
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

    qint64 job = 0;
};

const QString p1 = QStringLiteral("gid://shopify/Product/1");
const QString p2 = QStringLiteral("gid://shopify/Product/2");

QString idOf(int i) {
    return QStringLiteral("gid://shopify/Product/%1").arg(i);
}

// Approval as ReviewService did it before it was set-based: every product read, then
// three statements per product. The reference the set-based result is compared with.
Result<int> approveOneByOne(Connection &conn, qint64 jobId, const ApprovalSelection &selection,
                            std::optional<Destinations> destinations, const QString &reviewer) {
    return inWriteTransaction(conn.db(), [&]() -> Result<int> {
        JobProductRepository products(conn);
        QList<JobProduct> chosen;
        if (selection.kind == ApprovalSelection::Kind::Products) {
            for (const QString &id : selection.productIds) {
                auto p = products.find(jobId, id);
                if (!p)
                    return p.error();
                if (p->progress.stage != PipelineStage::Analysed)
                    return Error::notAllowed(
                        QStringLiteral("Product %1 has not been analysed (%2) and cannot be "
                                       "reviewed")
                            .arg(id, stageText(p->progress.stage)));
                if (p->progress.review != ReviewState::Approved)
                    chosen << p.value();
            }
        } else {
            auto all = products.list(jobId);
            auto suggestions = SuggestionRepository(conn).forJob(jobId);
            if (!all || !suggestions)
                return Error::storage(QStringLiteral("reading the job"));
            for (const JobProduct &p : all.value()) {
                if (p.progress.stage != PipelineStage::Analysed ||
                    p.progress.review != ReviewState::Pending)
                    continue;
                if (selection.kind == ApprovalSelection::Kind::MinConfidence) {
                    const QList<Suggestion> list = suggestions->value(p.productId);
                    if (list.isEmpty() ||
                        !std::all_of(list.begin(), list.end(), [&](const Suggestion &s) {
                            return ConfidenceOverview::atOrAbove(s.confidence,
                                                                 selection.minConfidence);
                        }))
                        continue;
                }
                chosen << p;
            }
        }
        for (const JobProduct &p : chosen) {
            const SyncState sync = p.progress.sync;
            if (sync == SyncState::Pushing || sync == SyncState::Pushed ||
                sync == SyncState::Reverting)
                return Error::notAllowed(
                    QStringLiteral("Product %1 is %2 in Shopify; revert it before changing its "
                                   "review")
                        .arg(p.productId, syncText(sync).toLower()));
            const QString previous = products.destinationsOverride(jobId, p.productId).value();
            const QString next = destinations ? destinationsToKeys(*destinations) : previous;
            const ProductProgress after{p.progress.stage, ReviewState::Approved, SyncState::Queued};
            if (auto set = products.setProgress(jobId, p.productId, after, p.error); !set)
                return set.error();
            if (next != previous) {
                if (auto set = products.setDestinationsOverride(jobId, p.productId, next); !set)
                    return set.error();
            }
            if (auto r =
                    ReviewEventRepository(conn).record({0,
                                                        jobId,
                                                        p.productId,
                                                        {},
                                                        reviewStateObject(p.progress, previous),
                                                        reviewStateObject(after, next),
                                                        reviewer,
                                                        QDateTime::currentDateTimeUtc()});
                !r)
                return r.error();
        }
        return int(chosen.size());
    });
}

struct Case {
    const char *name;
    ApprovalSelection selection;
    std::optional<Destinations> destinations;
};

// Bulk approval is set-based (a few statements for the whole selection); it must leave
// exactly the rows and review events approving one product at a time left, for a job whose
// products are in every mix of states.
class BulkApproval : public ReviewStorage {
protected:
    void SetUp() override {
        ReviewStorage::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        writer_ = writer();
    }

    // A job of 30 products in every mix of stage, review, sync, destinations and
    // suggestions, positioned in the opposite order to their ids. `pushedAt` >= 0 puts that
    // product, still waiting for review, in Shopify (which no approval may change).
    qint64 mixedJob(int pushedAt = -1) {
        NewJob n;
        n.name = QStringLiteral("Mixed");
        const qint64 job = JobRepository(*conn).insert(n.validated().value()).value().id;
        const PipelineStage stages[] = {PipelineStage::Analysed, PipelineStage::Analysed,
                                        PipelineStage::Analysed, PipelineStage::Pending,
                                        PipelineStage::Fetched,  PipelineStage::Failed,
                                        PipelineStage::Skipped};
        const ReviewState reviews[] = {ReviewState::Pending, ReviewState::Pending,
                                       ReviewState::Approved, ReviewState::Rejected};
        const SyncState syncs[] = {SyncState::None, SyncState::Queued, SyncState::Failed,
                                   SyncState::Reverted, SyncState::Conflict};
        // 0.7 is stored as 0.69999…, which the rule counts as 70 hundredths.
        const QList<QList<double>> confidences = {
            {1.0},       {0.7}, {0.7, 0.9},  {0.69},     {0.95, 0.71},
            {0.69, 0.7}, {},    {0.5, 0.99}, {0.699999}, {0.0}};
        QList<JobProduct> products;
        for (int i = 0; i < 30; ++i) {
            JobProduct p;
            p.productId = idOf(i);
            p.position = 100 - i;
            p.title = QStringLiteral("Product %1").arg(i);
            p.progress = {stages[i % 7], reviews[i % 4], syncs[i % 5]};
            if (i == pushedAt)
                p.progress = {PipelineStage::Analysed, ReviewState::Pending, SyncState::Pushed};
            p.error = i % 6 == 0 ? QStringLiteral("a note %1").arg(i) : QString();
            products << p;
        }
        JobProductRepository repo(*conn);
        EXPECT_TRUE(repo.addProducts(job, products).ok());
        for (int i = 0; i < products.size(); ++i) {
            if (i % 3 == 0) {
                EXPECT_TRUE(
                    repo.setDestinationsOverride(job, idOf(i), QStringLiteral("tags,type")).ok());
            }
            QList<Suggestion> list;
            for (double c : confidences[i % confidences.size()])
                list << Suggestion{QStringLiteral("colour"), QStringLiteral("navy"), c, {}, {}, {}};
            EXPECT_TRUE(SuggestionRepository(*conn).replace(job, idOf(i), list).ok());
        }
        return job;
    }

    // What an approval leaves: every product's row and every review event, in order,
    // without the times they were written.
    QStringList state(qint64 job) {
        QStringList out;
        auto rows =
            runSql(conn->db(),
                   QStringLiteral("SELECT product_id, position, title, stage, review, sync, "
                                  "error, destinations, flagged FROM job_products WHERE "
                                  "job_id = ? ORDER BY position"),
                   {job});
        EXPECT_TRUE(rows.ok());
        while (rows && rows->next()) {
            QStringList fields;
            for (int c = 0; c < 9; ++c)
                fields << (rows->value(c).isNull() ? QStringLiteral("NULL")
                                                   : rows->value(c).toString());
            out << fields.join(QLatin1Char('|'));
        }
        auto events = runSql(conn->db(),
                             QStringLiteral("SELECT product_id, attribute, before_state, "
                                            "after_state, decided_by, undone_at FROM review_events "
                                            "WHERE job_id = ? ORDER BY id"),
                             {job});
        EXPECT_TRUE(events.ok());
        while (events && events->next())
            out << QStringLiteral("event %1|%2|%3|%4|%5|%6")
                       .arg(events->value(0).toString(), events->value(1).toString(),
                            events->value(2).toString(), events->value(3).toString(),
                            events->value(4).toString(),
                            events->value(5).isNull() ? QStringLiteral("NULL")
                                                      : events->value(5).toString());
        return out;
    }

    std::unique_ptr<DatabaseWriter> writer_;
};

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

TEST_P(BulkApproval, WritesWhatApprovingOneProductAtATimeWrote) {
    const QStringList named{idOf(9), idOf(0), idOf(2), idOf(14), idOf(1), idOf(21), idOf(28)};
    const Case cases[] = {
        {"all", {ApprovalSelection::Kind::All, {}, 0}, std::nullopt},
        {"all to alt", {ApprovalSelection::Kind::All, {}, 0}, Destinations(Destination::AltText)},
        {"all to nowhere", {ApprovalSelection::Kind::All, {}, 0}, Destinations()},
        {"at or above 0.7", {ApprovalSelection::Kind::MinConfidence, {}, 0.7}, std::nullopt},
        {"at or above 0.695", {ApprovalSelection::Kind::MinConfidence, {}, 0.695}, std::nullopt},
        {"at or above 0", {ApprovalSelection::Kind::MinConfidence, {}, 0}, std::nullopt},
        {"at or above 1",
         {ApprovalSelection::Kind::MinConfidence, {}, 1.0},
         Destinations(Destination::Tags) | Destination::ProductType},
        {"named", {ApprovalSelection::Kind::Products, named, 0}, std::nullopt},
        {"named to tags",
         {ApprovalSelection::Kind::Products, named, 0},
         Destinations(Destination::Tags)},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.name);
        const qint64 reference = mixedJob();
        const qint64 bulk = mixedJob();
        const QStringList untouched = state(bulk);
        auto one =
            approveOneByOne(*conn, reference, c.selection, c.destinations, QStringLiteral("Ann"));
        ASSERT_TRUE(one.ok()) << one.error().message.toStdString();
        ReviewService review(*writer_);
        auto many =
            review.approve(bulk, c.selection, c.destinations, QStringLiteral("Ann")).result();
        ASSERT_TRUE(many.ok()) << many.error().message.toStdString();
        EXPECT_EQ(many.value(), one.value());
        EXPECT_GT(many.value(), 0) << "the case approves something";
        EXPECT_EQ(state(bulk), state(reference));
        EXPECT_NE(state(bulk), untouched);
        // The timestamps: each approved product's row and its event, at the same moment.
        auto times = runSql(conn->db(),
                            QStringLiteral("SELECT COUNT(*) FROM review_events e JOIN "
                                           "job_products jp ON jp.job_id = e.job_id AND "
                                           "jp.product_id = e.product_id WHERE e.job_id = ? AND "
                                           "jp.updated_at = e.at"),
                            {bulk});
        ASSERT_TRUE(times.ok() && times->next());
        EXPECT_EQ(times->value(0).toInt(), many.value());
    }
}

TEST_P(BulkApproval, RefusesAsApprovingOneProductAtATimeRefused) {
    // Unknown and not analysed products, named; a product in Shopify, in every kind.
    const Case cases[] = {
        {"unknown", {ApprovalSelection::Kind::Products, {idOf(0), idOf(99), idOf(3)}, 0}, {}},
        {"not analysed", {ApprovalSelection::Kind::Products, {idOf(0), idOf(3), idOf(99)}, 0}, {}},
        {"pushed, named", {ApprovalSelection::Kind::Products, {idOf(0), idOf(2)}, 0}, {}},
        {"pushed, all", {ApprovalSelection::Kind::All, {}, 0}, {}},
        {"pushed, at or above", {ApprovalSelection::Kind::MinConfidence, {}, 0.7}, {}},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.name);
        const qint64 reference = mixedJob(2);
        const qint64 bulk = mixedJob(2);
        const QStringList before = state(bulk);
        auto one =
            approveOneByOne(*conn, reference, c.selection, c.destinations, QStringLiteral("Ann"));
        ASSERT_FALSE(one.ok());
        ReviewService review(*writer_);
        auto many =
            review.approve(bulk, c.selection, c.destinations, QStringLiteral("Ann")).result();
        ASSERT_FALSE(many.ok());
        EXPECT_EQ(many.error().code, one.error().code);
        // The same words, naming each its own job.
        EXPECT_EQ(many.error().message, QString(one.error().message)
                                            .replace(QStringLiteral("Job %1 ").arg(reference),
                                                     QStringLiteral("Job %1 ").arg(bulk)));
        EXPECT_EQ(state(bulk), before) << "nothing was written";
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, BulkApproval,
                         ::testing::Values(Backend::Sqlite, Backend::Postgres),
                         [](const auto &info) { return backendName(info.param); });

// Every row of the job-status rule (deriveJobStatus in domain/jobstatus.h), and its edges.
#include "domain/jobstatus.h"

#include <gtest/gtest.h>

#include <initializer_list>

using namespace tagdesk;

namespace {

using S = PipelineStage;
using R = ReviewState;
using Y = SyncState;

ProductTally tally(std::initializer_list<ProductProgress> products) {
    ProductTally t;
    for (const ProductProgress &p : products)
        t.add(p);
    return t;
}

JobStatus status(std::initializer_list<ProductProgress> products, JobFacts facts = {}) {
    return deriveJobStatus(facts, tally(products));
}

const ProductProgress fresh{S::Pending, R::Pending, Y::None};
const ProductProgress toReview{S::Analysed, R::Pending, Y::None};
const ProductProgress rejected{S::Analysed, R::Rejected, Y::None};
const ProductProgress queued{S::Analysed, R::Approved, Y::Queued};
const ProductProgress pushed{S::Analysed, R::Approved, Y::Pushed};
const ProductProgress pushFailed{S::Analysed, R::Approved, Y::Failed};
const ProductProgress conflict{S::Analysed, R::Approved, Y::Conflict};
const ProductProgress fetchFailed{S::Failed, R::Pending, Y::None};
const ProductProgress skipped{S::Skipped, R::Pending, Y::None};

} // namespace

TEST(JobStatus, CreatedWhenNoStageStarted) {
    EXPECT_EQ(status({}), JobStatus::Created);
    EXPECT_EQ(status({fresh, fresh, fresh}), JobStatus::Created);
}

TEST(JobStatus, ProcessingWhileAnyProductIsDownloadedAnalysedOrPushed) {
    EXPECT_EQ(status({{S::Fetching, R::Pending, Y::None}, fresh}), JobStatus::Processing);
    EXPECT_EQ(status({{S::Analysing, R::Pending, Y::None}, toReview}), JobStatus::Processing);
    EXPECT_EQ(status({{S::Analysed, R::Approved, Y::Pushing}, pushed}), JobStatus::Processing);
    EXPECT_EQ(status({{S::Analysed, R::Approved, Y::Reverting}, pushed}), JobStatus::Processing);
}

TEST(JobStatus, ProcessingWhileARunHasProductsLeft) {
    const JobFacts run{true, false};
    EXPECT_EQ(status({}, run), JobStatus::Processing) << "still listing the selection";
    EXPECT_EQ(status({toReview, fresh}, run), JobStatus::Processing);
    EXPECT_EQ(status({toReview, {S::Fetched, R::Pending, Y::None}}, run), JobStatus::Processing);
}

TEST(JobStatus, ProcessingWinsOverEveryOtherState) {
    EXPECT_EQ(status({{S::Analysing, R::Pending, Y::None}, pushed, pushFailed, toReview}),
              JobStatus::Processing);
}

TEST(JobStatus, ReviewWhenAProductStillNeedsReview) {
    EXPECT_EQ(status({toReview}), JobStatus::Review);
    EXPECT_EQ(status({toReview, queued, rejected}), JobStatus::Review);
    EXPECT_EQ(status({toReview, pushed}), JobStatus::Review) << "one synced, one still to review";
}

TEST(JobStatus, ACancelledRunWithUnanalysedProductsStillNeedsReview) {
    // Cancelled (runRequested cleared) before analysing the second product.
    EXPECT_EQ(status({rejected, {S::Fetched, R::Pending, Y::None}}), JobStatus::Review);
}

TEST(JobStatus, ReadyToSyncWhenAllReviewedAndApprovedWaitToBePushed) {
    EXPECT_EQ(status({queued}), JobStatus::ReadyToSync);
    EXPECT_EQ(status({queued, rejected}), JobStatus::ReadyToSync);
    EXPECT_EQ(status({queued, pushed}), JobStatus::ReadyToSync) << "offline half-way through";
    EXPECT_EQ(status({queued, pushFailed}), JobStatus::ReadyToSync) << "a retry is still pending";
}

TEST(JobStatus, CompleteWhenEveryApprovedProductWasPushed) {
    EXPECT_EQ(status({pushed}), JobStatus::Complete);
    EXPECT_EQ(status({pushed, rejected, pushed}), JobStatus::Complete);
    EXPECT_EQ(status({{S::Analysed, R::Approved, Y::Reverted}, pushed}), JobStatus::Complete);
}

TEST(JobStatus, AllRejectedIsCompleteWithNothingToPush) {
    EXPECT_EQ(status({rejected, rejected}), JobStatus::Complete);
}

TEST(JobStatus, CompleteButWithErrorsWhenSomePushesFailedAndSomeSucceeded) {
    EXPECT_EQ(status({pushed, pushFailed}), JobStatus::CompleteWithErrors);
    EXPECT_EQ(status({pushed, conflict}), JobStatus::CompleteWithErrors);
}

TEST(JobStatus, OneFailureAmongManyIsCompleteButWithErrors) {
    ProductTally t;
    t.add(pushed, 999);
    t.add(pushFailed, 1);
    EXPECT_EQ(deriveJobStatus({}, t), JobStatus::CompleteWithErrors);
}

TEST(JobStatus, ErrorWhenEveryApprovedProductFailedToPush) {
    EXPECT_EQ(status({pushFailed}), JobStatus::Error);
    EXPECT_EQ(status({pushFailed, conflict, rejected}), JobStatus::Error);
}

TEST(JobStatus, ErrorWhenTheJobCouldNotRunAtAll) {
    EXPECT_EQ(status({fresh, fresh}, {false, true}), JobStatus::Error);
    EXPECT_EQ(status({}, {true, true}), JobStatus::Error) << "a fatal error beats a pending run";
    EXPECT_EQ(status({fetchFailed, fetchFailed}), JobStatus::Error)
        << "no product could be fetched";
}

TEST(JobStatus, FetchFailuresAloneDoNotBlockReviewOrCompletion) {
    EXPECT_EQ(status({fetchFailed, toReview}), JobStatus::Review);
    EXPECT_EQ(status({fetchFailed, pushed}), JobStatus::Complete);
    EXPECT_EQ(status({fetchFailed, rejected}), JobStatus::Complete);
}

TEST(JobStatus, SkippedProductsAreNeitherWorkLeftNorErrors) {
    EXPECT_EQ(status({skipped, toReview}), JobStatus::Review);
    EXPECT_EQ(status({skipped, pushed}), JobStatus::Complete) << "not complete with errors";
    EXPECT_EQ(status({skipped, rejected}), JobStatus::Complete);
    EXPECT_EQ(status({skipped, skipped}), JobStatus::Complete) << "nothing to do is no error";
    EXPECT_EQ(status({skipped, fetchFailed}), JobStatus::Error)
        << "the one product that had images could not be read";
    const ProductTally t = tally({skipped, toReview});
    EXPECT_EQ(t.skipped, 1);
    EXPECT_EQ(t.failed, 0);
    EXPECT_EQ(t.needsReview, 1);
}

TEST(JobStatus, TallyCountsEachState) {
    const ProductTally t = tally({fresh,
                                  toReview,
                                  rejected,
                                  queued,
                                  pushed,
                                  pushFailed,
                                  conflict,
                                  fetchFailed,
                                  {S::Fetching, R::Pending, Y::None}});
    EXPECT_EQ(t.total, 9);
    EXPECT_EQ(t.untouched, 1);
    EXPECT_EQ(t.active, 1);
    EXPECT_EQ(t.failed, 1);
    EXPECT_EQ(t.needsReview, 3); // fresh, toReview, fetching
    EXPECT_EQ(t.approved, 4);
    EXPECT_EQ(t.rejected, 1);
    EXPECT_EQ(t.waitingToSync, 1);
    EXPECT_EQ(t.synced, 1);
    EXPECT_EQ(t.syncFailed, 1);
    EXPECT_EQ(t.conflicts, 1);
}

TEST(JobStatus, TallyAddedWithCountsEqualsTallyAddedOneByOne) {
    ProductTally grouped;
    grouped.add(pushed, 3);
    grouped.add(toReview, 2);
    EXPECT_EQ(grouped, tally({pushed, toReview, pushed, toReview, pushed}));
    ProductTally sum = tally({pushed});
    sum += tally({pushed, pushed, toReview, toReview});
    EXPECT_EQ(sum, grouped);
}

TEST(JobStatus, ArchivingIsAllowedInEveryStatusButProcessing) {
    for (JobStatus s : {JobStatus::Created, JobStatus::Review, JobStatus::ReadyToSync,
                        JobStatus::Complete, JobStatus::CompleteWithErrors, JobStatus::Error})
        EXPECT_TRUE(canArchive(s)) << jobStatusKey(s).toStdString();
    EXPECT_FALSE(canArchive(JobStatus::Processing));
}

TEST(JobStatus, UserVisibleTextsMatchTheDesign) {
    EXPECT_EQ(jobStatusText(JobStatus::Created), QStringLiteral("Created"));
    EXPECT_EQ(jobStatusText(JobStatus::Processing), QStringLiteral("Processing"));
    EXPECT_EQ(jobStatusText(JobStatus::Review), QStringLiteral("Review"));
    EXPECT_EQ(jobStatusText(JobStatus::ReadyToSync), QStringLiteral("Ready to sync"));
    EXPECT_EQ(jobStatusText(JobStatus::Complete), QStringLiteral("Complete"));
    EXPECT_EQ(jobStatusText(JobStatus::CompleteWithErrors),
              QStringLiteral("Complete but with errors"));
    EXPECT_EQ(jobStatusText(JobStatus::Error), QStringLiteral("Error"));
}

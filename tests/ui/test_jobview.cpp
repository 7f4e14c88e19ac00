// The job view's pieces on a real SQLite file: the product table reads a big job a page at
// a time and passes QAbstractItemModelTester while it does; filters and sorting are done
// by the database; "approve at or above" counts exactly what the ReviewService approves.
#include "jobview/producttablemodel.h"
#include "pipeline/jobreader.h"
#include "pipeline/jobservice.h"
#include "pipeline/reviewservice.h"
#include "settings/secretfield.h"
#include "storage/databasewriter.h"
#include "storage/jobproductrepository.h"
#include "storage/suggestionrepository.h"
#include "support/testdatabase.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QTest>

#include <limits>

using namespace tagdesk;
using namespace tagdesk::test;

namespace {

constexpr int patient = 5 * 60 * 1000; // generous: never a limit a slow machine meets

template <typename T> T await(QFuture<T> future) {
    EXPECT_TRUE(QTest::qWaitFor([&] { return future.isFinished(); }, patient));
    return future.result();
}

// A job of `count` analysed products; product i has one suggestion of confidence
// (i % 100) / 100, and the first `reviewed` are approved already.
class BigJob : public ::testing::Test {
protected:
    void make(int count) {
        reader = db.open();
        writer = DatabaseWriter::start(db.config()).value();
        NewJob n;
        n.name = QStringLiteral("Big");
        jobId = await(JobService(*writer).create(n)).value().id;
        QList<JobProduct> products;
        for (int i = 0; i < count; ++i) {
            JobProduct p;
            p.productId = QStringLiteral("gid://shopify/Product/%1").arg(i + 1);
            p.position = i;
            p.title = QStringLiteral("Product %1").arg(i, 6, 10, QLatin1Char('0'));
            p.progress.stage = PipelineStage::Analysed;
            products.append(p);
        }
        const qint64 id = jobId;
        auto added = await(writer->submit<bool>([id, products](Connection &conn) -> Result<bool> {
            if (auto a = JobProductRepository(conn).addProducts(id, products); !a)
                return a.error();
            SuggestionRepository suggestions(conn);
            for (int i = 0; i < products.size(); ++i) {
                Suggestion s;
                s.attribute = QStringLiteral("colour");
                s.value = QStringLiteral("Red");
                s.confidence = (i % 100) / 100.0;
                if (auto r = suggestions.replace(id, products[i].productId, {s}); !r)
                    return r.error();
            }
            return true;
        }));
        ASSERT_TRUE(added.ok()) << added.error().message.toStdString();
    }

    TempSqlite db;
    std::unique_ptr<Connection> reader;
    std::unique_ptr<DatabaseWriter> writer;
    qint64 jobId = 0;
};

} // namespace

TEST_F(BigJob, ProductTableReadsOnlyThePagesTheViewAsksFor) {
    make(1000);
    ui::ProductTableModel model(JobReader(db.config()), nullptr);
    QString failure;
    QObject::connect(&model, &ui::ProductTableModel::loadFailed, &model,
                     [&](const QString &message) { failure = message; });
    model.setQuery({jobId, ProductFilter::All, ProductOrder::Position, false});
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return (model.rowCount() > 0 && !model.isLoading()) || !failure.isEmpty(); },
        patient));
    ASSERT_TRUE(failure.isEmpty()) << failure.toStdString();
    EXPECT_EQ(model.totalCount(), 1000);
    EXPECT_EQ(model.rowCount(), JobReader::defaultPageSize) << "only the first page is read";
    EXPECT_TRUE(model.canFetchMore({}));
    model.fetchMore({});
    model.fetchMore({}); // asked twice while the page is on its way: read once
    ASSERT_TRUE(QTest::qWaitFor([&] { return !model.isLoading(); }, patient));
    EXPECT_EQ(model.rowCount(), 2 * JobReader::defaultPageSize);
    EXPECT_EQ(model.index(250, ui::ProductTableModel::Title).data().toString(),
              QStringLiteral("Product 000250"));
    EXPECT_EQ(model.index(250, ui::ProductTableModel::LowestConfidence).data().toString(),
              QStringLiteral("50%"));

    // Sorting is the database's: the least sure products of all 1000 come first.
    model.sort(ui::ProductTableModel::LowestConfidence, Qt::AscendingOrder);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return model.rowCount() > 0 && !model.isLoading(); }, patient));
    for (int row = 0; row < 10; ++row)
        EXPECT_EQ(model.index(row, ui::ProductTableModel::LowestConfidence).data().toString(),
                  QStringLiteral("0%"));
}

TEST_F(BigJob, ProductTablePassesTheModelTesterThroughPagingSortingAndDecisions) {
    make(450);
    ui::ProductTableModel model(JobReader(db.config()), nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    // Asks for more until everything is in, as a view scrolled to the bottom would.
    const auto scrolledToTheEnd = [&model] {
        if (model.canFetchMore({}))
            model.fetchMore({});
        return model.rowCount() == 450 && !model.isLoading();
    };
    model.setQuery({jobId, ProductFilter::All, ProductOrder::Position, false});
    ASSERT_TRUE(QTest::qWaitFor(scrolledToTheEnd, patient)) << model.rowCount();
    model.sort(ui::ProductTableModel::Title, Qt::DescendingOrder);
    ASSERT_TRUE(QTest::qWaitFor(scrolledToTheEnd, patient));
    EXPECT_EQ(model.index(0, ui::ProductTableModel::Title).data().toString(),
              QStringLiteral("Product 000449"));

    // A refresh after decisions keeps the rows in place and shows the new states.
    ReviewService review(*writer);
    ApprovalSelection two{ApprovalSelection::Kind::Products,
                          {model.index(0, 0).data(ui::ProductTableModel::ProductIdRole).toString(),
                           model.index(1, 0).data(ui::ProductTableModel::ProductIdRole).toString()},
                          0};
    ASSERT_TRUE(await(review.approve(jobId, two, std::nullopt, QStringLiteral("test"))).ok());
    model.refresh();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return model.index(1, ui::ProductTableModel::Review).data().toString() ==
                   reviewText(ReviewState::Approved);
        },
        patient));
    EXPECT_EQ(model.rowCount(), 450);

    // Filtered by the database too: only the approved ones.
    model.setQuery({jobId, ProductFilter::Approved, ProductOrder::Position, false});
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return model.totalCount() == 2 && model.rowCount() == 2 && !model.isLoading(); },
        patient));
    model.setQuery({jobId, ProductFilter::Conflicts, ProductOrder::Position, false});
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return model.totalCount() == 0 && !model.isLoading(); }, patient));
    EXPECT_EQ(model.rowCount(), 0);
}

TEST_F(BigJob, ApproveAtOrAboveCountsWhatTheReviewServiceApproves) {
    make(300);
    auto overview = await(JobReader(db.config()).inBackground(&JobReader::confidence, jobId));
    ASSERT_TRUE(overview.ok());
    EXPECT_EQ(overview->totalSuggestions(), 300);
    EXPECT_EQ(overview->suggestionBins[7], 30); // 0.70 … 0.79, three times over
    for (double threshold : {0.0, 0.07, 0.5, 0.7, 0.99, 1.0})
        EXPECT_EQ(overview->pendingAtOrAbove(threshold),
                  qint64(3 * (100 - std::lround(threshold * 100))))
            << threshold;

    const qint64 promised = overview->pendingAtOrAbove(0.7);
    ReviewService review(*writer);
    ApprovalSelection above{ApprovalSelection::Kind::MinConfidence, {}, 0.7};
    auto approved = await(review.approve(jobId, above, std::nullopt, QStringLiteral("test")));
    ASSERT_TRUE(approved.ok());
    EXPECT_EQ(approved.value(), promised);
    EXPECT_EQ(await(JobReader(db.config()).inBackground(&JobReader::confidence, jobId))
                  ->pendingAtOrAbove(0.7),
              0);
    EXPECT_EQ(await(JobReader(db.config()).inBackground(&JobReader::queuedSyncs)).value(),
              promised);
}

TEST(SecretField, ShowsEnoughToRecogniseASecretButNeverTheSecret) {
    EXPECT_EQ(ui::SecretField::masked(QStringLiteral("shpat_0123456789abcdef1234")),
              QStringLiteral("shpat_…1234"));
    EXPECT_EQ(ui::SecretField::masked(QStringLiteral("sk-abcdefghijklmnopWXYZ")),
              QStringLiteral("…WXYZ"));
    EXPECT_EQ(ui::SecretField::masked(QStringLiteral("short")), QStringLiteral("…"));
}

// The sync panel as staff use it, keyboard alone: Alt+S from a job opens its queue with the
// store's state and an estimate from the rate limit; Ctrl+Enter pushes; a product Shopify
// would refuse fails with the reason in its row; Ctrl+R retries it once fixed. Offline,
// approvals wait as Ready to sync and go out on their own when the store answers again —
// or wait for Sync now, if Settings say so.
#include "desktopfixture.h"
#include "jobview/jobviewpanel.h"
#include "jobview/producttablemodel.h"
#include "pipeline/reviewservice.h"
#include "server/faults.h"
#include "shopify/store.h"
#include "statusbarcontroller.h"
#include "sync/syncpanel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDialog>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>

using namespace tagdesk;
using namespace tagdesk::test;

namespace {

class SyncPanelFlow : public DesktopFixture {
protected:
    // A job over the demo store writing tags, run until its products wait for review.
    void runJob() {
        NewJob n;
        n.name = QStringLiteral("Sync queue");
        n.destinations = Destination::Tags;
        jobId = jobs->create(n).result().value().id;
        openWindow();
        window->activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
        runUntilReview(jobId);
        productIds = JobReader(db.config()).productIds({jobId}).value();
        ASSERT_GE(productIds.size(), 3);
    }

    void approve(const QStringList &ids) {
        ApprovalSelection chosen{ApprovalSelection::Kind::Products, ids, 0};
        ASSERT_TRUE(ReviewService(*writer)
                        .approve(jobId, chosen, std::nullopt, QStringLiteral("Ann"))
                        .result()
                        .ok());
        window->jobList()->reload();
    }

    // Alt+S in the job view, as a person would: the job's sync window.
    ui::SyncPanel *openSyncByKeyboard() {
        window->openJob(jobId);
        focusOn(window->jobView()->view());
        press(Qt::Key_S, Qt::AltModifier);
        QDialog *opened = nullptr;
        if (!QTest::qWaitFor(
                [&] {
                    return (opened = window->findChild<QDialog *>(QStringLiteral("syncWindow"))) &&
                           opened->isVisible();
                },
                patientMs))
            return nullptr;
        auto *panel = opened->findChild<ui::SyncPanel *>();
        tester = std::make_unique<QAbstractItemModelTester>(
            panel->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        return panel;
    }

    // The store stops answering (every connection is dropped) once the window saw it online,
    // and the status bar has noticed.
    void takeTheStoreOffline() {
        ui::StatusBarController *connection = window->statusBarController();
        ASSERT_TRUE(QTest::qWaitFor([&] { return connection->online() == true; }, patientMs));
        sandbox::FaultPlan offline;
        offline.services[QStringLiteral("shopify")].dropRate = 1.0;
        server->setFaults(offline);
        connection->checkConnection();
        ASSERT_TRUE(QTest::qWaitFor([&] { return connection->online() == false; }, patientMs));
    }

    bool queueShows(ui::SyncPanel *panel, int rows) {
        return QTest::qWaitFor(
            [&] {
                return !panel->model()->isLoading() && panel->model()->rowCount() == rows &&
                       panel->model()->totalCount() == rows;
            },
            patientMs);
    }

    QString cell(ui::SyncPanel *panel, int row, int column) const {
        return panel->model()->index(row, column).data().toString();
    }

    bool storeHasColourTag(const QString &productId) const {
        const sandbox::StoreProduct *p = server->store().product(productId);
        return p && std::any_of(p->tags.begin(), p->tags.end(), [](const QString &t) {
                   return t.startsWith(QLatin1String("colour:"));
               });
    }

    qint64 jobId = 0;
    QStringList productIds;
    std::unique_ptr<QAbstractItemModelTester> tester;
};

} // namespace

TEST_F(SyncPanelFlow, PushesByKeyboardShowsShopifysReasonAndRetriesOnceFixed) {
    runJob();
    const QString bad = productIds.at(0);
    // A value Shopify would refuse: a tag cannot hold a comma.
    ASSERT_TRUE(ReviewService(*writer)
                    .decide(jobId, bad,
                            {QStringLiteral("colour"),
                             AttributeDecision::Verdict::Edited,
                             QStringLiteral("navy, white"),
                             {}},
                            QStringLiteral("Ann"))
                    .result()
                    .ok());
    approve(productIds.mid(0, 3));

    ui::SyncPanel *panel = openSyncByKeyboard();
    ASSERT_NE(panel, nullptr) << "Alt+S opened no sync window";
    ASSERT_TRUE(queueShows(panel, 3));
    EXPECT_EQ(cell(panel, 0, ui::ProductTableModel::Sync), syncText(SyncState::Queued));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return panel->statusLabel()->text().contains(QStringLiteral("answers")); },
        patientMs))
        << panel->statusLabel()->text().toStdString();
    // The status bar asked the store who we are: its rate limit is known.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return panel->estimateLabel()->text().contains(QStringLiteral("rate limit (")); },
        patientMs))
        << panel->estimateLabel()->text().toStdString();
    EXPECT_TRUE(panel->estimateLabel()->text().contains(QStringLiteral("150")))
        << "3 products × (2 reads × 20 + 1 mutation × 10) points: "
        << panel->estimateLabel()->text().toStdString();
    EXPECT_FALSE(panel->retryAction()->isEnabled()) << "nothing failed yet";

    QSignalSpy synced(panel, &ui::SyncPanel::synced);
    focusOn(panel->view());
    press(Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(QTest::qWaitFor([&] { return synced.count() == 1; }, patientMs));
    ASSERT_TRUE(queueShows(panel, 1)) << "the two good products left the queue";
    EXPECT_EQ(panel->model()->rowAt(0)->productId, bad);
    EXPECT_EQ(cell(panel, 0, ui::ProductTableModel::Sync), syncText(SyncState::Failed));
    EXPECT_TRUE(cell(panel, 0, ui::ProductTableModel::Message).contains(QStringLiteral("comma")))
        << cell(panel, 0, ui::ProductTableModel::Message).toStdString();
    EXPECT_TRUE(storeHasColourTag(productIds.at(1)));
    EXPECT_FALSE(storeHasColourTag(bad));
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel->retryAction()->isEnabled(); }, patientMs));
    if (auto *box = window->findChild<QWidget *>(QStringLiteral("problemMessage")))
        box->close(); // the sync's report

    // Fixed in the review (one colour), then retried from the queue: the selected row.
    ASSERT_TRUE(ReviewService(*writer)
                    .decide(jobId, bad,
                            {QStringLiteral("colour"),
                             AttributeDecision::Verdict::Edited,
                             QStringLiteral("navy"),
                             {}},
                            QStringLiteral("Ann"))
                    .result()
                    .ok());
    focusOn(panel->view());
    panel->view()->selectRow(0);
    EXPECT_EQ(panel->findChild<QPushButton *>(QStringLiteral("retryActionButton"))->text(),
              QStringLiteral("&Retry 1 selected"));
    press(Qt::Key_R, Qt::ControlModifier);
    ASSERT_TRUE(QTest::qWaitFor([&] { return synced.count() == 2; }, patientMs));
    ASSERT_TRUE(queueShows(panel, 0));
    EXPECT_TRUE(storeHasColourTag(bad));
    EXPECT_FALSE(panel->syncNowAction()->isEnabled()) << "nothing waits any more";
    EXPECT_TRUE(panel->estimateLabel()->text().contains(QStringLiteral("Nothing waits")));
}

TEST_F(SyncPanelFlow, OfflineApprovalsWaitAndGoOutWhenTheStoreAnswersAgain) {
    runJob();
    ui::StatusBarController *connection = window->statusBarController();
    takeTheStoreOffline();

    approve(productIds.mid(0, 2));
    ui::SyncPanel *panel = openSyncByKeyboard();
    ASSERT_NE(panel, nullptr);
    ASSERT_TRUE(queueShows(panel, 2));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return panel->statusLabel()->text().contains(QStringLiteral("Ready to sync")); },
        patientMs))
        << panel->statusLabel()->text().toStdString();
    EXPECT_TRUE(panel->statusLabel()->text().contains(QStringLiteral("cannot be reached")));
    EXPECT_EQ(cell(panel, 0, ui::ProductTableModel::Sync), syncText(SyncState::Queued));

    // It answers again: the queue goes out without anyone pressing Sync now.
    QSignalSpy synced(panel, &ui::SyncPanel::synced);
    server->setFaults({});
    connection->checkConnection();
    ASSERT_TRUE(QTest::qWaitFor([&] { return synced.count() == 1; }, patientMs));
    ASSERT_TRUE(queueShows(panel, 0));
    EXPECT_TRUE(storeHasColourTag(productIds.at(0)));
    EXPECT_TRUE(storeHasColourTag(productIds.at(1)));
}

TEST_F(SyncPanelFlow, OnDemandApprovalsWaitForSyncNowWhenTheStoreAnswersAgain) {
    Preferences onDemand;
    onDemand.syncWhenOnline = false;
    TaggerSettings taggers = TaggerSettings::defaults();
    account = std::make_unique<FixedAccount>(
        FixedAccount::Values{QStringLiteral("Demo store"), server->baseUrl(),
                             sandbox::ShopifyConfig().token, taggers, images.path(), true},
        onDemand);
    runJob();
    ui::StatusBarController *connection = window->statusBarController();
    takeTheStoreOffline();
    approve(productIds.mid(0, 1));
    ui::SyncPanel *panel = openSyncByKeyboard();
    ASSERT_NE(panel, nullptr);
    ASSERT_TRUE(queueShows(panel, 1));
    EXPECT_TRUE(panel->findChild<QLabel *>(QStringLiteral("syncMode"))
                    ->text()
                    .contains(QStringLiteral("wait for Sync now")));

    QSignalSpy back(connection, &ui::StatusBarController::backOnline);
    server->setFaults({});
    connection->checkConnection();
    ASSERT_TRUE(QTest::qWaitFor([&] { return back.count() == 1; }, patientMs));
    QTest::qWait(500); // time for a sync that must not start
    EXPECT_FALSE(window->workHost()->isBusy(jobId));
    EXPECT_EQ(panel->model()->rowCount(), 1) << "still waiting for Sync now";
    EXPECT_FALSE(storeHasColourTag(productIds.at(0)));
    EXPECT_TRUE(panel->syncNowAction()->isEnabled());
}

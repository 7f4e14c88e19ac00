// Sync now and Export CSV from the job list, as a user drives them: a job analysed in the
// window, approved, pushed to the sandbox store (progress in its row, "Ready to sync" →
// "Complete"), then exported to a spreadsheet.
#include "desktopfixture.h"
#include "joblist/jobactions.h"
#include "joblist/joblistpanel.h"
#include "joblist/jobtablemodel.h"
#include "joblist/syncactions.h"
#include "pipeline/reviewservice.h"
#include "shopify/store.h"

#include <QAction>
#include <QFile>
#include <QSignalSpy>
#include <QTableView>

using namespace tagdesk;
using namespace tagdesk::test;

namespace {
QString status(QTableView *view) {
    return view->model()->index(0, ui::JobTableModel::Status).data().toString();
}
} // namespace

TEST_F(DesktopFixture, SyncNowPushesTheApprovedProductsAndExportWritesTheJob) {
    NewJob n;
    n.name = QStringLiteral("Sync me");
    n.destinations = Destinations(Destination::Tags) | Destination::AltText;
    const qint64 id = jobs->create(n).result().value().id;
    openWindow();
    auto *jobTable = window->findChild<QTableView *>(QStringLiteral("jobTable"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return jobTable->model()->rowCount() == 1; }, patientMs));
    window->jobList()->selectJob(id);
    ui::SyncActions *sync = window->syncActions();
    EXPECT_FALSE(sync->sync()->isEnabled()) << "nothing approved yet";
    EXPECT_TRUE(sync->exportCsv()->isEnabled());

    window->jobActions()->runJob(id, TaggerKind::Local);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return status(jobTable) == QStringLiteral("Review"); }, patientMs))
        << status(jobTable).toStdString();
    ASSERT_TRUE(
        ReviewService(*writer).approve(id, {}, std::nullopt, QStringLiteral("Ann")).result().ok());
    window->jobList()->reload();
    ASSERT_TRUE(QTest::qWaitFor([&] { return status(jobTable) == QStringLiteral("Ready to sync"); },
                                patientMs));
    window->jobList()->selectJob(id);
    ASSERT_TRUE(QTest::qWaitFor([&] { return sync->sync()->isEnabled(); }, patientMs));

    QSignalSpy synced(sync, &ui::SyncActions::synced);
    bool progressShown = false;
    QObject::connect(jobTable->model(), &QAbstractItemModel::dataChanged, window.get(), [&] {
        progressShown = progressShown || jobTable->model()
                                             ->index(0, ui::JobTableModel::Progress)
                                             .data(ui::JobTableModel::ProgressRole)
                                             .isValid();
    });
    sync->sync()->trigger();
    EXPECT_FALSE(sync->sync()->isEnabled()) << "one sync at a time";
    ASSERT_TRUE(QTest::qWaitFor([&] { return synced.count() == 1; }, patientMs));
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return status(jobTable) == QStringLiteral("Complete"); }, patientMs))
        << status(jobTable).toStdString();
    EXPECT_TRUE(progressShown);

    // The store has Tagdesk's tags now.
    int tagged = 0;
    for (qsizetype i = 0; i < server->store().productCount(); ++i) {
        for (const QString &tag : server->store().productAt(i).tags)
            tagged += tag.startsWith(QLatin1String("colour:")) ? 1 : 0;
    }
    EXPECT_GE(tagged, 50);

    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("sync-me.csv"));
    sync->setPathChooser([&](const QString &suggested) {
        EXPECT_TRUE(suggested.endsWith(QStringLiteral("Sync me.csv"))) << suggested.toStdString();
        return path;
    });
    QSignalSpy exported(sync, &ui::SyncActions::exported);
    sync->exportCsv()->trigger();
    ASSERT_TRUE(QTest::qWaitFor([&] { return exported.count() == 1; }, patientMs));
    QFile csv(path);
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
    EXPECT_TRUE(
        csv.readLine().startsWith("\xEF\xBB\xBFURL handle,Title,Tags,Type,Product category"));
}

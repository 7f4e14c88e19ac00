// The store a job belongs to, as the job list shows it: nothing until the job has talked
// to a store, then the store of its first run; a run whose token cannot write what the job
// writes says so in the status bar as it starts.
#include "desktopfixture.h"
#include "joblist/jobactions.h"
#include "joblist/joblistpanel.h"
#include "joblist/jobtablemodel.h"

#include <QStatusBar>
#include <QTableView>

using namespace tagdesk;
using namespace tagdesk::test;

namespace {
class JobStore : public DesktopFixture {
protected:
    QString storeCell(qint64 jobId, int role = Qt::DisplayRole) const {
        ui::JobTableModel *model = window->jobList()->model();
        return model->index(model->rowOf(jobId), ui::JobTableModel::Store).data(role).toString();
    }
};
} // namespace

TEST_F(JobStore, TheJobListShowsTheStoreOfTheJobsFirstRun) {
    NewJob n;
    n.name = QStringLiteral("Bound");
    const qint64 id = jobs->create(n).result().value().id;
    openWindow();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return window->jobList()->model()->rowOf(id) >= 0; }, patientMs));
    EXPECT_EQ(storeCell(id), QStringLiteral("–"));
    EXPECT_TRUE(storeCell(id, Qt::ToolTipRole).contains(QStringLiteral("Not bound")));

    runUntilReview(id);
    window->jobList()->reload();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return storeCell(id) == QStringLiteral("tagdesk-sandbox.myshopify.com"); },
        patientMs))
        << storeCell(id).toStdString();
    EXPECT_EQ(storeCell(id, Qt::ToolTipRole),
              QStringLiteral("tagdesk-sandbox.myshopify.com (gid://shopify/Shop/1)"));
}

TEST_F(JobStore, ARunWhoseTokenCannotWriteAltTextSaysSoAsItStarts) {
    account = std::make_unique<FixedAccount>(
        FixedAccount::Values{QStringLiteral("Own store"), server->baseUrl(), noFilesToken,
                             TaggerSettings::defaults(), images.path(), false});
    NewJob n;
    n.name = QStringLiteral("Alt text");
    n.destinations = Destinations(Destination::Tags) | Destination::AltText;
    const qint64 id = jobs->create(n).result().value().id;
    openWindow();
    QStringList shown;
    QObject::connect(window->statusBar(), &QStatusBar::messageChanged, window.get(),
                     [&](const QString &text) { shown << text; });
    runUntilReview(id);
    EXPECT_TRUE(shown.filter(QStringLiteral("lacks write_files")).size() == 1)
        << shown.join(QLatin1Char('\n')).toStdString();
}

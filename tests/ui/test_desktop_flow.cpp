// The desktop window end to end, as a user drives it, against the sandbox store in this
// process: create a job in the New job dialog (with the live product count), run it
// (progress in the job's row, Processing → Review), open it, pick products with
// Ctrl+click and approve them, archive the job and find it under "Show archived".
#include "desktopfixture.h"
#include "dialogs/newjobdialog.h"
#include "joblist/jobactions.h"
#include "joblist/joblistpanel.h"
#include "joblist/jobtablemodel.h"
#include "jobview/jobviewpanel.h"
#include "jobview/producttablemodel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabBar>
#include <QTableView>

using namespace tagdesk;
using namespace tagdesk::test;

namespace {

QString cell(QTableView *view, int row, int column, int role = Qt::DisplayRole) {
    return view->model()->index(row, column).data(role).toString();
}

void ctrlClickRow(QTableView *view, int row) {
    const QRect rect = view->visualRect(view->model()->index(row, 1));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier, rect.center());
}

} // namespace

class DesktopFlow : public DesktopFixture {
protected:
    // A job made by the service (not the dialog), listed in a new window.
    qint64 createJobAndOpenWindow(const QString &name) {
        NewJob n;
        n.name = name;
        const qint64 id = jobs->create(n).result().value().id;
        openWindow();
        auto *jobTable = window->findChild<QTableView *>(QStringLiteral("jobTable"));
        EXPECT_TRUE(QTest::qWaitFor([&] { return jobTable->model()->rowCount() == 1; }, patientMs));
        return id;
    }
};

TEST_F(DesktopFlow, CreateRunOpenApproveArchive) {
    // Images that take a moment to arrive, as from a real store's CDN: the run stays
    // "Processing" long enough for the list to show it (the sandbox alone is too quick).
    // The list reloads 1.5 s after a run's progress; with four products going at once
    // (the fixture's two analyses, twice over) the run takes about 2.5 s.
    sandbox::FaultPlan slowImages;
    ASSERT_TRUE(slowImages.addFlag(QStringLiteral("images:latency=150-200")).ok());
    server->setFaults(slowImages);
    openWindow();
    auto *jobTable = window->findChild<QTableView *>(QStringLiteral("jobTable"));

    // New job: the dialog counts the store's active products while the user types.
    window->newJobAction()->trigger();
    ui::NewJobDialog *dialog = nullptr;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return (dialog = window->findChild<ui::NewJobDialog *>()) && dialog->isVisible(); },
        patientMs));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("jobName")),
                     QStringLiteral("Summer"));
    auto *count = dialog->findChild<QLabel *>(QStringLiteral("productCount"));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return count->text().endsWith(QStringLiteral("products")) &&
                   count->text().at(0).isDigit();
        },
        patientMs))
        << count->text().toStdString();
    const int products = count->text().section(QLatin1Char(' '), 0, 0).toInt();
    EXPECT_GT(products, 10);
    auto *createAndRun = dialog->findChild<QPushButton *>(QStringLiteral("createAndRun"));
    ASSERT_TRUE(createAndRun->isEnabled());
    // Where approved values go: tags and metafields unless told otherwise; add alt text.
    auto *saveToAlt = dialog->findChild<QCheckBox *>(QStringLiteral("saveTo_alt"));
    ASSERT_NE(saveToAlt, nullptr);
    EXPECT_TRUE(dialog->findChild<QCheckBox *>(QStringLiteral("saveTo_tags"))->isChecked());
    EXPECT_FALSE(saveToAlt->isChecked());
    QTest::mouseClick(saveToAlt, Qt::LeftButton);
    EXPECT_TRUE(saveToAlt->isChecked());

    // Watch the job's row as the user would: the status text and the progress column.
    QStringList statusesSeen;
    QSet<QString> progressSeen;
    QObject::connect(jobTable->model(), &QAbstractItemModel::dataChanged, window.get(), [&] {
        for (int row = 0; row < jobTable->model()->rowCount(); ++row) {
            const QString status = cell(jobTable, row, ui::JobTableModel::Status);
            if (statusesSeen.isEmpty() || statusesSeen.last() != status)
                statusesSeen << status;
            const QVariant bar = jobTable->model()
                                     ->index(row, ui::JobTableModel::Progress)
                                     .data(ui::JobTableModel::ProgressRole);
            if (bar.isValid())
                progressSeen << cell(jobTable, row, ui::JobTableModel::Progress);
        }
    });
    QTest::mouseClick(createAndRun, Qt::LeftButton);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return !JobReader(db.config()).jobs(false)->isEmpty(); }, patientMs));
    EXPECT_EQ(JobReader(db.config()).jobs(false)->first().job.destinations,
              Destinations(Destination::Tags) | Destination::Metafields | Destination::AltText);

    ASSERT_TRUE(QTest::qWaitFor([&] { return jobTable->model()->rowCount() == 1; }, patientMs));
    EXPECT_EQ(cell(jobTable, 0, ui::JobTableModel::Name), QStringLiteral("Summer"));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return cell(jobTable, 0, ui::JobTableModel::Status) == QStringLiteral("Review") &&
                   !jobTable->model()
                        ->index(0, ui::JobTableModel::Progress)
                        .data(ui::JobTableModel::ProgressRole)
                        .isValid();
        },
        patientMs))
        << cell(jobTable, 0, ui::JobTableModel::Status).toStdString();
    EXPECT_TRUE(statusesSeen.contains(QStringLiteral("Processing")))
        << statusesSeen.join(QStringLiteral(", ")).toStdString();
    EXPECT_GE(progressSeen.size(), 3) << "the progress bar moved through several steps";
    EXPECT_EQ(cell(jobTable, 0, ui::JobTableModel::Products), QString::number(products));

    // Open it with Enter.
    window->jobList()->selectJob(
        jobTable->model()->index(0, 0).data(ui::JobTableModel::JobIdRole).toLongLong());
    jobTable->setFocus();
    QTest::keyClick(jobTable, Qt::Key_Return);
    auto *pages = window->findChild<QStackedWidget *>();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return pages->currentWidget() == window->jobView(); }, patientMs));
    QTableView *productTable = window->jobView()->view();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return productTable->model()->rowCount() == products; }, patientMs));
    EXPECT_EQ(cell(productTable, 0, ui::ProductTableModel::Review), QStringLiteral("Needs review"));
    EXPECT_NE(cell(productTable, 0, ui::ProductTableModel::LowestConfidence), QStringLiteral("–"));

    // Ctrl+click two products, approve them.
    ctrlClickRow(productTable, 0);
    ctrlClickRow(productTable, 2);
    auto *selection = window->jobView()->findChild<QLabel *>(QStringLiteral("selectionSummary"));
    EXPECT_TRUE(selection->text().startsWith(QStringLiteral("2 of ")))
        << selection->text().toStdString();
    auto *approve = window->jobView()->findChild<QPushButton *>(QStringLiteral("approveSelected"));
    ASSERT_TRUE(approve->isEnabled());
    QTest::mouseClick(approve, Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return cell(productTable, 0, ui::ProductTableModel::Review) ==
                       QStringLiteral("Approved") &&
                   cell(productTable, 2, ui::ProductTableModel::Review) ==
                       QStringLiteral("Approved");
        },
        patientMs));
    EXPECT_EQ(cell(productTable, 1, ui::ProductTableModel::Review), QStringLiteral("Needs review"));
    EXPECT_EQ(cell(productTable, 0, ui::ProductTableModel::Sync),
              QStringLiteral("Waiting to sync"));

    // The Approved filter lists exactly those two.
    auto *filters = window->jobView()->findChild<QTabBar *>(QStringLiteral("productFilter"));
    filters->setCurrentIndex(2);
    ASSERT_TRUE(QTest::qWaitFor([&] { return productTable->model()->rowCount() == 2; }, patientMs));

    // Back to the list: the row counts the decisions; archive it, then find it again.
    QTest::mouseClick(window->jobView()->findChild<QWidget *>(QStringLiteral("backToJobs")),
                      Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            // Of the products that could be analysed (a product without a picture cannot).
            return cell(jobTable, 0, ui::JobTableModel::Reviewed)
                .startsWith(QStringLiteral("2 / "));
        },
        patientMs))
        << cell(jobTable, 0, ui::JobTableModel::Reviewed).toStdString();
    ASSERT_TRUE(window->archiveAction()->isEnabled());
    window->archiveAction()->trigger();
    ASSERT_TRUE(QTest::qWaitFor([&] { return jobTable->model()->rowCount() == 0; }, patientMs));
    QTest::mouseClick(window->findChild<QCheckBox *>(QStringLiteral("showArchived")),
                      Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return jobTable->model()->rowCount() == 1; }, patientMs));
    EXPECT_EQ(cell(jobTable, 0, ui::JobTableModel::Name), QStringLiteral("Summer"));
}

TEST_F(DesktopFlow, ApproveAtOrAboveSaysHowManyAndApprovesThatMany) {
    const qint64 id = createJobAndOpenWindow(QStringLiteral("Threshold"));
    auto *jobTable = window->findChild<QTableView *>(QStringLiteral("jobTable"));
    window->jobActions()->runJob(id, TaggerKind::Local);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return cell(jobTable, 0, ui::JobTableModel::Status) == QStringLiteral("Review") &&
                   !window->jobList()->model()->hasProgress(id);
        },
        patientMs));
    window->openJob(id);

    auto *threshold =
        window->jobView()->findChild<QSpinBox *>(QStringLiteral("confidenceThreshold"));
    auto *approveAbove =
        window->jobView()->findChild<QPushButton *>(QStringLiteral("approveAtOrAbove"));
    // At 0 % every analysed product with suggestions qualifies.
    threshold->setValue(0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return approveAbove->isEnabled(); }, patientMs))
        << approveAbove->text().toStdString();
    const QString all = approveAbove->text();
    threshold->setValue(100);
    EXPECT_NE(approveAbove->text(), all) << "the count follows the threshold";
    threshold->setValue(50);
    const int promised = approveAbove->text().section(QLatin1Char(' '), 1, 1).toInt();
    ASSERT_GT(promised, 0) << approveAbove->text().toStdString();

    QTest::mouseClick(approveAbove, Qt::LeftButton);
    auto *filters = window->jobView()->findChild<QTabBar *>(QStringLiteral("productFilter"));
    filters->setCurrentIndex(2); // Approved
    QTableView *productTable = window->jobView()->view();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            auto *model = qobject_cast<ui::ProductTableModel *>(productTable->model());
            return model->query().filter == ProductFilter::Approved && !model->isLoading() &&
                   model->totalCount() == promised;
        },
        patientMs))
        << "approved " << productTable->model()->rowCount() << ", promised " << promised;
    ASSERT_TRUE(QTest::qWaitFor([&] { return !approveAbove->isEnabled(); }, patientMs))
        << "nothing left at or above 50 %: " << approveAbove->text().toStdString();
}

TEST_F(DesktopFlow, CancelStopsTheRunAndResumeFinishesIt) {
    const qint64 id = createJobAndOpenWindow(QStringLiteral("Stop and go"));
    auto *jobTable = window->findChild<QTableView *>(QStringLiteral("jobTable"));
    window->jobList()->selectJob(id);
    ui::JobActions *actions = window->jobActions();
    ASSERT_TRUE(actions->run()->isEnabled());
    EXPECT_FALSE(actions->cancel()->isEnabled()) << "nothing to cancel yet";

    // Cancelled at once: nothing was listed, and the job can run again.
    actions->run()->trigger();
    ASSERT_TRUE(actions->cancel()->isEnabled());
    actions->cancel()->trigger();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return !window->jobList()->model()->hasProgress(id); }, patientMs));
    ASSERT_TRUE(QTest::qWaitFor([&] { return actions->run()->isEnabled(); }, patientMs));
    EXPECT_EQ(cell(jobTable, 0, ui::JobTableModel::Status), QStringLiteral("Created"));
    EXPECT_FALSE(window->findChild<QMessageBox *>(QStringLiteral("problemMessage")))
        << "a cancel the user asked for is not reported as a problem";

    // Cancelled mid-run: it stops (not Processing any more), and Resume finishes the job.
    actions->run()->trigger();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return cell(jobTable, 0, ui::JobTableModel::Progress)
                .startsWith(QStringLiteral("Analysing"));
        },
        patientMs));
    actions->cancel()->trigger();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return !window->jobList()->model()->hasProgress(id); }, patientMs));
    // The list is read again after the run: what it stored shows.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return cell(jobTable, 0, ui::JobTableModel::Products) != QStringLiteral("0") &&
                   cell(jobTable, 0, ui::JobTableModel::Status) != QStringLiteral("Processing");
        },
        patientMs));
    if (actions->run()->isEnabled()) { // unless the last products were done as it cancelled
        EXPECT_EQ(actions->run()->text(), QStringLiteral("&Resume"));
        actions->run()->trigger();
    }
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return cell(jobTable, 0, ui::JobTableModel::Status) == QStringLiteral("Review") &&
                   !window->jobList()->model()->hasProgress(id) && !actions->run()->isEnabled();
        },
        patientMs))
        << cell(jobTable, 0, ui::JobTableModel::Status).toStdString();
}

// Every image takes a second to arrive: a run lasts long enough to be watched.
class SlowImages : public DesktopFlow {
protected:
    SlowImages() {
        EXPECT_TRUE(sandboxConfig.faults.addFlag(QStringLiteral("images:latency=1000-1000")).ok());
    }
};

// A job opened while it runs shows its products as the run lists and analyses them, not
// "no products yet" until the run ends (as `tagdesk --run` showed it).
TEST_F(SlowImages, AJobOpenWhileItRunsShowsItsProductsAsTheyComeIn) {
    const qint64 id = createJobAndOpenWindow(QStringLiteral("Watched"));
    window->jobList()->selectJob(id);
    ui::JobActions *actions = window->jobActions();
    actions->run()->trigger();
    actions->open()->trigger();
    auto *view = window->findChild<ui::JobViewPanel *>();
    ASSERT_NE(view, nullptr);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return view->isVisible() && view->jobId() == id; }, patientMs));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return view->model()->rowCount() > 0 || !window->jobList()->model()->hasProgress(id);
        },
        patientMs));
    EXPECT_TRUE(window->jobList()->model()->hasProgress(id))
        << "the products showed only once the run had ended";
    EXPECT_GT(view->model()->rowCount(), 0);
}

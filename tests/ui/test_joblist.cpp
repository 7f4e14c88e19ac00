// The job list window driven through real widgets (offscreen): create a job with the
// dialog, see it listed, archive it, find it under "Show archived".
#include "dialogs/newjobdialog.h"
#include "joblist/joblistpanel.h"
#include "joblist/jobtablemodel.h"
#include "mainwindow.h"
#include "pipeline/jobservice.h"
#include "settings/account.h"
#include "storage/databasewriter.h"
#include "storage/schema.h"
#include "support/testdatabase.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace tagdesk;
using namespace tagdesk::test;

namespace {

JobSummary summary(qint64 id, const QString &name, JobStatus status) {
    JobSummary s;
    s.job.id = id;
    s.job.name = name;
    s.status = status;
    s.tally.total = 3;
    return s;
}

QStringList visibleNames(QTableView *view) {
    QStringList out;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        out << view->model()->index(row, ui::JobTableModel::Name).data().toString();
    out.sort();
    return out;
}

class JobListWindow : public ::testing::Test {
protected:
    void SetUp() override {
        reader = db.open();
        writer = DatabaseWriter::start(db.config()).value();
        jobs = std::make_unique<JobService>(*writer);
        // A store that is not there: the job list needs none.
        account = std::make_unique<FixedAccount>(
            FixedAccount::Values{QStringLiteral("Test store"), QStringLiteral("http://127.0.0.1:9"),
                                 QStringLiteral("shpat_test"), TaggerSettings::defaults(),
                                 db.folder() + QStringLiteral("/images"), true});
        window = std::make_unique<ui::MainWindow>(
            ui::AppContext{JobReader(db.config()), jobs.get(), writer.get(), account.get()});
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    }

    QTableView *table() const {
        return window->findChild<QTableView *>(QStringLiteral("jobTable"));
    }

    TempSqlite db;
    std::unique_ptr<Connection> reader;
    std::unique_ptr<DatabaseWriter> writer;
    std::unique_ptr<JobService> jobs;
    std::unique_ptr<Account> account;
    std::unique_ptr<ui::MainWindow> window;
};

} // namespace

TEST(JobTableModel, PassesTheModelTesterThroughUpdates) {
    ui::JobTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setJobs({summary(1, QStringLiteral("a"), JobStatus::Created),
                   summary(2, QStringLiteral("b"), JobStatus::Review)});
    model.setJobs({summary(2, QStringLiteral("b"), JobStatus::Complete),
                   summary(3, QStringLiteral("c"), JobStatus::Error)});
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.index(0, ui::JobTableModel::Status).data().toString(),
              QStringLiteral("Complete"));
    EXPECT_EQ(model.index(1, ui::JobTableModel::Name).data().toString(), QStringLiteral("c"));
    EXPECT_EQ(model.index(0, ui::JobTableModel::Reviewed).data().toString(),
              QStringLiteral("0 / 3"));
    model.setJobs({});
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(NewJobDialog, ExplainsWhatIsWrongAndOnlyThenAllowsCreate) {
    ui::NewJobDialog dialog(nullptr);
    dialog.show();
    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("jobName"));
    auto *kind = dialog.findChild<QComboBox *>(QStringLiteral("selectionKind"));
    auto *value = dialog.findChild<QLineEdit *>(QStringLiteral("selectionValue"));
    auto *problem = dialog.findChild<QLabel *>(QStringLiteral("problem"));
    auto *create = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    EXPECT_FALSE(create->isEnabled());
    QTest::keyClicks(name, QStringLiteral("Hats"));
    EXPECT_TRUE(create->isEnabled());
    kind->setCurrentIndex(2); // a collection
    EXPECT_FALSE(create->isEnabled());
    QTest::keyClicks(value, QStringLiteral("summer"));
    EXPECT_TRUE(problem->text().contains(QStringLiteral("'summer' is not a Shopify Collection id")))
        << problem->text().toStdString();
    value->clear();
    QTest::keyClicks(value, QStringLiteral("841564295"));
    EXPECT_TRUE(create->isEnabled());
    EXPECT_EQ(dialog.request().selection.collectionId,
              QStringLiteral("gid://shopify/Collection/841564295"));
}

TEST(NewJobDialog, OffersHowValuesAreWrittenAsJobsCreateDoes) {
    ui::NewJobDialog dialog(nullptr);
    dialog.show();
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("jobName")),
                     QStringLiteral("Hats"));
    auto *create = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    auto *problem = dialog.findChild<QLabel *>(QStringLiteral("problem"));
    auto *toggle = dialog.findChild<QToolButton *>(QStringLiteral("showWritingOptions"));
    auto *form = dialog.findChild<QWidget *>(QStringLiteral("writeSettings"));
    EXPECT_FALSE(form->isVisible()) << "folded away: Settings' templates apply";
    toggle->click();
    EXPECT_TRUE(form->isVisible());
    auto *tags = dialog.findChild<QLineEdit *>(QStringLiteral("writeTagTemplate"));
    tags->setText(QStringLiteral("{attribute}"));
    EXPECT_FALSE(create->isEnabled());
    EXPECT_TRUE(problem->text().contains(QStringLiteral("{value}")))
        << problem->text().toStdString();
    tags->setText(QStringLiteral("ai-{attribute}-{value}"));
    dialog.findChild<QLineEdit *>(QStringLiteral("writeRemoveTags"))
        ->setText(QStringLiteral("needs-tagging, todo"));
    dialog.findChild<QLineEdit *>(QStringLiteral("writeMetafieldTypes"))
        ->setText(QStringLiteral("colour=list.single_line_text_field"));
    dialog.findChild<QCheckBox *>(QStringLiteral("writeOnlyEmpty"))->setChecked(true);
    EXPECT_TRUE(create->isEnabled()) << problem->text().toStdString();

    const NewJob request = dialog.request();
    EXPECT_EQ(request.writing.tagTemplate, QStringLiteral("ai-{attribute}-{value}"));
    EXPECT_EQ(request.writing.removeTags,
              (QStringList{QStringLiteral("needs-tagging"), QStringLiteral("todo")}));
    EXPECT_EQ(request.writing.metafieldTypeFor(QStringLiteral("colour")),
              QStringLiteral("list.single_line_text_field"));
    EXPECT_TRUE(request.writing.onlyFillEmpty);
}

TEST_F(JobListWindow, CreateAJobThroughTheDialogAndSeeItListedAsCreated) {
    window->newJobAction()->trigger();
    ui::NewJobDialog *dialog = nullptr;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return (dialog = window->findChild<ui::NewJobDialog *>()) && dialog->isVisible(); }));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("jobName")),
                     QStringLiteral("Spring dresses"));
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);

    ASSERT_TRUE(QTest::qWaitFor([&] { return table()->model()->rowCount() == 1; }));
    EXPECT_EQ(table()->model()->index(0, ui::JobTableModel::Name).data().toString(),
              QStringLiteral("Spring dresses"));
    EXPECT_EQ(table()->model()->index(0, ui::JobTableModel::Status).data().toString(),
              QStringLiteral("Created"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return window->jobList()->currentJob().has_value(); }))
        << "the new job is selected";
}

TEST_F(JobListWindow, ArchiveHidesTheJobAndShowArchivedBringsItBack) {
    NewJob a;
    a.name = QStringLiteral("Autumn");
    NewJob b;
    b.name = QStringLiteral("Winter");
    const qint64 autumn = jobs->create(a).result().value().id;
    ASSERT_TRUE(jobs->create(b).result().ok());
    window->jobList()->reload();
    ASSERT_TRUE(QTest::qWaitFor([&] { return table()->model()->rowCount() == 2; }));

    window->jobList()->selectJob(autumn);
    ASSERT_TRUE(window->archiveAction()->isEnabled());
    window->archiveAction()->trigger();
    ASSERT_TRUE(QTest::qWaitFor([&] { return table()->model()->rowCount() == 1; }));
    EXPECT_EQ(visibleNames(table()), QStringList{QStringLiteral("Winter")});

    QTest::mouseClick(window->findChild<QCheckBox *>(QStringLiteral("showArchived")),
                      Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return visibleNames(table()) == QStringList{QStringLiteral("Autumn")}; }));
}

TEST_F(JobListWindow, FilterBoxNarrowsTheList) {
    for (const char *name : {"Summer dresses", "Hats", "Summer shoes"}) {
        NewJob n;
        n.name = QLatin1String(name);
        ASSERT_TRUE(jobs->create(n).result().ok());
    }
    window->jobList()->reload();
    ASSERT_TRUE(QTest::qWaitFor([&] { return table()->model()->rowCount() == 3; }));
    auto *filter = window->findChild<QLineEdit *>(QStringLiteral("jobFilter"));
    QTest::keyClicks(filter, QStringLiteral("summer"));
    EXPECT_EQ(visibleNames(table()),
              (QStringList{QStringLiteral("Summer dresses"), QStringLiteral("Summer shoes")}));

    // With text in it the box has its clear button (enabled with the first text, not at
    // start-up): a click empties it and the whole list is back.
    auto *clear = filter->findChild<QToolButton *>();
    ASSERT_NE(clear, nullptr) << "no clear button once there is text to clear";
    ASSERT_TRUE(QTest::qWaitFor([&] { return clear->isVisible(); }));
    QTest::mouseClick(clear, Qt::LeftButton);
    EXPECT_EQ(filter->text(), QString());
    EXPECT_EQ(visibleNames(table()),
              (QStringList{QStringLiteral("Hats"), QStringLiteral("Summer dresses"),
                           QStringLiteral("Summer shoes")}));
}

TEST_F(JobListWindow, ArchivingAProcessingJobIsNotOffered) {
    NewJob n;
    n.name = QStringLiteral("Busy");
    const qint64 id = jobs->create(n).result().value().id;
    ASSERT_TRUE(
        runSql(reader->db(), QStringLiteral("UPDATE jobs SET run_requested = 1 WHERE id = ?"), {id})
            .ok());
    window->jobList()->reload();
    ASSERT_TRUE(QTest::qWaitFor([&] { return table()->model()->rowCount() == 1; }));
    window->jobList()->selectJob(id);
    EXPECT_EQ(table()->model()->index(0, ui::JobTableModel::Status).data().toString(),
              QStringLiteral("Processing"));
    EXPECT_FALSE(window->archiveAction()->isEnabled());
}

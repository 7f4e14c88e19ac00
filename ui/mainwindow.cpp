#include "mainwindow.h"

#include "util/futures.h"

#include "dialogs/newjobdialog.h"
#include "history/conflictpanel.h"
#include "history/historypanel.h"
#include "icons.h"
#include "joblist/jobactions.h"
#include "joblist/joblistpanel.h"
#include "joblist/jobtablemodel.h"
#include "joblist/syncactions.h"
#include "jobview/jobviewpanel.h"
#include "pipeline/jobservice.h"
#include "pipeline/reviewservice.h"
#include "pipeline/shopsession.h"
#include "pipeline/workhost.h"
#include "review/reviewpanel.h"
#include "settings/account.h"
#include "settings/settingsdialog.h"
#include "statusbarcontroller.h"
#include "sync/syncpanel.h"

#include <QAction>
#include <QCloseEvent>
#include <QDialog>
#include <QHeaderView>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace tagdesk::ui {

MainWindow::MainWindow(AppContext context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(std::move(context))
    , m_shop(std::make_unique<ShopSession>(*m_context.account))
    , m_work(std::make_unique<WorkHost>(*m_context.writer, *m_context.account))
    , m_review(std::make_unique<ReviewService>(*m_context.writer))
    , m_pages(new QStackedWidget(this))
    , m_jobList(new JobListPanel(m_context.reader, m_pages))
    , m_jobView([this] { return buildJobView(); })
    , m_reviewPanel([this] { return buildReviewPanel(); })
    , m_jobActions(new JobActions(*m_jobList, *m_context.jobs, *m_work, this))
    , m_syncActions(new SyncActions(*m_jobList, *m_work, m_context.reader, this))
    , m_statusBar(new StatusBarController(statusBar(), *m_shop, m_context.reader, this))
    , m_settings(new QAction(appIcon("settings"), tr("&Settings…"), this))
    , m_back(new QAction(appIcon("back"), tr("&All jobs"), this)) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(m_context.account->isDemo()
                       ? tr("Tagdesk — Demo store")
                       : tr("Tagdesk — %1").arg(m_context.account->displayName()));
    m_pages->addWidget(m_jobList);
    setCentralWidget(m_pages);
    createMenus();

    connect(m_jobActions, &JobActions::newJobRequested, this, &MainWindow::showNewJobDialog);
    connect(m_jobActions, &JobActions::openRequested, this, &MainWindow::openJob);
    connect(m_jobActions, &JobActions::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_jobActions, &JobActions::problem, this, &MainWindow::report);
    connect(m_syncActions, &SyncActions::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_syncActions, &SyncActions::problem, this, &MainWindow::report);
    connect(m_syncActions, &SyncActions::synced, this, [this](qint64 jobId) {
        if (showingJob(jobId))
            openJob(jobId); // show the products' new sync states
    });
    connect(m_jobList, &JobListPanel::loadFailed, this,
            [this](const QString &message) { statusBar()->showMessage(message); });
    connect(m_jobList, &JobListPanel::loaded, this, [this] {
        // Keep the open job's header up to date, and the pending-sync count with it.
        if (JobViewPanel *view = m_jobView.ifBuilt()) {
            if (const JobSummary *job =
                    m_jobList->model()->jobAt(m_jobList->model()->rowOf(view->jobId())))
                view->setSummary(*job);
        }
        m_statusBar->countPendingSyncs();
    });
    // Approvals made offline go out once the store answers again, unless Settings say to
    // wait for Sync now (read when it happens: Settings may have changed meanwhile).
    connect(m_statusBar, &StatusBarController::backOnline, this, [this] {
        if (m_context.account->preferences().syncWhenOnline)
            m_syncActions->syncWaitingJobs();
    });
    connect(m_work.get(), &WorkHost::finished, this, [this](qint64 jobId, const WorkResult &work) {
        if (work.kind == WorkKind::Run && showingJob(jobId))
            openJob(jobId); // show what the run found
    });

    restoreLayout();
    m_jobList->reload();
}

JobViewPanel *MainWindow::buildJobView() {
    auto *view = new JobViewPanel(m_context.reader, *m_review, *m_context.jobs,
                                  m_context.account->imageCacheFolder(), m_pages);
    view->setReviewer(m_context.account->preferences().reviewer);
    view->view()->horizontalHeader()->restoreState(
        QSettings().value(QStringLiteral("window/productTableHeader")).toByteArray());
    m_pages->addWidget(view);
    connect(view, &JobViewPanel::backRequested, this, &MainWindow::showJobList);
    connect(view, &JobViewPanel::jobChanged, m_jobList, &JobListPanel::reload);
    connect(view, &JobViewPanel::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(view, &JobViewPanel::problem, this, &MainWindow::report);
    connect(view, &JobViewPanel::reviewRequested, this, &MainWindow::openReview);
    connect(view, &JobViewPanel::historyRequested, this, &MainWindow::showHistory);
    connect(view, &JobViewPanel::conflictsRequested, this, &MainWindow::showConflicts);
    connect(view, &JobViewPanel::syncRequested, this, &MainWindow::showSync);
    return view;
}

ReviewPanel *MainWindow::buildReviewPanel() {
    auto *review = new ReviewPanel(m_context.reader, *m_review, *m_work,
                                   m_context.account->imageCacheFolder(), m_pages);
    review->setReviewer(m_context.account->preferences().reviewer);
    m_pages->addWidget(review);
    connect(review, &ReviewPanel::backRequested, this,
            [this, review] { openJob(review->jobId()); });
    connect(review, &ReviewPanel::jobChanged, m_jobList, &JobListPanel::reload);
    connect(review, &ReviewPanel::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(review, &ReviewPanel::problem, this, &MainWindow::report);
    return review;
}

bool MainWindow::showingJob(qint64 jobId) const {
    const JobViewPanel *view = m_jobView.ifBuilt();
    return view && m_pages->currentWidget() == view && view->jobId() == jobId;
}

MainWindow::~MainWindow() {
    // Hidden while the services still exist: an edit open in the review is saved as the
    // window loses the focus, not handed to a ReviewService already gone.
    hide();
}

QAction *MainWindow::newJobAction() const {
    return m_jobActions->newJob();
}

QAction *MainWindow::archiveAction() const {
    return m_jobActions->archive();
}

void MainWindow::createMenus() {
    m_settings->setObjectName(QStringLiteral("settingsAction"));
    m_settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settings->setMenuRole(QAction::PreferencesRole);
    connect(m_settings, &QAction::triggered, this, &MainWindow::showSettingsDialog);
    m_back->setObjectName(QStringLiteral("backAction"));
    m_back->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(m_back, &QAction::triggered, this, &MainWindow::showJobList);

    auto *quit = new QAction(tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    JobActions *a = m_jobActions;
    QMenu *jobMenu = menuBar()->addMenu(tr("&Job"));
    jobMenu->addActions({a->newJob(), a->open()});
    jobMenu->addSeparator();
    jobMenu->addActions({a->run(), a->cancel()});
    jobMenu->addSeparator();
    jobMenu->addActions({m_syncActions->sync(), m_syncActions->exportCsv()});
    jobMenu->addSeparator();
    jobMenu->addAction(a->archive());
    jobMenu->addSeparator();
    jobMenu->addAction(quit);
    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addActions({m_back, a->refresh()});
    QMenu *toolsMenu = menuBar()->addMenu(tr("&Tools"));
    toolsMenu->addAction(m_settings);

    QToolBar *toolbar = addToolBar(tr("Jobs"));
    toolbar->setObjectName(QStringLiteral("jobsToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setIconSize(QSize(20, 20));
    toolbar->addActions({a->newJob(), a->open()});
    toolbar->addSeparator();
    toolbar->addActions({a->run(), a->cancel()});
    toolbar->addSeparator();
    toolbar->addActions({m_syncActions->sync(), m_syncActions->exportCsv()});
    toolbar->addSeparator();
    toolbar->addActions({a->archive(), a->refresh()});
    toolbar->addSeparator();
    toolbar->addAction(m_settings);
}

NewJobDialog *MainWindow::showNewJobDialog() {
    auto *dialog = new NewJobDialog(m_shop.get(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const bool runNow = dialog->runAfterCreate();
        whenFinished(this, m_context.jobs->create(dialog->request()),
                     [this, runNow](const Result<Job> &job) {
                         if (!job)
                             return report(job.error().message);
                         m_jobActions->jobCreated(job.value(), runNow);
                     });
    });
    dialog->open();
    return dialog;
}

SettingsDialog *MainWindow::showSettingsDialog() {
    auto *dialog = new SettingsDialog(*m_context.account, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::saved, this, [this] {
        // A panel not built yet reads the reviewer and the keys when it is.
        if (m_reloadPreferences) {
            m_context.account->setPreferences(m_reloadPreferences());
            if (JobViewPanel *view = m_jobView.ifBuilt())
                view->setReviewer(m_context.account->preferences().reviewer);
            if (ReviewPanel *review = m_reviewPanel.ifBuilt())
                review->setReviewer(m_context.account->preferences().reviewer);
        }
        if (ReviewPanel *review = m_reviewPanel.ifBuilt())
            review->applySavedKeys();
        // The next question uses the new store and token; work under way keeps the store
        // and token it started with (the work host copied them).
        m_shop->reset();
        statusBar()->showMessage(tr("Settings saved"), 5000);
    });
    dialog->open();
    return dialog;
}

// The job's history or conflicts in a window of its own: what the panel says reaches the
// status bar, and what it changed (a revert, a resolution) refreshes the job's screens.
template <typename Panel>
QDialog *MainWindow::showJobWindow(Panel *panel, void (Panel::*changed)(qint64),
                                   const QString &title, const QString &name) {
    JobViewPanel *view = jobView(); // the window shows the job the view has open
    const qint64 jobId = view->jobId();
    if constexpr (requires { panel->setReviewer(QString()); })
        panel->setReviewer(m_context.account->preferences().reviewer);
    connect(panel, &Panel::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(panel, &Panel::problem, this, &MainWindow::report);
    connect(panel, changed, this, [this](qint64 job) {
        m_jobList->reload();
        if (showingJob(job))
            openJob(job);
    });
    auto *window = new QDialog(this);
    window->setObjectName(name);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setWindowTitle(title.arg(view->summary().job.name));
    panel->setParent(window);
    auto *layout = new QVBoxLayout(window);
    layout->addWidget(panel);
    window->resize(1000, 620);
    window->show();
    panel->setFocus();
    panel->openJob(jobId);
    return window;
}

QDialog *MainWindow::showHistory() {
    return showJobWindow(new HistoryPanel(m_context.reader, *m_work), &HistoryPanel::reverted,
                         tr("History — %1"), QStringLiteral("historyWindow"));
}

QDialog *MainWindow::showConflicts() {
    return showJobWindow(new ConflictPanel(m_context.reader, *m_work), &ConflictPanel::resolved,
                         tr("Conflicts — %1"), QStringLiteral("conflictsWindow"));
}

QDialog *MainWindow::showSync() {
    return showJobWindow(new SyncPanel(m_context.reader, *m_work, *m_syncActions, *m_statusBar),
                         &SyncPanel::synced, tr("Sync — %1"), QStringLiteral("syncWindow"));
}

void MainWindow::openJob(qint64 jobId) {
    const JobSummary *job = m_jobList->model()->jobAt(m_jobList->model()->rowOf(jobId));
    if (!job)
        return;
    JobViewPanel *view = jobView();
    view->openJob(*job);
    m_pages->setCurrentWidget(view);
    m_jobActions->open()->setEnabled(false);
}

void MainWindow::openReview(const QString &productId) {
    ReviewPanel *review = reviewPanel();
    review->openJob(jobView()->summary(), jobView()->query(), productId);
    m_pages->setCurrentWidget(review);
    review->setFocus();
}

void MainWindow::showJobList() {
    m_pages->setCurrentWidget(m_jobList);
    m_jobList->setFocus();
    m_jobActions->updateActions();
}

void MainWindow::report(const QString &message) {
    statusBar()->showMessage(message);
    // Window-modal but without a nested event loop: runs and reads go on behind it.
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Tagdesk"), message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("problemMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::restoreLayout() {
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1180, 720);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    // "2": the Store column came in after Tagger; a layout saved without it would put the
    // widths and order of the old columns on the wrong ones.
    m_jobList->view()->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("window/jobTableHeader2")).toByteArray());
    // The job view's columns: when it is built (buildJobView).
}

void MainWindow::saveLayout() {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/jobTableHeader2"),
                      m_jobList->view()->horizontalHeader()->saveState());
    // A job view never opened leaves its saved columns as they were.
    if (JobViewPanel *view = m_jobView.ifBuilt())
        settings.setValue(QStringLiteral("window/productTableHeader"),
                          view->view()->horizontalHeader()->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event) {
    saveLayout();
    event->accept();
}

} // namespace tagdesk::ui

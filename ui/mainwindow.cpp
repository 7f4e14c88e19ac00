#include "mainwindow.h"

#include "dialogs/newjobdialog.h"
#include "joblist/joblistpanel.h"

#include <QAction>
#include <QCloseEvent>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>

namespace tagdesk::ui {

MainWindow::MainWindow(AppContext context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(std::move(context))
    , m_jobList(new JobListPanel(m_context.database, this))
    , m_storeLabel(new QLabel(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(m_context.demo ? tr("Tagdesk — Demo store") : tr("Tagdesk"));
    setCentralWidget(m_jobList);
    createActions();

    m_storeLabel->setObjectName(QStringLiteral("storeLabel"));
    m_storeLabel->setText(m_context.demo ? tr("Demo store") : m_context.database.describe());
    statusBar()->addPermanentWidget(m_storeLabel);

    connect(m_jobList, &JobListPanel::currentJobChanged, this, &MainWindow::updateActions);
    connect(m_jobList, &JobListPanel::loadFailed, this,
            [this](const QString &message) { statusBar()->showMessage(message); });
    restoreLayout();
    updateActions();
    m_jobList->reload();
}

void MainWindow::createActions() {
    QMenu *jobMenu = menuBar()->addMenu(tr("&Job"));
    QToolBar *toolbar = addToolBar(tr("Jobs"));
    toolbar->setObjectName(QStringLiteral("jobsToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_newJob = new QAction(QIcon::fromTheme(QStringLiteral("document-new")), tr("&New job…"), this);
    m_newJob->setObjectName(QStringLiteral("newJobAction"));
    m_newJob->setShortcut(QKeySequence::New);
    connect(m_newJob, &QAction::triggered, this, &MainWindow::newJob);

    m_archive =
        new QAction(QIcon::fromTheme(QStringLiteral("archive-insert")), tr("&Archive"), this);
    m_archive->setObjectName(QStringLiteral("archiveAction"));
    m_archive->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_archive, &QAction::triggered, this, &MainWindow::archiveCurrent);

    m_refresh = new QAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("&Refresh"), this);
    m_refresh->setShortcut(QKeySequence::Refresh);
    connect(m_refresh, &QAction::triggered, m_jobList, &JobListPanel::reload);

    auto *quit = new QAction(tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    jobMenu->addActions({m_newJob, m_archive, m_refresh});
    jobMenu->addSeparator();
    jobMenu->addAction(quit);
    toolbar->addActions({m_newJob, m_archive, m_refresh});
}

void MainWindow::updateActions() {
    const auto job = m_jobList->currentJob();
    m_archive->setEnabled(job.has_value() && (job->job.archived || canArchive(job->status)));
    m_archive->setText(job && job->job.archived ? tr("Un&archive") : tr("&Archive"));
}

void MainWindow::newJob() {
    auto *dialog = new NewJobDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_context.jobs->create(dialog->request()).then(this, [this](const Result<Job> &job) {
            if (!job)
                return report(job.error());
            statusBar()->showMessage(tr("Created job “%1”").arg(job->name), 5000);
            m_jobList->selectJob(job->id);
            m_jobList->reload();
        });
    });
    dialog->open();
}

void MainWindow::archiveCurrent() {
    const auto job = m_jobList->currentJob();
    if (!job)
        return;
    const bool archive = !job->job.archived;
    m_context.jobs->setArchived(job->job.id, archive)
        .then(this, [this, archive](const Result<Job> &done) {
            if (!done)
                return report(done.error());
            statusBar()->showMessage(archive ? tr("Archived “%1”").arg(done->name)
                                             : tr("Unarchived “%1”").arg(done->name),
                                     5000);
            m_jobList->reload();
        });
}

void MainWindow::report(const Error &error) {
    QMessageBox::warning(this, tr("Tagdesk"), error.message);
}

void MainWindow::restoreLayout() {
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1100, 680);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_jobList->view()->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("window/jobTableHeader")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent *event) {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/jobTableHeader"),
                      m_jobList->view()->horizontalHeader()->saveState());
    event->accept();
}

} // namespace tagdesk::ui

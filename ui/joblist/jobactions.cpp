#include "joblist/jobactions.h"

#include "util/futures.h"

#include "icons.h"
#include "joblist/joblistpanel.h"
#include "joblist/jobtablemodel.h"

#include <QAction>
#include <QWidget>

namespace tagdesk::ui {

namespace {
QAction *makeAction(QWidget *window, const char *icon, const QString &text, const char *name,
                    const QKeySequence &shortcut) {
    auto *action = new QAction(appIcon(icon), text, window);
    action->setObjectName(QLatin1String(name));
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WindowShortcut);
    window->addAction(action);
    return action;
}
} // namespace

JobActions::JobActions(JobListPanel &panel, JobService &jobs, WorkHost &work, QWidget *window)
    : QObject(window)
    , m_panel(panel)
    , m_jobs(jobs)
    , m_work(work)
    , m_newJob(makeAction(window, "new-job", tr("&New job…"), "newJobAction", QKeySequence::New))
    , m_open(makeAction(window, "open", tr("&Open job"), "openJobAction",
                        QKeySequence(Qt::CTRL | Qt::Key_O)))
    , m_run(makeAction(window, "run", tr("&Run"), "runAction", QKeySequence(Qt::CTRL | Qt::Key_R)))
    , m_cancel(makeAction(window, "cancel", tr("&Cancel run"), "cancelAction",
                          QKeySequence(Qt::CTRL | Qt::Key_Period)))
    , m_archive(makeAction(window, "archive", tr("&Archive"), "archiveAction",
                           QKeySequence(Qt::CTRL | Qt::Key_E)))
    , m_refresh(
          makeAction(window, "refresh", tr("Re&fresh"), "refreshAction", QKeySequence::Refresh)) {
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(1500);
    connect(&m_reloadTimer, &QTimer::timeout, &m_panel, &JobListPanel::reload);

    connect(m_newJob, &QAction::triggered, this, &JobActions::newJobRequested);
    connect(m_open, &QAction::triggered, this, [this] {
        if (const auto job = m_panel.currentJob())
            emit openRequested(job->job.id);
    });
    connect(m_run, &QAction::triggered, this, &JobActions::runCurrent);
    connect(m_cancel, &QAction::triggered, this, &JobActions::cancelCurrent);
    connect(m_archive, &QAction::triggered, this, &JobActions::archiveCurrent);
    connect(m_refresh, &QAction::triggered, &m_panel, &JobListPanel::reload);
    connect(&m_panel, &JobListPanel::currentJobChanged, this, &JobActions::updateActions);
    connect(&m_panel, &JobListPanel::openRequested, this, &JobActions::openRequested);

    connect(&m_work, &WorkHost::progress, this, [this](qint64 jobId, const JobProgress &p) {
        if (m_work.busyWith(jobId) != WorkKind::Run)
            return; // a sync's: SyncActions shows it
        m_panel.model()->setProgress(jobId, p);
        reloadSoon();
    });
    // E.g. a run whose token cannot write what the job will sync: it goes on, but the user
    // hears it now rather than when the sync is refused.
    connect(&m_work, &WorkHost::connected, this, [this](qint64, const StoreIdentity &store) {
        if (!store.warning.isEmpty())
            emit message(store.warning);
    });
    // Any work on a job makes it busy for the others: Run and Archive wait for it.
    connect(&m_work, &WorkHost::started, this, &JobActions::updateActions);
    connect(&m_work, &WorkHost::finished, this, [this](qint64 jobId, const WorkResult &work) {
        if (work.kind != WorkKind::Run)
            return updateActions();
        const Status &result = work.status;
        m_panel.model()->clearProgress(jobId);
        const JobSummary *job = m_panel.model()->jobAt(m_panel.model()->rowOf(jobId));
        const QString name = job ? job->job.name : QString::number(jobId);
        if (m_cancelling.remove(jobId)) // asked for: not a problem to report
            emit message(result
                             ? tr("“%1” is analysed and ready for review").arg(name)
                             : tr("Cancelled “%1”; Resume continues where it stopped").arg(name));
        else if (result)
            emit message(tr("“%1” is analysed and ready for review").arg(name));
        else
            emit problem(tr("“%1” stopped: %2").arg(name, result.error().message));
        m_panel.reload();
        updateActions();
    });
    updateActions();
}

void JobActions::updateActions() {
    const auto job = m_panel.currentJob();
    const auto busy = job ? m_work.busyWith(job->job.id) : std::nullopt;
    const bool running = busy == WorkKind::Run;
    m_open->setEnabled(job.has_value());
    // A job that was never run, was cut off, or has products still to analyse can run.
    const bool resumable =
        job && !job->job.archived &&
        (job->status == JobStatus::Created || job->status == JobStatus::Processing ||
         job->status == JobStatus::Error || job->tally.unanalysed > 0 || !job->job.listingDone);
    m_run->setEnabled(resumable && !busy);
    // Resume once a run has stored something: it goes on from there.
    m_run->setText(job && job->tally.total > 0 ? tr("&Resume") : tr("&Run"));
    m_cancel->setEnabled(running);
    m_archive->setEnabled(job.has_value() && !busy &&
                          (job->job.archived || canArchive(job->status)));
    m_archive->setText(job && job->job.archived ? tr("Un&archive") : tr("&Archive"));
    m_archive->setIcon(appIcon(job && job->job.archived ? "unarchive" : "archive"));
}

void JobActions::jobCreated(const Job &job, bool runNow) {
    emit message(tr("Created job “%1”").arg(job.name));
    m_panel.selectJob(job.id);
    m_panel.reload();
    if (runNow)
        runJob(job.id, job.tagger);
}

void JobActions::runJob(qint64 jobId, TaggerKind tagger) {
    JobProgress starting;
    m_panel.model()->setProgress(jobId, starting);
    if (const Status started = m_work.start(WorkRequest::run(jobId, tagger)); !started) {
        m_panel.model()->clearProgress(jobId);
        emit problem(started.error().message);
    }
    reloadSoon();
    updateActions();
}

void JobActions::runCurrent() {
    if (const auto job = m_panel.currentJob())
        runJob(job->job.id, job->job.tagger);
}

void JobActions::cancelCurrent() {
    const auto job = m_panel.currentJob();
    if (!job)
        return;
    m_cancelling.insert(job->job.id);
    m_work.cancel(job->job.id);
    emit message(tr("Cancelling “%1” after the work in flight…").arg(job->job.name));
    m_cancel->setEnabled(false);
}

void JobActions::archiveCurrent() {
    const auto job = m_panel.currentJob();
    if (!job)
        return;
    const bool archive = !job->job.archived;
    whenFinished(this, m_jobs.setArchived(job->job.id, archive),
                 [this, archive](const Result<Job> &done) {
                     if (!done)
                         return emit problem(done.error().message);
                     emit message(archive ? tr("Archived “%1”").arg(done->name)
                                          : tr("Unarchived “%1”").arg(done->name));
                     m_panel.reload();
                 });
}

void JobActions::reloadSoon() {
    if (!m_reloadTimer.isActive())
        m_reloadTimer.start();
}

} // namespace tagdesk::ui

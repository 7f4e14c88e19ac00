#include "joblist/syncactions.h"

#include "util/futures.h"

#include "icons.h"
#include "joblist/joblistpanel.h"
#include "joblist/jobtablemodel.h"
#include "jobview/reviewactions.h"
#include "settings/account.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QWidget>

namespace tagdesk::ui {

SyncActions::SyncActions(JobListPanel &panel, WorkHost &work, JobReader reader, QWidget *window)
    : QObject(window)
    , m_panel(panel)
    , m_work(work)
    , m_reader(std::move(reader))
    , m_window(window)
    , m_sync(new QAction(appIcon("sync"), tr("&Sync now"), window))
    , m_export(new QAction(appIcon("export"), tr("&Export CSV…"), window)) {
    m_sync->setObjectName(QStringLiteral("syncAction"));
    m_sync->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_sync->setToolTip(tr("Push the job's approved products to Shopify, checking each for "
                          "changes made there first"));
    m_export->setObjectName(QStringLiteral("exportAction"));
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_export->setToolTip(tr("Write the job as a spreadsheet (Shopify's product CSV columns)"));
    for (QAction *a : {m_sync, m_export}) {
        a->setShortcutContext(Qt::WindowShortcut);
        window->addAction(a);
    }
    m_choosePath = [this](const QString &suggested) {
        return QFileDialog::getSaveFileName(m_window, tr("Export job as CSV"), suggested,
                                            tr("CSV files (*.csv)"));
    };
    connect(m_sync, &QAction::triggered, this, &SyncActions::syncCurrent);
    connect(m_export, &QAction::triggered, this, &SyncActions::exportCurrent);
    connect(&m_panel, &JobListPanel::currentJobChanged, this, &SyncActions::updateActions);
    connect(&m_panel, &JobListPanel::loaded, this, &SyncActions::updateActions);
    connect(&m_work, &WorkHost::started, this, &SyncActions::updateActions);
    connect(&m_work, &WorkHost::progress, this, &SyncActions::showProgress);
    connect(&m_work, &WorkHost::finished, this, &SyncActions::syncFinished);
    updateActions();
}

SyncActions::~SyncActions() = default;

void SyncActions::updateActions() {
    const auto job = m_panel.currentJob();
    // One kind of work per job at a time: not while it runs, nor while it syncs.
    m_sync->setEnabled(job && !m_work.isBusy(job->job.id) && job->tally.waitingToSync > 0);
    m_export->setEnabled(job.has_value());
}

void SyncActions::syncCurrent() {
    const auto job = m_panel.currentJob();
    if (!job || m_work.isBusy(job->job.id))
        return;
    if (const Status started = syncJob(job->job.id, job->job.name); !started)
        emit problem(started.error().message);
}

Status SyncActions::syncJob(qint64 jobId, const QString &name, const QStringList &productIds,
                            bool retryFailed) {
    // Who pushes and when bulk mutations pay off are decided here, once, as values.
    const Preferences &preferences = m_work.account().preferences();
    WorkRequest request =
        WorkRequest::sync(WorkKind::Push, jobId, preferences.reviewer, preferences.bulkPushMin);
    request.productIds = productIds;
    request.retryFailed = retryFailed;
    m_panel.model()->setProgress(jobId, {JobProgress::Phase::Starting});
    if (const Status started = m_work.start(request); !started) {
        m_panel.model()->clearProgress(jobId);
        return Error::make(started.error().code,
                           tr("“%1” was not synced: %2").arg(name, started.error().message));
    }
    m_syncing.insert(jobId, name);
    updateActions();
    return {};
}

void SyncActions::syncWaitingJobs() {
    whenFinished(this, m_reader.inBackground(&JobReader::jobs, false),
                 [this](const Result<QList<JobSummary>> &jobs) {
                     if (!jobs)
                         return emit problem(
                             tr("Approved products were not synced: %1").arg(jobs.error().message));
                     for (const JobSummary &job : jobs.value()) {
                         if (job.tally.waitingToSync == 0 || m_work.isBusy(job.job.id))
                             continue;
                         emit message(
                             tr("The store answers again: syncing “%1”").arg(job.job.name));
                         if (const Status started = syncJob(job.job.id, job.job.name); !started)
                             emit problem(started.error().message);
                     }
                 });
}

void SyncActions::showProgress(qint64 jobId, const JobProgress &progress) {
    if (m_syncing.contains(jobId) && progress.phase == JobProgress::Phase::Pushing)
        m_panel.model()->setProgress(jobId, progress);
}

void SyncActions::syncFinished(qint64 jobId, const WorkResult &result) {
    if (result.kind != WorkKind::Push || !m_syncing.contains(jobId))
        return updateActions();
    const QString name = m_syncing.take(jobId);
    m_panel.model()->clearProgress(jobId);
    if (!result.begun) { // the store or its token could not be resolved
        updateActions();
        return emit problem(tr("“%1” was not synced: %2").arg(name, result.status.error().message));
    }
    const SyncReport &report = result.report;
    if (!result.status) {
        emit problem(tr("“%1” stopped syncing: %2").arg(name, result.status.error().message));
    } else if (report.stoppedBy) {
        emit problem(tr("“%1”: %2 pushed; %3 wait for the next sync (%4)")
                         .arg(name)
                         .arg(report.written)
                         .arg(report.waiting)
                         .arg(report.stoppedBy->message));
    } else if (!report.clean()) {
        emit problem(tr("“%1”: %2 pushed, %3 in conflict, %4 failed.\n\n%5")
                         .arg(name)
                         .arg(report.written)
                         .arg(report.conflicts)
                         .arg(report.failed)
                         .arg(report.problems.mid(0, 10).join(QLatin1Char('\n'))));
    } else {
        emit message(
            tr("“%1”: %n product(s) pushed to Shopify", nullptr, report.written + report.unchanged)
                .arg(name));
    }
    emit synced(jobId);
    m_panel.reload();
    updateActions();
}

void SyncActions::exportCurrent() {
    const auto job = m_panel.currentJob();
    if (!job)
        return;
    QString suggested = job->job.name;
    suggested.replace(QRegularExpression(QStringLiteral("[^\\w\\- ]+")), QStringLiteral("_"));
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = m_choosePath(QDir(folder).filePath(suggested + QStringLiteral(".csv")));
    if (path.isEmpty())
        return;
    const qint64 jobId = job->job.id;
    whenFinished(this, m_reader.inBackground(&JobReader::exportCsv, jobId, path),
                 [this, path](const Result<int> &rows) {
                     if (!rows)
                         return emit problem(tr("The export failed: %1").arg(rows.error().message));
                     emit message(tr("Wrote %n product(s) to %1", nullptr, rows.value())
                                      .arg(QDir::toNativeSeparators(path)));
                     emit exported(path);
                 });
}

} // namespace tagdesk::ui

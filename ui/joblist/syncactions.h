#pragma once

#include "pipeline/jobreader.h"
#include "pipeline/workhost.h"

#include <QHash>
#include <QObject>

#include <functional>

class QAction;
class QWidget;

namespace tagdesk::ui {

class JobListPanel;

// The job list's second controller: Sync now and Export CSV for the current job. A sync
// runs on the work host's thread with the store and token it started with, and shows its
// progress in the job's row. The export reads and writes on the thread pool.
class SyncActions : public QObject {
    Q_OBJECT
public:
    SyncActions(JobListPanel &panel, WorkHost &work, JobReader reader, QWidget *window);
    ~SyncActions() override;

    QAction *sync() const { return m_sync; }
    QAction *exportCsv() const { return m_export; }

    // Where Export CSV writes: asks the user with a file dialog unless replaced (tests).
    void setPathChooser(std::function<QString(const QString &suggested)> chooser) {
        m_choosePath = std::move(chooser);
    }

    // Pushes a job's queued products — only `productIds` if given — to the store, putting
    // its failed pushes back in the queue first if `retryFailed`. Refused, saying why, while
    // the job has other work in progress.
    Status syncJob(qint64 jobId, const QString &name, const QStringList &productIds = {},
                   bool retryFailed = false);
public slots:
    void updateActions();
    // Every job with approved products waiting starts syncing (the store answers again).
    void syncWaitingJobs();

signals:
    void message(const QString &text);
    void problem(const QString &text);
    void synced(qint64 jobId);
    void exported(const QString &path);

private:
    void syncCurrent();
    void showProgress(qint64 jobId, const JobProgress &progress);
    void syncFinished(qint64 jobId, const WorkResult &result);
    void exportCurrent();

    JobListPanel &m_panel;
    WorkHost &m_work;
    JobReader m_reader;
    QWidget *m_window;
    QAction *m_sync;
    QAction *m_export;
    QHash<qint64, QString> m_syncing; // the jobs this controller is syncing, by name
    std::function<QString(const QString &)> m_choosePath;
};

} // namespace tagdesk::ui

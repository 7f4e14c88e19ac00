#pragma once

#include "pipeline/jobservice.h"
#include "pipeline/workhost.h"

#include <QObject>
#include <QSet>
#include <QTimer>

class QAction;
class QWidget;

namespace tagdesk::ui {

class JobListPanel;

// The job list's controller: its actions (New job, Open, Run/Resume, Cancel,
// Archive/Unarchive, Refresh), what each does, and when each is enabled. Runs go to the
// WorkHost; their progress is shown in the job's row.
class JobActions : public QObject {
    Q_OBJECT
public:
    JobActions(JobListPanel &panel, JobService &jobs, WorkHost &work, QWidget *window);

    QAction *newJob() const { return m_newJob; }
    QAction *open() const { return m_open; }
    QAction *run() const { return m_run; }
    QAction *cancel() const { return m_cancel; }
    QAction *archive() const { return m_archive; }
    QAction *refresh() const { return m_refresh; }

    // A job was created (by the dialog): show it, and run it if asked.
    void jobCreated(const Job &job, bool runNow);
    void runJob(qint64 jobId, TaggerKind tagger);

public slots:
    void updateActions();

signals:
    void newJobRequested();
    void openRequested(qint64 jobId);
    void message(const QString &text);
    void problem(const QString &text);

private:
    void archiveCurrent();
    void runCurrent();
    void cancelCurrent();
    void reloadSoon();

    JobListPanel &m_panel;
    JobService &m_jobs;
    WorkHost &m_work;
    QSet<qint64> m_cancelling; // runs the user cancelled
    QTimer m_reloadTimer;      // while jobs run, the list is re-read at most this often
    QAction *m_newJob;
    QAction *m_open;
    QAction *m_run;
    QAction *m_cancel;
    QAction *m_archive;
    QAction *m_refresh;
};

} // namespace tagdesk::ui

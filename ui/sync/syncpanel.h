#pragma once

#include "pipeline/jobreader.h"
#include "pipeline/workhost.h"

#include <QTimer>
#include <QWidget>

class QAction;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace tagdesk::ui {

class ProductTableModel;
class StatusBarController;
class SyncActions;

// One job's sync queue: the approved products waiting to be pushed, being pushed, or whose
// push failed with Shopify's message. Says whether the store can be reached (offline, the
// products are Ready to sync and wait here), how long the push should take at the store's
// rate limit, and whether they go out on their own when the store answers again. Sync now,
// Retry (the selected failed products, else all of them) and Stop; the progress of a push
// as it runs. The pushes themselves go through SyncActions, on the work host.
class SyncPanel : public QWidget {
    Q_OBJECT
public:
    SyncPanel(JobReader reader, WorkHost &work, SyncActions &sync,
              const StatusBarController &connection, QWidget *parent = nullptr);
    void openJob(qint64 jobId);
    qint64 jobId() const { return m_jobId; }
    ProductTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *estimateLabel() const { return m_estimate; }
    QAction *syncNowAction() const { return m_syncNow; }
    QAction *retryAction() const { return m_retry; }
    QAction *stopAction() const { return m_stop; }
public slots:
    void reload();
    void syncNow();
    // The selected failed products, else every failed one, go back in the queue and out.
    void retry();
    void stop();
signals:
    void message(const QString &text);
    void problem(const QString &text);
    // A push started here or elsewhere for this job has finished.
    void synced(qint64 jobId);
    void loaded();

private:
    void buildLayout();
    void showSummary(const JobSummary &summary);
    void showStatus();
    void showEstimate();
    void showProgress(qint64 jobId, const JobProgress &progress);
    void workFinished(qint64 jobId, const WorkResult &result);
    void updateActions();
    QStringList selectedFailed() const;
    void push(const QStringList &productIds, bool retryFailed);

    JobReader m_reader;
    WorkHost &m_work;
    SyncActions &m_sync;
    const StatusBarController &m_connection;
    qint64 m_jobId = 0;
    std::optional<JobSummary> m_summary;
    quint64 m_generation = 0;
    QTimer m_refreshTimer; // reads the rows again while a push runs
    ProductTableModel *m_model;
    QLabel *m_heading;
    QLabel *m_status;
    QLabel *m_estimate;
    QLabel *m_mode;
    QProgressBar *m_progress;
    QTableView *m_view;
    QAction *m_syncNow;
    QAction *m_retry;
    QAction *m_stop;
    QPushButton *m_syncNowButton;
    QPushButton *m_retryButton;
    QPushButton *m_stopButton;
};

} // namespace tagdesk::ui

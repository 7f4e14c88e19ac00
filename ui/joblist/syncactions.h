#pragma once

#include "pipeline/shopsession.h"
#include "pipeline/syncrunner.h"
#include "storage/databaseconfig.h"
#include "storage/databasewriter.h"

#include <QObject>

#include <functional>
#include <memory>

class QAction;
class QWidget;

namespace tagdesk::ui {

class JobListPanel;

// The job list's second controller: Sync now and Export CSV for the current job. A sync
// runs on this thread's event loop without blocking it — its network work is asynchronous
// and its database work goes to the writer thread — and shows its progress in the job's
// row. The export reads and writes on the thread pool.
class SyncActions : public QObject {
    Q_OBJECT
public:
    SyncActions(JobListPanel &panel, ShopSession &shop, DatabaseWriter &writer,
                DatabaseConfig database, QWidget *window);
    ~SyncActions() override;

    QAction *sync() const { return m_sync; }
    QAction *exportCsv() const { return m_export; }
    bool isSyncing() const { return m_runner != nullptr; }

    // Where Export CSV writes: asks the user with a file dialog unless replaced (tests).
    void setPathChooser(std::function<QString(const QString &suggested)> chooser) {
        m_choosePath = std::move(chooser);
    }

public slots:
    void updateActions();

signals:
    void message(const QString &text);
    void problem(const QString &text);
    void synced(qint64 jobId);
    void exported(const QString &path);

private:
    void syncCurrent();
    void startSync(qint64 jobId, const QString &name, ShopifyClient *client);
    void exportCurrent();

    JobListPanel &m_panel;
    ShopSession &m_shop;
    DatabaseWriter &m_writer;
    DatabaseConfig m_database;
    QWidget *m_window;
    QAction *m_sync;
    QAction *m_export;
    std::unique_ptr<SyncRunner> m_runner;
    qint64 m_syncingJob = 0;
    bool m_connecting = false;
    std::function<QString(const QString &)> m_choosePath;
};

} // namespace tagdesk::ui

#pragma once

#include "domain/preferences.h"
#include "lazypanel.h"
#include "pipeline/jobreader.h"
#include "pipeline/jobservice.h"

#include <QMainWindow>

#include <functional>
#include <memory>

class QAction;
class QDialog;
class QStackedWidget;

namespace tagdesk {
class Account;
class DatabaseWriter;
class JobService;
class ReviewService;
class ShopSession;
class WorkHost;
} // namespace tagdesk

namespace tagdesk::ui {

class JobActions;
class SyncActions;
class JobListPanel;
class JobViewPanel;
class NewJobDialog;
class ReviewPanel;
class SettingsDialog;
class StatusBarController;

// What the window needs from the application: the reader of the database, the services
// that write it, and the account (the user's store, or the demo store). Owned by main().
struct AppContext {
    JobReader reader;
    JobService *jobs = nullptr;
    DatabaseWriter *writer = nullptr;
    Account *account = nullptr;
};

// Composition only: puts the panels in place, gives each its controller, and wires
// actions and signals between them.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(AppContext context, QWidget *parent = nullptr);
    ~MainWindow() override;

    // How to read the preferences again once Settings saved them (main() passes
    // preferencesloader::load); unset, the account keeps the preferences it has.
    void setReloadPreferences(std::function<Preferences()> reload) {
        m_reloadPreferences = std::move(reload);
    }

    JobListPanel *jobList() const { return m_jobList; }
    // Built on first use (the job list is what the window opens on).
    JobViewPanel *jobView() { return m_jobView.get(); }
    ReviewPanel *reviewPanel() { return m_reviewPanel.get(); }
    JobActions *jobActions() const { return m_jobActions; }
    SyncActions *syncActions() const { return m_syncActions; }
    StatusBarController *statusBarController() const { return m_statusBar; }
    WorkHost *workHost() const { return m_work.get(); }
    QAction *newJobAction() const;
    QAction *archiveAction() const;
    QAction *settingsAction() const { return m_settings; }

    // The dialogs, shown (non-modal to the event loop) and deleted when closed.
    NewJobDialog *showNewJobDialog();
    SettingsDialog *showSettingsDialog();
    // The open job's history (pushes, reverts, Revert) and conflicts, each in a window of
    // its own beside the main one.
    QDialog *showHistory();
    QDialog *showConflicts();
    // The open job's sync queue (Sync now, Retry, the estimate), in a window of its own.
    QDialog *showSync();

public slots:
    void openJob(qint64 jobId);
    // The review panel over the job view's products, from `productId` (else the first).
    void openReview(const QString &productId);
    void showJobList();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    JobViewPanel *buildJobView();
    ReviewPanel *buildReviewPanel();
    // The job view, if built, is the page on screen and shows `jobId`.
    bool showingJob(qint64 jobId) const;
    void createMenus();
    void restoreLayout();
    void saveLayout();
    void report(const QString &message);
    template <typename Panel>
    QDialog *showJobWindow(Panel *panel, void (Panel::*changed)(qint64), const QString &title,
                           const QString &name);

    AppContext m_context;
    std::function<Preferences()> m_reloadPreferences;
    std::unique_ptr<ShopSession> m_shop;
    std::unique_ptr<WorkHost> m_work; // job runs and syncs, on its worker thread
    std::unique_ptr<ReviewService> m_review;
    QStackedWidget *m_pages;
    JobListPanel *m_jobList;
    LazyPanel<JobViewPanel> m_jobView;
    LazyPanel<ReviewPanel> m_reviewPanel;
    JobActions *m_jobActions;
    SyncActions *m_syncActions;
    StatusBarController *m_statusBar;
    QAction *m_settings;
    QAction *m_back;
};

} // namespace tagdesk::ui

#pragma once

#include "pipeline/jobservice.h"
#include "storage/databaseconfig.h"

#include <QMainWindow>

class QAction;
class QLabel;

namespace tagdesk::ui {

class JobListPanel;

// What the window needs from the application: where the database is, the service that
// writes it, and whether this is the demo store. Owned by main().
struct AppContext {
    DatabaseConfig database;
    JobService *jobs = nullptr;
    bool demo = false;
};

// Composition only: puts the panels in place and wires actions to them.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(AppContext context, QWidget *parent = nullptr);

    JobListPanel *jobList() const { return m_jobList; }
    QAction *newJobAction() const { return m_newJob; }
    QAction *archiveAction() const { return m_archive; }

public slots:
    void newJob();
    void archiveCurrent();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void updateActions();
    void restoreLayout();
    void report(const Error &error);

    AppContext m_context;
    JobListPanel *m_jobList;
    QLabel *m_storeLabel;
    QAction *m_newJob = nullptr;
    QAction *m_archive = nullptr;
    QAction *m_refresh = nullptr;
};

} // namespace tagdesk::ui

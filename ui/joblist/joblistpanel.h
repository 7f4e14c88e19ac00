#pragma once

#include "pipeline/jobreader.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace tagdesk::ui {

class JobTableModel;

// The job list panel: filter box, "Show archived", the sortable table. Loads the list on
// the thread pool and shows it when it arrives; the GUI thread never waits for SQL.
class JobListPanel : public QWidget {
    Q_OBJECT
public:
    explicit JobListPanel(JobReader reader, QWidget *parent = nullptr);

    // The job under the cursor, if any.
    std::optional<JobSummary> currentJob() const;
    bool showingArchived() const;
    JobTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

public slots:
    void reload();
    void selectJob(qint64 jobId);

signals:
    void currentJobChanged();
    void openRequested(qint64 jobId);
    void loadFailed(const QString &message);
    void loaded();

private:
    void showError(const QString &message);

    JobReader m_reader;
    JobTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QCheckBox *m_showArchived;
    QTableView *m_view;
    QLabel *m_empty;
    quint64 m_generation = 0; // answers of superseded loads are dropped
    qint64 m_pendingSelection = 0;
};

} // namespace tagdesk::ui

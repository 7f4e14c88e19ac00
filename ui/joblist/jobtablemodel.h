#pragma once

#include "pipeline/jobservice.h"

#include <QAbstractTableModel>
#include <QList>

namespace tagdesk::ui {

// The job list: one row per job, with its derived status. Holds plain values that the
// panel loads off the GUI thread; never touches the database itself.
class JobTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Status, Tagger, Products, Reviewed, Created, Updated, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1, // raw value for sorting and filtering
        JobIdRole,
        StatusRole,   // JobStatus as int, for the badge delegate
        ArchivedRole, // bool
    };

    explicit JobTableModel(QObject *parent = nullptr);

    // Replaces the rows, keeping unchanged rows in place (no reset: selection survives).
    void setJobs(const QList<JobSummary> &jobs);
    const JobSummary *jobAt(int row) const;
    int rowOf(qint64 jobId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<JobSummary> m_jobs;
};

} // namespace tagdesk::ui

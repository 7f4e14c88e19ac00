#pragma once

#include "pipeline/jobprogress.h"
#include "pipeline/jobreader.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace tagdesk::ui {

// The job list: one row per job, with its derived status. Holds plain values that the
// panel loads off the GUI thread; never touches the database itself.
class JobTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Name,
        Status,
        Progress,
        Tagger,
        Store,
        Products,
        Reviewed,
        Created,
        Updated,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // raw value for sorting and filtering
        JobIdRole,
        StatusRole,   // JobStatus as int, for the badge delegate
        ArchivedRole, // bool
        ProgressRole, // 0..100 while this app runs the job, -1 when unknown, else invalid
    };

    explicit JobTableModel(QObject *parent = nullptr);

    // Replaces the rows, keeping unchanged rows in place (no reset: selection survives).
    void setJobs(const QList<JobSummary> &jobs);
    const JobSummary *jobAt(int row) const;
    int rowOf(qint64 jobId) const;

    // A run in this app reported progress; shown until clearProgress.
    void setProgress(qint64 jobId, const JobProgress &progress);
    void clearProgress(qint64 jobId);
    bool hasProgress(qint64 jobId) const { return m_progress.contains(jobId); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    void emitRowChanged(qint64 jobId);

    QList<JobSummary> m_jobs;
    QHash<qint64, JobProgress> m_progress;
};

} // namespace tagdesk::ui

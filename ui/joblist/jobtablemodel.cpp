#include "joblist/jobtablemodel.h"

#include <QLocale>

namespace tagdesk::ui {

JobTableModel::JobTableModel(QObject *parent)
    : QAbstractTableModel(parent) {
}

void JobTableModel::setJobs(const QList<JobSummary> &jobs) {
    // Remove rows whose job is gone, update the rest in place, append new ones.
    for (int row = int(m_jobs.size()) - 1; row >= 0; --row) {
        const qint64 id = m_jobs[row].job.id;
        const bool stillThere = std::any_of(jobs.begin(), jobs.end(),
                                            [id](const JobSummary &s) { return s.job.id == id; });
        if (!stillThere) {
            beginRemoveRows({}, row, row);
            m_jobs.removeAt(row);
            endRemoveRows();
        }
    }
    for (const JobSummary &s : jobs) {
        const int row = rowOf(s.job.id);
        if (row >= 0) {
            m_jobs[row] = s;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        } else {
            const int at = int(m_jobs.size());
            beginInsertRows({}, at, at);
            m_jobs.append(s);
            endInsertRows();
        }
    }
}

void JobTableModel::setProgress(qint64 jobId, const JobProgress &progress) {
    m_progress.insert(jobId, progress);
    emitRowChanged(jobId);
}

void JobTableModel::clearProgress(qint64 jobId) {
    if (m_progress.remove(jobId))
        emitRowChanged(jobId);
}

void JobTableModel::emitRowChanged(qint64 jobId) {
    const int row = rowOf(jobId);
    if (row >= 0)
        emit dataChanged(index(row, Status), index(row, Progress));
}

namespace {
// How far a run is, in percent of its current phase; -1 while that is not known.
int percentOf(const JobProgress &p) {
    if (p.phase == JobProgress::Phase::Finished)
        return 100;
    if (p.total <= 0)
        return -1;
    return int(std::clamp<qint64>(p.done * 100 / p.total, 0, 100));
}

// The store the job belongs to: a dash until it has talked to one.
QString storeText(const Job &job) {
    return job.shop.isKnown() ? job.shop.domain : QStringLiteral("–");
}
} // namespace

const JobSummary *JobTableModel::jobAt(int row) const {
    return row >= 0 && row < m_jobs.size() ? &m_jobs[row] : nullptr;
}

int JobTableModel::rowOf(qint64 jobId) const {
    for (int row = 0; row < m_jobs.size(); ++row) {
        if (m_jobs[row].job.id == jobId)
            return row;
    }
    return -1;
}

int JobTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int JobTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JobSummary &s = m_jobs[index.row()];
    const qint64 reviewed = s.tally.approved + s.tally.rejected;
    const qint64 reviewable = s.tally.total - s.tally.failed - s.tally.skipped;

    switch (role) {
    case JobIdRole:
        return s.job.id;
    case StatusRole:
        return int(s.status);
    case ArchivedRole:
        return s.job.archived;
    case ProgressRole:
        if (const auto it = m_progress.constFind(s.job.id); it != m_progress.constEnd())
            return percentOf(*it);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Status && !s.job.fatalError.isEmpty())
            return s.job.fatalError;
        if (index.column() == Name)
            return s.job.selection.describe();
        if (index.column() == Store)
            return s.job.shop.isKnown()
                       ? s.job.shop.describe()
                       : tr("Not bound to a store yet: its next run, sync or revert binds it "
                            "to the store saved in Settings");
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Products || index.column() == Reviewed)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case Name:
            return s.job.name;
        case Status:
            return jobStatusText(s.status);
        case Progress:
            if (const auto it = m_progress.constFind(s.job.id); it != m_progress.constEnd())
                return it->describe();
            // Marked as running, but not by this window: a run that was cut off.
            if (s.status == JobStatus::Processing)
                return tr("Interrupted — run it to resume");
            return {};
        case Tagger:
            return taggerDisplayName(s.job.tagger);
        case Store:
            return storeText(s.job);
        case Products:
            return QLocale().toString(s.tally.total);
        case Reviewed:
            return tr("%1 / %2").arg(QLocale().toString(reviewed), QLocale().toString(reviewable));
        case Created:
            return QLocale().toString(s.job.createdAt.toLocalTime(), QLocale::ShortFormat);
        case Updated:
            return QLocale().toString(s.job.updatedAt.toLocalTime(), QLocale::ShortFormat);
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case Name:
            return s.job.name.toCaseFolded();
        case Status:
            return int(s.status);
        case Progress:
            if (const auto it = m_progress.constFind(s.job.id); it != m_progress.constEnd())
                return int(it->phase) * 1000 + std::max(0, percentOf(*it));
            return -1;
        case Tagger:
            return taggerDisplayName(s.job.tagger);
        case Store:
            return s.job.shop.domain;
        case Products:
            return s.tally.total;
        case Reviewed:
            return reviewable > 0 ? double(reviewed) / double(reviewable) : 0.0;
        case Created:
            return s.job.createdAt;
        case Updated:
            return s.job.updatedAt;
        }
        return {};
    default:
        return {};
    }
}

QVariant JobTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Status:
        return tr("Status");
    case Progress:
        return tr("Progress");
    case Tagger:
        return tr("Tagger");
    case Store:
        return tr("Store");
    case Products:
        return tr("Products");
    case Reviewed:
        return tr("Reviewed");
    case Created:
        return tr("Created");
    case Updated:
        return tr("Updated");
    }
    return {};
}

} // namespace tagdesk::ui

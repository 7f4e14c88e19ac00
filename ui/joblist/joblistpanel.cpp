#include "joblist/joblistpanel.h"

#include "util/futures.h"

#include "joblist/jobtablemodel.h"
#include "joblist/progressdelegate.h"
#include "joblist/statusbadgedelegate.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace tagdesk::ui {

JobListPanel::JobListPanel(JobReader reader, QWidget *parent)
    : QWidget(parent)
    , m_reader(std::move(reader))
    , m_model(new JobTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_showArchived(new QCheckBox(tr("Show &archived"), this))
    , m_view(new QTableView(this))
    , m_empty(new QLabel(this)) {
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(JobTableModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filter->setObjectName(QStringLiteral("jobFilter"));
    m_filter->setPlaceholderText(tr("Filter jobs by name, status, tagger or store"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter jobs"));
    m_showArchived->setObjectName(QStringLiteral("showArchived"));

    m_view->setObjectName(QStringLiteral("jobTable"));
    m_view->setAccessibleName(tr("Jobs"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegateForColumn(JobTableModel::Status, new StatusBadgeDelegate(m_view));
    m_view->setItemDelegateForColumn(JobTableModel::Progress,
                                     new ProgressDelegate(JobTableModel::ProgressRole, m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(JobTableModel::Created, Qt::DescendingOrder);
    m_view->setAlternatingRowColors(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setSectionResizeMode(JobTableModel::Name, QHeaderView::Stretch);
    m_view->horizontalHeader()->setMinimumSectionSize(60);
    m_view->horizontalHeader()->resizeSection(JobTableModel::Status,
                                              StatusBadgeDelegate::preferredWidth(m_view->font()));
    // The name gets what is left; long tagger names are elided rather than squeeze it.
    const int charWidth = m_view->fontMetrics().averageCharWidth();
    m_view->horizontalHeader()->resizeSection(JobTableModel::Progress, charWidth * 30);
    m_view->horizontalHeader()->resizeSection(JobTableModel::Tagger, charWidth * 20);

    m_empty->setObjectName(QStringLiteral("jobListMessage"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->hide();

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_showArchived);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_empty);

    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_showArchived, &QCheckBox::toggled, this, &JobListPanel::reload);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &JobListPanel::currentJobChanged);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit openRequested(index.data(JobTableModel::JobIdRole).toLongLong());
    });
    setFocusProxy(m_view);
}

std::optional<JobSummary> JobListPanel::currentJob() const {
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    const JobSummary *job = m_model->jobAt(m_proxy->mapToSource(current).row());
    return job ? std::optional<JobSummary>(*job) : std::nullopt;
}

bool JobListPanel::showingArchived() const {
    return m_showArchived->isChecked();
}

void JobListPanel::reload() {
    const quint64 generation = ++m_generation;
    whenFinished(this, m_reader.inBackground(&JobReader::jobs, m_showArchived->isChecked()),
                 [this, generation](const Result<QList<JobSummary>> &jobs) {
                     if (generation != m_generation)
                         return; // a newer load is on its way
                     if (!jobs) {
                         showError(jobs.error().message);
                         emit loadFailed(jobs.error().message);
                         return;
                     }
                     const bool first = m_model->rowCount() == 0;
                     m_model->setJobs(jobs.value());
                     if (first && !jobs->isEmpty()) {
                         for (int c = JobTableModel::Store; c < JobTableModel::ColumnCount; ++c)
                             m_view->resizeColumnToContents(c);
                     }
                     const bool none = jobs->isEmpty();
                     m_empty->setVisible(none);
                     m_empty->setText(m_showArchived->isChecked()
                                          ? tr("No archived jobs.")
                                          : tr("No jobs yet. Create one with New job (Ctrl+N)."));
                     if (m_pendingSelection != 0)
                         selectJob(std::exchange(m_pendingSelection, 0));
                     emit loaded();
                     emit currentJobChanged();
                 });
}

void JobListPanel::selectJob(qint64 jobId) {
    const int row = m_model->rowOf(jobId);
    if (row < 0) {
        m_pendingSelection = jobId; // not loaded yet: select when it arrives
        return;
    }
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void JobListPanel::showError(const QString &message) {
    m_empty->setText(tr("The job list could not be read: %1").arg(message));
    m_empty->show();
}

} // namespace tagdesk::ui

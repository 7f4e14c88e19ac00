#include "history/historypanel.h"

#include "fieldvalues.h"
#include "history/pushhistorymodel.h"
#include "icons.h"
#include "settings/account.h"
#include "sync/productfields.h"
#include "util/futures.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace tagdesk::ui {

namespace {
enum DetailColumn { FieldColumn, BeforeColumn, AfterColumn, DetailColumnCount };
} // namespace

HistoryPanel::HistoryPanel(JobReader reader, WorkHost &work, QWidget *parent)
    : QWidget(parent)
    , m_reader(std::move(reader))
    , m_work(work)
    , m_model(new PushHistoryModel(this))
    , m_filtered(new QSortFilterProxyModel(this))
    , m_heading(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_empty(new QLabel(this))
    , m_detailsSummary(new QLabel(this))
    , m_details(new QTableWidget(0, DetailColumnCount, this))
    , m_revertSelectedButton(new QPushButton(this))
    , m_revertJobButton(new QPushButton(this))
    , m_revertSelected(new QAction(appIcon("back"), tr("&Revert selected products"), this))
    , m_revertJob(new QAction(tr("Revert &whole job"), this))
    , m_find(new QAction(tr("Filter by product"), this))
    , m_reviewer(work.account().preferences().reviewer) {
    setObjectName(QStringLiteral("historyPanel"));
    m_filtered->setSourceModel(m_model);
    m_filtered->setFilterRole(PushHistoryModel::ProductSearchRole);
    m_filtered->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filtered->setSortRole(PushHistoryModel::SortRole);
    m_confirm = [this](const QString &title, const QString &question) {
        return QMessageBox::question(this, title, question, QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel) == QMessageBox::Yes;
    };
    buildLayout();

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filtered->setFilterFixedString(text.trimmed());
        // What stays focused is what the details show and what a revert takes: when the
        // filter hid it, the first row that matches takes its place.
        if (!m_view->selectionModel()->hasSelection() && m_filtered->rowCount() > 0)
            m_view->selectionModel()->setCurrentIndex(m_filtered->index(0, 0),
                                                      QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
        showDetails();
        updateActions();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &HistoryPanel::showDetails);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryPanel::updateActions);
    connect(m_revertSelected, &QAction::triggered, this, &HistoryPanel::revertSelected);
    connect(m_revertJob, &QAction::triggered, this, &HistoryPanel::revertJob);
    connect(m_find, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    connect(&m_work, &WorkHost::started, this, &HistoryPanel::updateActions);
    connect(&m_work, &WorkHost::finished, this, &HistoryPanel::workFinished);
    connect(&m_work, &WorkHost::progress, this, [this](qint64 jobId, const JobProgress &p) {
        if (jobId == m_jobId && m_reverting && p.phase == JobProgress::Phase::Reverting &&
            p.total > 0)
            emit message(tr("Reverting: %1 of %2 products")
                             .arg(QLocale().toString(p.done), QLocale().toString(p.total)));
    });
    updateActions();
}

void HistoryPanel::buildLayout() {
    m_heading->setObjectName(QStringLiteral("historyHeading"));
    m_heading->setAccessibleName(tr("History summary"));
    m_heading->setWordWrap(true);

    m_filter->setObjectName(QStringLiteral("historyProductFilter"));
    m_filter->setAccessibleName(tr("Filter history by product"));
    m_filter->setPlaceholderText(tr("Filter by product title or id"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Show only the writes of products whose title or id contains this "
                            "(Ctrl+F)"));
    auto *filterLabel = new QLabel(tr("&Product:"), this);
    filterLabel->setBuddy(m_filter);

    m_view->setObjectName(QStringLiteral("historyTable"));
    m_view->setAccessibleName(tr("Pushes and reverts"));
    m_view->setModel(m_filtered);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(PushHistoryModel::When, Qt::DescendingOrder); // newest first
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(PushHistoryModel::Product,
                                                     QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(PushHistoryModel::Outcome,
                                                     QHeaderView::Stretch);

    m_empty->setObjectName(QStringLiteral("historyEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->hide();

    m_detailsSummary->setObjectName(QStringLiteral("historyDetailsSummary"));
    m_detailsSummary->setAccessibleName(tr("Focused write"));
    m_detailsSummary->setWordWrap(true);
    m_detailsSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setObjectName(QStringLiteral("historyDetails"));
    m_details->setAccessibleName(tr("Before and after, per field"));
    m_details->setHorizontalHeaderLabels({tr("Field"), tr("Before"), tr("→ After")});
    m_details->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_details->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_details->setWordWrap(true);
    m_details->verticalHeader()->hide();
    m_details->horizontalHeader()->setSectionResizeMode(FieldColumn, QHeaderView::ResizeToContents);
    m_details->horizontalHeader()->setSectionResizeMode(BeforeColumn, QHeaderView::Stretch);
    m_details->horizontalHeader()->setSectionResizeMode(AfterColumn, QHeaderView::Stretch);

    // Actions carry the shortcuts, only while focus is in this panel: the window's own
    // shortcuts (Ctrl+R runs a job) stay unambiguous. The buttons trigger the same actions.
    m_revertSelected->setObjectName(QStringLiteral("revertSelectedAction"));
    m_revertSelected->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_revertJob->setObjectName(QStringLiteral("revertJobAction"));
    m_revertJob->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_R));
    m_find->setObjectName(QStringLiteral("historyFindAction"));
    m_find->setShortcut(QKeySequence::Find);
    for (QAction *a : {m_revertSelected, m_revertJob, m_find}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
    }
    m_revertSelectedButton->setObjectName(QStringLiteral("revertSelected"));
    m_revertSelectedButton->setIcon(m_revertSelected->icon());
    m_revertSelectedButton->setText(m_revertSelected->text());
    m_revertSelectedButton->setAccessibleName(tr("Revert selected products"));
    m_revertSelectedButton->setToolTip(
        tr("Put back in Shopify the values the last push replaced, for the products of the "
           "selected rows (Ctrl+Shift+R)"));
    m_revertJobButton->setObjectName(QStringLiteral("revertJob"));
    m_revertJobButton->setText(m_revertJob->text());
    m_revertJobButton->setAccessibleName(tr("Revert whole job"));
    m_revertJobButton->setToolTip(tr("Put back in Shopify the values the job's pushes "
                                     "replaced, for every pushed product (Ctrl+Alt+Shift+R)"));
    connect(m_revertSelectedButton, &QPushButton::clicked, m_revertSelected, &QAction::trigger);
    connect(m_revertJobButton, &QPushButton::clicked, m_revertJob, &QAction::trigger);
    auto *note = new QLabel(tr("A product edited in Shopify since the push is not reverted: it "
                               "is listed under Conflicts."),
                            this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);

    auto *top = new QHBoxLayout;
    top->addWidget(m_heading, 1);
    top->addWidget(filterLabel);
    top->addWidget(m_filter);
    auto *list = new QWidget(this);
    auto *listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_view, 1);
    listLayout->addWidget(m_empty);
    auto *details = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_detailsSummary);
    detailsLayout->addWidget(m_details, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("historySplitter"));
    split->addWidget(list);
    split->addWidget(details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(note, 1);
    bottom->addWidget(m_revertJobButton);
    bottom->addWidget(m_revertSelectedButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addLayout(bottom);

    setFocusProxy(m_view);
    setTabOrder(m_filter, m_view);
    setTabOrder(m_view, m_details);
    setTabOrder(m_details, m_revertSelectedButton);
    setTabOrder(m_revertSelectedButton, m_revertJobButton);
}

void HistoryPanel::openJob(qint64 jobId) {
    if (jobId != m_jobId) {
        m_jobId = jobId;
        m_focusedRecord = 0;
        m_reverting = false;
        m_snapshots.clear();
        m_model->setTitles({});
        m_model->setRecords({});
        m_filter->clear();
        m_heading->setText(tr("Reading the history…"));
    }
    reload();
}

void HistoryPanel::reload() {
    if (m_jobId == 0)
        return;
    const qint64 jobId = m_jobId;
    const quint64 history = ++m_historyGeneration;
    whenFinished(this, m_reader.inBackground(&JobReader::history, jobId, QString()),
                 [this, history](const Result<QList<PushRecord>> &records) {
                     if (history == m_historyGeneration)
                         showHistory(records);
                 });
}

void HistoryPanel::showHistory(const Result<QList<PushRecord>> &records) {
    if (!records) {
        m_heading->setText(tr("The history could not be read."));
        return emit problem(
            tr("The job's history could not be read: %1").arg(records.error().message));
    }
    m_model->setRecords(records.value());
    // Titles and snapshots (for the names of images) of the products the history names,
    // and only those: a job may have thousands.
    QStringList named;
    QSet<QString> seen;
    for (const PushRecord &r : records.value()) {
        if (!seen.contains(r.productId)) {
            seen.insert(r.productId);
            named << r.productId;
        }
    }
    const quint64 detail = ++m_detailGeneration;
    whenFinished(this, m_reader.inBackground(&JobReader::products, m_jobId, named),
                 [this, detail](const Result<QList<JobProduct>> &products) {
                     if (detail == m_detailGeneration)
                         showProducts(products);
                 });
    int pushes = 0, reverts = 0;
    for (const PushRecord &r : records.value())
        ++(r.kind == PushRecord::Kind::Push ? pushes : reverts);
    m_heading->setText(tr("%n push(es)", nullptr, pushes) + QStringLiteral(", ") +
                       tr("%n revert(s)", nullptr, reverts));
    m_empty->setText(tr("Nothing of this job has been pushed to Shopify yet."));
    m_empty->setVisible(records->isEmpty());
    // Keep the focused write in focus, else focus the newest.
    int row = -1;
    for (int i = 0; i < m_model->rowCount(); ++i) {
        if (m_model->recordAt(i)->id == m_focusedRecord)
            row = i;
    }
    const QModelIndex focus =
        row >= 0 ? m_filtered->mapFromSource(m_model->index(row, 0)) : m_filtered->index(0, 0);
    if (focus.isValid())
        m_view->selectionModel()->setCurrentIndex(focus, QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);
    showDetails();
    updateActions();
    emit loaded();
}

void HistoryPanel::showProducts(const Result<QList<JobProduct>> &products) {
    if (!products) // the history still shows, with product ids for names
        return emit problem(
            tr("The job's products could not be read: %1").arg(products.error().message));
    QHash<QString, QString> titles;
    m_snapshots.clear();
    for (const JobProduct &p : products.value()) {
        titles.insert(p.productId, p.title);
        if (p.snapshot)
            m_snapshots.insert(p.productId, *p.snapshot);
    }
    m_model->setTitles(std::move(titles));
    showDetails();
}

void HistoryPanel::showDetails() {
    const QModelIndex current = m_filtered->mapToSource(m_view->currentIndex());
    const PushRecord *r = current.isValid() ? m_model->recordAt(current.row()) : nullptr;
    m_details->setRowCount(0);
    if (!r) {
        m_focusedRecord = 0;
        m_detailsSummary->setText(tr("Select a row to see what it changed."));
        return;
    }
    m_focusedRecord = r->id;
    const QString when = QLocale().toString(r->at.toLocalTime(), QLocale::LongFormat);
    const QString product = m_model->productName(r->productId);
    QString summary = r->kind == PushRecord::Kind::Push
                          ? tr("Pushed “%1” on %2 as %3").arg(product, when, r->who)
                          : tr("Reverted “%1” on %2 as %3").arg(product, when, r->who);
    summary += QStringLiteral(" — ") + PushHistoryModel::outcomeText(*r);
    m_detailsSummary->setText(summary);

    const auto snapshot = m_snapshots.constFind(r->productId);
    const ProductSnapshot *names = snapshot == m_snapshots.cend() ? nullptr : &snapshot.value();
    const QStringList keys = fieldvalues::orderedKeys({r->before, r->after});
    m_details->setRowCount(int(keys.size()));
    for (int row = 0; row < keys.size(); ++row) {
        const QString &key = keys.at(row);
        const QJsonValue before = r->before.value(key);
        const QJsonValue after = r->after.value(key);
        const QString name = productfields::describe(key, names);
        auto *field = new QTableWidgetItem(name);
        field->setToolTip(key);
        auto *was = new QTableWidgetItem(fieldvalues::text(before));
        auto *now = new QTableWidgetItem(fieldvalues::text(after));
        const QString line =
            tr("%1: %2 → %3").arg(name, fieldvalues::text(before), fieldvalues::text(after));
        for (QTableWidgetItem *item : {was, now})
            item->setToolTip(line);
        if (!productfields::same(key, before, after)) {
            QFont bold = now->font();
            bold.setBold(true);
            now->setFont(bold);
        }
        m_details->setItem(row, FieldColumn, field);
        m_details->setItem(row, BeforeColumn, was);
        m_details->setItem(row, AfterColumn, now);
    }
    if (keys.isEmpty())
        m_detailsSummary->setText(summary + QLatin1Char('\n') + tr("No field was changed."));
}

QStringList HistoryPanel::selectedProductIds() const {
    QStringList ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        const QString id = index.data(PushHistoryModel::ProductIdRole).toString();
        if (m_model->revertable(id) && !ids.contains(id))
            ids << id;
    }
    return ids;
}

void HistoryPanel::updateActions() {
    const bool idle = m_jobId != 0 && !m_work.isBusy(m_jobId);
    m_revertSelected->setEnabled(idle && !selectedProductIds().isEmpty());
    m_revertJob->setEnabled(idle && m_model->anyRevertable());
    m_revertSelectedButton->setEnabled(m_revertSelected->isEnabled());
    m_revertJobButton->setEnabled(m_revertJob->isEnabled());
}

void HistoryPanel::revertSelected() {
    const QStringList ids = selectedProductIds();
    if (ids.isEmpty() || !m_revertSelected->isEnabled())
        return;
    const QString question =
        ids.size() == 1 ? tr("Put back in Shopify the values Tagdesk replaced on “%1”?")
                              .arg(m_model->productName(ids.first()))
                        : tr("Put back in Shopify the values Tagdesk replaced on %1 products?")
                              .arg(QLocale().toString(ids.size()));
    if (!m_confirm(tr("Revert products"),
                   question + QStringLiteral("\n\n") +
                       tr("A product edited in Shopify since the push is left as it is.")))
        return;
    startRevert(ids, int(ids.size()));
}

void HistoryPanel::revertJob() {
    if (!m_revertJob->isEnabled())
        return;
    if (!m_confirm(tr("Revert the whole job"),
                   tr("Put back in Shopify the values this job's pushes replaced, on every "
                      "pushed product?") +
                       QStringLiteral("\n\n") +
                       tr("A product edited in Shopify since the push is left as it is.")))
        return;
    startRevert({}, -1);
}

void HistoryPanel::startRevert(const QStringList &productIds, int count) {
    // Who reverts and when bulk mutations pay off are decided here, once, as values.
    WorkRequest request = WorkRequest::sync(WorkKind::Revert, m_jobId, m_reviewer,
                                            m_work.account().preferences().bulkPushMin);
    request.productIds = productIds;
    if (const Status started = m_work.start(request); !started)
        return emit problem(tr("Nothing was reverted: %1").arg(started.error().message));
    m_reverting = true;
    emit message(count < 0 ? tr("Reverting the job's pushed products…")
                           : tr("Reverting %n product(s)…", nullptr, count));
    updateActions();
}

void HistoryPanel::workFinished(qint64 jobId, const WorkResult &result) {
    if (jobId != m_jobId)
        return;
    if (result.kind == WorkKind::Revert && m_reverting) {
        m_reverting = false;
        reportRevert(result);
        emit reverted(jobId);
    }
    // Any work of this job may have written to Shopify: a push, a revert, a resolution.
    reload();
    updateActions();
}

void HistoryPanel::reportRevert(const WorkResult &result) {
    if (!result.begun)
        return emit problem(tr("Nothing was reverted: %1").arg(result.status.error().message));
    const SyncReport &report = result.report;
    if (!result.status) {
        emit problem(tr("The revert stopped: %1").arg(result.status.error().message));
    } else if (report.stoppedBy) {
        emit problem(tr("%1 reverted; %2 were not reached (%3)")
                         .arg(report.written)
                         .arg(report.waiting)
                         .arg(report.stoppedBy->message));
    } else if (!report.clean()) {
        emit problem(tr("%1 reverted, %2 edited in Shopify since the push (left as they are), "
                        "%3 failed.\n\n%4")
                         .arg(report.written)
                         .arg(report.conflicts)
                         .arg(report.failed)
                         .arg(report.problems.mid(0, 10).join(QLatin1Char('\n'))));
    } else if (report.written + report.unchanged == 0) {
        emit message(tr("Nothing to revert: no product of the selection is pushed"));
    } else {
        emit message(
            tr("%n product(s) reverted in Shopify", nullptr, report.written + report.unchanged));
    }
}

} // namespace tagdesk::ui

#include "history/conflictpanel.h"

#include "history/conflictfieldsmodel.h"
#include "history/conflictlistmodel.h"
#include "settings/account.h"
#include "util/futures.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace tagdesk::ui {

ConflictPanel::ConflictPanel(JobReader reader, WorkHost &work, QWidget *parent)
    : QWidget(parent)
    , m_reader(std::move(reader))
    , m_work(work)
    , m_list(new ConflictListModel(this))
    , m_fields(new ConflictFieldsModel(this))
    , m_heading(new QLabel(this))
    , m_listView(new QTableView(this))
    , m_focus(new QLabel(this))
    , m_fieldsView(new QTableView(this))
    , m_settleNote(new QLabel(this))
    , m_keepMineButton(new QPushButton(this))
    , m_keepTheirsButton(new QPushButton(this))
    , m_keepTickedButton(new QPushButton(this))
    , m_keepMine(new QAction(tr("Keep &mine"), this))
    , m_keepTheirs(new QAction(tr("Keep &theirs"), this))
    , m_keepTicked(new QAction(tr("Keep mine for tic&ked fields"), this))
    , m_reviewer(work.account().preferences().reviewer) {
    setObjectName(QStringLiteral("conflictPanel"));
    buildLayout();

    connect(m_listView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ConflictPanel::showFocused);
    connect(m_listView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ConflictPanel::updateActions);
    connect(m_fields, &ConflictFieldsModel::choiceChanged, this, &ConflictPanel::updateActions);
    // Long values (tag lists, descriptions) wrap: each product's rows take the room they need.
    connect(m_fields, &QAbstractItemModel::modelReset, m_fieldsView,
            &QTableView::resizeRowsToContents);
    connect(m_keepMine, &QAction::triggered, this, &ConflictPanel::keepMine);
    connect(m_keepTheirs, &QAction::triggered, this, &ConflictPanel::keepTheirs);
    connect(m_keepTicked, &QAction::triggered, this, &ConflictPanel::keepTicked);
    connect(&m_work, &WorkHost::started, this, &ConflictPanel::updateActions);
    connect(&m_work, &WorkHost::finished, this, &ConflictPanel::workFinished);
    showFocused();
}

void ConflictPanel::buildLayout() {
    m_heading->setObjectName(QStringLiteral("conflictHeading"));
    m_heading->setAccessibleName(tr("Conflicts summary"));
    m_heading->setWordWrap(true);

    m_listView->setObjectName(QStringLiteral("conflictTable"));
    m_listView->setAccessibleName(tr("Products in conflict"));
    m_listView->setModel(m_list);
    m_listView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_listView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_listView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_listView->setAlternatingRowColors(true);
    m_listView->setWordWrap(false);
    m_listView->verticalHeader()->hide();
    m_listView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_listView->horizontalHeader()->setSectionResizeMode(ConflictListModel::Product,
                                                         QHeaderView::Stretch);

    m_focus->setObjectName(QStringLiteral("conflictFocus"));
    m_focus->setAccessibleName(tr("Focused product"));
    m_focus->setWordWrap(true);
    m_focus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fieldsView->setObjectName(QStringLiteral("conflictFields"));
    m_fieldsView->setAccessibleName(
        tr("Fields of the focused product: when reviewed, Shopify now, mine"));
    m_fieldsView->setModel(m_fields);
    m_fieldsView->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_fieldsView->setSelectionMode(QAbstractItemView::SingleSelection);
    // Space ticks the Keep mine box of the current row: the delegate handles it.
    m_fieldsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fieldsView->setWordWrap(true);
    m_fieldsView->verticalHeader()->hide();
    QHeaderView *columns = m_fieldsView->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Stretch);
    columns->setSectionResizeMode(ConflictFieldsModel::Field, QHeaderView::ResizeToContents);
    columns->setSectionResizeMode(ConflictFieldsModel::KeepMine, QHeaderView::ResizeToContents);
    m_settleNote->setObjectName(QStringLiteral("conflictNote"));
    m_settleNote->setWordWrap(true);
    m_settleNote->setForegroundRole(QPalette::PlaceholderText);

    // Actions carry the shortcuts, only while focus is in this panel; the buttons trigger
    // the same actions.
    m_keepMine->setObjectName(QStringLiteral("keepMineAction"));
    m_keepMine->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    m_keepTheirs->setObjectName(QStringLiteral("keepTheirsAction"));
    m_keepTheirs->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_keepTicked->setObjectName(QStringLiteral("keepTickedAction"));
    m_keepTicked->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    const struct {
        QAction *action;
        QPushButton *button;
        const char *name;
        QString accessible;
        QString tip;
    } buttons[] = {
        {m_keepMine, m_keepMineButton, "keepMine", tr("Keep mine"),
         tr("Read the selected products from Shopify again and queue my values for the next "
            "sync; their edits to other fields stay (Ctrl+Shift+M)")},
        {m_keepTheirs, m_keepTheirsButton, "keepTheirs", tr("Keep theirs"),
         tr("Write nothing to the selected products: Shopify's values stay and the products "
            "count as rejected, which can be undone in review (Ctrl+Shift+T)")},
        {m_keepTicked, m_keepTickedButton, "keepTicked", tr("Keep mine for ticked fields"),
         tr("For the focused product: queue my values of the ticked fields, keep Shopify's for "
            "the others (Ctrl+Shift+K)")},
    };
    for (const auto &b : buttons) {
        b.action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(b.action);
        b.button->setObjectName(QString::fromLatin1(b.name));
        b.button->setText(b.action->text());
        b.button->setAccessibleName(b.accessible);
        b.button->setToolTip(b.tip);
        b.action->setToolTip(b.tip);
        connect(b.button, &QPushButton::clicked, b.action, &QAction::trigger);
    }

    auto *listSide = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listSide);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_heading);
    listLayout->addWidget(m_listView, 1);
    auto *fieldSide = new QWidget(this);
    auto *fieldLayout = new QVBoxLayout(fieldSide);
    fieldLayout->setContentsMargins(0, 0, 0, 0);
    fieldLayout->addWidget(m_focus);
    fieldLayout->addWidget(m_fieldsView, 1);
    fieldLayout->addWidget(m_settleNote);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("conflictSplitter"));
    split->addWidget(listSide);
    split->addWidget(fieldSide);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto *bottom = new QHBoxLayout;
    bottom->addStretch(1);
    bottom->addWidget(m_keepTickedButton);
    bottom->addWidget(m_keepTheirsButton);
    bottom->addWidget(m_keepMineButton);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addLayout(bottom);

    setFocusProxy(m_listView);
    setTabOrder(m_listView, m_fieldsView);
    setTabOrder(m_fieldsView, m_keepTickedButton);
    setTabOrder(m_keepTickedButton, m_keepTheirsButton);
    setTabOrder(m_keepTheirsButton, m_keepMineButton);
}

void ConflictPanel::openJob(qint64 jobId) {
    if (jobId != m_jobId) {
        m_jobId = jobId;
        m_focusedProduct.clear();
        m_resolving.reset();
        m_list->setConflicts({});
        m_heading->setText(tr("Reading the conflicts…"));
    }
    reload();
}

void ConflictPanel::reload() {
    if (m_jobId == 0)
        return;
    const qint64 jobId = m_jobId;
    const quint64 generation = ++m_generation;
    whenFinished(this, m_reader.inBackground(&JobReader::conflicts, jobId),
                 [this, jobId, generation](const Result<QList<Conflict>> &conflicts) {
                     if (generation == m_generation)
                         showConflicts(jobId, generation, conflicts);
                 });
}

void ConflictPanel::showConflicts(qint64 jobId, quint64 generation,
                                  const Result<QList<Conflict>> &conflicts) {
    if (!conflicts) {
        m_heading->setText(tr("The conflicts could not be read."));
        return emit problem(
            tr("The job's conflicts could not be read: %1").arg(conflicts.error().message));
    }
    m_list->setConflicts(conflicts.value());
    m_heading->setText(
        conflicts->isEmpty()
            ? tr("No conflicts: nothing was changed in Shopify behind this job's back.")
            : tr("%n product(s) changed in Shopify after they were read; nothing was written "
                 "to them.",
                 nullptr, int(conflicts->size())));
    const int row = m_list->rowOf(m_focusedProduct);
    const QModelIndex focus = m_list->index(row >= 0 ? row : 0, 0);
    if (focus.isValid())
        m_listView->selectionModel()->setCurrentIndex(focus, QItemSelectionModel::ClearAndSelect |
                                                                 QItemSelectionModel::Rows);
    showFocused();
    updateActions();
    if (conflicts->isEmpty())
        return emit loaded();
    // Titles, sync states and snapshots (for the names of images) of the products in
    // conflict, and only those.
    QStringList named;
    for (const Conflict &c : conflicts.value())
        named << c.productId;
    whenFinished(
        this, m_reader.inBackground(&JobReader::products, jobId, named),
        [this, generation](const Result<QList<JobProduct>> &products) {
            if (generation != m_generation)
                return;
            if (!products)
                emit problem(
                    tr("The job's products could not be read: %1").arg(products.error().message));
            else
                m_list->setProducts(products.value());
            showFocused();
            updateActions();
            emit loaded();
        });
}

void ConflictPanel::showFocused() {
    const Conflict *c = m_list->conflictAt(m_listView->currentIndex().row());
    if (!c) {
        m_focusedProduct.clear();
        m_fields->setConflict(std::nullopt, nullptr);
        m_focus->setText(m_list->rowCount() == 0 ? QString()
                                                 : tr("Select a product to compare its values."));
        m_settleNote->clear();
        return;
    }
    m_focusedProduct = c->productId;
    const ProductSnapshot *names = m_list->snapshotOf(c->productId);
    // Keep the ticks while the same conflict stays in focus (a reload of the list).
    if (!m_fields->conflict() || m_fields->conflict()->productId != c->productId ||
        m_fields->conflict()->detectedAt != c->detectedAt)
        m_fields->setConflict(*c, names);
    const QDateTime updated = QDateTime::fromString(
        c->remoteValues.value(QStringLiteral("updatedAt")).toString(), Qt::ISODateWithMs);
    QString text = tr("“%1”: found %2")
                       .arg(m_list->productName(c->productId),
                            QLocale().toString(c->detectedAt.toLocalTime(), QLocale::ShortFormat));
    if (updated.isValid())
        text += tr("; saved in Shopify %1")
                    .arg(QLocale().toString(updated.toLocalTime(), QLocale::ShortFormat));
    m_focus->setText(text);
    if (!m_list->settleable(c->productId))
        m_settleNote->setText(
            tr("Found by a revert: the pushed values stay in Shopify and nothing is waiting. "
               "Check the product in Shopify, then revert it again from the history."));
    else if (ConflictListModel::changedKeys(*c).isEmpty())
        m_settleNote->setText(tr("Shopify saved the product since the review, but the fields "
                                 "Tagdesk writes are as they were: keeping mine is safe."));
    else
        m_settleNote->setText(tr("Highlighted: changed in Shopify since the review, and where "
                                 "mine differs from Shopify's. Metafields, and alt texts, are "
                                 "written together: they are ticked together."));
}

QStringList ConflictPanel::selectedProductIds() const {
    QStringList ids;
    for (const QModelIndex &index : m_listView->selectionModel()->selectedRows()) {
        const QString id = index.data(ConflictListModel::ProductIdRole).toString();
        if (!id.isEmpty() && m_list->settleable(id))
            ids << id;
    }
    return ids;
}

void ConflictPanel::updateActions() {
    const bool idle = m_jobId != 0 && !m_work.isBusy(m_jobId);
    const bool any = idle && !selectedProductIds().isEmpty();
    const bool focusSettleable = m_fields->conflict() &&
                                 m_list->settleable(m_fields->conflict()->productId) &&
                                 m_fields->rowCount() > 0;
    m_keepMine->setEnabled(any);
    m_keepTheirs->setEnabled(any);
    m_keepTicked->setEnabled(idle && focusSettleable && m_fields->keptMine() != Destinations());
    m_keepMineButton->setEnabled(m_keepMine->isEnabled());
    m_keepTheirsButton->setEnabled(m_keepTheirs->isEnabled());
    m_keepTickedButton->setEnabled(m_keepTicked->isEnabled());
}

void ConflictPanel::keepMine() {
    if (m_keepMine->isEnabled())
        resolve(selectedProductIds(), {ConflictChoice::Keep::Mine, std::nullopt});
}

void ConflictPanel::keepTheirs() {
    if (m_keepTheirs->isEnabled())
        resolve(selectedProductIds(), {ConflictChoice::Keep::Theirs, std::nullopt});
}

void ConflictPanel::keepTicked() {
    if (!m_keepTicked->isEnabled())
        return;
    ConflictChoice choice{ConflictChoice::Keep::Mine, std::nullopt};
    // Every field ticked is plain "keep mine"; otherwise only the ticked destinations.
    if (!m_fields->allKeptMine())
        choice.only = m_fields->keptMine();
    resolve({m_fields->conflict()->productId}, choice);
}

void ConflictPanel::resolve(const QStringList &productIds, const ConflictChoice &choice) {
    if (productIds.isEmpty())
        return;
    if (const Status started = m_work.start(WorkRequest::resolve(m_jobId, productIds, choice));
        !started)
        return emit problem(tr("The conflicts were not settled: %1").arg(started.error().message));
    m_resolving = choice.keep;
    m_resolvingCount = int(productIds.size());
    emit message(tr("Settling %n product(s)…", nullptr, m_resolvingCount));
    updateActions();
}

void ConflictPanel::workFinished(qint64 jobId, const WorkResult &result) {
    if (jobId != m_jobId)
        return;
    if (result.kind == WorkKind::Resolve && m_resolving) {
        const ConflictChoice::Keep keep = *m_resolving;
        m_resolving.reset();
        if (!result.status) {
            emit problem(tr("%1 of %2 conflicts settled, then: %3")
                             .arg(result.settled)
                             .arg(m_resolvingCount)
                             .arg(result.status.error().message));
        } else if (keep == ConflictChoice::Keep::Mine) {
            emit message(tr("%n product(s) read again from Shopify and queued: my values go "
                            "with the next sync",
                            nullptr, result.settled));
        } else {
            emit message(tr("%n product(s) keep Shopify's values and count as rejected", nullptr,
                            result.settled));
        }
        emit resolved(jobId);
    }
    // A push may have found new conflicts; a resolution settled some.
    reload();
    updateActions();
}

} // namespace tagdesk::ui

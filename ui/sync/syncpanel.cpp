#include "sync/syncpanel.h"

#include "joblist/syncactions.h"
#include "jobview/producttablemodel.h"
#include "settings/account.h"
#include "statusbarcontroller.h"
#include "sync/syncestimate.h"
#include "util/futures.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

namespace tagdesk::ui {

namespace {
QString aboutDuration(double seconds) {
    const qint64 s = qint64(std::ceil(seconds));
    if (s >= 120)
        return SyncPanel::tr("about %1 min").arg((s + 30) / 60);
    return SyncPanel::tr("about %1 s").arg(std::max<qint64>(s, 1));
}
} // namespace

SyncPanel::SyncPanel(JobReader reader, WorkHost &work, SyncActions &sync,
                     const StatusBarController &connection, QWidget *parent)
    : QWidget(parent)
    , m_reader(reader)
    , m_work(work)
    , m_sync(sync)
    , m_connection(connection)
    , m_model(new ProductTableModel(std::move(reader), nullptr, this))
    , m_heading(new QLabel(this))
    , m_status(new QLabel(this))
    , m_estimate(new QLabel(this))
    , m_mode(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_view(new QTableView(this))
    , m_syncNow(new QAction(tr("&Sync now"), this))
    , m_retry(new QAction(tr("&Retry failed"), this))
    , m_stop(new QAction(tr("S&top"), this))
    , m_syncNowButton(new QPushButton(this))
    , m_retryButton(new QPushButton(this))
    , m_stopButton(new QPushButton(this)) {
    setObjectName(QStringLiteral("syncPanel"));
    buildLayout();

    connect(m_syncNow, &QAction::triggered, this, &SyncPanel::syncNow);
    connect(m_retry, &QAction::triggered, this, &SyncPanel::retry);
    connect(m_stop, &QAction::triggered, this, &SyncPanel::stop);
    connect(m_model, &ProductTableModel::loaded, this, [this] {
        updateActions();
        emit loaded();
    });
    connect(m_model, &ProductTableModel::loadFailed, this, &SyncPanel::problem);
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(500);
    connect(&m_refreshTimer, &QTimer::timeout, m_model, &ProductTableModel::refresh);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SyncPanel::updateActions);
    connect(&m_work, &WorkHost::started, this, &SyncPanel::updateActions);
    connect(&m_work, &WorkHost::progress, this, &SyncPanel::showProgress);
    connect(&m_work, &WorkHost::finished, this, &SyncPanel::workFinished);
    connect(&m_connection, &StatusBarController::reachabilityChanged, this, [this] {
        showStatus();
        showEstimate();
    });
}

void SyncPanel::buildLayout() {
    m_heading->setObjectName(QStringLiteral("syncHeading"));
    m_heading->setAccessibleName(tr("Sync queue summary"));
    m_heading->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("syncStatus"));
    m_status->setAccessibleName(tr("Connection to the store"));
    m_status->setWordWrap(true);
    m_estimate->setObjectName(QStringLiteral("syncEstimate"));
    m_estimate->setAccessibleName(tr("How long the sync should take"));
    m_estimate->setWordWrap(true);
    m_mode->setObjectName(QStringLiteral("syncMode"));
    m_mode->setAccessibleName(tr("When approved products are synced"));
    m_mode->setWordWrap(true);
    m_mode->setForegroundRole(QPalette::PlaceholderText);
    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_progress->setAccessibleName(tr("Sync progress"));
    m_progress->setTextVisible(true);
    m_progress->hide();

    m_view->setObjectName(QStringLiteral("syncQueue"));
    m_view->setAccessibleName(tr("Products to sync"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    for (int column : {ProductTableModel::Review, ProductTableModel::Suggestions,
                       ProductTableModel::LowestConfidence})
        m_view->hideColumn(column);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setSectionResizeMode(ProductTableModel::Message,
                                                     QHeaderView::Stretch);
    m_view->horizontalHeader()->resizeSection(ProductTableModel::Title, 320);

    m_syncNow->setObjectName(QStringLiteral("syncNowAction"));
    m_syncNow->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_syncNow->setToolTip(tr("Push the queued products to Shopify, checking each for changes "
                             "made there first (Ctrl+Enter)"));
    m_retry->setObjectName(QStringLiteral("retryAction"));
    m_retry->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_retry->setToolTip(tr("Put the selected failed products, else all of them, back in the "
                           "queue and push them (Ctrl+R)"));
    m_stop->setObjectName(QStringLiteral("stopSyncAction"));
    m_stop->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_stop->setToolTip(tr("Finish the product being pushed, then stop; the rest stay queued "
                          "(Ctrl+.)"));
    const std::pair<QAction *, QPushButton *> buttons[] = {
        {m_syncNow, m_syncNowButton}, {m_retry, m_retryButton}, {m_stop, m_stopButton}};
    for (const auto &[action, button] : buttons) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        button->setObjectName(action->objectName() + QStringLiteral("Button"));
        button->setText(action->text());
        button->setToolTip(action->toolTip());
        button->setAccessibleName(QString(action->text()).remove(QLatin1Char('&')));
        button->setAutoDefault(false);
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        // Init-captures: Debian 12's clang 14 (the asan preset) cannot capture a structured
        // binding by name; C++20 allows it (P1091R3) but clang implements it only from 16.
        connect(action, &QAction::changed, button, [action = action, button = button] {
            button->setEnabled(action->isEnabled());
            button->setText(action->text());
        });
    }

    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_mode, 1);
    buttonRow->addWidget(m_stopButton);
    buttonRow->addWidget(m_retryButton);
    buttonRow->addWidget(m_syncNowButton);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_status);
    layout->addWidget(m_estimate);
    layout->addWidget(m_progress);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttonRow);
    setFocusProxy(m_view);
}

void SyncPanel::openJob(qint64 jobId) {
    m_jobId = jobId;
    m_summary.reset();
    m_model->setQuery({jobId, ProductFilter::SyncQueue, ProductOrder::Position, false});
    reload();
}

void SyncPanel::reload() {
    const quint64 generation = ++m_generation;
    const qint64 jobId = m_jobId;
    m_model->refresh();
    whenFinished(this, m_reader.inBackground(&JobReader::summary, jobId),
                 [this, generation](const Result<JobSummary> &summary) {
                     if (generation != m_generation)
                         return;
                     if (!summary)
                         return emit problem(summary.error().message);
                     showSummary(summary.value());
                 });
}

void SyncPanel::showSummary(const JobSummary &summary) {
    m_summary = summary;
    const ProductTally &t = summary.tally;
    QStringList parts;
    const QLocale locale;
    parts << tr("Waiting to be pushed: %1").arg(locale.toString(t.waitingToSync));
    if (t.syncFailed > 0)
        parts << tr("failed: %1").arg(locale.toString(t.syncFailed));
    if (t.synced > 0)
        parts << tr("pushed: %1").arg(locale.toString(t.synced));
    if (t.conflicts > 0)
        parts << tr("in conflict: %1 (see Conflicts)").arg(locale.toString(t.conflicts));
    m_heading->setText(QStringLiteral("<b>%1</b><br>%2")
                           .arg(summary.job.name.toHtmlEscaped(),
                                parts.join(QStringLiteral(" · ")).toHtmlEscaped()));
    const bool automatic = m_work.account().preferences().syncWhenOnline;
    m_mode->setText(automatic ? tr("Approved products go out on their own when the store "
                                   "answers again (Settings › General).")
                              : tr("Approved products wait for Sync now (Settings › General)."));
    showStatus();
    showEstimate();
    updateActions();
}

void SyncPanel::showStatus() {
    const std::optional<bool> online = m_connection.online();
    const qint64 waiting = m_summary ? m_summary->tally.waitingToSync : 0;
    if (!online) {
        m_status->setText(tr("Asking the store whether it answers…"));
    } else if (*online) {
        m_status->setText(tr("● The store answers: the queue can be pushed now."));
    } else {
        m_status->setText(tr("○ The store cannot be reached. Ready to sync: %1 approved products "
                             "wait here, and nothing is lost.")
                              .arg(QLocale().toString(waiting)));
    }
    m_status->setToolTip(m_connection.connectionLabel() ? m_connection.connectionLabel()->toolTip()
                                                        : QString());
}

void SyncPanel::showEstimate() {
    if (!m_summary)
        return;
    const Preferences &preferences = m_work.account().preferences();
    const std::optional<RateLimit> limit = m_connection.rateLimit();
    const SyncEstimate e = estimateSync(m_summary->tally.waitingToSync, m_summary->job.destinations,
                                        limit, preferences.bulkPushMin);
    const QLocale locale;
    if (e.products == 0) {
        m_estimate->setText(tr("Nothing waits to be pushed."));
    } else if (e.bulk) {
        m_estimate->setText(tr("%1 products go out as one bulk operation, which Shopify runs on "
                               "its side outside the rate limit.")
                                .arg(locale.toString(e.products)));
    } else if (!e.waitSeconds) {
        m_estimate->setText(tr("About %1 points of the store's rate limit; how long that takes is "
                               "known once the store has answered.")
                                .arg(locale.toString(e.points, 'f', 0)));
    } else {
        const QString limitText = tr("%1 points, refilling %2 a second")
                                      .arg(locale.toString(limit->maximumAvailable, 'f', 0),
                                           locale.toString(limit->restoreRate, 'f', 0));
        m_estimate->setText(
            *e.waitSeconds <= 0
                ? tr("About %1 points: within the store's rate limit (%2), no waiting.")
                      .arg(locale.toString(e.points, 'f', 0), limitText)
                : tr("About %1 points: %2 of waiting for the store's rate limit (%3).")
                      .arg(locale.toString(e.points, 'f', 0), aboutDuration(*e.waitSeconds),
                           limitText));
    }
}

void SyncPanel::showProgress(qint64 jobId, const JobProgress &progress) {
    if (jobId != m_jobId || progress.phase != JobProgress::Phase::Pushing)
        return;
    m_progress->show();
    m_progress->setRange(0, int(std::max<qint64>(progress.total, 1)));
    m_progress->setValue(int(progress.done));
    m_progress->setFormat(progress.describe());
    // The rows say which products went out: read again at most twice a second, however
    // fast the products go.
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

void SyncPanel::workFinished(qint64 jobId, const WorkResult &result) {
    if (jobId != m_jobId)
        return;
    updateActions();
    if (result.kind != WorkKind::Push && result.kind != WorkKind::Resolve)
        return;
    m_progress->hide();
    reload();
    if (result.kind == WorkKind::Push)
        emit synced(jobId);
}

QStringList SyncPanel::selectedFailed() const {
    QStringList ids;
    for (const QModelIndex &row : m_view->selectionModel()->selectedRows()) {
        if (SyncState(row.data(ProductTableModel::SyncRole).toInt()) == SyncState::Failed)
            ids << row.data(ProductTableModel::ProductIdRole).toString();
    }
    return ids;
}

void SyncPanel::updateActions() {
    const bool busy = m_jobId && m_work.isBusy(m_jobId);
    const bool pushing = m_work.busyWith(m_jobId) == WorkKind::Push;
    const qint64 waiting = m_summary ? m_summary->tally.waitingToSync : 0;
    const qint64 failed = m_summary ? m_summary->tally.syncFailed : 0;
    const qsizetype selected = selectedFailed().size();
    m_syncNow->setEnabled(!busy && waiting > 0);
    m_retry->setEnabled(!busy && failed > 0);
    m_retry->setText(selected > 0 ? tr("&Retry %1 selected").arg(selected) : tr("&Retry failed"));
    m_stop->setEnabled(pushing);
    if (!pushing)
        m_progress->hide();
}

void SyncPanel::syncNow() {
    push({}, false);
}

void SyncPanel::retry() {
    push(selectedFailed(), true);
}

void SyncPanel::stop() {
    if (m_work.busyWith(m_jobId) == WorkKind::Push)
        m_work.cancel(m_jobId);
}

void SyncPanel::push(const QStringList &productIds, bool retryFailed) {
    if (!m_summary || m_work.isBusy(m_jobId))
        return;
    if (const Status started =
            m_sync.syncJob(m_jobId, m_summary->job.name, productIds, retryFailed);
        !started)
        return emit problem(started.error().message);
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("Starting…"));
    m_progress->show();
    updateActions();
}

} // namespace tagdesk::ui

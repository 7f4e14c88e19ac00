#include "jobview/jobviewpanel.h"

#include "util/futures.h"

#include "icons.h"
#include "jobview/confidencechart.h"
#include "jobview/producttablemodel.h"
#include "jobview/reviewactions.h"
#include "jobview/thumbnailcache.h"
#include "pipeline/jobservice.h"
#include "review/savetodialog.h"

#include <QAction>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTabBar>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace tagdesk::ui {

namespace {
constexpr int thumbnailSide = 48;

// The filter tabs, in order.
constexpr ProductFilter filterTabs[] = {ProductFilter::All,       ProductFilter::Pending,
                                        ProductFilter::Approved,  ProductFilter::Rejected,
                                        ProductFilter::Conflicts, ProductFilter::Errors,
                                        ProductFilter::Flagged};
} // namespace

JobViewPanel::JobViewPanel(JobReader reader, ReviewService &review, JobService &jobs,
                           QString imageFolder, QWidget *parent)
    : QWidget(parent)
    , m_reader(reader)
    , m_thumbnails(
          new ThumbnailCache(std::move(imageFolder), QSize(thumbnailSide, thumbnailSide), this))
    , m_model(new ProductTableModel(std::move(reader), m_thumbnails, this))
    , m_review(new ReviewActions(review, this))
    , m_back(new QToolButton(this))
    , m_title(new QLabel(this))
    , m_facts(new QLabel(this))
    , m_filters(new QTabBar(this))
    , m_view(new QTableView(this))
    , m_listMessage(new QLabel(this))
    , m_selection(new QLabel(this))
    , m_approve(new QPushButton(appIcon("approve"), tr("A&pprove selected"), this))
    , m_reject(new QPushButton(appIcon("reject"), tr("Re&ject selected"), this))
    , m_approveTo(new QPushButton(tr("Approve selected &to…"), this))
    , m_whereToSave(new QPushButton(tr("&Where to save…"), this))
    , m_jobs(jobs)
    , m_reviewButton(new QPushButton(appIcon("open"), tr("&Review…"), this))
    , m_historyButton(new QPushButton(tr("&History…"), this))
    , m_conflictsButton(new QPushButton(tr("C&onflicts…"), this))
    , m_syncButton(new QPushButton(appIcon("sync"), tr("&Sync…"), this))
    , m_chart(new ConfidenceChart(this))
    , m_threshold(new QSpinBox(this))
    , m_approveAbove(new QPushButton(appIcon("approve-above"), QString(), this)) {
    setObjectName(QStringLiteral("jobView"));
    m_thumbnails->setDevicePixelRatio(devicePixelRatioF());
    buildLayout();

    connect(m_back, &QToolButton::clicked, this, &JobViewPanel::backRequested);
    connect(m_filters, &QTabBar::currentChanged, this, &JobViewPanel::setFilter);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &JobViewPanel::updateSelectionActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &JobViewPanel::updateSelectionActions);
    connect(m_model, &ProductTableModel::loaded, this, [this] {
        const bool none = m_model->totalCount() == 0;
        m_listMessage->setVisible(none);
        m_listMessage->setText(m_model->query().filter == ProductFilter::All
                                   ? tr("This job has no products yet. Run it to list and "
                                        "analyse its selection.")
                                   : tr("No products match this filter."));
        updateSelectionActions();
    });
    connect(m_model, &ProductTableModel::loadFailed, this, [this](const QString &message) {
        m_listMessage->setText(tr("The products could not be read: %1").arg(message));
        m_listMessage->show();
    });
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (const ProductRow *row = m_model->rowAt(index.row()))
            emit reviewRequested(row->productId);
    });
    connect(m_reviewButton, &QPushButton::clicked, this, [this] {
        const ProductRow *row = m_model->rowAt(m_view->currentIndex().row());
        emit reviewRequested(row ? row->productId : QString());
    });
    connect(m_historyButton, &QPushButton::clicked, this, &JobViewPanel::historyRequested);
    connect(m_syncButton, &QPushButton::clicked, this, &JobViewPanel::syncRequested);
    connect(m_conflictsButton, &QPushButton::clicked, this, &JobViewPanel::conflictsRequested);
    connect(m_approve, &QPushButton::clicked, this,
            [this] { m_review->approve(jobId(), selectedProductIds(true)); });
    connect(m_reject, &QPushButton::clicked, this,
            [this] { m_review->reject(jobId(), selectedProductIds(true)); });
    connect(m_approveTo, &QPushButton::clicked, this, &JobViewPanel::approveSelectedTo);
    connect(m_whereToSave, &QPushButton::clicked, this, &JobViewPanel::chooseJobWriting);
    connect(m_approveAbove, &QPushButton::clicked, this,
            [this] { m_review->approveAtOrAbove(jobId(), m_threshold->value() / 100.0); });
    connect(m_threshold, &QSpinBox::valueChanged, this, [this](int percent) {
        m_chart->setThreshold(percent / 100.0);
        updateThresholdButton();
    });
    connect(m_review, &ReviewActions::decided, this, &JobViewPanel::afterDecision);
    connect(m_review, &ReviewActions::failed, this, &JobViewPanel::problem);
    connect(m_review, &ReviewActions::busyChanged, this, [this] {
        updateSelectionActions();
        updateThresholdButton();
    });
}

void JobViewPanel::buildLayout() {
    m_back->setObjectName(QStringLiteral("backToJobs"));
    m_back->setIcon(appIcon("back"));
    m_back->setText(tr("All jobs"));
    m_back->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_back->setAutoRaise(true);
    m_back->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_back->setToolTip(tr("Back to all jobs (Alt+Left)"));
    m_back->setAccessibleName(tr("Back to all jobs"));

    m_title->setObjectName(QStringLiteral("jobTitle"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts->setObjectName(QStringLiteral("jobFacts"));
    m_facts->setWordWrap(true);

    m_filters->setObjectName(QStringLiteral("productFilter"));
    m_filters->setAccessibleName(tr("Show products"));
    m_filters->setExpanding(false);
    m_filters->setDrawBase(false);
    for (const QString &label : {tr("All"), tr("Pending review"), tr("Approved"), tr("Rejected"),
                                 tr("Conflicts"), tr("Errors"), tr("Flagged")})
        m_filters->addTab(label);

    m_view->setObjectName(QStringLiteral("productTable"));
    m_view->setAccessibleName(tr("Products"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setIconSize(QSize(thumbnailSide, thumbnailSide));
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(thumbnailSide + 8);
    m_view->hideColumn(ProductTableModel::Message); // the row's tooltip says it
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setSectionResizeMode(ProductTableModel::Title,
                                                     QHeaderView::Stretch);
    // Wide enough for the header and the longest state ("Waiting to sync").
    const QFontMetrics fm = m_view->horizontalHeader()->fontMetrics();
    const auto fit = [this, &fm](int column, const QString &widest) {
        const QString header =
            m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        m_view->horizontalHeader()->resizeSection(
            column, std::max(fm.horizontalAdvance(header), fm.horizontalAdvance(widest)) + 28);
    };
    fit(ProductTableModel::Review, reviewText(ReviewState::Pending));
    fit(ProductTableModel::Sync, syncText(SyncState::Queued));
    fit(ProductTableModel::Suggestions, QString());
    fit(ProductTableModel::LowestConfidence, QString());

    m_listMessage->setObjectName(QStringLiteral("productListMessage"));
    m_listMessage->setAlignment(Qt::AlignCenter);
    m_listMessage->setWordWrap(true);
    m_listMessage->hide();

    m_selection->setObjectName(QStringLiteral("selectionSummary"));
    m_approveTo->setObjectName(QStringLiteral("approveSelectedTo"));
    m_approveTo->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
    m_approveTo->setToolTip(tr("Choose where the selected products' values are saved, with the "
                               "before → after of the current one, then approve them "
                               "(Ctrl+Shift+Enter; Ctrl+A selects the whole job)"));
    m_approve->setObjectName(QStringLiteral("approveSelected"));
    m_approve->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_approve->setToolTip(tr("Approve the selected products (Ctrl+Enter)"));
    m_reject->setObjectName(QStringLiteral("rejectSelected"));
    m_reject->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Delete));
    m_reject->setToolTip(tr("Reject the selected products (Ctrl+Delete)"));
    m_reviewButton->setObjectName(QStringLiteral("reviewProducts"));
    m_reviewButton->setToolTip(tr("Review the listed products one by one, from the current "
                                  "one (Enter or double-click on a product)"));
    m_historyButton->setObjectName(QStringLiteral("showHistory"));
    m_historyButton->setToolTip(tr("Every push and revert of this job, and Revert (Alt+H)"));
    m_whereToSave->setObjectName(QStringLiteral("whereToSave"));
    m_whereToSave->setToolTip(tr("Where the job's approved values are saved and how they are "
                                 "written, with the current product's before → after (Alt+W)"));
    m_syncButton->setObjectName(QStringLiteral("showSync"));
    m_syncButton->setToolTip(tr("The products waiting to be pushed, how long it should take, "
                                "failures with Shopify's message, Retry (Alt+S)"));
    m_conflictsButton->setObjectName(QStringLiteral("showConflicts"));
    m_conflictsButton->setToolTip(
        tr("Products Shopify changed before a push could write them (Alt+O)"));
    auto *selectAll = new QAction(tr("Select all"), this);
    selectAll->setShortcut(QKeySequence::SelectAll);

    m_threshold->setObjectName(QStringLiteral("confidenceThreshold"));
    m_threshold->setRange(0, 100);
    m_threshold->setSuffix(QStringLiteral("%"));
    m_threshold->setValue(80);
    m_threshold->setAccessibleName(tr("Lowest confidence to approve"));
    m_chart->setThreshold(0.8);
    m_approveAbove->setObjectName(QStringLiteral("approveAtOrAbove"));

    auto *header = new QHBoxLayout;
    header->addWidget(m_back);
    header->addWidget(m_title, 1);
    header->addWidget(m_whereToSave);
    header->addWidget(m_syncButton);
    header->addWidget(m_conflictsButton);
    header->addWidget(m_historyButton);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_selection, 1);
    bottom->addWidget(m_reviewButton);
    bottom->addWidget(m_reject);
    bottom->addWidget(m_approveTo);
    bottom->addWidget(m_approve);
    auto *left = new QVBoxLayout;
    left->addWidget(m_filters);
    left->addWidget(m_view, 1);
    left->addWidget(m_listMessage);
    left->addLayout(bottom);

    auto *confidence = new QGroupBox(tr("Confidence"), this);
    auto *confidenceLayout = new QVBoxLayout(confidence);
    confidenceLayout->addWidget(m_chart);
    auto *thresholdRow = new QHBoxLayout;
    auto *thresholdLabel = new QLabel(tr("Approve all &at or above:"), confidence);
    thresholdLabel->setBuddy(m_threshold);
    thresholdRow->addWidget(thresholdLabel);
    thresholdRow->addWidget(m_threshold);
    confidenceLayout->addLayout(thresholdRow);
    confidenceLayout->addWidget(m_approveAbove);
    auto *hint = new QLabel(tr("Approves pending products whose every suggestion is at least "
                               "this sure."),
                            confidence);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    confidenceLayout->addWidget(hint);
    auto *right = new QVBoxLayout;
    right->addWidget(confidence);
    right->addStretch();

    auto *body = new QHBoxLayout;
    body->addLayout(left, 1);
    body->addLayout(right);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_facts);
    layout->addLayout(body, 1);

    connect(selectAll, &QAction::triggered, m_view, &QTableView::selectAll);
    addAction(selectAll);
    setFocusProxy(m_view);
    setTabOrder(m_back, m_whereToSave);
    setTabOrder(m_whereToSave, m_syncButton);
    setTabOrder(m_syncButton, m_conflictsButton);
    setTabOrder(m_conflictsButton, m_historyButton);
    setTabOrder(m_historyButton, m_filters);
    setTabOrder(m_filters, m_view);
    setTabOrder(m_view, m_reviewButton);
    setTabOrder(m_reviewButton, m_reject);
    setTabOrder(m_reject, m_approveTo);
    setTabOrder(m_approveTo, m_approve);
    setTabOrder(m_approve, m_threshold);
    setTabOrder(m_threshold, m_approveAbove);
}

ProductListQuery JobViewPanel::query() const {
    return m_model->query();
}

void JobViewPanel::setReviewer(const QString &reviewer) {
    m_review->setReviewer(reviewer);
}

void JobViewPanel::openJob(const JobSummary &job) {
    const bool otherJob = job.job.id != m_job.job.id;
    m_job = job;
    showHeader();
    if (otherJob) {
        m_filters->blockSignals(true);
        m_filters->setCurrentIndex(0);
        m_filters->blockSignals(false);
        m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
        m_model->setQuery({job.job.id, ProductFilter::All, ProductOrder::Position, false});
        m_chart->setOverview({});
    } else {
        m_model->refresh();
    }
    reloadOverview();
    m_view->setFocus();
}

void JobViewPanel::setSummary(const JobSummary &job) {
    if (job.job.id != m_job.job.id)
        return;
    // A run under way lists, analyses and stores products: the table and the chart follow
    // what the tally says changed (the job list is read again every 1.5 s while it runs).
    // Both read in the background; a first page already shown keeps its selection.
    const bool productsChanged = job.tally != m_job.tally;
    m_job = job;
    showHeader();
    if (productsChanged && isVisible()) {
        m_model->refresh();
        reloadOverview();
    }
}

void JobViewPanel::showHeader() {
    const ProductTally &t = m_job.tally;
    m_title->setText(tr("%1 — %2").arg(m_job.job.name, jobStatusText(m_job.status)));
    QLocale l;
    m_facts->setText(tr("%1 · %2 · %3 products: %4 analysed, %5 waiting for review, %6 approved, "
                        "%7 rejected, %8 failed")
                         .arg(m_job.job.selection.describe(), taggerDisplayName(m_job.job.tagger),
                              l.toString(t.total), l.toString(t.analysed),
                              l.toString(t.needsReview), l.toString(t.approved),
                              l.toString(t.rejected), l.toString(t.failed)));
}

void JobViewPanel::setFilter(int tab) {
    ProductListQuery q = m_model->query();
    q.filter = filterTabs[std::clamp(tab, 0, int(std::size(filterTabs)) - 1)];
    m_model->setQuery(q);
}

void JobViewPanel::reloadOverview() {
    const quint64 generation = ++m_overviewGeneration;
    whenFinished(this, m_reader.inBackground(&JobReader::confidence, jobId()),
                 [this, generation](const Result<ConfidenceOverview> &overview) {
                     if (generation != m_overviewGeneration)
                         return;
                     if (!overview)
                         return emit problem(overview.error().message);
                     m_chart->setOverview(overview.value());
                     updateThresholdButton();
                 });
}

QStringList JobViewPanel::selectedProductIds(bool reviewableOnly) const {
    QStringList ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        const ProductRow *row = m_model->rowAt(index.row());
        if (row && (!reviewableOnly || row->progress.stage == PipelineStage::Analysed))
            ids << row->productId;
    }
    return ids;
}

void JobViewPanel::updateSelectionActions() {
    const int selected = int(m_view->selectionModel()->selectedRows().size());
    const int reviewable = int(selectedProductIds(true).size());
    const qint64 total = m_model->totalCount();
    QString text =
        tr("%1 of %2 selected")
            .arg(QLocale().toString(selected), QLocale().toString(std::max<qint64>(total, 0)));
    if (reviewable < selected)
        text += tr(" (%1 not analysed, cannot be reviewed)").arg(selected - reviewable);
    m_selection->setText(text);
    const bool canDecide = reviewable > 0 && !m_review->busy();
    m_approve->setEnabled(canDecide);
    m_approveTo->setEnabled(canDecide);
    m_reject->setEnabled(canDecide);
}

void JobViewPanel::openSaveTo(const QString &productId,
                              std::function<void(qint64 job, SaveToDialog *)> prepare) {
    const qint64 job = jobId();
    whenFinished(this, m_reader.inBackground(&JobReader::productReview, job, productId),
                 [this, job, prepare](const Result<ProductReview> &review) {
                     if (!review)
                         return emit problem(review.error().message);
                     if (job != jobId())
                         return; // another job was opened meanwhile
                     auto *dialog = new SaveToDialog(review.value(), this);
                     dialog->setAttribute(Qt::WA_DeleteOnClose);
                     prepare(job, dialog);
                     dialog->open();
                 });
}

void JobViewPanel::approveSelectedTo() {
    const QStringList ids = selectedProductIds(true);
    if (ids.isEmpty())
        return;
    // The preview is the current product's if it is among them, else the first's.
    const ProductRow *current = m_model->rowAt(m_view->currentIndex().row());
    const QString shown =
        current && ids.contains(current->productId) ? current->productId : ids.first();
    openSaveTo(shown, [this, ids](qint64 job, SaveToDialog *dialog) {
        dialog->applyToProducts(int(ids.size()));
        connect(dialog, &QDialog::accepted, this,
                [this, job, ids, dialog] { m_review->approve(job, ids, dialog->destinations()); });
    });
}

void JobViewPanel::chooseJobWriting() {
    const ProductRow *current = m_model->rowAt(std::max(0, m_view->currentIndex().row()));
    if (!current)
        return emit problem(tr("The job has no product yet to show the before → after of"));
    openSaveTo(current->productId, [this](qint64 job, SaveToDialog *dialog) {
        dialog->editJob(m_job.job.destinations, m_job.job.writing);
        connect(dialog, &QDialog::accepted, this, [this, job, dialog] {
            const QString name = m_job.job.name;
            whenFinished(
                this, m_jobs.setWriting(job, dialog->destinations(), dialog->writing()),
                [this, job, name](const Result<Job> &saved) {
                    if (!saved)
                        return emit problem(saved.error().message);
                    if (job == jobId())
                        m_job.job = saved.value();
                    emit message(
                        tr("“%1” saves its values as chosen from the next push on").arg(name));
                    emit jobChanged(job);
                });
        });
    });
}

void JobViewPanel::updateThresholdButton() {
    const qint64 count = m_chart->overview().pendingAtOrAbove(m_threshold->value() / 100.0);
    const QString percent = QString::number(m_threshold->value());
    m_approveAbove->setText(
        count == 1 ? tr("Approve 1 product ≥ %1%").arg(percent)
                   : tr("Approve %1 products ≥ %2%").arg(QLocale().toString(count), percent));
    m_approveAbove->setAccessibleName(m_approveAbove->text());
    m_approveAbove->setEnabled(count > 0 && !m_review->busy());
}

void JobViewPanel::afterDecision(const QString &summary) {
    emit message(summary);
    m_model->refresh();
    reloadOverview();
    emit jobChanged(jobId());
}

} // namespace tagdesk::ui

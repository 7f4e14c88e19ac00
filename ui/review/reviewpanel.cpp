#include "review/reviewpanel.h"

#include "util/futures.h"

#include "domain/attribute.h"
#include "domain/preferences.h"
#include "domain/tagger.h"
#include "icons.h"
#include "jobview/thumbnailcache.h"
#include "pipeline/originalphotos.h"
#include "pipeline/reviewservice.h"
#include "pipeline/workhost.h"
#include "review/alternativedelegate.h"
#include "review/attributetablemodel.h"
#include "review/changepreview.h"
#include "review/fullimagecache.h"
#include "review/imageviewer.h"
#include "review/reviewkeys.h"
#include "review/reviewqueue.h"
#include "review/savetodialog.h"
#include "settings/account.h"
#include "sync/productfields.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <functional>
#include <utility>

namespace tagdesk::ui {

namespace {
using Verdict = AttributeDecision::Verdict;
constexpr int recentShown = 8;
constexpr int stripThumbnail = 72;

QString elided(const QString &text, int chars = 160) {
    return text.size() > chars ? text.left(chars - 1) + QChar(0x2026) : text;
}
} // namespace

ReviewPanel::ReviewPanel(JobReader reader, ReviewService &review, WorkHost &work,
                         QString imageFolder, QWidget *parent)
    : QWidget(parent)
    , m_reader(reader)
    , m_review(review)
    , m_work(work)
    , m_reviewer(Preferences().reviewer)
    , m_thumbnails(new ThumbnailCache(imageFolder, QSize(stripThumbnail, stripThumbnail), this))
    , m_fullImages(new FullImageCache(std::move(imageFolder), 256ll << 20, this))
    , m_queue(new ReviewQueue(std::move(reader), *m_fullImages, this))
    , m_model(new AttributeTableModel(this))
    , m_back(new QToolButton(this))
    , m_title(new QLabel(this))
    , m_position(new QLabel(this))
    , m_state(new QLabel(this))
    , m_order(new QComboBox(this))
    , m_images(new ImageViewer(*m_fullImages, *m_thumbnails,
                               new OriginalPhotos(work.account(), this), this))
    , m_table(new QTableView(this))
    , m_evidence(new QLabel(this))
    , m_preview(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_recent(new QWidget(this))
    , m_recentLayout(new QHBoxLayout(m_recent))
    , m_groupLabel(new QLabel(this)) {
    setObjectName(QStringLiteral("reviewPanel"));
    m_thumbnails->setDevicePixelRatio(devicePixelRatioF());
    buildLayout();
    createKeys();

    connect(m_back, &QToolButton::clicked, this, &ReviewPanel::backRequested);
    connect(m_queue, &ReviewQueue::currentChanged, this, &ReviewPanel::showProduct);
    connect(m_queue, &ReviewQueue::positionChanged, this, &ReviewPanel::showPosition);
    connect(m_queue, &ReviewQueue::failed, this, &ReviewPanel::problem);
    connect(&m_work, &WorkHost::finished, this, &ReviewPanel::revertFinished);
    connect(m_queue, &ReviewQueue::listed, this, [this](int count) {
        if (count == 0) {
            m_title->setText(tr("Nothing to review"));
            m_position->setText(tr("No product of this job matches the list you came from."));
            m_model->setReview({});
            m_images->setImages({});
            m_preview->clear();
            m_evidence->clear();
        }
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ReviewPanel::showEvidence);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ReviewPanel::showEvidence);
    connect(m_model, &AttributeTableModel::editRequested, this,
            [this](const QString &attribute, const QString &value) {
                if (const ProductReview *r = m_queue->current()) {
                    const AttributeReview *a = m_model->attributeAt(r->rowOf(attribute));
                    const bool same = a && value == a->suggestion.value;
                    sendDecision(r->rowOf(attribute), same ? Verdict::Accepted : Verdict::Edited,
                                 value);
                }
            });
    connect(m_order, &QComboBox::activated, this, &ReviewPanel::reorder);
}

void ReviewPanel::buildLayout() {
    m_back->setObjectName(QStringLiteral("backToJob"));
    m_back->setIcon(appIcon("back"));
    m_back->setText(tr("Job"));
    m_back->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_back->setAutoRaise(true);
    m_back->setToolTip(tr("Back to the job's products (Esc, Alt+Left)"));
    m_back->setAccessibleName(tr("Back to the job"));
    m_back->setFocusPolicy(Qt::TabFocus);

    m_title->setObjectName(QStringLiteral("reviewTitle"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_position->setObjectName(QStringLiteral("reviewPosition"));
    m_state->setObjectName(QStringLiteral("reviewState"));
    m_state->setWordWrap(true);
    m_groupLabel->setObjectName(QStringLiteral("reviewGroup"));
    m_groupLabel->setAccessibleName(tr("Products like this one"));
    m_groupLabel->setWordWrap(true);
    m_groupLabel->hide();

    m_order->setObjectName(QStringLiteral("reviewOrder"));
    m_order->setAccessibleName(tr("Review order"));
    m_order->addItems(
        {tr("As listed"), tr("Least sure first"), tr("Most sure first"), tr("Flagged first")});
    m_order->setFocusPolicy(Qt::TabFocus);
    auto *orderLabel = new QLabel(tr("&Order:"), this);
    orderLabel->setBuddy(m_order);
    auto *keysButton = new QToolButton(this);
    keysButton->setObjectName(QStringLiteral("showKeys"));
    keysButton->setText(tr("Keys…"));
    keysButton->setToolTip(tr("Every key of the review (?)"));
    keysButton->setAccessibleName(tr("Show the review's keys"));
    keysButton->setFocusPolicy(Qt::TabFocus);
    connect(keysButton, &QToolButton::clicked, this, &ReviewPanel::showKeySheet);

    m_table->setObjectName(QStringLiteral("attributeTable"));
    m_table->setAccessibleName(tr("Suggestions beside the store's values"));
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(AttributeTableModel::Suggestion,
                                      new AlternativeDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->setTabKeyNavigation(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    // Every column in view without a scroll bar: names and confidences as wide as they
    // are, the values and destinations share the rest.
    QHeaderView *columns = m_table->horizontalHeader();
    columns->setMinimumSectionSize(48);
    columns->setSectionResizeMode(AttributeTableModel::Attribute, QHeaderView::ResizeToContents);
    columns->setSectionResizeMode(AttributeTableModel::InShopify, QHeaderView::Stretch);
    columns->setSectionResizeMode(AttributeTableModel::Suggestion, QHeaderView::Stretch);
    columns->setSectionResizeMode(AttributeTableModel::Confidence, QHeaderView::ResizeToContents);
    columns->setSectionResizeMode(AttributeTableModel::GoesTo, QHeaderView::Stretch);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_evidence->setObjectName(QStringLiteral("reviewEvidence"));
    m_evidence->setWordWrap(true);
    m_evidence->setTextFormat(Qt::RichText);
    m_evidence->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_evidence->setAccessibleName(tr("Evidence for the focused suggestion"));

    m_preview->setObjectName(QStringLiteral("reviewPreview"));
    m_preview->setWordWrap(true);
    m_preview->setTextFormat(Qt::RichText);
    m_preview->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setAccessibleName(tr("Before and after"));
    auto *previewBox = new QGroupBox(tr("Before → after, if approved"), this);
    auto *previewScroll = new QScrollArea(previewBox);
    previewScroll->setWidget(m_preview);
    previewScroll->setWidgetResizable(true);
    previewScroll->setFrameShape(QFrame::NoFrame);
    previewScroll->setFocusPolicy(Qt::NoFocus);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addWidget(previewScroll);

    m_recent->setObjectName(QStringLiteral("recentDecisions"));
    m_recent->setAccessibleName(tr("Last decisions"));
    m_recentLayout->setContentsMargins(0, 0, 0, 0);
    auto *recentLabel = new QLabel(tr("Last decisions:"), m_recent);
    recentLabel->setForegroundRole(QPalette::PlaceholderText);
    m_recentLayout->addWidget(recentLabel);
    m_recentLayout->addStretch();

    m_hint->setObjectName(QStringLiteral("reviewHint"));
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    auto *right = new QWidget(this);
    right->setMinimumWidth(560);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_table, 3);
    rightLayout->addWidget(m_evidence);
    rightLayout->addWidget(previewBox, 2);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("reviewSplitter"));
    split->addWidget(m_images);
    split->addWidget(right);
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 6);
    split->setChildrenCollapsible(false);

    auto *header = new QHBoxLayout;
    header->addWidget(m_back);
    header->addWidget(m_title, 1);
    header->addWidget(orderLabel);
    header->addWidget(m_order);
    header->addWidget(keysButton);
    auto *facts = new QHBoxLayout;
    facts->addWidget(m_position);
    facts->addWidget(m_state, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addLayout(facts);
    layout->addWidget(m_groupLabel);
    layout->addWidget(split, 1);
    layout->addWidget(m_recent);
    layout->addWidget(m_hint);

    setFocusProxy(m_table);
    setTabOrder(m_table, m_back);
    setTabOrder(m_back, m_order);
    setTabOrder(m_order, keysButton);
}

QAction *ReviewPanel::addKey(const QString &name, const QString &text,
                             const QList<QKeySequence> &keys, std::function<void()> run) {
    auto *action = new QAction(text, this);
    action->setObjectName(name);
    action->setShortcuts(keys);
    // The keys work anywhere in the review, but not in the job list behind it; a text
    // field (the edit's combo box) takes its typing first.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(action, &QAction::triggered, this, std::move(run));
    addAction(action);
    m_keyActions.append(action);
    return action;
}

void ReviewPanel::createKeys() {
    using std::bind_front;
    const QHash<QString, std::function<void()>> run{
        {QStringLiteral("approveProduct"), bind_front(&ReviewPanel::approveProduct, this)},
        {QStringLiteral("rejectProduct"), bind_front(&ReviewPanel::rejectProduct, this)},
        {QStringLiteral("acceptAttribute"),
         bind_front(&ReviewPanel::decideAttribute, this, Verdict::Accepted, QString())},
        {QStringLiteral("rejectAttribute"),
         bind_front(&ReviewPanel::decideAttribute, this, Verdict::Rejected, QString())},
        {QStringLiteral("undecideAttribute"),
         bind_front(&ReviewPanel::decideAttribute, this, Verdict::Pending, QString())},
        {QStringLiteral("editAttribute"), bind_front(&ReviewPanel::editAttribute, this)},
        {QStringLiteral("saveTo"), bind_front(&ReviewPanel::chooseDestinations, this)},
        {QStringLiteral("flagProduct"), bind_front(&ReviewPanel::flagProduct, this)},
        {QStringLiteral("approveGroup"), bind_front(&ReviewPanel::decideGroup, this, true)},
        {QStringLiteral("keepOneRejectRest"), bind_front(&ReviewPanel::decideGroup, this, false)},
        {QStringLiteral("skipProduct"), bind_front(&ReviewQueue::next, m_queue)},
        {QStringLiteral("nextProduct"), bind_front(&ReviewQueue::next, m_queue)},
        {QStringLiteral("previousProduct"), bind_front(&ReviewQueue::previous, m_queue)},
        {QStringLiteral("undo"), bind_front(&ReviewPanel::undo, this)},
        {QStringLiteral("toggleZoom"), bind_front(&ImageViewer::toggleZoom, m_images)},
        {QStringLiteral("nextImage"), bind_front(&ImageViewer::nextImage, m_images)},
        {QStringLiteral("showKeys"), bind_front(&ReviewPanel::showKeySheet, this)},
        {QStringLiteral("backToJob"), bind_front(&ReviewPanel::backRequested, this)},
    };
    const QSettings settings;
    for (const ReviewKey &key : reviewKeys()) {
        std::function<void()> handler = run.value(key.name);
        if (key.name.startsWith(QLatin1String("pickAlternative")))
            handler = bind_front(&ReviewPanel::pickAlternative, this, key.name.back().digitValue());
        Q_ASSERT(handler);
        addKey(key.name, key.text, savedReviewKeys(key, settings), std::move(handler));
    }
    showHint();
}

void ReviewPanel::applySavedKeys() {
    const QSettings settings;
    for (const ReviewKey &key : reviewKeys()) {
        if (QAction *action = keyAction(key.name))
            action->setShortcuts(savedReviewKeys(key, settings));
    }
    showHint();
}

void ReviewPanel::showHint() {
    // The keys of the commonest decisions, as they are set now (Settings › Keys).
    const std::pair<const char *, QString> shown[] = {
        {"approveProduct", tr("approve")},
        {"saveTo", tr("where to save, then approve")},
        {"rejectProduct", tr("reject")},
        {"acceptAttribute", tr("accept this attribute")},
        {"rejectAttribute", tr("reject it")},
        {"pickAlternative1", tr("alternative")},
        {"editAttribute", tr("edit")},
        {"flagProduct", tr("flag")},
        {"approveGroup", tr("approve the group")},
        {"undo", tr("undo")},
        {"showKeys", tr("all keys")},
    };
    QStringList parts;
    for (const auto &[name, what] : shown) {
        if (const QString key = keyText(QLatin1String(name)); !key.isEmpty())
            parts << key + QLatin1Char(' ') + what;
    }
    m_hint->setText(parts.join(QStringLiteral(" · ")));
}

QAction *ReviewPanel::keyAction(const QString &name) const {
    for (QAction *a : m_keyActions) {
        if (a->objectName() == name)
            return a;
    }
    return nullptr;
}

QString ReviewPanel::keyText(const QString &name) const {
    const QAction *a = keyAction(name);
    return a && !a->shortcuts().isEmpty()
               ? a->shortcuts().first().toString(QKeySequence::NativeText)
               : QString();
}

QString ReviewPanel::keySheet() const {
    QString sheet;
    for (const QAction *a : m_keyActions) {
        QStringList keys;
        for (const QKeySequence &k : a->shortcuts())
            keys << k.toString(QKeySequence::NativeText);
        sheet +=
            QStringLiteral("%1\t%2\n").arg(keys.join(QStringLiteral(" / ")), -16).arg(a->text());
    }
    sheet += tr("Up / Down\tMove between attributes\n");
    return sheet;
}

void ReviewPanel::showKeySheet() {
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("reviewKeySheet"));
    dialog->setWindowTitle(tr("Review keys"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *text = new QPlainTextEdit(keySheet(), dialog);
    text->setReadOnly(true);
    text->setAccessibleName(tr("Review keys"));
    QFont mono = text->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    text->setFont(mono);
    text->setMinimumSize(560, 420);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog->open();
}

void ReviewPanel::openJob(const JobSummary &job, const ProductListQuery &query,
                          const QString &productId) {
    m_job = job;
    m_history.clear();
    while (m_recentLayout->count() > 2) {
        QLayoutItem *item = m_recentLayout->takeAt(1);
        delete item->widget();
        delete item;
    }
    m_title->setText(tr("Loading %1…").arg(job.job.name));
    m_order->setCurrentIndex(0);
    m_queue->open(query, productId);
    m_table->setFocus();
}

void ReviewPanel::reorder(int choice) {
    ProductListQuery q = m_queue->query();
    switch (choice) {
    case 1:
        q.order = ProductOrder::LowestConfidence;
        q.descending = false;
        break;
    case 2:
        q.order = ProductOrder::LowestConfidence;
        q.descending = true;
        break;
    case 3:
        q.order = ProductOrder::Flagged;
        q.descending = false;
        break;
    default:
        q.order = ProductOrder::Position;
        q.descending = false;
        break;
    }
    m_queue->open(q, m_queue->currentId());
    m_table->setFocus();
}

void ReviewPanel::showPosition(int position) {
    const QLocale l;
    m_position->setText(
        position < 0
            ? QString()
            : tr("Product %1 of %2").arg(l.toString(position + 1), l.toString(m_queue->count())));
}

void ReviewPanel::showProduct(int position, const ProductReview &review) {
    const QString previousId = m_model->review().product.productId;
    const QString focusedAttribute = m_model->attributeAt(focusedRow())
                                         ? m_model->attributeAt(focusedRow())->attribute
                                         : QString();
    const bool sameProduct = previousId == review.product.productId;
    showPosition(position);
    const JobProduct &p = review.product;
    m_title->setText(p.title.isEmpty() ? p.productId : p.title);
    QString state = tr("%1 · %2 · %3")
                        .arg(stageText(p.progress.stage), reviewText(p.progress.review),
                             syncText(p.progress.sync));
    if (!p.error.isEmpty())
        state += tr(" — %1").arg(p.error);
    if (p.flagged)
        state = tr("⚑ Flagged for later · %1").arg(state);
    m_state->setText(state);
    m_model->setReview(review);
    if (!sameProduct)
        m_images->setImages(review.images);
    loadGroup(review.product.productId); // others may have been decided meanwhile
    showPreview(review);
    // Focus: the same attribute again after a reload, else the first undecided one.
    int row = sameProduct ? review.rowOf(focusedAttribute) : -1;
    for (int i = 0; row < 0 && i < review.attributes.size(); ++i) {
        if (review.attributes.at(i).verdict == Verdict::Pending)
            row = i;
    }
    if (row < 0 && !review.attributes.isEmpty())
        row = 0;
    if (row >= 0)
        m_table->setCurrentIndex(m_model->index(row, AttributeTableModel::Suggestion));
    showEvidence();
}

int ReviewPanel::focusedRow() const {
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void ReviewPanel::showEvidence() {
    const AttributeReview *a = m_model->attributeAt(focusedRow());
    if (!a) {
        m_evidence->setText(m_model->rowCount() == 0 && m_queue->current()
                                ? tr("The tagger suggested nothing for this product.")
                                : QString());
        m_images->highlightSource({});
        return;
    }
    QStringList lines;
    const Suggestion &s = a->suggestion;
    if (s.value.isEmpty()) {
        lines << tr("<b>%1</b>: added by the reviewer")
                     .arg(attributes::displayName(a->attribute).toHtmlEscaped());
    } else {
        int image = -1;
        const ProductReview &r = m_model->review();
        for (int i = 0; i < r.images.size(); ++i) {
            if (r.images.at(i).mediaId == s.sourceImageId)
                image = i + 1;
        }
        QString from = s.sourceImageId.isEmpty()
                           ? tr("the product's own words")
                           : taggerDisplayName(m_job.job.tagger).toHtmlEscaped();
        if (image > 0)
            from += tr(", image %1").arg(image);
        lines << tr("<b>%1</b>: %2 at %3 %, from %4")
                     .arg(attributes::displayName(a->attribute).toHtmlEscaped(),
                          s.value.toHtmlEscaped())
                     .arg(qRound(s.confidence * 100))
                     .arg(from);
        if (!s.providerLabel.isEmpty() &&
            s.providerLabel.compare(s.value, Qt::CaseInsensitive) != 0)
            lines << (s.sourceImageId.isEmpty() ? tr("Read from the product's %1")
                                                : tr("The tagger's own words: “%1”"))
                         .arg(s.providerLabel.toHtmlEscaped());
    }
    if (!a->alternatives.isEmpty()) {
        QStringList alts;
        for (int i = 0; i < a->alternatives.size() && i < 9; ++i) {
            const Alternative &alt = a->alternatives.at(i);
            alts << tr("<b>%1</b> %2 (%3 %)")
                        .arg(i + 1)
                        .arg(alt.value.toHtmlEscaped())
                        .arg(qRound(alt.confidence * 100));
        }
        lines << tr("Alternatives: %1").arg(alts.join(QStringLiteral(" · ")));
    } else {
        lines << tr("No alternatives: E types another value.");
    }
    if (const QString problem = m_model->review().categoryProblem; !problem.isEmpty())
        lines << tr("⚠ Category: %1").arg(problem.toHtmlEscaped());
    m_evidence->setText(lines.join(QStringLiteral("<br>")));
    m_images->highlightSource(s.sourceImageId);
}

void ReviewPanel::showPreview(const ProductReview &review) {
    m_preview->setText(changePreviewHtml(review, review.plan));
}

bool ReviewPanel::canDecide() {
    const ProductReview *r = m_queue->current();
    if (!r) {
        emit message(tr("The product is still loading."));
        return false;
    }
    if (r->product.progress.stage != PipelineStage::Analysed) {
        emit problem(tr("“%1” is not analysed (%2): there is nothing to decide yet.")
                         .arg(r->product.title, stageText(r->product.progress.stage)));
        return false;
    }
    return true;
}

void ReviewPanel::approveProduct() {
    if (!canDecide())
        return;
    const ProductReview &r = *m_queue->current();
    const QString id = r.product.productId;
    ApprovalSelection selection;
    selection.kind = ApprovalSelection::Kind::Products;
    selection.productIds = {id};
    remember(id, r.product.title, tr("approved"));
    track(m_review.approve(jobId(), selection, std::nullopt, m_reviewer), id,
          tr("“%1” could not be approved").arg(r.product.title));
    moveOn();
}

void ReviewPanel::chooseDestinations() {
    if (!canDecide())
        return;
    const ProductReview review = *m_queue->current();
    auto *dialog = new SaveToDialog(review, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, review] {
        const QString id = review.product.productId;
        ApprovalSelection selection;
        selection.kind = ApprovalSelection::Kind::Products;
        selection.productIds = {id};
        const Destinations chosen = dialog->destinations();
        remember(id, review.product.title, tr("approved to %1").arg(destinationsToKeys(chosen)));
        track(m_review.approve(jobId(), selection, chosen, m_reviewer), id,
              tr("“%1” could not be approved").arg(review.product.title));
        if (m_queue->currentId() == id)
            moveOn();
    });
    dialog->open();
}

void ReviewPanel::rejectProduct() {
    if (!canDecide())
        return;
    const ProductReview &r = *m_queue->current();
    const QString id = r.product.productId;
    remember(id, r.product.title, tr("rejected"));
    track(m_review.reject(jobId(), {id}, m_reviewer), id,
          tr("“%1” could not be rejected").arg(r.product.title));
    moveOn();
}

void ReviewPanel::flagProduct() {
    const ProductReview *r = m_queue->current();
    if (!r)
        return;
    const QString id = r->product.productId;
    const QString title = r->product.title;
    const bool flag = !r->product.flagged;
    // Not a decision: it stays out of the strip of decisions and out of Ctrl+Z.
    emit message(flag ? tr("“%1” flagged for later (F again takes the flag off)").arg(title)
                      : tr("“%1” is no longer flagged").arg(title));
    track(m_review.flag(jobId(), id, flag), id, tr("“%1” could not be flagged").arg(title));
    if (flag)
        moveOn();
}

void ReviewPanel::loadGroup(const QString &productId) {
    const quint64 generation = ++m_groupGeneration;
    if (m_groupOf != productId) {
        m_groupOf.clear();
        m_group = {};
        m_groupLabel->hide();
    }
    whenFinished(
        this, m_reader.inBackground(&JobReader::productGroup, jobId(), productId),
        [this, generation, productId](const Result<ProductGroup> &group) {
            if (generation != m_groupGeneration)
                return;
            if (!group) {
                m_groupLabel->setText(
                    tr("Products like this one could not be read: %1").arg(group.error().message));
                m_groupLabel->show();
                return;
            }
            m_group = group.value();
            m_groupOf = productId;
            showGroup();
        });
}

void ReviewPanel::showGroup() {
    if (m_group.isEmpty())
        return m_groupLabel->hide();
    const QLocale l;
    QStringList like;
    if (!m_group.sameSuggestions.isEmpty())
        like << tr("%1 with the same suggestions").arg(l.toString(m_group.sameSuggestions.size()));
    if (!m_group.sameImage.isEmpty())
        like << tr("%1 sharing a photo").arg(l.toString(m_group.sameImage.size()));
    const qsizetype others = m_group.all().size();
    m_groupLabel->setText(
        tr("Like this one, waiting for review: %1. %2 approves all %3 · %4 approves this one and "
           "rejects the other %5.")
            .arg(like.join(tr(", ")), keyText(QStringLiteral("approveGroup")),
                 l.toString(others + 1), keyText(QStringLiteral("keepOneRejectRest")),
                 l.toString(others)));
    m_groupLabel->show();
}

void ReviewPanel::decideGroup(bool approveOthers) {
    if (!canDecide())
        return;
    const ProductReview &r = *m_queue->current();
    const QString id = r.product.productId;
    const QString title = r.product.title;
    if (m_groupOf != id)
        return emit message(tr("Still looking for products like this one…"));
    const QStringList others = m_group.all();
    if (others.isEmpty())
        return emit message(tr("No other product waiting for review is like this one."));
    ApprovalSelection selection;
    selection.kind = ApprovalSelection::Kind::Products;
    selection.productIds = approveOthers ? QStringList{id} + others : QStringList{id};
    // Every product decided is one review event: Ctrl+Z takes them back together.
    remember(id, title,
             approveOthers ? tr("approved with %1 like it").arg(others.size())
                           : tr("kept; %1 like it rejected").arg(others.size()),
             int(others.size()) + 1);
    track(m_review.approve(jobId(), selection, std::nullopt, m_reviewer), id,
          tr("“%1” and the products like it could not be approved").arg(title));
    if (!approveOthers)
        track(m_review.reject(jobId(), others, m_reviewer), id,
              tr("The products like “%1” could not be rejected").arg(title));
    for (const QString &other : others)
        m_queue->invalidate(other);
    moveOn();
}

void ReviewPanel::decideAttribute(Verdict verdict, const QString &value) {
    if (!canDecide() || !m_model->attributeAt(focusedRow()))
        return;
    sendDecision(focusedRow(), verdict, value);
    if (verdict != Verdict::Pending)
        nextAttribute();
}

void ReviewPanel::sendDecision(int row, Verdict verdict, const QString &value) {
    const AttributeReview *a = m_model->attributeAt(row);
    const ProductReview *r = m_queue->current();
    if (!a || !r)
        return;
    const QString attribute = a->attribute;
    const QString written = verdict == Verdict::Edited ? value : a->suggestion.value;
    const AttributeDecision d{attribute, verdict, written, QDateTime::currentDateTimeUtc()};
    m_model->showVerdict(row, verdict, value);
    const QString name = attributes::displayName(attribute);
    const QString what = verdict == Verdict::Accepted   ? tr("%1 accepted").arg(name)
                         : verdict == Verdict::Rejected ? tr("%1 rejected").arg(name)
                         : verdict == Verdict::Edited   ? tr("%1 → %2").arg(name, value)
                                                        : tr("%1 undecided").arg(name);
    remember(r->product.productId, r->product.title, what);
    track(m_review.decide(jobId(), r->product.productId, d, m_reviewer), r->product.productId,
          tr("The decision on %1 could not be saved").arg(name));
}

void ReviewPanel::pickAlternative(int number) {
    const AttributeReview *a = m_model->attributeAt(focusedRow());
    if (!a)
        return;
    if (number > a->alternatives.size()) {
        emit message(a->alternatives.isEmpty() ? tr("%1 has no alternatives; E types a value.")
                                                     .arg(attributes::displayName(a->attribute))
                                               : tr("%1 has only %2 alternative(s).")
                                                     .arg(attributes::displayName(a->attribute))
                                                     .arg(a->alternatives.size()));
        return;
    }
    decideAttribute(Verdict::Edited, a->alternatives.at(number - 1).value);
}

void ReviewPanel::editAttribute() {
    if (!canDecide() || focusedRow() < 0)
        return;
    const QModelIndex index = m_model->index(focusedRow(), AttributeTableModel::Suggestion);
    m_table->setCurrentIndex(index);
    m_table->edit(index);
}

void ReviewPanel::moveOn() {
    if (m_queue->position() + 1 >= m_queue->count())
        emit message(tr("That was the last product of the list: Esc goes back to the job."));
    else
        m_queue->next();
}

void ReviewPanel::nextAttribute() {
    const int row = focusedRow();
    if (row + 1 < m_model->rowCount())
        m_table->setCurrentIndex(m_model->index(row + 1, AttributeTableModel::Suggestion));
}

void ReviewPanel::undo() {
    if (m_history.isEmpty()) {
        emit message(tr("Nothing to undo in this review."));
        return;
    }
    if (!m_reverting.isEmpty())
        return emit message(tr("Still reverting the last product in Shopify…"));
    ++m_inFlight;
    const int events = m_history.last().events;
    whenFinished(this, m_reader.inBackground(&JobReader::pushedByLastDecisions, jobId(), events),
                 [this](const Result<QList<JobProduct>> &pushed) {
                     --m_inFlight;
                     if (pushed && !pushed->isEmpty())
                         return revertThenUndo(pushed.value());
                     undoLast(); // a read that failed: the undo itself says what is wrong
                 });
}

void ReviewPanel::revertThenUndo(const QList<JobProduct> &pushed) {
    const Preferences &preferences = m_work.account().preferences();
    WorkRequest request =
        WorkRequest::sync(WorkKind::Revert, jobId(), m_reviewer, preferences.bulkPushMin);
    QStringList titles;
    for (const JobProduct &p : pushed) {
        request.productIds << p.productId;
        titles << (p.title.isEmpty() ? p.productId : p.title);
    }
    const QString names = titles.join(tr(", "));
    if (const Status started = m_work.start(request); !started)
        return emit problem(tr("Already in Shopify and could not be reverted (%1): %2")
                                .arg(names, started.error().message));
    m_reverting = pushed.first().productId;
    emit message(tr("Already in Shopify, reverting there first: %1").arg(names));
}

void ReviewPanel::revertFinished(qint64 job, const WorkResult &result) {
    if (job != jobId() || result.kind != WorkKind::Revert || m_reverting.isEmpty())
        return;
    const QString productId = std::exchange(m_reverting, QString());
    const SyncReport &report = result.report;
    if (!result.status || !report.clean()) {
        const QString why = !result.status               ? result.status.error().message
                            : !report.problems.isEmpty() ? report.problems.join(QLatin1Char('\n'))
                            : report.stoppedBy           ? report.stoppedBy->message
                                                         : tr("nothing was reverted");
        emit problem(tr("The decision was not undone: its product could not be reverted in "
                        "Shopify.\n\n%1")
                         .arg(why));
        stored(productId);
        return;
    }
    undoLast();
}

void ReviewPanel::undoLast() {
    ++m_inFlight;
    const int events = m_history.last().events;
    whenFinished(
        this, m_review.undo(jobId(), events, m_reviewer), [this](const Result<int> &undone) {
            --m_inFlight;
            if (!undone) {
                emit problem(
                    tr("The last decision could not be undone: %1").arg(undone.error().message));
            } else if (undone.value() == 0) {
                emit message(tr("Nothing left to undo."));
            } else {
                const Recent last = m_history.takeLast();
                if (QLayoutItem *item = m_recentLayout->takeAt(m_recentLayout->count() - 2)) {
                    delete item->widget();
                    delete item;
                }
                emit message(tr("Undone: %1").arg(last.label));
                m_queue->goTo(last.productId);
                stored(last.productId);
            }
            if (m_inFlight == 0)
                emit decisionsSaved();
        });
}

void ReviewPanel::remember(const QString &productId, const QString &title, const QString &what,
                           int events) {
    const QString label = tr("%1: %2").arg(elided(title, 28), what);
    m_history.append({productId, label, events});
    auto *button = new QToolButton(m_recent);
    button->setText(label);
    button->setToolTip(tr("Go back to “%1”").arg(title));
    button->setAccessibleName(tr("Go back to %1").arg(label));
    button->setAutoRaise(true);
    button->setFocusPolicy(Qt::NoFocus);
    connect(button, &QToolButton::clicked, this, [this, productId] { m_queue->goTo(productId); });
    // Newest last, before the stretch; the oldest leave the strip.
    m_recentLayout->insertWidget(m_recentLayout->count() - 1, button);
    while (m_recentLayout->count() - 2 > recentShown) {
        QLayoutItem *item = m_recentLayout->takeAt(1);
        delete item->widget();
        delete item;
    }
}

template <typename Answer>
void ReviewPanel::track(const QFuture<Answer> &saved, const QString &productId,
                        const QString &failure) {
    ++m_inFlight;
    m_queue->beginChange(productId);
    whenFinished(this, saved, [this, productId, failure](const Answer &answer) {
        --m_inFlight;
        if (!answer)
            emit problem(tr("%1: %2").arg(failure, answer.error().message));
        stored(productId);
    });
}

void ReviewPanel::stored(const QString &productId) {
    m_queue->invalidate(productId);
    emit jobChanged(jobId());
    if (m_inFlight == 0)
        emit decisionsSaved();
}

} // namespace tagdesk::ui

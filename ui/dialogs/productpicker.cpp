#include "dialogs/productpicker.h"

#include "pipeline/shopsession.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace tagdesk::ui {

namespace {
constexpr int resultsShown = 50;
}

ProductPicker::ProductPicker(ShopSession *shop, QWidget *parent)
    : QWidget(parent)
    , m_shop(shop)
    , m_search(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_summary(new QLabel(this)) {
    m_search->setObjectName(QStringLiteral("productSearch"));
    m_search->setPlaceholderText(tr("Search products by title, vendor, type or tag"));
    m_search->setAccessibleName(tr("Search products"));
    m_search->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("productPickList"));
    m_list->setAccessibleName(tr("Products to pick"));
    m_list->setUniformItemSizes(true);
    m_summary->setObjectName(QStringLiteral("pickSummary"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_summary);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(350);
    connect(&m_debounce, &QTimer::timeout, this, &ProductPicker::search);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_debounce.start(); });
    connect(m_list, &QListWidget::itemChanged, this, &ProductPicker::itemChanged);
    setFocusProxy(m_search);
    updateSummary();
}

void ProductPicker::activate() {
    if (!m_searched)
        search();
}

void ProductPicker::search() {
    m_searched = true;
    const quint64 generation = ++m_generation;
    if (!m_shop) {
        m_summary->setText(tr("Products cannot be searched: no store is connected"));
        return;
    }
    m_summary->setText(tr("Searching…"));
    const QString query = m_search->text().trimmed();
    m_shop->productsPage(
        this, query, resultsShown, [this, generation](const Result<ProductPage> &page) {
            if (generation != m_generation)
                return;
            if (!page) {
                m_summary->setText(tr("The search failed: %1").arg(page.error().message));
                return;
            }
            const QSignalBlocker quiet(m_list);
            m_list->clear();
            for (const ProductSnapshot &p : page->products) {
                auto *item = new QListWidgetItem(p.title.isEmpty() ? p.id : p.title, m_list);
                item->setData(Qt::UserRole, p.id);
                item->setToolTip(p.id);
                item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                item->setCheckState(m_picked.contains(p.id) ? Qt::Checked : Qt::Unchecked);
                m_titles.insert(p.id, p.title);
            }
            updateSummary();
        });
}

void ProductPicker::itemChanged(QListWidgetItem *item) {
    const QString id = item->data(Qt::UserRole).toString();
    if (item->checkState() == Qt::Checked && !m_picked.contains(id))
        m_picked.append(id);
    else if (item->checkState() != Qt::Checked)
        m_picked.removeAll(id);
    updateSummary();
    emit pickedChanged();
}

void ProductPicker::updateSummary() {
    QString text = m_picked.size() == 1 ? tr("1 product picked")
                                        : tr("%1 products picked").arg(m_picked.size());
    if (m_searched && m_list->count() == 0)
        text = tr("No products match. ") + text;
    m_summary->setText(text);
}

} // namespace tagdesk::ui

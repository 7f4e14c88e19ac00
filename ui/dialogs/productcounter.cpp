#include "dialogs/productcounter.h"

#include "pipeline/shopsession.h"

#include <QLocale>

namespace tagdesk::ui {

ProductCounter::ProductCounter(ShopSession *shop, QObject *parent)
    : QObject(parent)
    , m_shop(shop) {
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(400);
    connect(&m_debounce, &QTimer::timeout, this, &ProductCounter::ask);
}

void ProductCounter::setSelection(const ProductSelection &selection) {
    m_selection = selection;
    ++m_generation;
    if (!m_shop) {
        emit answered(tr("The product count is not available: no store is connected"), false);
        return;
    }
    emit answered(tr("Counting products…"), false);
    m_debounce.start();
}

void ProductCounter::ask() {
    const quint64 generation = m_generation;
    const QString query = m_selection.shopifySearchQuery();
    m_shop->countProducts(this, query, [this, generation](const Result<qint64> &count) {
        if (generation != m_generation)
            return;
        if (!count)
            return emit answered(
                tr("The product count is not available: %1").arg(count.error().message), false);
        emit answered(count.value() == 1 ? tr("1 product")
                                         : tr("%1 products").arg(QLocale().toString(count.value())),
                      true);
    });
}

} // namespace tagdesk::ui

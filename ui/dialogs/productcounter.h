#pragma once

#include "domain/selection.h"

#include <QObject>
#include <QTimer>

namespace tagdesk {
class ShopSession;
}

namespace tagdesk::ui {

// How many products a selection holds, asked of the store while the user types: the
// question waits until typing pauses, and answers to superseded questions are dropped.
class ProductCounter : public QObject {
    Q_OBJECT
public:
    // `shop` may be null: then there is nothing to ask, and the answer says so.
    explicit ProductCounter(ShopSession *shop, QObject *parent = nullptr);

    void setSelection(const ProductSelection &selection);
    // Drops the question in flight (the selection is counted elsewhere now).
    void cancel() {
        ++m_generation;
        m_debounce.stop();
    }

signals:
    // "Counting…", "24 products", or why the store could not be asked.
    void answered(const QString &text, bool known);

private:
    void ask();

    ShopSession *m_shop;
    ProductSelection m_selection;
    QTimer m_debounce;
    quint64 m_generation = 0;
};

} // namespace tagdesk::ui

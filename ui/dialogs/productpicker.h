#pragma once

#include <QHash>
#include <QStringList>
#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;

namespace tagdesk {
class ShopSession;
}

namespace tagdesk::ui {

// Picks products by hand: a search box over the store's products (asked as the user
// types, after a pause) and a list to tick them in. Ticked products stay ticked across
// searches, in the order they were ticked.
class ProductPicker : public QWidget {
    Q_OBJECT
public:
    explicit ProductPicker(ShopSession *shop, QWidget *parent = nullptr);

    QStringList pickedIds() const { return m_picked; }
    // Runs the first search (all products) if none has been run yet.
    void activate();

signals:
    void pickedChanged();

private:
    void search();
    void itemChanged(QListWidgetItem *item);
    void updateSummary();

    ShopSession *m_shop;
    QLineEdit *m_search;
    QListWidget *m_list;
    QLabel *m_summary;
    QTimer m_debounce;
    QStringList m_picked;
    QHash<QString, QString> m_titles;
    quint64 m_generation = 0;
    bool m_searched = false;
};

} // namespace tagdesk::ui

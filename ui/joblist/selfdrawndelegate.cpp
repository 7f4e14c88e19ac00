#include "joblist/selfdrawndelegate.h"

#include <QApplication>

namespace tagdesk::ui {

QString SelfDrawnDelegate::paintWithoutText(QPainter *painter, const QStyleOptionViewItem &option,
                                            const QModelIndex &index,
                                            QStyleOptionViewItem &item) const {
    item = option;
    initStyleOption(&item, index);
    const QString text = item.text;
    item.text.clear();
    QStyle *style = item.widget ? item.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &item, painter, item.widget);
    return text;
}

} // namespace tagdesk::ui

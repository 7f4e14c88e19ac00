#include "joblist/progressdelegate.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionProgressBar>

namespace tagdesk::ui {

ProgressDelegate::ProgressDelegate(int progressRole, QObject *parent)
    : SelfDrawnDelegate(parent)
    , m_progressRole(progressRole) {
}

void ProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const {
    const QVariant value = index.data(m_progressRole);
    if (!value.isValid())
        return QStyledItemDelegate::paint(painter, option, index);

    QStyleOptionViewItem item;
    const QString text = paintWithoutText(painter, option, index, item);
    QStyle *style = item.widget ? item.widget->style() : QApplication::style();

    QStyleOptionProgressBar bar;
    bar.rect = option.rect.adjusted(3, 3, -3, -3);
    bar.state = option.state | QStyle::State_Horizontal;
    bar.direction = option.direction;
    bar.fontMetrics = option.fontMetrics;
    bar.palette = option.palette;
    bar.minimum = 0;
    const int percent = value.toInt();
    bar.maximum = percent < 0 ? 0 : 100; // 0..0 draws a busy bar
    bar.progress = std::max(percent, 0);
    bar.text = option.fontMetrics.elidedText(text, Qt::ElideRight, bar.rect.width() - 8);
    bar.textVisible = true;
    bar.textAlignment = Qt::AlignCenter;
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, item.widget);
}

} // namespace tagdesk::ui

#pragma once

#include <QStyledItemDelegate>

namespace tagdesk::ui {

// For delegates that draw an item's text themselves (as a badge, inside a progress bar):
// paints the item's background, selection and focus as the style does, without the text.
class SelfDrawnDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    // Paints all but the text; `item` is left as the style saw it, and the text returned.
    QString paintWithoutText(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index, QStyleOptionViewItem &item) const;
};

} // namespace tagdesk::ui

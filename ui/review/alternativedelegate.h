#pragma once

#include <QStyledItemDelegate>

namespace tagdesk::ui {

// Edits a suggestion with a combo box: the tagger's alternatives to pick from, or any
// value typed in.
class AlternativeDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;

protected:
    // Enter saves the value at once. (An editable combo box lets Enter go by — it reaches
    // the table — so the base delegate never commits it.)
    bool eventFilter(QObject *object, QEvent *event) override;
};

} // namespace tagdesk::ui

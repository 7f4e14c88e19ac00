#include "review/alternativedelegate.h"

#include "review/attributetablemodel.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>

namespace tagdesk::ui {

QWidget *AlternativeDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                           const QModelIndex &index) const {
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("suggestionEditor"));
    combo->setAccessibleName(tr("Value to save"));
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    const QString suggested = index.data(Qt::EditRole).toString();
    QStringList values{suggested};
    for (const QString &alt : index.data(AttributeTableModel::AlternativesRole).toStringList()) {
        if (!values.contains(alt, Qt::CaseInsensitive))
            values << alt;
    }
    values.removeAll(QString());
    combo->addItems(values);
    return combo;
}

void AlternativeDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const {
    auto *combo = static_cast<QComboBox *>(editor);
    combo->setCurrentText(index.data(Qt::EditRole).toString());
    combo->lineEdit()->selectAll();
}

void AlternativeDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                       const QModelIndex &index) const {
    model->setData(index, static_cast<QComboBox *>(editor)->currentText().trimmed(), Qt::EditRole);
}

bool AlternativeDelegate::eventFilter(QObject *object, QEvent *event) {
    auto *combo = qobject_cast<QComboBox *>(object);
    if (combo && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        const bool listOpen = combo->view() && combo->view()->isVisible();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && !listOpen) {
            emit commitData(combo);
            emit closeEditor(combo, QAbstractItemDelegate::NoHint);
            return true;
        }
    }
    return QStyledItemDelegate::eventFilter(object, event);
}

} // namespace tagdesk::ui

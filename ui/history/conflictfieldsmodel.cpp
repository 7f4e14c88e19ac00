#include "history/conflictfieldsmodel.h"

#include "fieldvalues.h"
#include "sync/productfields.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace tagdesk::ui {

ConflictFieldsModel::ConflictFieldsModel(QObject *parent)
    : QAbstractTableModel(parent) {
}

void ConflictFieldsModel::setConflict(const std::optional<Conflict> &conflict,
                                      const ProductSnapshot *names) {
    beginResetModel();
    m_conflict = conflict;
    m_keys.clear();
    m_names.clear();
    m_keptMine = {};
    if (m_conflict) {
        m_keys = fieldvalues::orderedKeys(
            {m_conflict->snapshotValues, m_conflict->remoteValues, m_conflict->approvedValues});
        for (const QString &key : std::as_const(m_keys)) {
            m_names << productfields::describe(key, names);
            m_keptMine |= fieldvalues::destinationOf(key); // mine unless unticked
        }
    }
    endResetModel();
    emit choiceChanged();
}

QString ConflictFieldsModel::fieldKeyAt(int row) const {
    return row >= 0 && row < m_keys.size() ? m_keys.at(row) : QString();
}

Destinations ConflictFieldsModel::keptMine() const {
    return m_keptMine;
}

bool ConflictFieldsModel::allKeptMine() const {
    for (const QString &key : m_keys) {
        if (!m_keptMine.testFlag(fieldvalues::destinationOf(key)))
            return false;
    }
    return true;
}

int ConflictFieldsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_keys.size());
}

int ConflictFieldsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QJsonValue ConflictFieldsModel::valueAt(int row, int column) const {
    const QString &key = m_keys.at(row);
    switch (column) {
    case Reviewed:
        return m_conflict->snapshotValues.value(key);
    case ShopifyNow:
        return m_conflict->remoteValues.value(key);
    case Mine:
        return m_conflict->approvedValues.value(key);
    default:
        return {};
    }
}

bool ConflictFieldsModel::different(int row, int column) const {
    const QString &key = m_keys.at(row);
    if (column == ShopifyNow)
        return !productfields::same(key, valueAt(row, Reviewed), valueAt(row, ShopifyNow));
    if (column == Mine)
        return !productfields::same(key, valueAt(row, ShopifyNow), valueAt(row, Mine));
    return false;
}

QVariant ConflictFieldsModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || !m_conflict || index.row() >= m_keys.size())
        return {};
    const int row = index.row();
    const int column = index.column();
    const bool differs = different(row, column);
    switch (role) {
    case FieldKeyRole:
        return m_keys.at(row);
    case DifferentRole:
        return differs;
    case Qt::DisplayRole:
        if (column == Field)
            return m_names.at(row);
        if (column == KeepMine)
            return {};
        return fieldvalues::text(valueAt(row, column));
    case Qt::CheckStateRole:
        if (column != KeepMine)
            return {};
        return m_keptMine.testFlag(fieldvalues::destinationOf(m_keys.at(row))) ? Qt::Checked
                                                                               : Qt::Unchecked;
    case Qt::BackgroundRole: {
        if (!differs)
            return {};
        // The palette's highlight, faint: readable in light and dark themes alike.
        QColor c = QGuiApplication::palette().color(QPalette::Highlight);
        c.setAlpha(column == ShopifyNow ? 90 : 45);
        return c;
    }
    case Qt::FontRole: {
        if (!differs)
            return {};
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    case Qt::ToolTipRole:
        if (column == Field)
            return m_keys.at(row);
        if (column == KeepMine)
            return tr("Ticked: write my value of %1; unticked: keep Shopify's. Fields Tagdesk "
                      "writes together (all metafields, all alt texts) are ticked together.")
                .arg(m_names.at(row));
        if (column == ShopifyNow && differs)
            return tr("Changed in Shopify since the review: %1")
                .arg(fieldvalues::text(valueAt(row, column)));
        if (column == Mine && differs)
            return tr("Differs from Shopify's value: %1")
                .arg(fieldvalues::text(valueAt(row, column)));
        return fieldvalues::text(valueAt(row, column));
    default:
        return {};
    }
}

bool ConflictFieldsModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (!index.isValid() || index.column() != KeepMine || role != Qt::CheckStateRole ||
        index.row() >= m_keys.size())
        return false;
    const Destination destination = fieldvalues::destinationOf(m_keys.at(index.row()));
    m_keptMine.setFlag(destination, Qt::CheckState(value.toInt()) == Qt::Checked);
    // Every field of that destination changes with it.
    for (int row = 0; row < m_keys.size(); ++row) {
        if (fieldvalues::destinationOf(m_keys.at(row)) == destination)
            emit dataChanged(this->index(row, KeepMine), this->index(row, KeepMine),
                             {Qt::CheckStateRole});
    }
    emit choiceChanged();
    return true;
}

Qt::ItemFlags ConflictFieldsModel::flags(const QModelIndex &index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == KeepMine)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant ConflictFieldsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case Reviewed:
            return tr("The value when the product was read for review");
        case ShopifyNow:
            return tr("The value in Shopify now; highlighted where it changed since the review");
        case Mine:
            return tr("The approved value Tagdesk would write");
        case KeepMine:
            return tr("Tick the fields to write my value for; the others keep Shopify's");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Field:
        return tr("Field");
    case Reviewed:
        return tr("When reviewed");
    case ShopifyNow:
        return tr("Shopify now");
    case Mine:
        return tr("Mine");
    case KeepMine:
        return tr("Keep mine");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace tagdesk::ui

#include "history/conflictlistmodel.h"

#include "fieldvalues.h"
#include "sync/productfields.h"

#include <QLocale>
#include <QSet>

namespace tagdesk::ui {

ConflictListModel::ConflictListModel(QObject *parent)
    : QAbstractTableModel(parent) {
}

void ConflictListModel::setConflicts(QList<Conflict> conflicts) {
    beginResetModel();
    m_conflicts = std::move(conflicts);
    endResetModel();
}

void ConflictListModel::setProducts(const QList<JobProduct> &products) {
    QSet<QString> inConflict;
    for (const Conflict &c : std::as_const(m_conflicts))
        inConflict.insert(c.productId);
    m_products.clear();
    for (const JobProduct &p : products) {
        // Only the products in conflict are kept: a job may have thousands.
        if (inConflict.contains(p.productId))
            m_products.insert(p.productId, p);
    }
    if (!m_conflicts.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

const Conflict *ConflictListModel::conflictAt(int row) const {
    return row >= 0 && row < m_conflicts.size() ? &m_conflicts.at(row) : nullptr;
}

int ConflictListModel::rowOf(const QString &productId) const {
    for (int i = 0; i < m_conflicts.size(); ++i) {
        if (m_conflicts.at(i).productId == productId)
            return i;
    }
    return -1;
}

QString ConflictListModel::productName(const QString &productId) const {
    const QString title = m_products.value(productId).title;
    return title.isEmpty() ? productId : title;
}

const ProductSnapshot *ConflictListModel::snapshotOf(const QString &productId) const {
    const auto p = m_products.constFind(productId);
    return p == m_products.cend() || !p->snapshot ? nullptr : &*p->snapshot;
}

bool ConflictListModel::settleable(const QString &productId) const {
    const auto p = m_products.constFind(productId);
    return p == m_products.cend() || p->progress.sync == SyncState::Conflict;
}

int ConflictListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_conflicts.size());
}

int ConflictListModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QStringList ConflictListModel::changedKeys(const Conflict &conflict) {
    QStringList changed;
    for (const QString &key :
         fieldvalues::orderedKeys({conflict.snapshotValues, conflict.remoteValues})) {
        if (!productfields::same(key, conflict.snapshotValues.value(key),
                                 conflict.remoteValues.value(key)))
            changed << key;
    }
    return changed;
}

QString ConflictListModel::changedFields(const Conflict &conflict, const ProductSnapshot *names) {
    QStringList changed;
    for (const QString &key : changedKeys(conflict))
        changed << productfields::describe(key, names);
    // Shopify moves updatedAt on every save: an edit of a field Tagdesk does not write
    // (the title, the vendor) is a conflict too.
    return changed.isEmpty() ? tr("Other fields") : changed.join(QStringLiteral(", "));
}

QVariant ConflictListModel::data(const QModelIndex &index, int role) const {
    const Conflict *c = index.isValid() ? conflictAt(index.row()) : nullptr;
    if (!c)
        return {};
    switch (role) {
    case ProductIdRole:
        return c->productId;
    case SortRole:
        if (index.column() == Detected)
            return c->detectedAt;
        return data(index, Qt::DisplayRole);
    case Qt::ToolTipRole:
        if (index.column() == Product)
            return settleable(c->productId)
                       ? c->productId
                       : tr("%1 — found by a revert: the pushed values stay in Shopify")
                             .arg(c->productId);
        return data(index, Qt::DisplayRole);
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Product:
            return productName(c->productId);
        case Detected:
            return QLocale().toString(c->detectedAt.toLocalTime(), QLocale::ShortFormat);
        case Changed:
            return changedFields(*c, snapshotOf(c->productId));
        case ColumnCount:
            break;
        }
        return {};
    default:
        return {};
    }
}

QVariant ConflictListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Product:
        return tr("Product");
    case Detected:
        return tr("Found");
    case Changed:
        return tr("Changed in Shopify");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace tagdesk::ui

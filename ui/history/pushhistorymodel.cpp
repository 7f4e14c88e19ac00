#include "history/pushhistorymodel.h"

#include <QLocale>

namespace tagdesk::ui {

PushHistoryModel::PushHistoryModel(QObject *parent)
    : QAbstractTableModel(parent) {
}

void PushHistoryModel::setRecords(QList<PushRecord> records) {
    beginResetModel();
    m_records = std::move(records);
    QHash<QString, PushRecord::Kind> lastWrite; // the log is oldest first
    for (const PushRecord &r : std::as_const(m_records)) {
        if (r.outcome == PushRecord::Outcome::Succeeded)
            lastWrite.insert(r.productId, r.kind);
    }
    m_revertable.clear();
    for (auto it = lastWrite.cbegin(); it != lastWrite.cend(); ++it) {
        if (it.value() == PushRecord::Kind::Push)
            m_revertable.insert(it.key());
    }
    endResetModel();
}

void PushHistoryModel::setTitles(QHash<QString, QString> titles) {
    m_titles = std::move(titles);
    if (!m_records.isEmpty())
        emit dataChanged(index(0, Product), index(rowCount() - 1, Product));
}

const PushRecord *PushHistoryModel::recordAt(int row) const {
    return row >= 0 && row < m_records.size() ? &m_records.at(row) : nullptr;
}

QString PushHistoryModel::productName(const QString &productId) const {
    const QString title = m_titles.value(productId);
    return title.isEmpty() ? productId : title;
}

int PushHistoryModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_records.size());
}

int PushHistoryModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString PushHistoryModel::actionText(PushRecord::Kind kind) {
    return kind == PushRecord::Kind::Push ? tr("Push") : tr("Revert");
}

QString PushHistoryModel::outcomeText(const PushRecord &record) {
    switch (record.outcome) {
    case PushRecord::Outcome::Succeeded:
        return record.message.isEmpty() ? tr("Written") : tr("Written: %1").arg(record.message);
    case PushRecord::Outcome::Failed:
        return record.message.isEmpty() ? tr("Failed") : tr("Failed: %1").arg(record.message);
    case PushRecord::Outcome::Conflict:
        return record.message.isEmpty() ? tr("Conflict") : tr("Conflict: %1").arg(record.message);
    }
    return {};
}

QVariant PushHistoryModel::data(const QModelIndex &index, int role) const {
    const PushRecord *r = index.isValid() ? recordAt(index.row()) : nullptr;
    if (!r)
        return {};
    switch (role) {
    case ProductIdRole:
        return r->productId;
    case ProductSearchRole:
        return QString(m_titles.value(r->productId) + QLatin1Char('\n') + r->productId);
    case SortRole:
        if (index.column() == When)
            return r->at;
        return data(index, Qt::DisplayRole);
    case Qt::ToolTipRole:
        if (index.column() == Product)
            return r->productId;
        if (index.column() == Outcome)
            return outcomeText(*r);
        if (index.column() == When)
            return QLocale().toString(r->at.toLocalTime(), QLocale::LongFormat);
        return {};
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case When:
            return QLocale().toString(r->at.toLocalTime(), QLocale::ShortFormat);
        case Action:
            return actionText(r->kind);
        case Product:
            return productName(r->productId);
        case Who:
            return r->who;
        case Outcome:
            return outcomeText(*r);
        case ColumnCount:
            break;
        }
        return {};
    default:
        return {};
    }
}

QVariant PushHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case When:
        return tr("When");
    case Action:
        return tr("Action");
    case Product:
        return tr("Product");
    case Who:
        return tr("Who");
    case Outcome:
        return tr("Outcome");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace tagdesk::ui

#pragma once

#include "domain/pushrecord.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

namespace tagdesk::ui {

// A job's pushes and reverts, one row per write to Shopify, oldest first as the push log
// gives them. Plain values only: the panel reads the log on the thread pool and hands the
// rows over; product titles arrive separately (they are read from the job's products).
class PushHistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { When, Action, Product, Who, Outcome, ColumnCount };
    enum Role {
        ProductIdRole = Qt::UserRole + 1,
        // Title and product id together: what the product filter matches.
        ProductSearchRole,
        // The time as a QDateTime, so that sorting by When is by time, not by text.
        SortRole,
    };

    explicit PushHistoryModel(QObject *parent = nullptr);

    void setRecords(QList<PushRecord> records);
    // Titles by product id; a product without one is shown by its id.
    void setTitles(QHash<QString, QString> titles);
    const PushRecord *recordAt(int row) const;
    QString productName(const QString &productId) const;
    // Whether the product's last successful write was a push: a revert can put back what
    // it replaced. (A failed or conflicting write leaves Shopify as the one before it.)
    bool revertable(const QString &productId) const { return m_revertable.contains(productId); }
    bool anyRevertable() const { return !m_revertable.isEmpty(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString actionText(PushRecord::Kind kind);
    static QString outcomeText(const PushRecord &record);

private:
    QList<PushRecord> m_records;
    QHash<QString, QString> m_titles;
    QSet<QString> m_revertable;
};

} // namespace tagdesk::ui

#pragma once

#include "domain/product.h"
#include "domain/pushrecord.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace tagdesk::ui {

// A job's open conflicts, one row per product that Shopify changed after Tagdesk read it.
// The job's products (titles, sync states, snapshots) arrive separately; until then a
// product is shown by its id.
class ConflictListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Product, Detected, Changed, ColumnCount };
    enum Role { ProductIdRole = Qt::UserRole + 1, SortRole };

    explicit ConflictListModel(QObject *parent = nullptr);

    void setConflicts(QList<Conflict> conflicts);
    void setProducts(const QList<JobProduct> &products);
    const Conflict *conflictAt(int row) const;
    int rowOf(const QString &productId) const;
    QString productName(const QString &productId) const;
    // The product as the job last read it, for the names of its images; null if unknown.
    const ProductSnapshot *snapshotOf(const QString &productId) const;
    // Whether the resolver can settle it: the product waits in conflict. A conflict found by
    // a revert leaves the push in place (the product stays pushed), so there is nothing to
    // settle: the product can be reverted again once checked in Shopify.
    bool settleable(const QString &productId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // The field keys Shopify changed since the review.
    static QStringList changedKeys(const Conflict &conflict);
    // The fields Shopify changed since the review, by name ("Tags, Product type").
    static QString changedFields(const Conflict &conflict, const ProductSnapshot *names);

private:
    QList<Conflict> m_conflicts;
    QHash<QString, JobProduct> m_products;
};

} // namespace tagdesk::ui

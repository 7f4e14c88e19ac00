#pragma once

#include "domain/destination.h"
#include "domain/pushrecord.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <optional>

namespace tagdesk {
struct ProductSnapshot;
}

namespace tagdesk::ui {

// One conflict, field by field: the value when it was reviewed (the snapshot), Shopify's
// value now, and the approved value Tagdesk meant to write. A difference is highlighted:
// Shopify's value where it changed since the review, mine where it differs from Shopify's.
// The last column picks per field whether to keep mine; Tagdesk writes by destination, so
// the fields of one destination (all metafields, all alt texts) are picked together.
class ConflictFieldsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Field, Reviewed, ShopifyNow, Mine, KeepMine, ColumnCount };
    enum Role { FieldKeyRole = Qt::UserRole + 1, DifferentRole };

    explicit ConflictFieldsModel(QObject *parent = nullptr);

    // Shows `conflict` (none: empty); `names` names the images ("Alt text of image 2").
    void setConflict(const std::optional<Conflict> &conflict, const ProductSnapshot *names);
    const std::optional<Conflict> &conflict() const { return m_conflict; }
    QString fieldKeyAt(int row) const;
    // The destinations whose fields are ticked "keep mine".
    Destinations keptMine() const;
    bool allKeptMine() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
    void choiceChanged();

private:
    QJsonValue valueAt(int row, int column) const;
    // Shopify's value differs from the reviewed one (column ShopifyNow), or mine from
    // Shopify's (column Mine).
    bool different(int row, int column) const;

    std::optional<Conflict> m_conflict;
    QStringList m_keys;
    QStringList m_names;
    Destinations m_keptMine;
};

} // namespace tagdesk::ui

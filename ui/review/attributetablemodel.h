#pragma once

#include "sync/productreview.h"

#include <QAbstractTableModel>

namespace tagdesk::ui {

// The review's side by side: one row per attribute — attribute | in Shopify now |
// suggestion | confidence | goes to. Differences from the store's value are highlighted,
// low confidence is coloured, and the reviewer's verdict shows on the suggestion. Editing
// the suggestion cell asks for an edit (editRequested); the row shows it at once and the
// panel records it.
class AttributeTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Attribute, InShopify, Suggestion, Confidence, GoesTo, ColumnCount };
    enum Role {
        VerdictRole = Qt::UserRole + 1, // AttributeDecision::Verdict as int
        AlternativesRole,               // QStringList of the other values, best first
    };

    // Below this a suggestion is "unsure" (red); below `sure` it is "check" (amber).
    static constexpr double unsure = 0.5;
    static constexpr double sure = 0.8;

    explicit AttributeTableModel(QObject *parent = nullptr);

    void setReview(const ProductReview &review);
    const ProductReview &review() const { return m_review; }
    const AttributeReview *attributeAt(int row) const;
    // Shows a verdict before the database has it (the panel reloads afterwards).
    void showVerdict(int row, AttributeDecision::Verdict verdict, const QString &editedValue = {});

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // "Tags, Metafield tagdesk.colour" — where a row's value goes, in words.
    QString goesTo(const AttributeReview &a) const;

signals:
    void editRequested(const QString &attribute, const QString &value);

private:
    ProductReview m_review;
};

} // namespace tagdesk::ui

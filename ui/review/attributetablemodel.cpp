#include "review/attributetablemodel.h"

#include "domain/attribute.h"
#include "icons.h"
#include "sync/productfields.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace tagdesk::ui {

namespace {
using Verdict = AttributeDecision::Verdict;

QString verdictText(Verdict v) {
    switch (v) {
    case Verdict::Pending:
        return AttributeTableModel::tr("not decided");
    case Verdict::Accepted:
        return AttributeTableModel::tr("accepted");
    case Verdict::Edited:
        return AttributeTableModel::tr("edited");
    case Verdict::Rejected:
        return AttributeTableModel::tr("rejected");
    }
    return {};
}

QString percent(double confidence) {
    return QStringLiteral("%1 %").arg(qRound(confidence * 100));
}

// A tint of `base` over the view's background, readable in light and dark palettes.
QColor tint(const QColor &base, double amount) {
    const QColor bg = QGuiApplication::palette().color(QPalette::Base);
    return QColor::fromRgbF(float(bg.redF() + (base.redF() - bg.redF()) * amount),
                            float(bg.greenF() + (base.greenF() - bg.greenF()) * amount),
                            float(bg.blueF() + (base.blueF() - bg.blueF()) * amount));
}

bool darkPalette() {
    return QGuiApplication::palette().color(QPalette::Base).lightnessF() < 0.5;
}
} // namespace

AttributeTableModel::AttributeTableModel(QObject *parent)
    : QAbstractTableModel(parent) {
}

void AttributeTableModel::setReview(const ProductReview &review) {
    const auto keys = [](const ProductReview &r) {
        QStringList out;
        for (const AttributeReview &a : r.attributes)
            out << a.attribute;
        return out;
    };
    // The same product read again after a decision: the rows stay (an editor open on one
    // stays open, the focus stays put), only their values change.
    if (review.product.productId == m_review.product.productId && keys(review) == keys(m_review)) {
        m_review = review;
        if (!m_review.attributes.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_review = review;
    endResetModel();
}

const AttributeReview *AttributeTableModel::attributeAt(int row) const {
    return row >= 0 && row < m_review.attributes.size() ? &m_review.attributes.at(row) : nullptr;
}

void AttributeTableModel::showVerdict(int row, Verdict verdict, const QString &editedValue) {
    if (row < 0 || row >= m_review.attributes.size())
        return;
    AttributeReview &a = m_review.attributes[row];
    a.verdict = verdict;
    a.editedValue = verdict == Verdict::Edited ? editedValue : QString();
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int AttributeTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_review.attributes.size());
}

int AttributeTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString AttributeTableModel::goesTo(const AttributeReview &a) const {
    if (a.verdict == Verdict::Rejected)
        return tr("nowhere (rejected)");
    if (!m_review.product.snapshot)
        return tr("not fetched yet");
    if (a.fieldKeys.isEmpty())
        return tr("nothing changes");
    QStringList names;
    for (const QString &key : a.fieldKeys) {
        // Every image's alt text is one destination in words.
        const QString name = productfields::mediaOf(key).isEmpty()
                                 ? productfields::describe(key, &*m_review.product.snapshot)
                                 : tr("Alt text");
        if (!names.contains(name))
            names << name;
    }
    return names.join(QStringLiteral(", "));
}

QVariant AttributeTableModel::data(const QModelIndex &index, int role) const {
    const AttributeReview *a = index.isValid() ? attributeAt(index.row()) : nullptr;
    if (!a || index.column() >= ColumnCount)
        return {};
    const bool hasSuggestion = !a->suggestion.value.isEmpty();
    if (role == VerdictRole)
        return int(a->verdict);
    if (role == AlternativesRole) {
        QStringList values;
        for (const Alternative &alt : a->alternatives)
            values << alt.value;
        return values;
    }
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case Attribute:
            return attributes::displayName(a->attribute);
        case InShopify:
            if (role != Qt::DisplayRole)
                return a->current;
            return a->current.isEmpty() ? QStringLiteral("—")
                                        : attributes::shortValue(a->attribute, a->current);
        case Suggestion: {
            const QString value =
                a->verdict == Verdict::Rejected ? a->suggestion.value : a->valueToWrite();
            if (role == Qt::AccessibleTextRole)
                return tr("%1, %2").arg(value, verdictText(a->verdict));
            return role == Qt::DisplayRole ? attributes::shortValue(a->attribute, value) : value;
        }
        case Confidence:
            if (!hasSuggestion || a->verdict == Verdict::Edited)
                return role == Qt::DisplayRole ? QStringLiteral("—") : QVariant();
            return percent(a->suggestion.confidence);
        case GoesTo:
            return goesTo(*a);
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == Suggestion) {
            switch (a->verdict) {
            case Verdict::Accepted:
            case Verdict::Edited:
                return appIcon("approve");
            case Verdict::Rejected:
                return appIcon("reject");
            case Verdict::Pending:
                break;
            }
        }
        break;
    case Qt::FontRole:
        if (index.column() == Suggestion && a->verdict == Verdict::Rejected) {
            QFont f;
            f.setStrikeOut(true);
            return f;
        }
        if (index.column() == Suggestion && a->changesCurrent()) {
            QFont f;
            f.setBold(true);
            return f;
        }
        break;
    case Qt::BackgroundRole:
        // A value that would change the store stands out; one that is already there or
        // rejected does not.
        if ((index.column() == Suggestion || index.column() == InShopify) &&
            a->verdict != Verdict::Rejected && a->changesCurrent())
            return QBrush(tint(QColor(0xf5, 0xc2, 0x11), darkPalette() ? 0.30 : 0.22));
        if (index.column() == Confidence && hasSuggestion && a->verdict != Verdict::Edited) {
            if (a->suggestion.confidence < unsure)
                return QBrush(tint(QColor(0xd9, 0x30, 0x25), darkPalette() ? 0.45 : 0.30));
            if (a->suggestion.confidence < sure)
                return QBrush(tint(QColor(0xe8, 0x8b, 0x00), darkPalette() ? 0.40 : 0.28));
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Confidence)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case InShopify:
            return a->current.isEmpty()
                       ? tr("What the product had when the job fetched it")
                       : tr("%1 — what the product had when the job fetched it").arg(a->current);
        case Suggestion:
            return tr("%1 — %2. E edits it, 1–9 picks an alternative.")
                .arg(a->valueToWrite().isEmpty() ? a->suggestion.value : a->valueToWrite(),
                     verdictText(a->verdict));
        case Confidence:
            if (hasSuggestion)
                return a->suggestion.confidence < unsure ? tr("The tagger is unsure")
                       : a->suggestion.confidence < sure ? tr("Worth a look")
                                                         : tr("The tagger is sure");
            break;
        case GoesTo:
            return tr("Approving writes this value to: %1").arg(goesTo(*a));
        default:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant AttributeTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Attribute:
        return tr("Attribute");
    case InShopify:
        return tr("In Shopify now");
    case Suggestion:
        return tr("Suggestion");
    case Confidence:
        return tr("Confidence");
    case GoesTo:
        return tr("Goes to");
    default:
        return {};
    }
}

Qt::ItemFlags AttributeTableModel::flags(const QModelIndex &index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Suggestion)
        f |= Qt::ItemIsEditable;
    return f;
}

bool AttributeTableModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    const AttributeReview *a = index.isValid() ? attributeAt(index.row()) : nullptr;
    if (!a || role != Qt::EditRole || index.column() != Suggestion)
        return false;
    const QString text = value.toString().trimmed();
    if (text.isEmpty() || text == a->valueToWrite())
        return false;
    const QString attribute = a->attribute;
    showVerdict(index.row(), text == a->suggestion.value ? Verdict::Accepted : Verdict::Edited,
                text);
    emit editRequested(attribute, text);
    return true;
}

} // namespace tagdesk::ui

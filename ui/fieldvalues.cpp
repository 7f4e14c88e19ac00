#include "fieldvalues.h"

#include "domain/standardtaxonomy.h"
#include "sync/productfields.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace tagdesk::ui::fieldvalues {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(FieldValues)
};

// Reading order: tags, type, category, description, metafields, category metafields, alt
// texts; -1: not a field.
int rank(const QString &key) {
    if (key == productfields::tags)
        return 0;
    if (key == productfields::productType)
        return 1;
    if (key == productfields::category)
        return 2;
    if (key == productfields::description)
        return 3;
    if (!productfields::metafieldOf(key).first.isEmpty())
        return 4;
    if (!productfields::categoryMetafieldOf(key).isEmpty())
        return 5;
    if (!productfields::mediaOf(key).isEmpty())
        return 6;
    return -1;
}
} // namespace

QStringList orderedKeys(std::initializer_list<QJsonObject> objects) {
    QStringList keys;
    for (const QJsonObject &o : objects) {
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (rank(it.key()) >= 0 && !keys.contains(it.key()))
                keys << it.key();
        }
    }
    std::sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) {
        const int ra = rank(a), rb = rank(b);
        return ra != rb ? ra < rb : a < b;
    });
    return keys;
}

QString text(const QJsonValue &value) {
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return Texts::tr("(none)");
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue &v : value.toArray())
            items << (v.isString() ? StandardTaxonomy::instance().readableName(v.toString())
                                   : text(v));
        return items.isEmpty() ? Texts::tr("(none)") : items.join(QStringLiteral(", "));
    }
    case QJsonValue::Bool:
        return value.toBool() ? Texts::tr("true") : Texts::tr("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble());
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::String:
        break;
    }
    const QString s = value.toString();
    // A category and taxonomy values are written by id; people read them by name.
    return s.isEmpty() ? Texts::tr("(empty)") : StandardTaxonomy::instance().readableName(s);
}

Destination destinationOf(const QString &fieldKey) {
    if (fieldKey == productfields::productType)
        return Destination::ProductType;
    if (fieldKey == productfields::description)
        return Destination::Description;
    if (fieldKey == productfields::category)
        return Destination::Category;
    if (!productfields::categoryMetafieldOf(fieldKey).isEmpty())
        return Destination::CategoryMetafields;
    if (!productfields::metafieldOf(fieldKey).first.isEmpty())
        return Destination::Metafields;
    if (!productfields::mediaOf(fieldKey).isEmpty())
        return Destination::AltText;
    return Destination::Tags;
}

} // namespace tagdesk::ui::fieldvalues

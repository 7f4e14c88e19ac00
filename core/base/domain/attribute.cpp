#include "domain/attribute.h"

#include <QCoreApplication>

namespace tagdesk::attributes {

QStringList known() {
    return {category,     subcategory, shopifyCategory, colour, pattern, material,
            sleeveLength, length,      neckline,        style,  gender,  fit};
}

bool isKnown(const QString &attribute) {
    return known().contains(attribute);
}

QString shortValue(const QString &attribute, const QString &value) {
    if (attribute != shopifyCategory)
        return value;
    const QStringList levels = value.split(QStringLiteral(" > "));
    return levels.size() <= 2 ? value : levels.mid(levels.size() - 2).join(QStringLiteral(" > "));
}

bool isWanted(const QStringList &wanted, const QString &attribute) {
    return wanted.isEmpty() || wanted.contains(attribute) ||
           (attribute == shopifyCategory && wanted.contains(category));
}

QString displayName(const QString &attribute) {
    if (attribute == category)
        return QCoreApplication::translate("Attribute", "Category");
    if (attribute == subcategory)
        return QCoreApplication::translate("Attribute", "Subcategory");
    if (attribute == shopifyCategory)
        return QCoreApplication::translate("Attribute", "Shopify category");
    if (attribute == colour)
        return QCoreApplication::translate("Attribute", "Colour");
    if (attribute == pattern)
        return QCoreApplication::translate("Attribute", "Pattern");
    if (attribute == material)
        return QCoreApplication::translate("Attribute", "Material");
    if (attribute == sleeveLength)
        return QCoreApplication::translate("Attribute", "Sleeve length");
    if (attribute == length)
        return QCoreApplication::translate("Attribute", "Length");
    if (attribute == neckline)
        return QCoreApplication::translate("Attribute", "Neckline");
    if (attribute == style)
        return QCoreApplication::translate("Attribute", "Style");
    if (attribute == gender)
        return QCoreApplication::translate("Attribute", "Gender");
    if (attribute == fit)
        return QCoreApplication::translate("Attribute", "Fit");
    // Unknown labels keep their own name, made readable.
    QString readable = attribute;
    readable.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!readable.isEmpty())
        readable[0] = readable[0].toUpper();
    return readable;
}

} // namespace tagdesk::attributes

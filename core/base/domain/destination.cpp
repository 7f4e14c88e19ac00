#include "domain/destination.h"

#include <QCoreApplication>
#include <QStringList>

#include <array>
#include <utility>

namespace tagdesk {

namespace {
const std::array<std::pair<Destination, const char *>, 7> &keys() {
    static const std::array<std::pair<Destination, const char *>, 7> k{{
        {Destination::Tags, "tags"},
        {Destination::Metafields, "metafields"},
        {Destination::ProductType, "type"},
        {Destination::AltText, "alt"},
        {Destination::Description, "description"},
        {Destination::Category, "category"},
        {Destination::CategoryMetafields, "category-metafields"},
    }};
    return k;
}
} // namespace

QString destinationsToKeys(Destinations d) {
    QStringList out;
    for (const auto &[dest, key] : keys()) {
        if (d.testFlag(dest))
            out << QLatin1String(key);
    }
    return out.join(QLatin1Char(','));
}

Result<Destinations> destinationsFromKeys(const QString &text) {
    Destinations d;
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &raw : parts) {
        const QString part = raw.trimmed().toLower();
        bool found = false;
        for (const auto &[dest, key] : keys()) {
            if (part == QLatin1String(key)) {
                d |= dest;
                found = true;
            }
        }
        if (!found)
            return Error::invalid(
                QCoreApplication::translate("Destination",
                                            "Unknown destination '%1' (use tags, metafields, "
                                            "type, alt, description, category or "
                                            "category-metafields)")
                    .arg(raw.trimmed()));
    }
    if (!d)
        return Error::invalid(
            QCoreApplication::translate("Destination", "No destination was given"));
    return d;
}

QString destinationText(Destination d) {
    switch (d) {
    case Destination::Tags:
        return QCoreApplication::translate("Destination", "Tags");
    case Destination::Metafields:
        return QCoreApplication::translate("Destination", "Metafields");
    case Destination::ProductType:
        return QCoreApplication::translate("Destination", "Product type");
    case Destination::AltText:
        return QCoreApplication::translate("Destination", "Image alt text");
    case Destination::Description:
        return QCoreApplication::translate("Destination", "Description");
    case Destination::Category:
        return QCoreApplication::translate("Destination", "Product category");
    case Destination::CategoryMetafields:
        return QCoreApplication::translate("Destination", "Category metafields");
    }
    return {};
}

} // namespace tagdesk

#pragma once

#include "util/result.h"

#include <QFlags>
#include <QString>

namespace tagdesk {

// Where an approved value is written in Shopify.
enum class Destination {
    Tags = 0x1,
    Metafields = 0x2,
    ProductType = 0x4,
    AltText = 0x8,
    Description = 0x10,
    Category = 0x20, // product.category, from the Shopify category suggested
    // The category's metafields (shopify.color-pattern, shopify.fabric, …): references to
    // the store's metaobjects that stand for taxonomy values.
    CategoryMetafields = 0x40,
};
Q_DECLARE_FLAGS(Destinations, Destination)
Q_DECLARE_OPERATORS_FOR_FLAGS(Destinations)

// "tags,metafields,type,alt,description" <-> flags. The keys are the CLI's words.
QString destinationsToKeys(Destinations d);
Result<Destinations> destinationsFromKeys(const QString &keys);
QString destinationText(Destination d);

inline constexpr Destinations defaultDestinations() {
    return Destinations(Destination::Tags) | Destination::Metafields;
}

inline constexpr Destinations allDestinations() {
    return Destinations(Destination::Tags) | Destination::Metafields | Destination::ProductType |
           Destination::AltText | Destination::Description | Destination::Category |
           Destination::CategoryMetafields;
}

} // namespace tagdesk

#pragma once

#include "domain/suggestion.h"
#include "domain/tagger.h"

#include <QList>
#include <QString>

#include <optional>

namespace tagdesk {

// One thing a provider said about an image, in its own words: a feature ("Sleeves",
// "color", "Pattern and Material"), a value ("sleeves long") and how sure it was.
struct ProviderLabel {
    QString feature;
    QString value;
    double confidence = 0;

    friend bool operator==(const ProviderLabel &, const ProviderLabel &) = default;
};

// Turns each provider's labels into Tagdesk's attributes and vocabulary
// (a taxonomy map): Ximilar's "Sleeves: sleeves long" and Pixyle's
// "sleeve_length: long-sleeve" both become sleeve_length = "long". A feature the map does
// not know is kept under its own (normalised) name, never dropped.
class Taxonomy {
public:
    struct Mapped {
        QString attribute;
        QString value;
    };

    // The attribute and value a provider's label stands for.
    static Mapped map(TaggerKind tagger, const QString &feature, const QString &value);

    // Groups labels by attribute: the most confident value becomes the suggestion, the
    // others its alternatives (best first, duplicates merged). Attributes in
    // `wanted` only, unless it is empty.
    static QList<Suggestion> suggestions(TaggerKind tagger, const QList<ProviderLabel> &labels,
                                         const QString &sourceImageId,
                                         const QStringList &wanted = {});

    // "  Navy   Blue " → "navy blue".
    static QString normaliseValue(const QString &value);

    // The Shopify category (attributes::shopifyCategory) the subcategory, else the category,
    // among `suggestions` stands for in Shopify's Standard Product Taxonomy; nullopt when
    // neither has a counterpart there (the tagger's own words stay as they are).
    static std::optional<Suggestion> shopifyCategory(const QList<Suggestion> &suggestions);
};

} // namespace tagdesk

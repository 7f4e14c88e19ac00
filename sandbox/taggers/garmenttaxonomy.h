#pragma once

#include <QString>
#include <QStringList>

namespace tagdesk::sandbox {

// How each provider names the kind of garment a bundled photo shows (its dataset label).
// The Ximilar names follow the `Top/Sub` category paths of Ximilar's fashion taxonomy
// (https://docs.ximilar.com/services/fashion_tagging); the Pixyle ones follow the categories in
// Pixyle's real results
// (`jeans`, `jackets`, `t-shirts_ss`…).
struct GarmentTerms {
    QString label;              // dataset label: "dress", "t-shirt"…
    QString ximilarTopCategory; // "Clothing", "Footwear", "Accessories"
    QString ximilarCategory;    // "Clothing/Dresses"
    QString ximilarSubcategory; // "dresses"
    QString pixyleCategory;     // "dresses"
    QString productType;        // what a shop would call it: "Dresses"
    QString noun;               // for sentences: "dress"
    QString sleeves;            // "long", "short", or empty when unknown or not applicable
    QStringList synonyms;       // words a caller's enum may use for it, most specific first
};

// The terms for a dataset label, or nullptr for an unknown label.
const GarmentTerms *garmentTerms(const QString &label);

} // namespace tagdesk::sandbox

#pragma once

#include "domain/standardtaxonomy.h"

#include <QList>
#include <QString>

namespace tagdesk {

// One vocabulary: Tagdesk's values (what Taxonomy::suggestions makes of every tagger's
// labels: "dresses", "dress", "Dress", "navy", "v-neck"…) onto Shopify's Standard Product
// Taxonomy. Every match keeps the label it was made from; a label with no counterpart is
// "no match", never dropped and never guessed.

struct TaxonomyCategoryChoice {
    QString id = {};       // "gid://shopify/TaxonomyCategory/aa-1-4"
    QString fullName = {}; // "Apparel & Accessories > Clothing > Dresses"

    friend bool operator==(const TaxonomyCategoryChoice &,
                           const TaxonomyCategoryChoice &) = default;
};

struct CategoryMatch {
    QString label = {};                              // as the tagger gave it
    TaxonomyCategoryChoice best = {};                // empty when there is no match
    QList<TaxonomyCategoryChoice> alternatives = {}; // other sensible categories, best first

    bool matched() const { return !best.id.isEmpty(); }
};

struct ValueMatch {
    QString label = {};           // as the tagger gave it
    QString attributeHandle = {}; // the taxonomy attribute: "color", "fabric", "age-group"…
    TaxonomyValue value = {};     // empty when there is no match
    QList<TaxonomyValue> alternatives = {}; // broader values of the same attribute

    bool matched() const { return !value.id.isEmpty(); }
};

namespace vocabulary {

// The taxonomy attribute a Tagdesk attribute fills: colour → "color", pattern → "pattern",
// material → "fabric", sleeve_length → "sleeve-length-type", neckline → "neckline",
// gender → "target-gender". Empty for the others (category has its own match, length, fit
// and style have no attribute whose values Tagdesk carries).
QString taxonomyAttribute(const QString &tagdeskAttribute);

// The most specific sensible apparel category for a category or subcategory label, with
// up to three alternatives.
CategoryMatch matchCategory(const QString &label);

// The taxonomy value for a label of a Tagdesk attribute. The attribute of the match can
// differ from taxonomyAttribute(): gender "kids" is the age group Kids.
ValueMatch matchValue(const QString &tagdeskAttribute, const QString &label);

// The category a product's own words name, for a product whose tagger named none (the local
// colour analyser sees colours, not garments): its product type ("Dresses"), else the last
// word of its title that names a category ("… Camp Collar Shirt"). No match when neither
// does.
CategoryMatch categoryFromProductWords(const QString &productType, const QString &title);

// Category metafields: a product's metafield `shopify.<key>` for each attribute of its
// category, of type list.metaobject_reference, listing the store's metaobjects of type
// `shopify--<key>` (https://help.shopify.com/en/manual/custom-data/metafields/category-metafields).
// The key is the attribute's handle, but colour's is "color-pattern": its entries hold a
// base colour and a base pattern
// (https://shopify.dev/docs/apps/build/product-merchandising/products-and-collections/metafield-linked).
inline const QString categoryMetafieldNamespace = QStringLiteral("shopify");
QString categoryMetafieldKey(const QString &attributeHandle);
// "shopify--color-pattern", "shopify--fabric"…
QString categoryMetaobjectType(const QString &attributeHandle);
// The attribute handle of a category metafield key ("color-pattern" → "color"); empty for a
// key of no attribute Tagdesk carries values of.
QString attributeOfCategoryMetafieldKey(const QString &key);

// Full names the category matching names that the taxonomy does not have (a typo, or a
// category a newer taxonomy version renamed); the tests keep it empty.
QStringList unknownCategoryNames();

} // namespace vocabulary

} // namespace tagdesk

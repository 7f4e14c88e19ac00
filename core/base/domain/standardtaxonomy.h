#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace tagdesk {

// Shopify's Standard Product Taxonomy (https://github.com/Shopify/product-taxonomy): the
// categories a product can be filed under (`product.category`) and the attributes and values
// its category metafields take. Tagdesk carries the apparel part of version 2026-08, embedded
// at :/taxonomy/ (resources/taxonomy/README.md says what is in it and what is not).

// One value of an attribute: id "gid://shopify/TaxonomyValue/2", name "Blue", handle
// "color__blue".
struct TaxonomyValue {
    QString id = {};
    QString name = {};
    QString handle = {};

    friend bool operator==(const TaxonomyValue &, const TaxonomyValue &) = default;
};

// An attribute with all its values: id "gid://shopify/TaxonomyAttribute/1", name "Color",
// handle "color".
struct TaxonomyAttribute {
    QString id = {};
    QString name = {};
    QString handle = {};
    QList<TaxonomyValue> values = {};
};

struct TaxonomyCategory {
    QString id = {};                   // "gid://shopify/TaxonomyCategory/aa-1-4"
    QString fullName = {};             // "Apparel & Accessories > Clothing > Dresses"
    QStringList attributeHandles = {}; // "color", "fabric", … (Shopify's order)
    // True when the handles are the parent's because the data has none of its own (see
    // StandardTaxonomy::fromData).
    bool attributesInherited = false;

    QString name() const;     // the last part of the full name: "Dresses"
    QString shortId() const;  // "aa-1-4"
    int depth() const;        // levels of the full name: "aa-1-4" → 3
    QString parentId() const; // the parent's full id; empty for a top-level category
};

class StandardTaxonomy {
public:
    // The embedded taxonomy, read on first use (thread-safe) and kept for the program's life.
    static const StandardTaxonomy &instance();

    // A taxonomy read from the two files of resources/taxonomy/: `categoriesTsv` has a row
    // "short id<TAB>full name<TAB>comma-separated attribute handles" per category ('#' starts
    // a comment), `attributesJson` is {"version", "attributes": [{id, name, handle,
    // values: [{id, name, handle}]}]}. What cannot be read is listed in problems().
    static StandardTaxonomy fromData(const QByteArray &categoriesTsv,
                                     const QByteArray &attributesJson);

    QString version() const { return m_version; } // "2026-08"
    // Rows or values that could not be read; empty for whole data.
    QStringList problems() const { return m_problems; }

    const QList<TaxonomyCategory> &categories() const { return m_categories; }
    // By full id ("gid://shopify/TaxonomyCategory/aa-1-4") or short id ("aa-1-4").
    const TaxonomyCategory *categoryById(const QString &id) const;
    // By full name, ignoring case and surrounding spaces.
    const TaxonomyCategory *categoryByFullName(const QString &fullName) const;
    // Categories whose full name contains every word of `words` (ignoring case), those whose
    // own name holds the words first, then the less deep, then by full name.
    QList<const TaxonomyCategory *> searchCategories(const QString &words) const;
    // The categories a product filed under `id` could as well be filed under, for choosing
    // among: the category itself first, then its children, its siblings, its parent and the
    // parent's siblings, at most `limit` of them. Empty for an unknown id.
    QList<const TaxonomyCategory *> nearbyCategories(const QString &id, int limit) const;

    const QList<TaxonomyAttribute> &attributes() const { return m_attributes; }
    // Only the attributes whose values Tagdesk carries (color, pattern, fabric, …).
    const TaxonomyAttribute *attribute(const QString &handle) const;
    // A value of `attributeHandle` by its name ("Blue", any case) or handle ("color__blue").
    const TaxonomyValue *value(const QString &attributeHandle, const QString &nameOrHandle) const;
    // The handle of the attribute `valueId` belongs to; empty for an unknown value.
    QString attributeOfValue(const QString &valueId) const;
    // What people call a taxonomy id: a category's full name, a value's name ("Navy");
    // anything else (or an unknown id) as it is. For previews and history, which keep ids.
    QString readableName(const QString &id) const;
    // Whether a category's metafields take this value: its attribute is one of the
    // category's attributes. Shopify lists values per attribute, not per category.
    bool isValueAllowed(const QString &categoryId, const QString &valueId) const;

private:
    void indexCategories();
    void inheritMissingAttributes();

    QString m_version;
    QStringList m_problems;
    QList<TaxonomyCategory> m_categories;
    QHash<QString, qsizetype> m_categoryById;       // short id → index
    QHash<QString, qsizetype> m_categoryByFullName; // lower-cased full name → index
    QList<TaxonomyAttribute> m_attributes;
    QHash<QString, QString> m_attributeOfValue; // value id → attribute handle
};

} // namespace tagdesk

#pragma once

#include "domain/standardtaxonomy.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace tagdesk::sandbox {

// A category as `taxonomy.categories` and `Product.category` serve it (TaxonomyCategory).
struct ServedCategory {
    QString id = {};       // gid://shopify/TaxonomyCategory/aa-1-4
    QString name = {};     // Dresses
    QString fullName = {}; // Apparel & Accessories > Clothing > Dresses
    QStringList attributeHandles = {};
    bool archived = false;
    int level = 1;         // 1 for the root ("Apparel & Accessories")
    QString parentId = {}; // empty for the root
    QStringList childrenIds = {};
    QStringList ancestorIds = {}; // the parent first, the root last
};

// Shopify's Standard Product Taxonomy as the sandbox serves it: Tagdesk's embedded apparel
// subset (StandardTaxonomy, used as it is), plus two categories of the sandbox's own copy:
//  - the root `aa` "Apparel & Accessories", which the subset leaves out (no attributes
//    captured for it);
//  - `aa-1-2` "Apparel & Accessories > Clothing > Baby & Toddler Clothing", served archived
//    (isArchived: true) so a client meets an archived category. Believed to be the older
//    category aa-1-25 replaced (the id is not in 2026-08); that it is archived in Shopify is
//    not verified. It is served by id (Product.category, node) but listed by no
//    `categories` query: an archived category is no longer offered.
class SandboxTaxonomy {
public:
    static const SandboxTaxonomy &instance();
    static const QString archivedCategoryId;

    const QList<ServedCategory> &categories() const { return m_categories; }
    // By full or short id; archived ones too.
    const ServedCategory *category(const QString &id) const;

    // The lists `taxonomy.categories` serves (never archived categories).
    QList<const ServedCategory *> roots() const;
    QList<const ServedCategory *> search(const QString &words) const;
    QList<const ServedCategory *> childrenOf(const QString &id) const;
    QList<const ServedCategory *> descendantsOf(const QString &id) const;
    QList<const ServedCategory *> siblingsOf(const QString &id) const;

    // The attribute with values (color, pattern, …), or null.
    const TaxonomyAttribute *attribute(const QString &handle) const;
    // An attribute's id: Shopify's for the attributes with values, else a sandbox-made
    // gid://shopify/TaxonomyAttribute/<handle> (the subset has only the handle).
    QString attributeId(const QString &handle) const;
    // A value by id, and the handle of its attribute (empty when unknown).
    const TaxonomyValue *value(const QString &valueId, QString *attributeHandle = nullptr) const;

private:
    SandboxTaxonomy();
    const ServedCategory *listed(const QString &id) const;

    QList<ServedCategory> m_categories;
    QHash<QString, qsizetype> m_byShortId;
    QHash<QString, const TaxonomyValue *> m_values;
};

// The category metafield key of a taxonomy attribute: colour's is `color-pattern` (its
// metaobjects carry the pattern too), every other attribute's is its handle.
QString categoryMetafieldKey(const QString &attributeHandle);
// The attribute handle behind a category metafield key (the inverse of the above).
QString attributeForMetafieldKey(const QString &key);

} // namespace tagdesk::sandbox

#pragma once

#include "catalog/storeproduct.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <memory>
#include <variant>

namespace tagdesk::sandbox {

// Shopify's search syntax for the `query:` argument of products/productsCount: terms
// (implicitly ANDed), AND/OR/NOT, parentheses, `field:value`, comparators (:<, :>, :<=,
// :>=), quoted values, backslash escapes and a trailing * for prefixes.
// https://shopify.dev/api/usage/search-syntax
class ProductSearch {
public:
    // An empty query matches everything.
    static std::variant<ProductSearch, QString> parse(const QString &query);

    bool matches(const StoreProduct &product) const;
    bool matchesEverything() const { return !m_root; }
    // Fields Shopify would not recognise; their terms are ignored (Shopify answers with
    // a warning in extensions.search, and so does the sandbox).
    const QStringList &unknownFields() const { return m_unknownFields; }

    struct Node;

private:
    std::shared_ptr<const Node> m_root;
    QStringList m_unknownFields;
};

} // namespace tagdesk::sandbox

#pragma once

#include <QString>
#include <QStringList>

namespace tagdesk {

// The attributes Tagdesk knows how to suggest and save. Taggers may report labels
// outside this list; those are kept under their own name rather than dropped.
namespace attributes {
inline const QString category = QStringLiteral("category");
inline const QString subcategory = QStringLiteral("subcategory");
inline const QString colour = QStringLiteral("colour");
inline const QString pattern = QStringLiteral("pattern");
inline const QString material = QStringLiteral("material");
inline const QString sleeveLength = QStringLiteral("sleeve_length");
inline const QString length = QStringLiteral("length");
inline const QString neckline = QStringLiteral("neckline");
inline const QString style = QStringLiteral("style");
inline const QString gender = QStringLiteral("gender");
inline const QString fit = QStringLiteral("fit");
// The category of Shopify's Standard Product Taxonomy that the category a tagger named
// stands for; its value is the category's full name ("Apparel & Accessories > Clothing >
// Dresses"), the one `product.category` is written from.
inline const QString shopifyCategory = QStringLiteral("shopify_category");

QStringList known();
bool isKnown(const QString &attribute);
// Whether a job asking for `wanted` attributes (empty: all) keeps `attribute`; a job that
// asks for the category gets the Shopify category it stands for too.
bool isWanted(const QStringList &wanted, const QString &attribute);
QString displayName(const QString &attribute);
// A value as a narrow column shows it: a Shopify category by the last two levels of its
// path ("Clothing > Dresses"); other values as they are.
QString shortValue(const QString &attribute, const QString &value);
} // namespace attributes

} // namespace tagdesk

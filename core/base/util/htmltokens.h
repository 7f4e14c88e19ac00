#pragma once

#include <QList>
#include <QString>

#include <utility>

namespace tagdesk {

// HTML as a stream of tags and text, with the differences that do not change what the
// HTML says taken out: tag and attribute names lower-cased, attributes in name order with
// their values' entities decoded, text with its entities decoded, and text that is only
// whitespace between two tags dropped. Shopify keeps a product's descriptionHtml in its
// editor's own form, so what Tagdesk wrote comes back spelled differently; two
// descriptions are the same when their tokens are.
struct HtmlToken {
    enum class Kind { Text, Open, Close, Comment };
    Kind kind = Kind::Text;
    QString name;                                  // Open, Close: the tag's name
    QList<std::pair<QString, QString>> attributes; // Open: sorted by name
    QString text;                                  // Text (decoded), Comment (as written)

    friend bool operator==(const HtmlToken &, const HtmlToken &) = default;
};

QList<HtmlToken> htmlTokens(const QString &html);
bool sameHtml(const QString &a, const QString &b);
// The tokens written back out: attributes double-quoted, only &, <, > (and " in
// attributes) escaped, void elements (br, img, …) without a closing slash.
QString htmlFromTokens(const QList<HtmlToken> &tokens);

} // namespace tagdesk

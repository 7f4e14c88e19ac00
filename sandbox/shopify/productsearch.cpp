#include "shopify/productsearch.h"

#include "shopify/gid.h"

#include <QRegularExpression>

#include <optional>

namespace tagdesk::sandbox {

struct ProductSearch::Node {
    enum class Kind { And, Or, Not, Term, Ignored };
    Kind kind = Kind::Term;
    QList<std::shared_ptr<const Node>> children;
    QString field;      // empty: free text
    QString comparator; // "", "<", ">", "<=", ">="
    QString value;
    bool prefix = false; // value ended in an unescaped *
};

namespace {

using NodePtr = std::shared_ptr<const ProductSearch::Node>;
using Node = ProductSearch::Node;

const QStringList &knownFields() {
    static const QStringList fields{QStringLiteral("tag"),          QStringLiteral("tag_not"),
                                    QStringLiteral("product_type"), QStringLiteral("vendor"),
                                    QStringLiteral("status"),       QStringLiteral("title"),
                                    QStringLiteral("handle"),       QStringLiteral("updated_at"),
                                    QStringLiteral("created_at"),   QStringLiteral("collection_id"),
                                    QStringLiteral("id"),           QStringLiteral("default"),
                                    QStringLiteral("category_id")};
    return fields;
}

struct Token {
    enum class Type { Word, LParen, RParen, End };
    Type type = Type::End;
    QString text; // raw word, quotes and escapes kept (the term parser decodes)
    bool quoted = false;
};

class Tokenizer {
public:
    explicit Tokenizer(const QString &s)
        : m_s(s) {}

    std::variant<Token, QString> next() {
        while (m_pos < m_s.size() && m_s.at(m_pos).isSpace())
            ++m_pos;
        Token t;
        if (m_pos >= m_s.size())
            return t;
        const QChar c = m_s.at(m_pos);
        if (c == u'(') {
            ++m_pos;
            t.type = Token::Type::LParen;
            return t;
        }
        if (c == u')') {
            ++m_pos;
            t.type = Token::Type::RParen;
            return t;
        }
        // A word runs to unquoted, unescaped whitespace or parenthesis; quotes may start
        // anywhere in it (`title:'green hoodie'`).
        t.type = Token::Type::Word;
        QChar quote;
        while (m_pos < m_s.size()) {
            const QChar ch = m_s.at(m_pos);
            if (!quote.isNull()) {
                if (ch == u'\\' && m_pos + 1 < m_s.size()) {
                    t.text += ch;
                    t.text += m_s.at(m_pos + 1);
                    m_pos += 2;
                    continue;
                }
                t.text += ch;
                ++m_pos;
                if (ch == quote)
                    quote = QChar();
                continue;
            }
            if (ch == u'\\' && m_pos + 1 < m_s.size()) {
                t.text += ch;
                t.text += m_s.at(m_pos + 1);
                m_pos += 2;
                continue;
            }
            if (ch.isSpace() || ch == u'(' || ch == u')')
                break;
            if (ch == u'"' || ch == u'\'') {
                quote = ch;
                t.quoted = true;
            }
            t.text += ch;
            ++m_pos;
        }
        if (!quote.isNull())
            return QStringLiteral("Unterminated quote in search query: %1").arg(m_s);
        return t;
    }

private:
    const QString &m_s;
    qsizetype m_pos = 0;
};

// Splits `field:<=value` into its parts and decodes quotes and escapes.
Node parseTerm(const QString &raw) {
    Node n;
    n.kind = Node::Kind::Term;
    qsizetype colon = -1;
    bool inQuote = false;
    QChar quote;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QChar c = raw.at(i);
        if (c == u'\\') {
            ++i;
            continue;
        }
        if (inQuote) {
            if (c == quote)
                inQuote = false;
            continue;
        }
        if (c == u'"' || c == u'\'') {
            inQuote = true;
            quote = c;
            continue;
        }
        if (c == u':') {
            colon = i;
            break;
        }
    }
    QString rest = raw;
    if (colon > 0) {
        n.field = raw.left(colon).toLower();
        rest = raw.mid(colon + 1);
        for (const char *cmp : {"<=", ">=", "<", ">"}) {
            const QString c = QString::fromLatin1(cmp);
            if (rest.startsWith(c)) {
                n.comparator = c;
                rest = rest.mid(c.size());
                break;
            }
        }
    }
    QString value;
    bool quoted = false;
    bool lastEscaped = false;
    inQuote = false;
    for (qsizetype i = 0; i < rest.size(); ++i) {
        const QChar c = rest.at(i);
        lastEscaped = false;
        if (c == u'\\' && i + 1 < rest.size()) {
            value += rest.at(++i);
            lastEscaped = true;
            continue;
        }
        if (inQuote ? c == quote : (c == u'"' || c == u'\'')) {
            if (!inQuote)
                quote = c;
            inQuote = !inQuote;
            quoted = true;
            continue;
        }
        value += c;
    }
    if (!quoted && !lastEscaped && value.endsWith(u'*')) {
        n.prefix = true;
        value.chop(1);
    }
    n.value = value;
    return n;
}

class Parser {
public:
    Parser(const QString &query, QStringList &unknown)
        : m_tok(query)
        , m_unknown(unknown) {}

    std::variant<NodePtr, QString> parse() {
        if (auto e = advance())
            return *e;
        auto result = orExpr();
        if (auto *e = std::get_if<QString>(&result))
            return *e;
        if (m_cur.type != Token::Type::End)
            return QStringLiteral("Unexpected ')' in search query");
        return result;
    }

private:
    std::optional<QString> advance() {
        auto t = m_tok.next();
        if (auto *e = std::get_if<QString>(&t))
            return *e;
        m_cur = std::get<Token>(t);
        return std::nullopt;
    }

    bool isWord(QStringView w) const {
        return m_cur.type == Token::Type::Word && !m_cur.quoted && m_cur.text == w;
    }

    std::variant<NodePtr, QString> orExpr() {
        auto first = andExpr();
        if (std::holds_alternative<QString>(first))
            return first;
        auto node = std::make_shared<Node>();
        node->kind = Node::Kind::Or;
        node->children.append(std::get<NodePtr>(first));
        while (isWord(u"OR")) {
            if (auto e = advance())
                return *e;
            auto next = andExpr();
            if (std::holds_alternative<QString>(next))
                return next;
            node->children.append(std::get<NodePtr>(next));
        }
        if (node->children.size() == 1)
            return node->children.first();
        return NodePtr(node);
    }

    std::variant<NodePtr, QString> andExpr() {
        auto node = std::make_shared<Node>();
        node->kind = Node::Kind::And;
        while (m_cur.type == Token::Type::Word || m_cur.type == Token::Type::LParen) {
            if (isWord(u"OR"))
                break;
            if (isWord(u"AND")) {
                if (auto e = advance())
                    return *e;
                continue;
            }
            auto next = unary();
            if (std::holds_alternative<QString>(next))
                return next;
            node->children.append(std::get<NodePtr>(next));
        }
        if (node->children.isEmpty())
            return QStringLiteral("Search query ends where a term was expected");
        if (node->children.size() == 1)
            return node->children.first();
        return NodePtr(node);
    }

    std::variant<NodePtr, QString> unary() {
        if (isWord(u"NOT") || (m_cur.type == Token::Type::Word && !m_cur.quoted &&
                               m_cur.text.startsWith(u'-') && m_cur.text.size() > 1)) {
            auto node = std::make_shared<Node>();
            node->kind = Node::Kind::Not;
            if (isWord(u"NOT")) {
                if (auto e = advance())
                    return *e;
                auto inner = unary();
                if (std::holds_alternative<QString>(inner))
                    return inner;
                node->children.append(std::get<NodePtr>(inner));
            } else {
                node->children.append(term(m_cur.text.mid(1)));
                if (auto e = advance())
                    return *e;
            }
            return NodePtr(node);
        }
        if (m_cur.type == Token::Type::LParen) {
            if (auto e = advance())
                return *e;
            auto inner = orExpr();
            if (std::holds_alternative<QString>(inner))
                return inner;
            if (m_cur.type != Token::Type::RParen)
                return QStringLiteral("Missing ')' in search query");
            if (auto e = advance())
                return *e;
            return inner;
        }
        NodePtr t = term(m_cur.text);
        if (auto e = advance())
            return *e;
        return t;
    }

    NodePtr term(const QString &raw) {
        auto n = std::make_shared<Node>(parseTerm(raw));
        if (!n->field.isEmpty() && !knownFields().contains(n->field)) {
            n->kind = Node::Kind::Ignored;
            if (!m_unknown.contains(n->field))
                m_unknown.append(n->field);
        }
        return n;
    }

    Tokenizer m_tok;
    Token m_cur;
    QStringList &m_unknown;
};

bool textMatches(const QString &candidate, const QString &value, bool prefix) {
    return prefix ? candidate.startsWith(value, Qt::CaseInsensitive)
                  : candidate.compare(value, Qt::CaseInsensitive) == 0;
}

// Free text and title: every word of the value starts a word of the text.
bool wordsMatch(const QString &text, const QString &value) {
    static const QRegularExpression separators(QStringLiteral("[^\\w]+"));
    const QStringList words = text.toLower().split(separators, Qt::SkipEmptyParts);
    const QStringList wanted = value.toLower().split(separators, Qt::SkipEmptyParts);
    if (wanted.isEmpty())
        return true;
    for (const QString &w : wanted) {
        bool found = false;
        for (const QString &word : words)
            if (word.startsWith(w)) {
                found = true;
                break;
            }
        if (!found)
            return false;
    }
    return true;
}

template <typename T> bool compareWith(const QString &cmp, const T &actual, const T &wanted) {
    if (cmp == QLatin1String("<"))
        return actual < wanted;
    if (cmp == QLatin1String(">"))
        return actual > wanted;
    if (cmp == QLatin1String("<="))
        return actual <= wanted;
    if (cmp == QLatin1String(">="))
        return actual >= wanted;
    return actual == wanted;
}

bool dateMatches(const Node &n, const QDateTime &actual) {
    if (!actual.isValid())
        return false;
    const QString v = n.value.trimmed();
    if (v.compare(QLatin1String("now"), Qt::CaseInsensitive) == 0)
        return compareWith(n.comparator, actual, QDateTime::currentDateTimeUtc());
    static const QRegularExpression dayOnly(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const bool wholeDay = dayOnly.match(v).hasMatch();
    QDateTime wanted = wholeDay ? QDateTime() : QDateTime::fromString(v, Qt::ISODateWithMs);
    if (!wanted.isValid() && !wholeDay)
        wanted = QDateTime::fromString(v, Qt::ISODate);
    if (wanted.isValid()) {
        if (wanted.timeSpec() == Qt::LocalTime)
            wanted.setTimeSpec(Qt::UTC);
        return compareWith(n.comparator, actual.toUTC(), wanted.toUTC());
    }
    const QDate day = QDate::fromString(v, Qt::ISODate);
    if (!day.isValid())
        return false;
    // A bare date means the whole day (UTC).
    const QDateTime start(day, QTime(0, 0), Qt::UTC);
    const QDateTime end = start.addDays(1);
    const QDateTime a = actual.toUTC();
    if (n.comparator == QLatin1String("<"))
        return a < start;
    if (n.comparator == QLatin1String("<="))
        return a < end;
    if (n.comparator == QLatin1String(">"))
        return a >= end;
    if (n.comparator == QLatin1String(">="))
        return a >= start;
    return a >= start && a < end;
}

bool evaluate(const Node &n, const StoreProduct &p) {
    switch (n.kind) {
    case Node::Kind::And:
        for (const auto &c : n.children)
            if (!evaluate(*c, p))
                return false;
        return true;
    case Node::Kind::Or:
        for (const auto &c : n.children)
            if (evaluate(*c, p))
                return true;
        return false;
    case Node::Kind::Not:
        return !evaluate(*n.children.first(), p);
    case Node::Kind::Ignored:
        return true;
    case Node::Kind::Term:
        break;
    }
    const QString &f = n.field;
    if (f.isEmpty() || f == QLatin1String("default")) {
        const QString all = p.title + u' ' + p.vendor + u' ' + p.productType + u' ' + p.handle +
                            u' ' + p.tags.join(u' ');
        return wordsMatch(all, n.value);
    }
    if (f == QLatin1String("tag") || f == QLatin1String("tag_not")) {
        bool has = false;
        for (const QString &t : p.tags)
            if (textMatches(t, n.value, n.prefix)) {
                has = true;
                break;
            }
        return f == QLatin1String("tag") ? has : !has;
    }
    if (f == QLatin1String("product_type"))
        return textMatches(p.productType, n.value, n.prefix);
    if (f == QLatin1String("vendor"))
        return textMatches(p.vendor, n.value, n.prefix);
    if (f == QLatin1String("handle"))
        return textMatches(p.handle, n.value, n.prefix);
    if (f == QLatin1String("status")) {
        for (const QString &s : n.value.split(u',', Qt::SkipEmptyParts))
            if (p.status.compare(s.trimmed(), Qt::CaseInsensitive) == 0)
                return true;
        return false;
    }
    if (f == QLatin1String("title"))
        return n.prefix ? p.title.startsWith(n.value, Qt::CaseInsensitive) ||
                              wordsMatch(p.title, n.value)
                        : wordsMatch(p.title, n.value);
    if (f == QLatin1String("updated_at"))
        return dateMatches(n, p.updatedAt);
    if (f == QLatin1String("created_at"))
        return dateMatches(n, p.createdAt);
    if (f == QLatin1String("collection_id")) {
        const QString wanted = n.value.startsWith(QLatin1String("gid://"))
                                   ? n.value
                                   : gidFor(u"Collection", n.value.toLongLong());
        return p.collectionIds.contains(wanted);
    }
    // category_id:aa-1-4 (Shopify's example gives the short id; the full gid works too): the
    // product's own category only.
    if (f == QLatin1String("category_id")) {
        const QString prefix = QStringLiteral("gid://shopify/TaxonomyCategory/");
        const QString wanted = n.value.startsWith(prefix) ? n.value : prefix + n.value;
        return !p.category.isEmpty() && p.category == wanted;
    }
    if (f == QLatin1String("id")) {
        const qint64 wanted =
            n.value.startsWith(QLatin1String("gid://")) ? legacyId(n.value) : n.value.toLongLong();
        return compareWith(n.comparator, legacyId(p.id), wanted);
    }
    return true;
}

} // namespace

std::variant<ProductSearch, QString> ProductSearch::parse(const QString &query) {
    ProductSearch s;
    if (query.trimmed().isEmpty())
        return s;
    Parser parser(query, s.m_unknownFields);
    auto root = parser.parse();
    if (auto *e = std::get_if<QString>(&root))
        return *e;
    s.m_root = std::get<NodePtr>(root);
    return s;
}

bool ProductSearch::matches(const StoreProduct &product) const {
    return !m_root || evaluate(*m_root, product);
}

} // namespace tagdesk::sandbox

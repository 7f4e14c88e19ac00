#include "graphql/parser.h"

#include <QJsonObject>

namespace tagdesk::sandbox::graphql {

QJsonObject GraphQLError::toJson() const {
    QJsonObject error{{QStringLiteral("message"), message}};
    if (!locations.isEmpty()) {
        QJsonArray locs;
        for (const Location &l : locations)
            locs.append(QJsonObject{{QStringLiteral("line"), l.line},
                                    {QStringLiteral("column"), l.column}});
        error.insert(QStringLiteral("locations"), locs);
    }
    if (!path.isEmpty())
        error.insert(QStringLiteral("path"), path);
    if (!extensions.isEmpty())
        error.insert(QStringLiteral("extensions"), extensions);
    return error;
}

namespace {

struct Token {
    enum class Type {
        End,
        Name,
        Int,
        Float,
        String,
        Punct, // one of ! $ ( ) ... : = @ [ ] { | } &
        Invalid
    };
    Type type = Type::End;
    QString text; // names, numbers, decoded strings, punctuation
    Location location;
};

// Splits the source into tokens, tracking line and column for error messages.
class Lexer {
public:
    explicit Lexer(const QString &source)
        : m_src(source) {}

    std::variant<Token, GraphQLError> next() {
        skipIgnored();
        Token t;
        t.location = here();
        if (m_pos >= m_src.size()) {
            t.type = Token::Type::End;
            return t;
        }
        const QChar c = m_src.at(m_pos);
        if (c == u'.') {
            if (m_src.mid(m_pos, 3) == QLatin1String("...")) {
                advance(3);
                t.type = Token::Type::Punct;
                t.text = QStringLiteral("...");
                return t;
            }
            return lexError(QStringLiteral("."), t.location);
        }
        if (QStringLiteral("!$():=@[]{}|&").contains(c)) {
            advance(1);
            t.type = Token::Type::Punct;
            t.text = c;
            return t;
        }
        if (c == u'_' || c.isLetter()) {
            const qsizetype start = m_pos;
            while (m_pos < m_src.size() &&
                   (m_src.at(m_pos) == u'_' || m_src.at(m_pos).isLetterOrNumber()))
                advance(1);
            t.type = Token::Type::Name;
            t.text = m_src.mid(start, m_pos - start);
            return t;
        }
        if (c == u'-' || c.isDigit())
            return number(t);
        if (c == u'"')
            return string(t);
        advance(1);
        return lexError(QString(c), t.location);
    }

private:
    Location here() const { return {m_line, int(m_pos - m_lineStart) + 1}; }

    void advance(qsizetype n) {
        for (qsizetype i = 0; i < n && m_pos < m_src.size(); ++i) {
            if (m_src.at(m_pos) == u'\n') {
                ++m_line;
                m_lineStart = m_pos + 1;
            }
            ++m_pos;
        }
    }

    void skipIgnored() {
        while (m_pos < m_src.size()) {
            const QChar c = m_src.at(m_pos);
            if (c == u'#') {
                while (m_pos < m_src.size() && m_src.at(m_pos) != u'\n')
                    advance(1);
            } else if (c.isSpace() || c == u',' || c == QChar(0xFEFF)) {
                advance(1);
            } else {
                return;
            }
        }
    }

    static GraphQLError lexError(const QString &what, Location at) {
        GraphQLError e;
        e.message = QStringLiteral("Parse error on \"%1\" (error) at [%2, %3]")
                        .arg(what)
                        .arg(at.line)
                        .arg(at.column);
        e.locations = {at};
        return e;
    }

    std::variant<Token, GraphQLError> number(Token t) {
        const qsizetype start = m_pos;
        bool isFloat = false;
        if (m_src.at(m_pos) == u'-')
            advance(1);
        auto digits = [&] {
            const qsizetype s = m_pos;
            while (m_pos < m_src.size() && m_src.at(m_pos).isDigit())
                advance(1);
            return m_pos > s;
        };
        if (!digits())
            return lexError(m_src.mid(start, m_pos - start + 1), t.location);
        if (m_pos < m_src.size() && m_src.at(m_pos) == u'.') {
            isFloat = true;
            advance(1);
            if (!digits())
                return lexError(m_src.mid(start, m_pos - start), t.location);
        }
        if (m_pos < m_src.size() && (m_src.at(m_pos) == u'e' || m_src.at(m_pos) == u'E')) {
            isFloat = true;
            advance(1);
            if (m_pos < m_src.size() && (m_src.at(m_pos) == u'+' || m_src.at(m_pos) == u'-'))
                advance(1);
            if (!digits())
                return lexError(m_src.mid(start, m_pos - start), t.location);
        }
        t.type = isFloat ? Token::Type::Float : Token::Type::Int;
        t.text = m_src.mid(start, m_pos - start);
        return t;
    }

    std::variant<Token, GraphQLError> string(Token t) {
        t.type = Token::Type::String;
        if (m_src.mid(m_pos, 3) == QLatin1String("\"\"\""))
            return blockString(t);
        advance(1);
        QString out;
        while (true) {
            if (m_pos >= m_src.size() || m_src.at(m_pos) == u'\n')
                return lexError(QStringLiteral("\""), t.location); // unterminated
            const QChar c = m_src.at(m_pos);
            if (c == u'"') {
                advance(1);
                break;
            }
            if (c != u'\\') {
                out += c;
                advance(1);
                continue;
            }
            if (m_pos + 1 >= m_src.size())
                return lexError(QStringLiteral("\\"), here());
            const QChar e = m_src.at(m_pos + 1);
            advance(2);
            switch (e.unicode()) {
            case u'"':
                out += u'"';
                break;
            case u'\\':
                out += u'\\';
                break;
            case u'/':
                out += u'/';
                break;
            case u'b':
                out += u'\b';
                break;
            case u'f':
                out += u'\f';
                break;
            case u'n':
                out += u'\n';
                break;
            case u'r':
                out += u'\r';
                break;
            case u't':
                out += u'\t';
                break;
            case u'u': {
                bool ok = false;
                const uint code = m_src.mid(m_pos, 4).toUInt(&ok, 16);
                if (!ok || m_pos + 4 > m_src.size())
                    return lexError(QStringLiteral("\\u"), here());
                advance(4);
                out += QChar(char16_t(code));
                break;
            }
            default:
                return lexError(QStringLiteral("\\") + e, here());
            }
        }
        t.text = out;
        return t;
    }

    // Block strings: raw text, `\"""` is the only escape, common indentation removed.
    std::variant<Token, GraphQLError> blockString(Token t) {
        advance(3);
        QString raw;
        while (true) {
            if (m_pos >= m_src.size())
                return lexError(QStringLiteral("\"\"\""), t.location);
            if (m_src.mid(m_pos, 4) == QLatin1String("\\\"\"\"")) {
                raw += QLatin1String("\"\"\"");
                advance(4);
                continue;
            }
            if (m_src.mid(m_pos, 3) == QLatin1String("\"\"\"")) {
                advance(3);
                break;
            }
            raw += m_src.at(m_pos);
            advance(1);
        }
        t.text = dedentBlock(raw);
        return t;
    }

    static QString dedentBlock(const QString &raw) {
        QStringList lines = raw.split(u'\n');
        for (QString &l : lines)
            if (l.endsWith(u'\r'))
                l.chop(1);
        int common = -1;
        for (int i = 1; i < lines.size(); ++i) {
            const QString &l = lines.at(i);
            int indent = 0;
            while (indent < l.size() && (l.at(indent) == u' ' || l.at(indent) == u'\t'))
                ++indent;
            if (indent < l.size() && (common < 0 || indent < common))
                common = indent;
        }
        if (common > 0)
            for (int i = 1; i < lines.size(); ++i)
                lines[i] = lines.at(i).mid(common);
        auto blank = [](const QString &l) {
            return l.trimmed().isEmpty();
        };
        while (!lines.isEmpty() && blank(lines.first()))
            lines.removeFirst();
        while (!lines.isEmpty() && blank(lines.last()))
            lines.removeLast();
        return lines.join(u'\n');
    }

    const QString &m_src;
    qsizetype m_pos = 0;
    int m_line = 1;
    qsizetype m_lineStart = 0;
};

// Recursive descent over the executable subset of the GraphQL grammar.
class Parser {
public:
    explicit Parser(const QString &source)
        : m_lexer(source) {}

    std::variant<Document, GraphQLError> parse() {
        if (!advance())
            return *m_error;
        Document doc;
        if (m_tok.type == Token::Type::End)
            return unexpected();
        while (m_tok.type != Token::Type::End) {
            if (isPunct(u"{")) {
                Operation op;
                op.type = QStringLiteral("query");
                op.location = m_tok.location;
                if (!selectionSet(op.selections))
                    return *m_error;
                doc.operations.append(std::move(op));
            } else if (isName(u"query") || isName(u"mutation") || isName(u"subscription")) {
                Operation op;
                if (!operation(op))
                    return *m_error;
                doc.operations.append(std::move(op));
            } else if (isName(u"fragment")) {
                FragmentDefinition f;
                if (!fragment(f))
                    return *m_error;
                doc.fragments.insert(f.name, std::move(f));
            } else {
                return unexpected();
            }
        }
        return doc;
    }

private:
    bool isPunct(QStringView p) const {
        return m_tok.type == Token::Type::Punct && m_tok.text == p;
    }
    bool isName(QStringView n) const { return m_tok.type == Token::Type::Name && m_tok.text == n; }

    bool advance() {
        auto next = m_lexer.next();
        if (auto *e = std::get_if<GraphQLError>(&next)) {
            m_error = *e;
            return false;
        }
        m_tok = std::get<Token>(std::move(next));
        return true;
    }

    static QString tokenName(const Token &t) {
        switch (t.type) {
        case Token::Type::Name:
            return QStringLiteral("IDENTIFIER");
        case Token::Type::Int:
            return QStringLiteral("INT");
        case Token::Type::Float:
            return QStringLiteral("FLOAT");
        case Token::Type::String:
            return QStringLiteral("STRING");
        case Token::Type::End:
            return QStringLiteral("end of file");
        case Token::Type::Invalid:
            return QStringLiteral("error");
        case Token::Type::Punct:
            break;
        }
        static const QHash<QString, QString> names{
            {QStringLiteral("{"), QStringLiteral("LCURLY")},
            {QStringLiteral("}"), QStringLiteral("RCURLY")},
            {QStringLiteral("("), QStringLiteral("LPAREN")},
            {QStringLiteral(")"), QStringLiteral("RPAREN")},
            {QStringLiteral("["), QStringLiteral("LBRACKET")},
            {QStringLiteral("]"), QStringLiteral("RBRACKET")},
            {QStringLiteral(":"), QStringLiteral("COLON")},
            {QStringLiteral("$"), QStringLiteral("VAR_SIGN")},
            {QStringLiteral("!"), QStringLiteral("BANG")},
            {QStringLiteral("="), QStringLiteral("EQUALS")},
            {QStringLiteral("@"), QStringLiteral("DIR_SIGN")},
            {QStringLiteral("..."), QStringLiteral("ELLIPSIS")},
            {QStringLiteral("|"), QStringLiteral("PIPE")},
            {QStringLiteral("&"), QStringLiteral("AMP")},
        };
        return names.value(t.text, QStringLiteral("error"));
    }

    GraphQLError unexpected() {
        GraphQLError e;
        if (m_tok.type == Token::Type::End) {
            e.message = QStringLiteral("Unexpected end of document");
        } else {
            const QString shown = m_tok.type == Token::Type::String
                                      ? QStringLiteral("\"%1\"").arg(m_tok.text)
                                      : m_tok.text;
            e.message = QStringLiteral("Parse error on \"%1\" (%2) at [%3, %4]")
                            .arg(shown, tokenName(m_tok))
                            .arg(m_tok.location.line)
                            .arg(m_tok.location.column);
        }
        e.locations = {m_tok.location};
        return e;
    }

    bool fail() {
        if (!m_error)
            m_error = unexpected();
        return false;
    }

    bool expectPunct(QStringView p) {
        if (!isPunct(p))
            return fail();
        return advance();
    }

    bool expectName(QString &out) {
        if (m_tok.type != Token::Type::Name)
            return fail();
        out = m_tok.text;
        return advance();
    }

    bool operation(Operation &op) {
        op.location = m_tok.location;
        op.type = m_tok.text;
        if (!advance())
            return false;
        if (m_tok.type == Token::Type::Name && !expectName(op.name))
            return false;
        if (isPunct(u"(")) {
            if (!advance())
                return false;
            while (!isPunct(u")")) {
                VariableDefinition v;
                v.location = m_tok.location;
                if (!expectPunct(u"$") || !expectName(v.name) || !expectPunct(u":") ||
                    !typeReference(v.type))
                    return false;
                if (isPunct(u"=")) {
                    if (!advance())
                        return false;
                    Value d;
                    if (!value(d, true))
                        return false;
                    v.defaultValue = std::move(d);
                }
                if (!directives())
                    return false;
                op.variables.append(std::move(v));
            }
            if (!advance())
                return false;
        }
        return directives() && selectionSet(op.selections);
    }

    bool typeReference(QString &out) {
        if (isPunct(u"[")) {
            if (!advance())
                return false;
            QString inner;
            if (!typeReference(inner) || !expectPunct(u"]"))
                return false;
            out = u'[' + inner + u']';
        } else {
            if (!expectName(out))
                return false;
        }
        if (isPunct(u"!")) {
            out += u'!';
            return advance();
        }
        return true;
    }

    bool fragment(FragmentDefinition &f) {
        f.location = m_tok.location;
        if (!advance() || !expectName(f.name))
            return false;
        if (!isName(u"on"))
            return fail();
        return advance() && expectName(f.typeCondition) && directives() &&
               selectionSet(f.selections);
    }

    // Directives are accepted syntactically and ignored: the subset needs none, and
    // @idempotent on these mutations is optional in 2026-01.
    bool directives() {
        while (isPunct(u"@")) {
            QString name;
            QList<Argument> args;
            if (!advance() || !expectName(name) || !arguments(args))
                return false;
        }
        return true;
    }

    bool selectionSet(SelectionSet &out) {
        if (!expectPunct(u"{"))
            return false;
        if (isPunct(u"}"))
            return fail(); // empty selection sets are a syntax error
        while (!isPunct(u"}")) {
            Selection s;
            if (!selection(s))
                return false;
            out.append(std::move(s));
        }
        return advance();
    }

    bool selection(Selection &s) {
        s.location = m_tok.location;
        if (isPunct(u"...")) {
            if (!advance())
                return false;
            if (isName(u"on")) {
                s.kind = Selection::Kind::InlineFragment;
                return advance() && expectName(s.typeCondition) && directives() &&
                       selectionSet(s.selections);
            }
            if (isPunct(u"{") || isPunct(u"@")) {
                s.kind = Selection::Kind::InlineFragment;
                return directives() && selectionSet(s.selections);
            }
            s.kind = Selection::Kind::FragmentSpread;
            return expectName(s.name) && directives();
        }
        s.kind = Selection::Kind::Field;
        if (!expectName(s.name))
            return false;
        if (isPunct(u":")) {
            s.alias = s.name;
            if (!advance() || !expectName(s.name))
                return false;
        }
        if (!arguments(s.arguments) || !directives())
            return false;
        if (isPunct(u"{"))
            return selectionSet(s.selections);
        return true;
    }

    bool arguments(QList<Argument> &out) {
        if (!isPunct(u"("))
            return true;
        if (!advance())
            return false;
        if (isPunct(u")"))
            return fail();
        while (!isPunct(u")")) {
            Argument a;
            a.location = m_tok.location;
            if (!expectName(a.name) || !expectPunct(u":") || !value(a.value, false))
                return false;
            out.append(std::move(a));
        }
        return advance();
    }

    bool value(Value &v, bool constant) {
        v.location = m_tok.location;
        switch (m_tok.type) {
        case Token::Type::Int:
            v.kind = Value::Kind::Int;
            v.text = m_tok.text;
            return advance();
        case Token::Type::Float:
            v.kind = Value::Kind::Float;
            v.text = m_tok.text;
            return advance();
        case Token::Type::String:
            v.kind = Value::Kind::String;
            v.text = m_tok.text;
            return advance();
        case Token::Type::Name:
            if (m_tok.text == QLatin1String("true") || m_tok.text == QLatin1String("false"))
                v.kind = Value::Kind::Boolean;
            else if (m_tok.text == QLatin1String("null"))
                v.kind = Value::Kind::Null;
            else
                v.kind = Value::Kind::Enum;
            v.text = m_tok.text;
            return advance();
        case Token::Type::Punct:
            if (isPunct(u"$") && !constant) {
                v.kind = Value::Kind::Variable;
                return advance() && expectName(v.text);
            }
            if (isPunct(u"[")) {
                v.kind = Value::Kind::List;
                if (!advance())
                    return false;
                while (!isPunct(u"]")) {
                    Value item;
                    if (!value(item, constant))
                        return false;
                    v.items.append(std::move(item));
                }
                return advance();
            }
            if (isPunct(u"{")) {
                v.kind = Value::Kind::Object;
                if (!advance())
                    return false;
                while (!isPunct(u"}")) {
                    QString name;
                    Value field;
                    if (!expectName(name) || !expectPunct(u":") || !value(field, constant))
                        return false;
                    v.fields.append({name, std::move(field)});
                }
                return advance();
            }
            return fail();
        case Token::Type::End:
        case Token::Type::Invalid:
            break;
        }
        return fail();
    }

    Lexer m_lexer;
    Token m_tok;
    std::optional<GraphQLError> m_error;
};

} // namespace

std::variant<Document, GraphQLError> parseDocument(const QString &source) {
    Parser parser(source);
    return parser.parse();
}

} // namespace tagdesk::sandbox::graphql

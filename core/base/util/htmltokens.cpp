#include "util/htmltokens.h"

#include <QHash>

#include <algorithm>

namespace tagdesk {

namespace {

// The named entities product descriptions use; others stay as written.
const QHash<QString, QString> &namedEntities() {
    static const QHash<QString, QString> entities{
        {QStringLiteral("amp"), QStringLiteral("&")},
        {QStringLiteral("lt"), QStringLiteral("<")},
        {QStringLiteral("gt"), QStringLiteral(">")},
        {QStringLiteral("quot"), QStringLiteral("\"")},
        {QStringLiteral("apos"), QStringLiteral("'")},
        {QStringLiteral("nbsp"), QString(QChar(0xA0))},
        {QStringLiteral("eacute"), QString(QChar(0xE9))},
        {QStringLiteral("egrave"), QString(QChar(0xE8))},
        {QStringLiteral("uuml"), QString(QChar(0xFC))},
        {QStringLiteral("ouml"), QString(QChar(0xF6))},
        {QStringLiteral("auml"), QString(QChar(0xE4))},
        {QStringLiteral("copy"), QString(QChar(0xA9))},
        {QStringLiteral("reg"), QString(QChar(0xAE))},
        {QStringLiteral("trade"), QString(QChar(0x2122))},
        {QStringLiteral("ndash"), QString(QChar(0x2013))},
        {QStringLiteral("mdash"), QString(QChar(0x2014))},
        {QStringLiteral("rsquo"), QString(QChar(0x2019))},
        {QStringLiteral("lsquo"), QString(QChar(0x2018))},
        {QStringLiteral("rdquo"), QString(QChar(0x201D))},
        {QStringLiteral("ldquo"), QString(QChar(0x201C))},
        {QStringLiteral("hellip"), QString(QChar(0x2026))}};
    return entities;
}

QString decodeEntities(const QString &text) {
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&')) {
            out += text.at(i);
            continue;
        }
        const qsizetype semi = text.indexOf(QLatin1Char(';'), i + 1);
        if (semi < 0 || semi - i > 12) {
            out += text.at(i);
            continue;
        }
        const QString name = text.mid(i + 1, semi - i - 1);
        QString decoded;
        if (name.startsWith(QLatin1Char('#'))) {
            bool ok = false;
            const uint code = name.startsWith(QLatin1String("#x"), Qt::CaseInsensitive)
                                  ? name.mid(2).toUInt(&ok, 16)
                                  : name.mid(1).toUInt(&ok, 10);
            if (ok && code > 0 && code <= 0x10FFFF)
                decoded = QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1);
        } else {
            decoded = namedEntities().value(name);
        }
        if (decoded.isEmpty()) {
            out += text.at(i);
            continue;
        }
        out += decoded;
        i = semi;
    }
    return out;
}

bool isVoidElement(const QString &name) {
    static const QStringList voids{QStringLiteral("br"),     QStringLiteral("hr"),
                                   QStringLiteral("img"),    QStringLiteral("input"),
                                   QStringLiteral("meta"),   QStringLiteral("link"),
                                   QStringLiteral("source"), QStringLiteral("wbr")};
    return voids.contains(name);
}

// Parses the inside of a start tag, "p class='a' id=b", into a token.
HtmlToken startTag(const QString &inside) {
    HtmlToken t;
    t.kind = HtmlToken::Kind::Open;
    qsizetype i = 0;
    const auto skipSpace = [&] {
        while (i < inside.size() && inside.at(i).isSpace())
            ++i;
    };
    while (i < inside.size() && !inside.at(i).isSpace() && inside.at(i) != QLatin1Char('/'))
        t.name += inside.at(i++).toLower();
    for (;;) {
        skipSpace();
        while (i < inside.size() && inside.at(i) == QLatin1Char('/'))
            ++i;
        skipSpace();
        if (i >= inside.size())
            break;
        QString name;
        while (i < inside.size() && !inside.at(i).isSpace() && inside.at(i) != QLatin1Char('=') &&
               inside.at(i) != QLatin1Char('/'))
            name += inside.at(i++).toLower();
        skipSpace();
        QString value;
        if (i < inside.size() && inside.at(i) == QLatin1Char('=')) {
            ++i;
            skipSpace();
            if (i < inside.size() &&
                (inside.at(i) == QLatin1Char('"') || inside.at(i) == QLatin1Char('\''))) {
                const QChar quote = inside.at(i++);
                const qsizetype end = inside.indexOf(quote, i);
                value = inside.mid(i, end < 0 ? -1 : end - i);
                i = end < 0 ? inside.size() : end + 1;
            } else {
                while (i < inside.size() && !inside.at(i).isSpace())
                    value += inside.at(i++);
            }
        }
        if (!name.isEmpty())
            t.attributes.append({name, decodeEntities(value)});
    }
    std::stable_sort(t.attributes.begin(), t.attributes.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    return t;
}

QString escaped(const QString &text, bool inAttribute) {
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char('&'))
            out += QLatin1String("&amp;");
        else if (c == QLatin1Char('<'))
            out += QLatin1String("&lt;");
        else if (c == QLatin1Char('>'))
            out += QLatin1String("&gt;");
        else if (inAttribute && c == QLatin1Char('"'))
            out += QLatin1String("&quot;");
        else
            out += c;
    }
    return out;
}

} // namespace

QList<HtmlToken> htmlTokens(const QString &html) {
    QList<HtmlToken> tokens;
    QString text;
    const auto flushText = [&](bool beforeTag) {
        // Whitespace alone between two tags says nothing; at the very start or end either.
        const bool onlySpace =
            std::all_of(text.begin(), text.end(), [](QChar c) { return c.isSpace(); });
        if (!text.isEmpty() && !(onlySpace && (beforeTag || tokens.isEmpty() ||
                                               tokens.last().kind != HtmlToken::Kind::Text)))
            tokens.append({HtmlToken::Kind::Text, {}, {}, decodeEntities(text)});
        text.clear();
    };
    for (qsizetype i = 0; i < html.size();) {
        if (html.at(i) != QLatin1Char('<')) {
            text += html.at(i++);
            continue;
        }
        if (html.mid(i, 4) == QLatin1String("<!--")) {
            const qsizetype end = html.indexOf(QLatin1String("-->"), i + 4);
            flushText(true);
            const qsizetype stop = end < 0 ? html.size() : end + 3;
            tokens.append({HtmlToken::Kind::Comment, {}, {}, html.mid(i, stop - i)});
            i = stop;
            continue;
        }
        // The end of the tag: the first > outside quotes.
        qsizetype j = i + 1;
        QChar quote;
        for (; j < html.size(); ++j) {
            const QChar c = html.at(j);
            if (!quote.isNull()) {
                if (c == quote)
                    quote = QChar();
            } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
                quote = c;
            } else if (c == QLatin1Char('>')) {
                break;
            }
        }
        const QString inside = html.mid(i + 1, j - i - 1).trimmed();
        if (j >= html.size() || inside.isEmpty() ||
            !(inside.at(0).isLetter() || inside.at(0) == QLatin1Char('/'))) {
            text += html.at(i++); // a lone <, as text
            continue;
        }
        flushText(true);
        if (inside.startsWith(QLatin1Char('/'))) {
            HtmlToken t;
            t.kind = HtmlToken::Kind::Close;
            t.name = inside.mid(1).trimmed().toLower();
            tokens.append(t);
        } else {
            tokens.append(startTag(inside));
        }
        i = j + 1;
    }
    flushText(true);
    return tokens;
}

bool sameHtml(const QString &a, const QString &b) {
    return a == b || htmlTokens(a) == htmlTokens(b);
}

QString htmlFromTokens(const QList<HtmlToken> &tokens) {
    QString out;
    for (const HtmlToken &t : tokens) {
        switch (t.kind) {
        case HtmlToken::Kind::Text:
            out += escaped(t.text, false);
            break;
        case HtmlToken::Kind::Comment:
            out += t.text;
            break;
        case HtmlToken::Kind::Close:
            if (!isVoidElement(t.name))
                out += QLatin1String("</") + t.name + QLatin1Char('>');
            break;
        case HtmlToken::Kind::Open:
            out += QLatin1Char('<') + t.name;
            for (const auto &[name, value] : t.attributes)
                out += QLatin1Char(' ') + name + QLatin1String("=\"") + escaped(value, true) +
                       QLatin1Char('"');
            out += QLatin1Char('>');
            break;
        }
    }
    return out;
}

} // namespace tagdesk

#include "util/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstdio>

namespace tagdesk {

void JsonWriter::separate() {
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_needsComma.isEmpty()) {
        if (m_needsComma.back() == 1)
            m_out.append(',');
        m_needsComma.back() = 1;
    }
}

void JsonWriter::open(char c) {
    separate();
    m_out.append(c);
    m_needsComma.append(char(0));
}

void JsonWriter::close(char c) {
    m_out.append(c);
    m_needsComma.chop(1);
}

void JsonWriter::key(const QString &name) {
    separate();
    appendString(m_out, name);
    m_out.append(':');
    m_afterKey = true;
}

void JsonWriter::key(QLatin1StringView name) {
    separate();
    m_out.append('"').append(name.data(), name.size()).append("\":");
    m_afterKey = true;
}

void JsonWriter::value(const QString &s) {
    separate();
    appendString(m_out, s);
}

void JsonWriter::value(qint64 n) {
    separate();
    m_out.append(QByteArray::number(n));
}

void JsonWriter::value(bool b) {
    separate();
    m_out.append(b ? "true" : "false");
}

void JsonWriter::raw(const QByteArray &json) {
    separate();
    m_out.append(json);
}

void JsonWriter::value(const QJsonValue &v) {
    separate();
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        m_out.append("null");
        break;
    case QJsonValue::Bool:
        m_out.append(v.toBool() ? "true" : "false");
        break;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (std::floor(d) == d && std::abs(d) < 9e15)
            m_out.append(QByteArray::number(qint64(d)));
        else
            m_out.append(QByteArray::number(d, 'g', 17));
        break;
    }
    case QJsonValue::String:
        appendString(m_out, v.toString());
        break;
    case QJsonValue::Array:
        m_out.append(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
        break;
    case QJsonValue::Object:
        m_out.append(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        break;
    }
}

void JsonWriter::appendString(QByteArray &out, const QString &s) {
    out.append('"');
    const QByteArray utf8 = s.toUtf8();
    // Runs of characters that need no escape are copied at once: most text has none.
    const char *run = utf8.constData();
    const char *const end = run + utf8.size();
    for (const char *p = run; p != end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(run, p - run);
        run = p + 1;
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        default: {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out.append(buf);
        }
        }
    }
    out.append(run, end - run);
    out.append('"');
}

} // namespace tagdesk

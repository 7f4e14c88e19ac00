#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QString>

namespace tagdesk {

// Writes JSON text straight into a buffer, keeping keys in the order written: a GraphQL
// answer lists fields in selection order, and neither a bulk export of 100,000 products nor
// the snapshots the fetch step stores should build a document tree only to print it.
class JsonWriter {
public:
    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }
    void key(const QString &name);
    // A key known to be plain ASCII with nothing to escape (the names a program writes).
    void key(QLatin1StringView name);
    void value(const QJsonValue &v);
    void value(const QString &s);
    void value(qint64 n);
    void value(int n) { value(qint64(n)); }
    void value(bool b);
    // Without this a string literal would convert to bool, not to text.
    void value(const char *) = delete;
    void null() { value(QJsonValue()); }
    // Text that is already valid JSON (e.g. a nested document).
    void raw(const QByteArray &json);
    void reserve(qsizetype bytes) { m_out.reserve(bytes); }

    const QByteArray &data() const { return m_out; }
    QByteArray take() { return std::exchange(m_out, {}); }

    static void appendString(QByteArray &out, const QString &s);

private:
    void open(char c);
    void close(char c);
    void separate();

    QByteArray m_out;
    QByteArray m_needsComma; // one flag per open container
    bool m_afterKey = false;
};

} // namespace tagdesk

#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace tagdesk::sandbox::graphql {

// Writes JSON text straight into a buffer, keeping keys in the order written. GraphQL
// answers list fields in selection order, and a bulk export of 100,000 products must not
// build a document tree per line.
class JsonWriter {
public:
    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }
    void key(const QString &name);
    void value(const QJsonValue &v);
    void null() { value(QJsonValue()); }
    // Text that is already valid JSON (e.g. a nested document).
    void raw(const QByteArray &json);

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

} // namespace tagdesk::sandbox::graphql

#include "shopify/bulkproductreader.h"

#include "shopify/productjson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(BulkProductReader)
};

// A child line's kind, from its gid: gid://shopify/MediaImage/1 → media.
QString childConnection(const QString &id) {
    const QString type = id.section(QLatin1Char('/'), 3, 3);
    if (type == QLatin1String("Metafield"))
        return QStringLiteral("metafields");
    return QStringLiteral("media"); // MediaImage, Video, ExternalVideo, Model3d
}
} // namespace

BulkProductReader::BulkProductReader(Sink sink)
    : m_sink(std::move(sink)) {
}

Status BulkProductReader::feed(QByteArrayView bytes) {
    qsizetype start = 0;
    for (;;) {
        const qsizetype newline = bytes.indexOf('\n', start);
        if (newline < 0)
            break;
        if (m_partial.isEmpty()) {
            if (auto s = line(bytes.sliced(start, newline - start)); !s)
                return s;
        } else {
            m_partial.append(bytes.sliced(start, newline - start));
            const QByteArray whole = std::exchange(m_partial, QByteArray());
            if (auto s = line(whole); !s)
                return s;
        }
        start = newline + 1;
    }
    m_partial.append(bytes.sliced(start));
    return {};
}

Status BulkProductReader::finish() {
    if (!m_partial.trimmed().isEmpty()) {
        const QByteArray last = std::exchange(m_partial, QByteArray());
        if (auto s = line(last); !s)
            return s;
    }
    return flush();
}

Status BulkProductReader::line(QByteArrayView text) {
    ++m_lineNumber;
    if (text.trimmed().isEmpty())
        return {};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toByteArray(), &error);
    if (!doc.isObject())
        return Error::failed(Texts::tr("Line %1 of Shopify's bulk result is not JSON (%2)")
                                 .arg(m_lineNumber)
                                 .arg(error.errorString()));
    const QJsonObject object = doc.object();
    const QString parent = object.value(QLatin1String("__parentId")).toString();
    if (parent.isEmpty()) {
        // A new product: the one before it is complete.
        if (auto s = flush(); !s)
            return s;
        m_current = object;
        return {};
    }
    if (parent != m_current.value(QLatin1String("id")).toString())
        return Error::failed(
            Texts::tr("Line %1 of Shopify's bulk result belongs to %2, which is not the "
                      "product before it; the result is not grouped as requested")
                .arg(m_lineNumber)
                .arg(parent));
    const QString connection = childConnection(object.value(QLatin1String("id")).toString());
    QJsonObject holder = m_current.value(connection).toObject();
    QJsonArray nodes = holder.value(QLatin1String("nodes")).toArray();
    QJsonObject child = object;
    child.remove(QLatin1String("__parentId"));
    nodes.append(child);
    holder.insert(QLatin1String("nodes"), nodes);
    m_current.insert(connection, holder);
    return {};
}

Status BulkProductReader::flush() {
    if (m_current.isEmpty())
        return {};
    auto snapshot = productFromGraphql(std::exchange(m_current, QJsonObject()));
    if (!snapshot)
        return snapshot.error();
    ++m_products;
    m_sink(std::move(snapshot).value());
    return {};
}

} // namespace tagdesk

#include "shopify/bulkproductreader.h"

#include "domain/taxonomyvocabulary.h"
#include "shopify/productjson.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(BulkProductReader)
};

bool isMetafield(const QJsonObject &child) {
    return child.value(QLatin1String("id")).toString().section(QLatin1Char('/'), 3, 3) ==
           QLatin1String("Metafield");
}

bool isCategoryMetafield(const QJsonObject &child) {
    return isMetafield(child) && child.value(QLatin1String("namespace")).toString() ==
                                     vocabulary::categoryMetafieldNamespace;
}

// The connection a child line belongs to. A line does not say which connection it came
// from, only its parent (https://shopify.dev/docs/api/usage/bulk-operations/queries), so
// its kind is read from its gid (gid://shopify/MediaImage/1 → media), and a metafield's
// connection from its namespace: the category metafields are BulkProductsQuery's
// categoryMetafields, the others its metafields.
QString childConnection(const QJsonObject &child) {
    if (!isMetafield(child))
        return QStringLiteral("media"); // MediaImage, Video, ExternalVideo, Model3d
    return isCategoryMetafield(child) ? QStringLiteral("categoryMetafields")
                                      : QStringLiteral("metafields");
}

const QString parentKey = QStringLiteral("__parentId");
} // namespace

BulkProductReader::BulkProductReader(Sink sink, bool categoryMetafields)
    : m_sink(std::move(sink))
    , m_categoryMetafields(categoryMetafields) {
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
    if (auto s = emitProducts(); !s)
        return s;
    // What is left belongs to no product of the file: the first such line is named.
    std::optional<Span> orphan;
    for (std::size_t i = 0; i < m_children.size(); ++i) {
        if (!m_childTaken[i] && (!orphan || m_children[i].span.lineNumber < orphan->lineNumber))
            orphan = m_children[i].span;
    }
    m_children = {};
    m_childTaken = {};
    if (orphan) {
        m_childLines.flush();
        auto line = child(*orphan);
        if (!line)
            return line.error();
        return Error::failed(
            Texts::tr("Line %1 of Shopify's bulk result belongs to %2, which is not in the result")
                .arg(orphan->lineNumber)
                .arg(line->value(parentKey).toString()));
    }
    return {};
}

std::optional<qint64> BulkProductReader::productKey(const QString &id, bool add) {
    static const QLatin1String prefix("gid://shopify/Product/");
    // Digits only, no leading zero: one number stands for one id.
    const QStringView digits = QStringView(id).sliced(std::min(id.size(), prefix.size()));
    if (id.startsWith(prefix) && !digits.isEmpty() && digits.size() <= 18 &&
        (digits.front() != QLatin1Char('0') || digits.size() == 1) &&
        std::all_of(digits.begin(), digits.end(), [](QChar c) { return c.isDigit(); }))
        return digits.toLongLong();
    if (const auto known = m_otherProductIds.constFind(id); known != m_otherProductIds.cend())
        return *known;
    if (!add)
        return std::nullopt;
    const qint64 key = -1 - m_otherProductIds.size();
    m_otherProductIds.insert(id, key);
    return key;
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
    const QString parent = doc.object().value(parentKey).toString();
    if (parent.isEmpty())
        return setAside(m_productLines, text);
    if (isCategoryMetafield(doc.object())) {
        if (!m_categoryMetafields)
            return {};
        // The metaobjects it references, as a product holding only it lists them.
        ProductSnapshot holder;
        appendCategoryMetafields(holder,
                                 QJsonObject{{QStringLiteral("nodes"), QJsonArray{doc.object()}}});
        for (const QString &id : unreadCategoryMetaobjects(holder)) {
            if (!m_metaobjectIdSet.contains(id)) {
                m_metaobjectIdSet.insert(id);
                m_metaobjectIds << id;
            }
        }
    }
    Span where;
    if (auto s = setAside(m_childLines, text, &where); !s)
        return s;
    m_children.push_back({*productKey(parent, true), where});
    return {};
}

Status BulkProductReader::setAside(QTemporaryFile &file, QByteArrayView text, Span *where) {
    if (!file.isOpen() && !file.open())
        return Error::localIo(Texts::tr("Shopify's bulk result cannot be set aside in %1: %2")
                                  .arg(QDir::tempPath(), file.errorString()));
    if (where)
        *where = {file.pos(), qint32(text.size()), qint32(m_lineNumber)};
    if (file.write(text.data(), text.size()) != text.size() || !file.putChar('\n'))
        return Error::localIo(Texts::tr("Shopify's bulk result cannot be set aside in %1: %2")
                                  .arg(file.fileName(), file.errorString()));
    return {};
}

Status BulkProductReader::emitProducts() {
    // Each product's children together, in the file's order among themselves.
    std::sort(m_children.begin(), m_children.end(), [](const ChildLine &a, const ChildLine &b) {
        return a.product != b.product ? a.product < b.product
                                      : a.span.lineNumber < b.span.lineNumber;
    });
    m_childTaken.assign(m_children.size(), false);
    if (!m_productLines.isOpen())
        return {}; // no product at all
    if (!m_productLines.flush() || !m_productLines.seek(0) || !m_childLines.flush())
        return Error::localIo(Texts::tr("Shopify's bulk result cannot be read back from %1: %2")
                                  .arg(m_productLines.fileName(), m_productLines.errorString()));
    while (!m_productLines.atEnd()) {
        const QByteArray text = m_productLines.readLine();
        if (auto s = assemble(QJsonDocument::fromJson(text).object()); !s)
            return s;
    }
    return {};
}

Status BulkProductReader::assemble(const QJsonObject &line) {
    QJsonObject product = line;
    QList<Span> children;
    if (const auto key = productKey(product.value(QLatin1String("id")).toString(), false)) {
        const auto [first, last] = std::equal_range(
            m_children.begin(), m_children.end(), ChildLine{*key, {}},
            [](const ChildLine &a, const ChildLine &b) { return a.product < b.product; });
        // A product the file holds twice has its children once, with its first line.
        for (auto it = first; it != last; ++it) {
            if (!m_childTaken[std::size_t(it - m_children.begin())])
                children.append(it->span);
            m_childTaken[std::size_t(it - m_children.begin())] = true;
        }
    }
    for (const Span &span : children) {
        auto object = child(span);
        if (!object)
            return object.error();
        const QString connection = childConnection(object.value());
        QJsonObject holder = product.value(connection).toObject();
        QJsonArray nodes = holder.value(QLatin1String("nodes")).toArray();
        object->remove(parentKey);
        nodes.append(object.value());
        holder.insert(QLatin1String("nodes"), nodes);
        product.insert(connection, holder);
    }
    auto snapshot = productFromGraphql(product);
    if (!snapshot)
        return snapshot.error();
    // After Tagdesk's metafields, as the paged read appends them.
    appendCategoryMetafields(*snapshot, product.value(QLatin1String("categoryMetafields")));
    addCategoryMetaobjects(*snapshot, m_metaobjects);
    ++m_products;
    m_sink(std::move(snapshot).value());
    return {};
}

Result<QJsonObject> BulkProductReader::child(const Span &span) {
    if (!m_childLines.seek(span.offset))
        return Error::localIo(Texts::tr("Shopify's bulk result cannot be read back from %1: %2")
                                  .arg(m_childLines.fileName(), m_childLines.errorString()));
    return QJsonDocument::fromJson(m_childLines.read(span.size)).object();
}

} // namespace tagdesk

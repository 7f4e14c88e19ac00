#pragma once

#include "domain/product.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QStringList>
#include <QTemporaryFile>

#include <deque>
#include <functional>
#include <optional>
#include <vector>

namespace tagdesk {

// Reads the JSONL result of the products bulk query (resources/graphql/
// BulkProductsQuery.graphql) as it streams in: product lines, and media and metafield
// lines carrying their product's id in __parentId. Run without groupObjects (cheaper and
// less likely to time out), Shopify may write a child anywhere in the file, before or
// after its product (https://shopify.dev/docs/api/usage/bulk-operations/queries), so no
// product is known to be complete before the file ends. The lines are set aside in two
// temporary files as they come — products in order, children with where each is — and
// at the end each product is assembled with its children and handed over in the file's
// order. Memory holds where the children are (24 bytes each: a product's number and
// where its line is; a hash of QString ids took 200 bytes per product) and one product,
// not the catalog. Grouped results are read the same way.
//
// A product comes out as the paged read gives it (ShopifyClient::productsPage): Tagdesk's
// metafields, then, where they are read, its category metafields and the metaobjects they
// reference, which the caller reads between the download and finish() (a bulk query
// cannot nest the metafields' references: they would be a third level of connections).
class BulkProductReader {
public:
    using Sink = std::function<void(ProductSnapshot)>;

    // `categoryMetafields`: whether products keep their category metafields (shopify.*);
    // without it their lines are passed over, as the paged read does not read them.
    explicit BulkProductReader(Sink sink, bool categoryMetafields = false);

    // Feeds the next bytes of the file.
    Status feed(QByteArrayView bytes);
    // The metaobjects the category metafields fed so far reference, each once.
    QStringList categoryMetaobjectIds() const { return m_metaobjectIds; }
    // What those metaobjects stand for, by id: each product gets those it references.
    void setCategoryMetaobjects(QHash<QString, CategoryMetaobject> entries) {
        m_metaobjects = std::move(entries);
    }
    // The file ended: hands every product to the sink. An unfinished line is an error,
    // and so is a child of a product the file does not hold.
    Status finish();

    qint64 productsRead() const { return m_products; }

private:
    struct Span {
        qint64 offset = 0;
        qint32 size = 0;
        qint32 lineNumber = 0; // in Shopify's file, for messages
    };
    // A child line set aside: its product, by the key productKey gives, and where it is.
    struct ChildLine {
        qint64 product = 0;
        Span span;
    };

    // A product id as a number: gid://shopify/Product/N gives N; any other id is numbered
    // here (below zero) the first time it is seen, when `add`, else gives nullopt.
    std::optional<qint64> productKey(const QString &id, bool add);

    Status line(QByteArrayView text);
    Status setAside(QTemporaryFile &file, QByteArrayView text, Span *where = nullptr);
    Status assemble(const QJsonObject &product);
    Result<QJsonObject> child(const Span &span);
    Status emitProducts();

    Sink m_sink;
    bool m_categoryMetafields = false;
    QStringList m_metaobjectIds;
    QSet<QString> m_metaobjectIdSet;
    QHash<QString, CategoryMetaobject> m_metaobjects;
    QByteArray m_partial;
    QTemporaryFile m_productLines;
    QTemporaryFile m_childLines;
    // In the file's order while it streams in; by product, then line, once it has ended.
    std::deque<ChildLine> m_children;
    std::vector<bool> m_childTaken;           // by position in the sorted m_children
    QHash<QString, qint64> m_otherProductIds; // ids not of the form productKey reads
    qint64 m_lineNumber = 0;
    qint64 m_products = 0;
};

} // namespace tagdesk

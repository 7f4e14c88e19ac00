#pragma once

#include "domain/product.h"

#include <QByteArray>
#include <QJsonObject>

#include <functional>

namespace tagdesk {

// Reads the JSONL result of the products bulk query (resources/graphql/
// BulkProductsQuery.graphql, run with groupObjects) as it streams in: one product line,
// then its media and metafield lines carrying __parentId. Holds one product and one
// partial line at a time, so memory does not grow with the catalog.
class BulkProductReader {
public:
    using Sink = std::function<void(ProductSnapshot)>;

    explicit BulkProductReader(Sink sink);

    // Feeds the next bytes of the file; complete products go to the sink.
    Status feed(QByteArrayView bytes);
    // The file ended: hands over the last product. An unfinished line is an error.
    Status finish();

    qint64 productsRead() const { return m_products; }

private:
    Status line(QByteArrayView text);
    Status flush();

    Sink m_sink;
    QByteArray m_partial;
    QJsonObject m_current; // the product being assembled, with its children collected
    qint64 m_lineNumber = 0;
    qint64 m_products = 0;
};

} // namespace tagdesk

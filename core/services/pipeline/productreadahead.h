#pragma once

#include "domain/shopifystore.h"
#include "util/result.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

namespace tagdesk {

class ShopifyClient;

// A sync's reads of products as Shopify has them now. Alone, each product is read when it
// is asked for. A bulk sync checks every product before it writes any, and reads every
// one back after its bulk mutations: there the sync says which products it will ask for,
// in order (expect), and they are read `batchSize` at a time (nodes(ids:)), each product
// answered from its batch — a 1,000-product push makes 50 requests for its checks instead
// of 1,000, each waiting out its round trip and facing the network on its own. (One by
// one, a product is checked just before its own write; a batch is read just before the
// bulk sync's checks, whose writes all come after them anyway.)
//
// A product's batched read is used once: asking for it again (a re-check after a refused
// write) reads it alone, fresh. A batch that fails for a reason that does not stop the
// sync (a product Tagdesk cannot read, a query priced over the limit) is read product by
// product, so one product's trouble stays its own.
class ProductReadAhead : public QObject {
public:
    using Read = Result<std::optional<ProductSnapshot>>;

    // `batchSize`: ShopifyClient::productsPerQuery unless given.
    explicit ProductReadAhead(ShopifyClient *shopify, QObject *parent = nullptr,
                              qsizetype batchSize = 0);

    // The products the sync will ask for next, in order (replaces what was expected).
    void expect(const QStringList &ids);
    QFuture<Read> product(const QString &id);

    // Requests sent so far: one per batch, plus one per product read alone.
    int requests() const { return m_requests; }

private:
    struct Batch {
        QStringList ids;
        QFuture<Result<QList<std::optional<ProductSnapshot>>>> answer;
    };
    QFuture<Read> alone(const QString &id);
    std::shared_ptr<Batch> batchFor(qsizetype position);

    ShopifyClient *m_shopify;
    qsizetype m_batchSize;
    QStringList m_expected;
    QHash<QString, qsizetype> m_position;               // expected and not yet asked for
    QHash<qsizetype, std::shared_ptr<Batch>> m_batches; // by first position
    int m_requests = 0;
};

} // namespace tagdesk

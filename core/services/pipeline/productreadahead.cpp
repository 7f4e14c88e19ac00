#include "pipeline/productreadahead.h"

#include "pipeline/syncstep.h"
#include "shopify/shopifyclient.h"
#include "util/futures.h"

namespace tagdesk {

ProductReadAhead::ProductReadAhead(ShopifyClient *shopify, QObject *parent, qsizetype batchSize)
    : QObject(parent)
    , m_shopify(shopify)
    , m_batchSize(batchSize > 0 ? batchSize : ShopifyClient::productsPerQuery) {
}

void ProductReadAhead::expect(const QStringList &ids) {
    m_expected = ids;
    m_position.clear();
    m_batches.clear();
    for (qsizetype i = 0; i < ids.size(); ++i)
        m_position.insert(ids.at(i), i);
}

QFuture<ProductReadAhead::Read> ProductReadAhead::alone(const QString &id) {
    ++m_requests;
    return m_shopify->product(id);
}

std::shared_ptr<ProductReadAhead::Batch> ProductReadAhead::batchFor(qsizetype position) {
    const qsizetype first = position - position % m_batchSize;
    if (auto it = m_batches.constFind(first); it != m_batches.constEnd())
        return *it;
    auto batch = std::make_shared<Batch>();
    batch->ids = m_expected.mid(first, m_batchSize);
    ++m_requests;
    batch->answer = m_shopify->products(batch->ids);
    m_batches.insert(first, batch);
    // The batch before is done with: every product of it has been asked for.
    m_batches.remove(first - m_batchSize);
    return batch;
}

QFuture<ProductReadAhead::Read> ProductReadAhead::product(const QString &id) {
    const auto found = m_position.constFind(id);
    if (found == m_position.constEnd())
        return alone(id);
    const qsizetype position = *found;
    m_position.erase(found); // used once: asked again, it is read fresh
    const std::shared_ptr<Batch> batch = batchFor(position);
    const qsizetype index = batch->ids.indexOf(id);
    auto promise = std::make_shared<QPromise<Read>>();
    promise->start();
    const auto answer = [promise](const Read &read) {
        promise->addResult(read);
        promise->finish();
    };
    // A watcher each: a QFuture takes one continuation, and a batch answers many products.
    whenFinished(
        this, batch->answer,
        [this, id, index, answer](const Result<QList<std::optional<ProductSnapshot>>> &products) {
            if (products)
                return answer(Read(products->value(index)));
            if (stopsTheSync(products.error()))
                return answer(Read(products.error()));
            whenFinished(this, alone(id), answer);
        });
    return promise->future();
}

} // namespace tagdesk

#include "pipeline/productfetcher.h"

#include "shopify/shopifyclient.h"
#include "storage/jobproductrepository.h"

#include <QCoreApplication>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(JobRunner)
};
} // namespace

ProductFetcher::ProductFetcher(RunContext &run, QObject *parent)
    : RunStep(run, parent) {
}

void ProductFetcher::run(std::function<void()> then) {
    m_then = std::move(then);
    nextBatch();
}

void ProductFetcher::nextBatch() {
    if (m_run.cancelled)
        return m_then();
    const qint64 id = m_run.jobId;
    write<QList<JobProduct>>(
        [id](Connection &conn) {
            return JobProductRepository(conn).inStage(id, PipelineStage::Pending, productBatchSize);
        },
        [this](QList<JobProduct> pending) {
            if (pending.isEmpty())
                return m_then();
            if (m_run.progress.phase() != JobProgress::Phase::Fetching)
                m_run.progress.enter(JobProgress::Phase::Fetching, 0);
            auto batch = std::make_shared<const ProductBatch>(std::move(pending));
            // A query per productsPerQuery products (nodes(ids:)), not one each.
            const int per = ShopifyClient::productsPerQuery;
            forEachBounded(
                m_run, int((batch->size() + per - 1) / per), m_run.services.parallelDownloads,
                [this, batch](int i, std::function<void()> done) {
                    fetch(batch->products().mid(qsizetype(i) * per, per), std::move(done));
                },
                [this] { store([this] { nextBatch(); }); });
        });
}

void ProductFetcher::fetch(const QList<JobProduct> &products, std::function<void()> done) {
    QStringList ids;
    for (const JobProduct &p : products)
        ids << p.productId;
    m_run.services.shopify->products(ids).then(
        this, [this, products, done = std::move(done)](
                  const Result<QList<std::optional<ProductSnapshot>>> &answer) {
            if (m_run.stopped)
                return;
            // A store that cannot be reached stops the run; a product that is gone is
            // that product's error only.
            if (!answer)
                return m_run.stop(answer.error());
            for (qsizetype i = 0; i < products.size(); ++i)
                m_fetched.append({products.at(i), answer->value(i)});
            if (m_fetched.size() < storeEvery)
                return done();
            store(done);
        });
}

void ProductFetcher::store(std::function<void()> next) {
    if (m_fetched.isEmpty())
        return next();
    const qint64 id = m_run.jobId;
    const QList<JobProductRepository::Fetched> fetched = std::exchange(m_fetched, {});
    write<bool>(
        [id, fetched](Connection &conn) -> Result<bool> {
            return succeeded(JobProductRepository(conn).storeFetched(
                id, fetched, Texts::tr("The product no longer exists in Shopify")));
        },
        [this, count = fetched.size(), next = std::move(next)](bool) {
            m_run.progress.advance(count);
            next();
        });
}

} // namespace tagdesk

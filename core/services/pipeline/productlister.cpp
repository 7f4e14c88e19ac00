#include "pipeline/productlister.h"

#include "storage/jobproductrepository.h"
#include "storage/jobrepository.h"

#include <QCoreApplication>
#include <QTimer>

#include <deque>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(JobRunner)
};

// While a bulk listing is under way the job's cursor holds this marker, so a run that
// was interrupted lists in bulk again rather than page by page.
const QString bulkMarker = QStringLiteral("bulk");

// Products of a bulk export are stored in batches as the reader hands them over; the
// batch is the only thing held in memory.
constexpr int bulkStoreEvery = 250;
} // namespace

ProductLister::ProductLister(RunContext &run, int stored, QObject *parent)
    : RunStep(run, parent)
    , m_position(stored) {
}

void ProductLister::run(std::function<void()> listed) {
    m_listed = std::move(listed);
    m_run.progress.enter(JobProgress::Phase::Listing, 0);
    choose();
}

void ProductLister::choose() {
    const Job &job = m_run.job;
    if (job.listingDone || job.selection.kind == ProductSelection::Kind::Products)
        return listPage();
    if (job.listingCursor == bulkMarker)
        return listInBulk();
    if (!job.listingCursor.isEmpty())
        return listPage(); // resuming a paged listing
    m_run.services.shopify->countProducts(job.selection.shopifySearchQuery())
        .then(this, [this](const Result<qint64> &count) {
            if (m_run.stopped)
                return;
            if (!count)
                return m_run.stop(count.error());
            m_run.progress.setTotal(count.value());
            if (count.value() > m_run.services.bulkThreshold)
                return listInBulk();
            listPage();
        });
}

JobProduct ProductLister::listed(ProductSnapshot snapshot) {
    JobProduct p;
    p.productId = snapshot.id;
    p.title = snapshot.title;
    p.position = m_position++;
    p.progress.stage = PipelineStage::Fetched;
    p.snapshot = std::move(snapshot);
    return p;
}

void ProductLister::listPicked() {
    // Picked by hand: the ids are the list; each product is fetched on its own.
    QList<JobProduct> picked;
    for (const QString &id : m_run.job.selection.productIds) {
        JobProduct p;
        p.productId = id;
        p.position = int(picked.size());
        picked.append(p);
    }
    const qint64 id = m_run.jobId;
    write<bool>(
        [id, picked](Connection &conn) -> Result<bool> {
            if (auto added = JobProductRepository(conn).addProducts(id, picked); !added)
                return added.error();
            return succeeded(JobRepository(conn).setListing(id, QString(), true));
        },
        [this](bool) {
            m_run.job.listingDone = true;
            m_listed();
        });
}

void ProductLister::listPage() {
    if (m_run.job.listingDone)
        return m_listed();
    if (m_run.cancelled)
        return m_listed(); // the runner sees the cancel and ends the run
    if (m_run.job.selection.kind == ProductSelection::Kind::Products)
        return listPicked();
    m_run.services.shopify
        ->productsPage(m_run.job.selection.shopifySearchQuery(), m_run.job.listingCursor,
                       m_run.services.pageSize)
        .then(this, [this](const Result<ProductPage> &page) {
            if (m_run.stopped)
                return;
            if (!page)
                return m_run.stop(page.error());
            storePage(page.value());
        });
}

void ProductLister::storePage(const ProductPage &page) {
    QList<JobProduct> products;
    for (const ProductSnapshot &snapshot : page.products)
        products.append(listed(snapshot));
    const qint64 id = m_run.jobId;
    const QString cursor = page.endCursor;
    const bool done = !page.hasNextPage;
    const int count = int(products.size());
    // The page and the cursor after it are stored together: a kill between pages resumes
    // with the next page, never repeats or skips one.
    write<bool>(
        [id, products, cursor, done](Connection &conn) -> Result<bool> {
            if (auto added = JobProductRepository(conn).addProducts(id, products); !added)
                return added.error();
            return succeeded(JobRepository(conn).setListing(id, cursor, done));
        },
        [this, cursor, done, count](bool) {
            m_run.job.listingCursor = cursor;
            m_run.job.listingDone = done;
            m_run.progress.advance(count);
            listPage();
        });
}

void ProductLister::listInBulk() {
    const qint64 id = m_run.jobId;
    write<bool>(
        [id](Connection &conn) -> Result<bool> {
            return succeeded(JobRepository(conn).setListing(id, bulkMarker, false));
        },
        [this](bool) {
            m_run.job.listingCursor = bulkMarker;
            m_run.services.shopify->startProductsBulkQuery(m_run.job.selection.shopifySearchQuery())
                .then(this, [this](const Result<QString> &operation) {
                    if (m_run.stopped)
                        return;
                    if (!operation)
                        return m_run.stop(operation.error());
                    pollBulk(operation.value());
                });
        });
}

void ProductLister::pollBulk(const QString &operationId) {
    if (m_run.cancelled)
        return m_listed(); // the runner sees the cancel and ends the run
    m_run.services.shopify->bulkOperation(operationId)
        .then(this, [this, operationId](const Result<BulkOperationStatus> &op) {
            if (m_run.stopped)
                return;
            if (!op)
                return m_run.stop(op.error());
            if (!op->finished()) {
                // The products exported so far (rootObjectCount: objectCount counts
                // their images and metafields too, and showed twice the selection).
                m_run.progress.setDone(op->rootObjectCount);
                QTimer::singleShot(m_run.services.bulkPollMs, this,
                                   [this, operationId] { pollBulk(operationId); });
                return;
            }
            if (op->status != QLatin1String("COMPLETED"))
                return m_run.stop(
                    Error::failed(Texts::tr("Shopify's bulk export of the products ended %1 (%2)")
                                      .arg(op->status.toLower(), op->errorCode.isEmpty()
                                                                     ? Texts::tr("no reason given")
                                                                     : op->errorCode)));
            readBulk(op->url);
        });
}

void ProductLister::readBulk(const QUrl &url) {
    if (url.isEmpty())
        return finishListing(); // nothing matched the selection
    const qint64 id = m_run.jobId;
    auto batch = std::make_shared<QList<JobProduct>>();
    auto storing = std::make_shared<std::deque<QFuture<Result<bool>>>>();
    auto stored = std::make_shared<qint64>(0);
    auto storeBatch = [this, id, batch, storing, stored] {
        if (batch->isEmpty())
            return;
        // The reader hands over the whole export in one go, far faster than the writer
        // stores it: without a wait every product of the export sat in the writer's queue at
        // once (~2 KB each: 200 MB for 100,000). At most two batches wait to be stored.
        while (storing->size() >= 2) {
            storing->front().waitForFinished();
            storing->pop_front();
        }
        const QList<JobProduct> products = std::exchange(*batch, {});
        const int n = int(products.size());
        storing->push_back(write<bool>(
            [id, products](Connection &conn) -> Result<bool> {
                return succeeded(JobProductRepository(conn).addProducts(id, products));
            },
            [this, n, stored](bool) {
                // The export counted them already: the count moves on only past it.
                *stored += n;
                if (*stored > m_run.progress.current().done)
                    m_run.progress.setDone(*stored);
            }));
    };
    m_run.services.shopify
        ->readBulkProducts(url,
                           [this, batch, storeBatch](ProductSnapshot snapshot) {
                               batch->append(listed(std::move(snapshot)));
                               if (batch->size() >= bulkStoreEvery)
                                   storeBatch();
                           })
        .then(this, [this, storeBatch](const Result<qint64> &read) {
            if (m_run.stopped)
                return;
            if (!read)
                return m_run.stop(read.error());
            storeBatch();
            // The writer runs tasks in order: listing is marked done after the last batch.
            finishListing();
        });
}

void ProductLister::finishListing() {
    const qint64 id = m_run.jobId;
    write<bool>(
        [id](Connection &conn) -> Result<bool> {
            return succeeded(JobRepository(conn).setListing(id, QString(), true));
        },
        [this](bool) {
            m_run.job.listingCursor.clear();
            m_run.job.listingDone = true;
            m_listed();
        });
}

} // namespace tagdesk

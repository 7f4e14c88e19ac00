#include "pipeline/jobreader.h"

#include "pipeline/csvexport.h"
#include "pipeline/jobservice.h"
#include "pipeline/productchanges.h"
#include "storage/connection.h"
#include "storage/imagerepository.h"
#include "storage/jobproductrepository.h"
#include "storage/jobrepository.h"
#include "storage/productlistrepository.h"
#include "storage/pushlogrepository.h"
#include "storage/revieweventrepository.h"
#include "storage/suggestionrepository.h"

#include <QThread>

#include <algorithm>
#include <map>
#include <mutex>

namespace tagdesk {

// The open connections, one per thread that has read. A thread's connection is closed on
// that thread when it ends: QThread::finished is emitted from the thread itself, right
// before it stops (also for threads Qt did not start, such as std::thread). What is left
// when the last JobReader goes (the main thread's, or a thread's that still runs but no
// longer reads) closes with it.
struct JobReader::Connections {
    explicit Connections(DatabaseConfig c)
        : config(std::move(c)) {}

    const DatabaseConfig config;
    std::mutex mutex;
    std::map<QThread *, std::unique_ptr<Connection>> byThread;

    static Result<Connection *> forThisThread(const std::shared_ptr<Connections> &self) {
        QThread *thread = QThread::currentThread();
        {
            std::lock_guard lock(self->mutex);
            if (auto it = self->byThread.find(thread); it != self->byThread.end())
                return it->second.get();
        }
        auto opened = Connection::open(self->config);
        if (!opened)
            return opened.error();
        Connection *conn = opened.value().get();
        {
            std::lock_guard lock(self->mutex);
            self->byThread.emplace(thread, std::move(opened).value());
        }
        QObject::connect(
            thread, &QThread::finished, thread,
            [weak = std::weak_ptr<Connections>(self), thread] {
                if (auto connections = weak.lock())
                    connections->close(thread);
            },
            Qt::DirectConnection);
        return conn;
    }

    void close(QThread *thread) {
        std::unique_ptr<Connection> closing;
        {
            std::lock_guard lock(mutex);
            if (auto it = byThread.find(thread); it != byThread.end()) {
                closing = std::move(it->second);
                byThread.erase(it);
            }
        }
    }
};

JobReader::JobReader(DatabaseConfig config)
    : m_connections(std::make_shared<Connections>(std::move(config))) {
}

const DatabaseConfig &JobReader::config() const {
    return m_connections->config;
}

template <typename T, typename F> Result<T> JobReader::withConnection(F &&read) const {
    auto conn = Connections::forThisThread(m_connections);
    if (!conn)
        return conn.error();
    return read(*conn.value());
}

namespace {
Result<JobSummary> summaryOf(Connection &conn, qint64 jobId) {
    auto job = JobRepository(conn).find(jobId);
    if (!job)
        return job.error();
    auto tally = JobProductRepository(conn).tally(jobId);
    if (!tally)
        return tally.error();
    return JobSummary{job.value(), tally.value(), JobService::statusOf(job.value(), tally.value())};
}
} // namespace

Result<QList<JobSummary>> JobReader::jobs(bool archived) const {
    return withConnection<QList<JobSummary>>(
        [archived](Connection &conn) -> Result<QList<JobSummary>> {
            auto jobs = JobRepository(conn).list(archived);
            if (!jobs)
                return jobs.error();
            auto tallies = JobProductRepository(conn).tallies();
            if (!tallies)
                return tallies.error();
            QList<JobSummary> out;
            out.reserve(jobs->size());
            for (const Job &job : jobs.value()) {
                const ProductTally tally = tallies->value(job.id);
                out.append({job, tally, JobService::statusOf(job, tally)});
            }
            return out;
        });
}

Result<Job> JobReader::job(qint64 jobId) const {
    return withConnection<Job>(
        [jobId](Connection &conn) { return JobRepository(conn).find(jobId); });
}

Result<JobSummary> JobReader::summary(qint64 jobId) const {
    return withConnection<JobSummary>([jobId](Connection &conn) { return summaryOf(conn, jobId); });
}

Result<JobDetail> JobReader::detail(qint64 jobId) const {
    return withConnection<JobDetail>([jobId](Connection &conn) -> Result<JobDetail> {
        auto summary = summaryOf(conn, jobId);
        if (!summary)
            return summary.error();
        auto products = JobProductRepository(conn).list(jobId);
        if (!products)
            return products.error();
        auto suggestions = SuggestionRepository(conn).forJob(jobId);
        if (!suggestions)
            return suggestions.error();
        return JobDetail{summary.value(), products.value(), suggestions.value()};
    });
}

Result<QList<ProductRow>> JobReader::productRows(const ProductListQuery &query,
                                                 const ProductCursor &after, int limit) const {
    return withConnection<QList<ProductRow>>(
        [&](Connection &conn) { return ProductListRepository(conn).rows(query, after, limit); });
}

Result<ProductGroup> JobReader::productGroup(qint64 jobId, const QString &productId) const {
    return withConnection<ProductGroup>(
        [&](Connection &conn) { return ProductListRepository(conn).group(jobId, productId); });
}

Result<QStringList> JobReader::productIds(const ProductListQuery &query) const {
    return withConnection<QStringList>(
        [&](Connection &conn) { return ProductListRepository(conn).ids(query); });
}

Result<QList<JobProduct>> JobReader::products(qint64 jobId, const QStringList &productIds) const {
    return withConnection<QList<JobProduct>>(
        [&](Connection &conn) { return JobProductRepository(conn).some(jobId, productIds); });
}

Result<QList<JobProduct>> JobReader::pushedByLastDecisions(qint64 jobId, int count) const {
    return withConnection<QList<JobProduct>>([&](Connection &conn) -> Result<QList<JobProduct>> {
        auto events = ReviewEventRepository(conn).latest(jobId, count);
        if (!events)
            return events.error();
        QStringList decided;
        for (const ReviewEvent &e : std::as_const(events.value())) {
            if (!decided.contains(e.productId))
                decided << e.productId;
        }
        auto products = JobProductRepository(conn).some(jobId, decided);
        if (!products)
            return products.error();
        QList<JobProduct> pushed = std::move(products).value();
        pushed.removeIf([](const JobProduct &p) { return p.progress.sync != SyncState::Pushed; });
        return pushed;
    });
}

Result<ProductReview> JobReader::productReview(qint64 jobId, const QString &productId) const {
    return withConnection<ProductReview>([&](Connection &conn) -> Result<ProductReview> {
        auto job = JobRepository(conn).find(jobId);
        if (!job)
            return job.error();
        auto product = JobProductRepository(conn).find(jobId, productId);
        if (!product)
            return product.error();
        auto inputs = ReviewInputs::loadProduct(conn, jobId, productId);
        if (!inputs)
            return inputs.error();
        auto stored = ImageRepository(conn).forProduct(jobId, productId);
        if (!stored)
            return stored.error();
        QList<ReviewImage> images;
        const QList<MediaImage> media =
            product->snapshot ? product->snapshot->media : QList<MediaImage>();
        for (const ProductImage &i : stored.value()) {
            ReviewImage image{i.mediaId, i.position, i.sha256, i.error};
            const auto m =
                std::find_if(media.cbegin(), media.cend(), [&](const MediaImage &candidate) {
                    return candidate.id == i.mediaId;
                });
            // What was downloaded is a rendition: the original is there to zoom into.
            if (m != media.cend() && m->urlForAnalysis() != m->url) {
                image.original = m->url;
                image.originalSize = QSize(m->width, m->height);
            }
            images.append(image);
        }
        ProductChange change;
        change.destinations = job->destinations;
        if (product->snapshot) {
            auto planned = productchanges::planFor(job.value(), inputs.value(), product.value());
            if (!planned)
                return planned.error();
            change = planned.value();
        }
        return buildProductReview(product.value(), images, inputs->suggestions.value(productId),
                                  inputs->decisions.value(productId), change.destinations,
                                  job->writing, change.plan);
    });
}

Result<qint64> JobReader::productCount(const ProductListQuery &query) const {
    return withConnection<qint64>(
        [&](Connection &conn) { return ProductListRepository(conn).count(query); });
}

Result<ConfidenceOverview> JobReader::confidence(qint64 jobId) const {
    return withConnection<ConfidenceOverview>([jobId](Connection &conn) {
        return ProductListRepository(conn).confidenceOverview(jobId);
    });
}

Result<qint64> JobReader::queuedSyncs() const {
    return withConnection<qint64>(
        [](Connection &conn) { return JobProductRepository(conn).countInSync(SyncState::Queued); });
}

Result<QList<ProductChange>> JobReader::preview(qint64 jobId, const QStringList &productIds) const {
    return withConnection<QList<ProductChange>>(
        [&](Connection &conn) -> Result<QList<ProductChange>> {
            auto job = JobRepository(conn).find(jobId);
            if (!job)
                return job.error();
            return productchanges::preview(conn, job.value(), productIds);
        });
}

Result<QList<PushRecord>> JobReader::history(qint64 jobId, const QString &productId) const {
    return withConnection<QList<PushRecord>>([&](Connection &conn) -> Result<QList<PushRecord>> {
        if (auto job = JobRepository(conn).find(jobId); !job)
            return job.error();
        return PushLogRepository(conn).forJob(jobId, productId);
    });
}

Result<QList<Conflict>> JobReader::conflicts(qint64 jobId) const {
    return withConnection<QList<Conflict>>([jobId](Connection &conn) -> Result<QList<Conflict>> {
        if (auto job = JobRepository(conn).find(jobId); !job)
            return job.error();
        return PushLogRepository(conn).openConflicts(jobId);
    });
}

Result<int> JobReader::exportCsv(qint64 jobId, const QString &path) const {
    return withConnection<int>([&](Connection &conn) -> Result<int> {
        auto job = JobRepository(conn).find(jobId);
        if (!job)
            return job.error();
        return csvexport::writeFile(conn, job.value(), path);
    });
}

} // namespace tagdesk

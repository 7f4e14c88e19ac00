#include "pipeline/analysisqueue.h"

#include "storage/jobproductrepository.h"

namespace tagdesk {

AnalysisQueue::AnalysisQueue(RunContext &run, QObject *parent)
    : RunStep(run, parent)
    , m_downloader(run)
    , m_analyser(run) {
}

void AnalysisQueue::run(std::function<void()> then) {
    m_then = std::move(then);
    if (m_run.cancelled)
        return m_then();
    countLeft();
}

void AnalysisQueue::countLeft() {
    // Once per run: how many products are left to analyse, for progress and time left.
    const qint64 id = m_run.jobId;
    write<ProductTally>([id](Connection &conn) { return JobProductRepository(conn).tally(id); },
                        [this](ProductTally t) {
                            m_toAnalyse = t.unanalysed;
                            nextBatch();
                        });
}

void AnalysisQueue::nextBatch() {
    if (m_run.cancelled)
        return m_then();
    const qint64 id = m_run.jobId;
    write<QList<JobProduct>>(
        [id](Connection &conn) {
            return JobProductRepository(conn).inStage(id, PipelineStage::Fetched, productBatchSize);
        },
        [this](QList<JobProduct> fetched) {
            if (fetched.isEmpty())
                return m_then();
            if (m_run.progress.phase() != JobProgress::Phase::Analysing)
                m_run.progress.enter(JobProgress::Phase::Analysing, m_toAnalyse);
            auto batch = std::make_shared<const ProductBatch>(std::move(fetched));
            forEachBounded(
                m_run, batch->size(), m_run.services.tagger->concurrency(),
                [this, batch](int i, std::function<void()> done) {
                    analyse(batch->products().at(i), std::move(done));
                },
                [this] { nextBatch(); });
        });
}

void AnalysisQueue::analyse(const JobProduct &product, std::function<void()> done) {
    auto work = std::make_shared<ProductWork>(product, m_run.job.imagesPerProduct);
    const qint64 id = m_run.jobId;
    const ProductProgress analysing{PipelineStage::Analysing, product.progress.review,
                                    product.progress.sync};
    write<bool>(
        [id, productId = product.productId, analysing](Connection &conn) -> Result<bool> {
            return succeeded(JobProductRepository(conn).setProgress(id, productId, analysing));
        },
        [this, work, done = std::move(done)](bool) {
            m_downloader.download(work, [this, work, done] { m_analyser.analyse(work, done); });
        });
}

} // namespace tagdesk

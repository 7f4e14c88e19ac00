#include "pipeline/analysisqueue.h"

#include "storage/jobproductrepository.h"

#include <algorithm>

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
                            readMore();
                        });
}

void AnalysisQueue::readMore() {
    m_reading = true;
    const qint64 id = m_run.jobId;
    write<QList<JobProduct>>(
        [id, after = m_lastRead](Connection &conn) {
            // The batch after the last one read: those products are still at this stage
            // while they are going.
            return JobProductRepository(conn).inStage(id, PipelineStage::Fetched, productBatchSize,
                                                      after ? &*after : nullptr);
        },
        [this](QList<JobProduct> fetched) {
            m_reading = false;
            // The run fetched every product before this step, so nothing new comes in
            // behind the last one read: a short batch is the last.
            m_readAll = fetched.size() < productBatchSize;
            if (!fetched.isEmpty()) {
                if (m_run.progress.phase() != JobProgress::Phase::Analysing)
                    m_run.progress.enter(JobProgress::Phase::Analysing, m_toAnalyse);
                JobProduct last = fetched.last();
                last.snapshot.reset(); // only its place in the order is needed
                m_lastRead = std::move(last);
                m_batches.append(std::make_shared<const ProductBatch>(std::move(fetched)));
            }
            pump();
        });
}

int AnalysisQueue::productsReady() const {
    int ready = -m_startedInFirst;
    for (const auto &batch : m_batches)
        ready += batch->size();
    return ready;
}

void AnalysisQueue::pump() {
    if (m_run.stopped || m_finished)
        return;
    // Twice the tagger's calls at once: while C products wait for the tagger, C more
    // download their images and read their stored answers, so the tagger is not idle
    // while they do (ProductAnalyser keeps the calls themselves to C).
    const int bound = 2 * std::max(1, m_run.services.tagger->concurrency());
    while (m_going < bound && !m_batches.isEmpty() && !m_run.cancelled) {
        const std::shared_ptr<const ProductBatch> batch = m_batches.first();
        const JobProduct &product = batch->products().at(m_startedInFirst);
        if (++m_startedInFirst == batch->size()) {
            m_batches.removeFirst();
            m_startedInFirst = 0;
        }
        ++m_going;
        // The batch stays alive while any of its products is going.
        analyse(product, [this, batch] {
            --m_going;
            pump();
        });
    }
    if (!m_reading && !m_readAll && !m_run.cancelled && productsReady() < productBatchSize / 2)
        readMore();
    const bool nothingLeft = m_run.cancelled || (m_readAll && m_batches.isEmpty());
    if (m_going == 0 && !m_reading && nothingLeft && !m_finished) {
        m_finished = true;
        m_batches.clear();
        std::exchange(m_then, nullptr)();
    }
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

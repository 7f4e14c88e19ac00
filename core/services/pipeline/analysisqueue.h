#pragma once

#include "pipeline/imagedownloader.h"
#include "pipeline/productanalyser.h"
#include "pipeline/runstep.h"

#include <memory>

namespace tagdesk {

// Takes the job's fetched products through their images' download and then their
// analysis, twice as many at once as the tagger takes calls. Products are read a batch at
// a time, and the next batch is read while the last one's products are still going, so
// the tagger never waits for a batch to drain; a batch is let go once its products are
// stored, so memory stays flat however large the job.
class AnalysisQueue : public RunStep {
public:
    explicit AnalysisQueue(RunContext &run, QObject *parent = nullptr);

    // Analyses every fetched product, then `then` — also when cancelled part way.
    void run(std::function<void()> then);

private:
    void countLeft();
    // Reads the batch after the last product read.
    void readMore();
    // Starts products while fewer than the bound are going, reads more when the products
    // read run low, and ends the step once every product read is done.
    void pump();
    int productsReady() const;
    void analyse(const JobProduct &product, std::function<void()> done);

    ImageDownloader m_downloader;
    ProductAnalyser m_analyser;
    qint64 m_toAnalyse = -1;
    std::function<void()> m_then;
    // Batches read whose products are not all started; the first is started up to
    // m_startedInFirst.
    QList<std::shared_ptr<const ProductBatch>> m_batches;
    int m_startedInFirst = 0;
    std::optional<JobProduct> m_lastRead; // where the next batch starts (id and position)
    bool m_reading = false;
    bool m_readAll = false;
    bool m_finished = false;
    int m_going = 0;
};

} // namespace tagdesk

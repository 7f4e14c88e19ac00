#pragma once

#include "pipeline/imagedownloader.h"
#include "pipeline/productanalyser.h"
#include "pipeline/runstep.h"

namespace tagdesk {

// Takes the job's fetched products a batch at a time, each through its images' download
// and then its analysis, as many at once as the tagger allows. A batch is let go once its
// products are stored, so memory stays flat however large the job.
class AnalysisQueue : public RunStep {
public:
    explicit AnalysisQueue(RunContext &run, QObject *parent = nullptr);

    // Analyses every fetched product, then `then` — also when cancelled part way.
    void run(std::function<void()> then);

private:
    void countLeft();
    void nextBatch();
    void analyse(const JobProduct &product, std::function<void()> done);

    ImageDownloader m_downloader;
    ProductAnalyser m_analyser;
    qint64 m_toAnalyse = -1;
    std::function<void()> m_then;
};

} // namespace tagdesk

#pragma once

#include "cache/imagecache.h"
#include "domain/job.h"
#include "net/httpclient.h"
#include "pipeline/jobprogress.h"
#include "shopify/shopifyclient.h"
#include "storage/databasewriter.h"
#include "taggers/tagger.h"

#include <QObject>

#include <memory>

namespace tagdesk {

// What a job run needs, owned elsewhere (the application or a test).
struct RunnerServices {
    DatabaseWriter *writer = nullptr;
    ShopifyClient *shopify = nullptr;
    HttpClient *http = nullptr; // image downloads
    ImageCache *images = nullptr;
    Tagger *tagger = nullptr;
    // Most products per page. A product with ProductFields is priced about 36
    // points (media 10, metafields 10, category 1) and one query may cost at most
    // 1000: 25 is priced 902. Where a store prices it higher, the Shopify client asks for
    // fewer, as the costs it has seen say.
    int pageSize = 25;
    int parallelDownloads = 4;
    // Selections larger than this are listed with a bulk operation (a streamed
    // JSONL export) instead of page by page; and how often its state is asked
    // for.
    qint64 bulkThreshold = 2000;
    int bulkPollMs = 1000;
    // The image cache is brought under this size when a run ends (0: no cap).
    qint64 imageCacheCapBytes = 0;
};

struct RunContext;
class ProductLister;
class ProductFetcher;
class AnalysisQueue;

// Runs one job: list the selection → fetch products → download their images
// into the cache → analyse them with the tagger, each a step of its own
// (ProductLister, ProductFetcher, AnalysisQueue with ImageDownloader and
// ProductAnalyser). Every step is written to the database before the next
// starts, so a run that is killed, cancelled or loses the network resumes where
// it stopped, and nothing already stored is fetched or analysed again. All
// database work goes through the writer; all network work is asynchronous: the
// runner never blocks its thread.
class JobRunner : public QObject {
    Q_OBJECT
public:
    JobRunner(RunnerServices services, qint64 jobId, QObject *parent = nullptr);
    ~JobRunner() override;

    void start();
    // Finishes what is in flight, then stops; the job can be resumed later.
    void cancel();
    qint64 jobId() const { return m_jobId; }

signals:
    void progress(const tagdesk::JobProgress &progress);
    // Ok, or why the run stopped (also recorded on the job as its error).
    void finished(const tagdesk::Status &result);

private:
    void begin();
    void listed();
    void fetched();
    void complete();
    void stop(const Error &error);
    void storeFailed(const Error &error); // the database itself failed: nothing else is safe

    qint64 m_jobId;
    std::unique_ptr<RunContext> m_run;
    // The steps, made when the run begins (after the run's context, which they
    // use).
    std::unique_ptr<ProductLister> m_lister;
    std::unique_ptr<ProductFetcher> m_fetcher;
    std::unique_ptr<AnalysisQueue> m_analysis;
};

} // namespace tagdesk

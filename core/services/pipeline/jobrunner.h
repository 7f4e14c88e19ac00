#pragma once

#include "cache/imagecache.h"
#include "domain/job.h"
#include "net/httpclient.h"
#include "shopify/shopifyclient.h"
#include "storage/databasewriter.h"
#include "taggers/tagger.h"

#include <QElapsedTimer>
#include <QObject>

#include <functional>
#include <memory>
#include <vector>

namespace tagdesk {

// What a job run needs, owned elsewhere (the application or a test).
struct RunnerServices {
    DatabaseWriter *writer = nullptr;
    ShopifyClient *shopify = nullptr;
    HttpClient *http = nullptr; // image downloads
    ImageCache *images = nullptr;
    Tagger *tagger = nullptr;
    // Products per page. A product with ProductFields costs about 35 points (media 10,
    // metafields 10), and one query may cost at most 1000: 25 keeps a page near 880.
    int pageSize = 25;
    int parallelDownloads = 4;
    // Selections larger than this are listed with a bulk operation (a streamed JSONL
    // export) instead of page by page; and how often its state is asked for.
    qint64 bulkThreshold = 2000;
    int bulkPollMs = 1000;
    // The image cache is brought under this size when a run ends (0: no cap).
    qint64 imageCacheCapBytes = 0;
};

struct JobProgress {
    // Pushing and Reverting are a sync's (SyncRunner), shown the same way.
    enum class Phase {
        Starting,
        Listing,
        Fetching,
        Downloading,
        Analysing,
        Pushing,
        Reverting,
        Finished
    };
    Phase phase = Phase::Starting;
    qint64 done = 0;  // in this phase
    qint64 total = 0; // in this phase, when known
    double perSecond = 0;
    qint64 secondsLeft = -1; // -1 when not yet known

    QString describe() const;
};

// Runs one job: list the selection → fetch products → download their images into the
// cache → analyse them with the tagger. Every step is written to the database before the
// next starts, so a run that is killed, cancelled or loses the network resumes where it
// stopped, and nothing already stored is fetched or analysed again. All database work
// goes through the writer; all network work is asynchronous: the runner never blocks its
// thread.
class JobRunner : public QObject {
    Q_OBJECT
public:
    JobRunner(RunnerServices services, qint64 jobId, QObject *parent = nullptr);

    void start();
    // Finishes what is in flight, then stops; the job can be resumed later.
    void cancel();
    qint64 jobId() const { return m_jobId; }

signals:
    void progress(const tagdesk::JobProgress &progress);
    // Ok, or why the run stopped (also recorded on the job as its error).
    void finished(const tagdesk::Status &result);

private:
    using Step = std::function<void()>;

    void begin();
    void listPage();
    void chooseListing();
    void listInBulk();
    void pollBulk(const QString &operationId);
    void readBulk(const QUrl &url);
    void fetchPending();
    void downloadImages();
    void analyse();
    struct ProductWork;
    void analyseProduct(const JobProduct &product, std::function<void()> done);
    void downloadImages(std::shared_ptr<ProductWork> work, int index);
    void lookUpAnswers(std::shared_ptr<ProductWork> work);
    void callTagger(std::shared_ptr<ProductWork> work, QList<int> missing);
    void finishProduct(std::shared_ptr<ProductWork> work);
    void complete();
    void stop(const Error &error);
    void storeFailed(const Error &error); // the database itself failed: nothing else is safe

    // Runs `work` for each item with at most `parallel` at once, then `then`.
    void forEachBounded(int count, int parallel, std::function<void(int index, Step done)> work,
                        Step then);
    void enterPhase(JobProgress::Phase phase, qint64 total);
    void stepDone();

    template <typename T>
    void write(std::function<Result<T>(Connection &)> task, std::function<void(T)> next);

    RunnerServices m_s;
    qint64 m_jobId;
    Job m_job;
    bool m_cancelled = false;
    bool m_stopped = false;
    JobProgress m_progress;
    QElapsedTimer m_phaseClock;
    int m_position = 0; // next position for listed products
    qint64 m_toAnalyse = -1;
    bool m_listingChosen = false;
    std::vector<std::shared_ptr<std::function<void()>>> m_pumps; // live bounded loops
};

} // namespace tagdesk

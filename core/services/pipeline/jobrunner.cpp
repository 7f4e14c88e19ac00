#include "pipeline/jobrunner.h"

#include "pipeline/analysisqueue.h"
#include "pipeline/imagecachejanitor.h"
#include "pipeline/productfetcher.h"
#include "pipeline/productlister.h"
#include "pipeline/runstep.h"
#include "storage/jobproductrepository.h"
#include "storage/jobrepository.h"
#include "util/futures.h"

#include <QCoreApplication>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(JobRunner)
};

struct Begun {
    Job job;
    int stored = 0;
};

// Marks the job running, and puts back the steps a kill interrupted.
Result<Begun> beginRun(Connection &conn, qint64 id) {
    JobRepository jobs(conn);
    auto job = jobs.find(id);
    if (!job)
        return job.error();
    // A kill mid-step left products marked as in progress: do those steps again.
    if (auto reset = JobProductRepository(conn).resetInterrupted(id); !reset)
        return reset.error();
    if (auto set = jobs.setRunState(id, true, QString()); !set)
        return set.error();
    auto count = JobProductRepository(conn).count(id);
    if (!count)
        return count.error();
    Begun b{job.value(), count.value()};
    b.job.runRequested = true;
    b.job.fatalError.clear();
    return b;
}
} // namespace

JobRunner::JobRunner(RunnerServices services, qint64 jobId, QObject *parent)
    : QObject(parent)
    , m_jobId(jobId)
    , m_run(std::make_unique<RunContext>()) {
    m_run->services = services;
    m_run->jobId = jobId;
    m_run->progress = ProgressMeter([this](const JobProgress &p) { emit progress(p); });
    m_run->stop = [this](const Error &error) {
        stop(error);
    };
    m_run->storeFailed = [this](const Error &error) {
        storeFailed(error);
    };
}

JobRunner::~JobRunner() = default;

void JobRunner::start() {
    begin();
}

void JobRunner::cancel() {
    m_run->cancelled = true;
}

void JobRunner::begin() {
    const qint64 id = m_jobId;
    whenFinished(this, m_run->services.writer->submit<Begun>([id](Connection &conn) {
        return beginRun(conn, id);
    }),
                 [this](const Result<Begun> &begun) {
                     if (!begun)
                         return storeFailed(begun.error());
                     m_run->job = begun->job;
                     // A job that writes category metafields keeps them (and what their metaobjects
                     // stand for) in its snapshots; the others are not charged for reading them.
                     m_run->services.shopify->setReadsCategoryMetafields(
                         m_run->job.destinations.testFlag(Destination::CategoryMetafields));
                     m_lister = std::make_unique<ProductLister>(*m_run, begun->stored);
                     m_fetcher = std::make_unique<ProductFetcher>(*m_run);
                     m_analysis = std::make_unique<AnalysisQueue>(*m_run);
                     m_lister->run([this] { listed(); });
                 });
}

void JobRunner::listed() {
    if (m_run->cancelled)
        return complete();
    m_fetcher->run([this] { fetched(); });
}

void JobRunner::fetched() {
    if (m_run->cancelled)
        return complete();
    m_analysis->run([this] { complete(); });
}

void JobRunner::complete() {
    if (m_run->stopped)
        return;
    const qint64 id = m_jobId;
    const bool finishedAll = !m_run->cancelled;
    whenFinished(this, m_run->services.writer->submit<bool>([id](Connection &conn) -> Result<bool> {
        return succeeded(JobRepository(conn).setRunState(id, false, QString()));
    }),
                 [this, finishedAll](const Result<bool> &done) {
                     if (m_run->stopped)
                         return;
                     if (!done)
                         return storeFailed(done.error());
                     m_run->stopped = true;
                     const RunnerServices &s = m_run->services;
                     if (s.imageCacheCapBytes > 0) {
                         // Best effort: a cache that cannot be trimmed now is trimmed next
                         // time.
                         (void)enforceImageCacheCap(*s.writer, *s.images, s.imageCacheCapBytes);
                     }
                     m_run->progress.enter(JobProgress::Phase::Finished, 0);
                     emit finished(finishedAll
                                       ? Status{}
                                       : Status{Error::failed(Texts::tr(
                                             "Cancelled; run the job again to resume it"))});
                 });
}

void JobRunner::stop(const Error &error) {
    if (m_run->stopped)
        return;
    m_run->stopped = true;
    // The reason is recorded on the job (status Error, with the message); running
    // the job again clears it and resumes where this run stopped.
    const qint64 id = m_jobId;
    whenFinished(
        this, m_run->services.writer->submit<bool>([id, error](Connection &conn) -> Result<bool> {
            return succeeded(JobRepository(conn).setRunState(id, false, error.message));
        }),
        [this, error](const Result<bool> &) { emit finished(error); });
}

void JobRunner::storeFailed(const Error &error) {
    if (m_run->stopped)
        return;
    m_run->stopped = true;
    emit finished(error);
}

} // namespace tagdesk

#pragma once

// What the steps of a job run share (runner-internal: ui/ and app/ never include this).
#include "domain/job.h"
#include "pipeline/jobprogress.h"
#include "pipeline/jobrunner.h"
#include "storage/databasewriter.h"
#include "util/futures.h"

#include <QElapsedTimer>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

namespace tagdesk {

// Counts and times the current phase, and reports each change.
class ProgressMeter {
public:
    explicit ProgressMeter(std::function<void(const JobProgress &)> report = {})
        : m_report(std::move(report)) {}

    void enter(JobProgress::Phase phase, qint64 total);
    // `n` more done in this phase: the rate and the time left follow.
    void advance(qint64 n = 1);
    // The phase's count as the store reports it (a bulk export's objects so far).
    void setDone(qint64 done);
    void setTotal(qint64 total);
    JobProgress::Phase phase() const { return m_progress.phase; }
    const JobProgress &current() const { return m_progress; }

private:
    void report();

    std::function<void(const JobProgress &)> m_report;
    JobProgress m_progress;
    QElapsedTimer m_clock;
};

// One run's shared state: the services, the job as loaded, and how the run ends.
struct RunContext {
    RunnerServices services;
    qint64 jobId = 0;
    Job job;
    bool cancelled = false;
    bool stopped = false; // set once the run has ended: nothing more is started
    ProgressMeter progress;
    // The store, or the tagger, cannot go on: the run ends with this reason, recorded on
    // the job.
    std::function<void(const Error &)> stop;
    // The database itself failed: the run ends, nothing more is written.
    std::function<void(const Error &)> storeFailed;
};

// Products read from the job, held while one step works through them. The instance count
// lets tests prove that a run holds a bounded number of batches, whatever the job's size.
class ProductBatch {
public:
    explicit ProductBatch(QList<JobProduct> products);
    ~ProductBatch();
    ProductBatch(const ProductBatch &) = delete;
    ProductBatch &operator=(const ProductBatch &) = delete;

    const QList<JobProduct> &products() const { return m_products; }
    int size() const { return int(m_products.size()); }
    static int live() { return s_live.load(); }

private:
    QList<JobProduct> m_products;
    static std::atomic<int> s_live;
};

// Products read from the job per batch: the most a step holds in memory at once.
constexpr int productBatchSize = 64;

// A step of a run: it writes through the run's writer, and its callbacks stop running
// once the run has ended or the step is destroyed.
class RunStep : public QObject {
public:
    explicit RunStep(RunContext &run, QObject *parent = nullptr)
        : QObject(parent)
        , m_run(run) {}

protected:
    // Runs `task` on the writer, then `next` with its value; a database failure ends the run.
    // Gives the writer's own future, finished once the task is committed (before `next`
    // runs, which waits for this thread's event loop).
    template <typename T>
    QFuture<Result<T>> write(std::function<Result<T>(Connection &)> task,
                             std::function<void(T)> next) {
        QFuture<Result<T>> stored = m_run.services.writer->submit<T>(std::move(task));
        whenFinished(this, stored, [this, next = std::move(next)](const Result<T> &r) {
            if (m_run.stopped)
                return;
            if (!r)
                return m_run.storeFailed(r.error());
            next(r.value());
        });
        return stored;
    }

    RunContext &m_run;
};

// Writer tasks return a value; a task that only succeeds or fails returns `true`.
inline Result<bool> succeeded(const Status &status) {
    return status ? Result<bool>(true) : Result<bool>(status.error());
}

// Runs `work` for indexes 0..count-1 with at most `parallel` at once, then `then` — unless
// the run is cancelled (then `then` runs once those in flight are done) or stopped. The
// loop lives only as long as work is in flight, and lets go of `work` (and so of what it
// captured, e.g. a batch of products) as soon as it is done.
void forEachBounded(RunContext &run, int count, int parallel,
                    std::function<void(int index, std::function<void()> done)> work,
                    std::function<void()> then);

} // namespace tagdesk

#include "pipeline/runstep.h"

#include <algorithm>
#include <utility>

namespace tagdesk {

void ProgressMeter::enter(JobProgress::Phase phase, qint64 total) {
    m_progress = {};
    m_progress.phase = phase;
    m_progress.total = total;
    m_clock.start();
    report();
}

void ProgressMeter::advance(qint64 n) {
    m_progress.done += n;
    const double seconds = m_clock.elapsed() / 1000.0;
    if (seconds > 0.5)
        m_progress.perSecond = m_progress.done / seconds;
    if (m_progress.perSecond > 0 && m_progress.total > m_progress.done)
        m_progress.secondsLeft =
            qint64((m_progress.total - m_progress.done) / m_progress.perSecond);
    report();
}

void ProgressMeter::setDone(qint64 done) {
    advance(done - m_progress.done);
}

void ProgressMeter::setTotal(qint64 total) {
    m_progress.total = total;
    report();
}

void ProgressMeter::report() {
    if (m_report)
        m_report(m_progress);
}

std::atomic<int> ProductBatch::s_live{0};

ProductBatch::ProductBatch(QList<JobProduct> products)
    : m_products(std::move(products)) {
    ++s_live;
}

ProductBatch::~ProductBatch() {
    --s_live;
}

namespace {
class BoundedLoop : public std::enable_shared_from_this<BoundedLoop> {
public:
    BoundedLoop(RunContext &run, int count, int parallel,
                std::function<void(int, std::function<void()>)> work, std::function<void()> then)
        : m_run(run)
        , m_count(count)
        , m_parallel(std::max(1, parallel))
        , m_work(std::move(work))
        , m_then(std::move(then)) {}

    void pump() {
        if (m_run.stopped || m_finished)
            return;
        while (m_running < m_parallel && m_next < m_count && !m_run.cancelled && !m_finished) {
            const int index = m_next++;
            ++m_running;
            // A copy: `done` may be called at once, and finish (and clear) the loop.
            const auto work = m_work;
            work(index, [self = shared_from_this()] {
                --self->m_running;
                self->pump();
            });
        }
        if (!m_finished && m_running == 0 && (m_next >= m_count || m_run.cancelled)) {
            m_finished = true;
            m_work = nullptr; // what the work captured is let go before the next step
            std::exchange(m_then, nullptr)();
        }
    }

private:
    RunContext &m_run;
    int m_next = 0;
    int m_running = 0;
    const int m_count;
    const int m_parallel;
    bool m_finished = false;
    std::function<void(int, std::function<void()>)> m_work;
    std::function<void()> m_then;
};
} // namespace

void forEachBounded(RunContext &run, int count, int parallel,
                    std::function<void(int, std::function<void()>)> work,
                    std::function<void()> then) {
    // Kept alive by the `done` callbacks of the work in flight, and by nothing else.
    std::make_shared<BoundedLoop>(run, count, parallel, std::move(work), std::move(then))->pump();
}

} // namespace tagdesk

// For measuring how smooth the window stays while work runs (benchmarks/stall): with
// TAGDESK_STALL_PROBE=1 in the environment, a timer on the GUI thread ticks every 4 ms
// while the window's work host runs a job or a sync, and the longest wait between two
// ticks beyond those 4 ms is the longest the event loop was stalled — a key press, a
// scroll or a repaint waits that long at worst. When the work finishes the probe prints
// "stall: longest X ms, p99 Y ms, over N ticks, S s of work" on standard output, and quits.
#pragma once

#include "pipeline/workhost.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace tagdesk {

class StallProbe : public QObject {
public:
    static bool wanted() { return qEnvironmentVariableIntValue("TAGDESK_STALL_PROBE") == 1; }

    explicit StallProbe(WorkHost &work, QObject *parent)
        : QObject(parent) {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(tick);
        connect(&m_timer, &QTimer::timeout, this, &StallProbe::ticked);
        connect(&work, &WorkHost::started, this, [this] {
            m_work.start();
            m_last.start();
            m_timer.start();
        });
        connect(&work, &WorkHost::finished, this, [this](qint64, const WorkResult &result) {
            m_timer.stop();
            report(result.status ? QString() : result.status.error().message);
        });
    }

private:
    static constexpr int tick = 4; // ms

    void ticked() { m_stalls.push_back(std::max<qint64>(0, m_last.restart() - tick)); }

    void report(const QString &failure) {
        std::vector<qint64> sorted = m_stalls;
        std::sort(sorted.begin(), sorted.end());
        const qint64 longest = sorted.empty() ? 0 : sorted.back();
        const qint64 p99 = sorted.empty() ? 0 : sorted.at(sorted.size() * 99 / 100);
        std::printf("stall: longest %lld ms, p99 %lld ms, over %zu ticks, %.1f s of work%s%s\n",
                    static_cast<long long>(longest), static_cast<long long>(p99), sorted.size(),
                    m_work.elapsed() / 1000.0,
                    failure.isEmpty() ? "" : "; the work failed: ", qPrintable(failure));
        std::fflush(stdout);
        QApplication::exit(failure.isEmpty() ? 0 : 2);
    }

    QTimer m_timer;
    QElapsedTimer m_last;
    QElapsedTimer m_work;
    std::vector<qint64> m_stalls;
};

} // namespace tagdesk

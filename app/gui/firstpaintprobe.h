// For measuring start-up (benchmarks/startup): with TAGDESK_EXIT_ON_FIRST_PAINT=1 in the
// environment, the program prints "first paint" on standard output once its window has
// been painted, and quits. The benchmark times a process from its start to that line, for
// Tagdesk and for an empty QMainWindow program that uses this same probe, so both end at
// the same moment. Header-only so that the empty program links nothing of Tagdesk's.
#pragma once

#include <QApplication>
#include <QEvent>
#include <QObject>
#include <QTimer>
#include <QWidget>

#include <cstdio>

namespace tagdesk {

class FirstPaintProbe : public QObject {
public:
    static bool wanted() {
        return qEnvironmentVariableIntValue("TAGDESK_EXIT_ON_FIRST_PAINT") == 1;
    }

    // Watches `window`, which must outlive the event loop's next turn after its paint.
    explicit FirstPaintProbe(QWidget &window)
        : QObject(&window) {
        window.installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            // After the paint event is delivered and the backing store flushed.
            QTimer::singleShot(0, this, [] {
                std::printf("first paint\n");
                std::fflush(stdout);
                QApplication::exit(0);
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_seen = false;
};

} // namespace tagdesk

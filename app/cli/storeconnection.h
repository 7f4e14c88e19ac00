#pragma once

#include "pipeline/workhost.h"

#include <QFuture>

namespace tagdesk {
class Account;
}

namespace tagdesk::cli {

struct RunOptions {
    Account *account = nullptr; // the store and taggers: configured, or the demo's
    bool progressLines = true;  // a progress line on stderr
};

// Runs the event loop until a future is ready: the CLI has nothing else to do meanwhile.
// (The loop sleeps between events; polling processEvents would keep a core busy and slow
// a sandbox or server on the same machine.)
template <typename T> T await(QFuture<T> future);

// The same for a signal: runs the event loop until `done()` is true, re-checked whenever
// `sender` emits `signal`.
template <typename Sender, typename Signal, typename Done>
void awaitSignal(Sender *sender, Signal signal, Done done);

// Hands `request` to `host` and runs the event loop until the work has finished: the CLI
// hosts its work as the desktop app does, and waits for it. Connect to the host's other
// signals first to see the work's progress.
WorkResult runWork(WorkHost &host, const WorkRequest &request);

} // namespace tagdesk::cli

#include <QEventLoop>
#include <QFutureWatcher>

template <typename T> T tagdesk::cli::await(QFuture<T> future) {
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<T> watcher;
        QObject::connect(&watcher, &QFutureWatcher<T>::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    return future.result();
}

template <typename Sender, typename Signal, typename Done>
void tagdesk::cli::awaitSignal(Sender *sender, Signal signal, Done done) {
    QEventLoop loop;
    QObject::connect(
        sender, signal, &loop,
        [&] {
            if (done())
                loop.quit();
        },
        Qt::QueuedConnection);
    if (!done())
        loop.exec();
}

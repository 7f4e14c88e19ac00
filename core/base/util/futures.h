#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QPromise>

#include <utility>

namespace tagdesk {

// A future that already holds its value: for answers known at once (a missing setting,
// a cached token) from functions that are asynchronous in general.
template <typename T> QFuture<T> readyFuture(T value) {
    QPromise<T> promise;
    promise.start();
    promise.addResult(std::move(value));
    promise.finish();
    return promise.future();
}

// Calls `done` with the future's result on `context`'s thread once the future finishes,
// or never if `context` is destroyed first (or the future is cancelled without a result).
// The answer to a screen that was closed meanwhile is simply dropped. QFuture::then(context,
// …) in Qt 6.4 instead asserts in debug builds when the context is gone before the future
// finishes (qfuture_impl.h, Continuation::create: Q_ASSERT(context)); a watcher owned by the
// context goes with it.
template <typename T, typename F>
void whenFinished(QObject *context, const QFuture<T> &future, F &&done) {
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher,
                     [watcher, done = std::forward<F>(done)]() mutable {
                         watcher->deleteLater();
                         if (watcher->future().resultCount() > 0)
                             done(watcher->future().result());
                     });
    watcher->setFuture(future);
}

} // namespace tagdesk

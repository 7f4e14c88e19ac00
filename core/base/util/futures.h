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
// The answer to a screen that was closed meanwhile is simply dropped.
//
// Use it, not QFuture::then(context, …), for a future finished on another thread (the
// database writer, a thread pool). In Qt 6.4 such a continuation moves its promise into
// the call it queues on `context` (qfuture_impl.h, Continuation::create), and when the
// future finished while then() was attaching, the continuation was run twice: the second
// run started a moved-from QPromise and crashed (QFutureInterfaceBase::reportStarted, in
// about one 5,000-product run in ten). A QFutureWatcher is told through Qt's queued
// call-out events instead, once. (Qt 6.4's then(context, …) also asserts in debug builds
// when the context is gone before the future finishes; a watcher owned by the context
// goes with it.)
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

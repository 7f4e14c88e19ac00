#pragma once

#include <QFuture>
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

} // namespace tagdesk

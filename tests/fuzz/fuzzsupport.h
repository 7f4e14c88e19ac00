#pragma once

// What every harness of tests/fuzz shares: libFuzzer's entry points
// (https://llvm.org/docs/LibFuzzer.html#fuzz-target) and a Qt application for the code
// that needs one (event loop, image plugins).

#include <QByteArray>
#include <QCoreApplication>
#include <QFuture>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace tagdesk::fuzz {

inline QByteArray bytes(const uint8_t *data, size_t size) {
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// Runs the event loop until `future` is finished, a bounded number of rounds: a harness
// never sleeps, so an answer that makes the code wait on a timer (the throttle, a retry)
// ends the input there. Gives whether the future finished.
template <typename T> bool settle(const QFuture<T> &future) {
    for (int round = 0; round < 1000 && !future.isFinished(); ++round)
        QCoreApplication::processEvents(QEventLoop::AllEvents);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return future.isFinished();
}

} // namespace tagdesk::fuzz

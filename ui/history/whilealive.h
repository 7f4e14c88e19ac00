#pragma once

#include <QCoreApplication>
#include <QPointer>

namespace tagdesk::ui {

// The receiver of a background read's answer, for reader.inBackground(…).then(…): Qt 6.4
// asserts that a continuation's context object still exists when the read finishes
// (Continuation::create in qfuture_impl.h), which a panel closed during a read breaks.
// So the application is the context, keeping the answer on the GUI thread, and the answer
// reaches `receiver` only if it still exists then:
//   reader.inBackground(&JobReader::job, id).then(qApp, whileAlive<Result<Job>>(this, f))
template <typename Answer, typename F> auto whileAlive(QObject *receiver, F &&apply) {
    return [guard = QPointer<QObject>(receiver),
            apply = std::forward<F>(apply)](const Answer &answer) mutable {
        if (guard)
            apply(answer);
    };
}

} // namespace tagdesk::ui

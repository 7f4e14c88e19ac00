#pragma once

#include "storage/connection.h"

#include <QFuture>
#include <QPromise>

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>

class QThread;

namespace tagdesk {

// The one writer of the job database: a thread with its own connection that drains a
// queue of write tasks, several at a time in one transaction (each task in a savepoint,
// so one task's failure does not undo its neighbours). A task's future is fulfilled only
// after its transaction has committed, so "saved" always means it survives the program
// being killed. (A power loss or OS crash may take back SQLite's last commits in WAL mode
// with synchronous = NORMAL, never more: see applySqliteSettings.)
class DatabaseWriter {
public:
    // Opens the writer's connection on its thread; fails if that connection cannot open.
    static Result<std::unique_ptr<DatabaseWriter>> start(const DatabaseConfig &config);
    // Finishes every task already submitted, then stops the thread.
    ~DatabaseWriter();

    DatabaseWriter(const DatabaseWriter &) = delete;
    DatabaseWriter &operator=(const DatabaseWriter &) = delete;

    // Queues `work`, which runs on the writer thread with the writer's connection inside a
    // transaction it must not commit itself.
    template <typename R> QFuture<Result<R>> submit(std::function<Result<R>(Connection &)> work);

    // Tasks per transaction at most (a bound on how long one batch holds the lock).
    static constexpr int maxBatch = 256;

private:
    // What a task leaves behind after running: whether it succeeded, and how to deliver
    // its result once the batch's commit is known.
    struct Outcome {
        bool ok = false;
        std::function<void(const std::optional<Error> &commitError)> deliver;
    };
    struct Task {
        std::function<Outcome(Connection &)> run;
        std::function<void(const Error &)> fail; // reports an error without running
    };

    DatabaseWriter() = default;
    void enqueue(Task task);
    void run(const DatabaseConfig &config, std::promise<Status> &opened);
    void runBatch(Connection &conn, std::deque<Task> &batch);

    std::unique_ptr<QThread> m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Task> m_queue;
    bool m_stopping = false;
};

template <typename R>
QFuture<Result<R>> DatabaseWriter::submit(std::function<Result<R>(Connection &)> work) {
    auto promise = std::make_shared<QPromise<Result<R>>>();
    QFuture<Result<R>> future = promise->future();
    promise->start();
    auto run = [promise, work = std::move(work)](Connection &conn) -> Outcome {
        auto result = std::make_shared<Result<R>>(work(conn));
        const bool ok = result->ok();
        return {ok, [promise, result](const std::optional<Error> &commitError) {
                    promise->addResult(commitError && result->ok() ? Result<R>(*commitError)
                                                                   : std::move(*result));
                    promise->finish();
                }};
    };
    auto fail = [promise](const Error &error) {
        promise->addResult(Result<R>(error));
        promise->finish();
    };
    enqueue({std::move(run), std::move(fail)});
    return future;
}

} // namespace tagdesk

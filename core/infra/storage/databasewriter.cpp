#include "storage/databasewriter.h"

#include <QCoreApplication>
#include <QThread>

#include <future>

namespace tagdesk {

Result<std::unique_ptr<DatabaseWriter>> DatabaseWriter::start(const DatabaseConfig &config) {
    std::unique_ptr<DatabaseWriter> writer(new DatabaseWriter());
    std::promise<Status> opened;
    std::future<Status> openedFuture = opened.get_future();
    DatabaseWriter *self = writer.get();
    writer->m_thread.reset(QThread::create([self, config, &opened] { self->run(config, opened); }));
    writer->m_thread->setObjectName(QStringLiteral("tagdesk-db-writer"));
    writer->m_thread->start();
    Status status = openedFuture.get();
    if (!status) {
        writer->m_thread->wait();
        return status.error();
    }
    return writer;
}

DatabaseWriter::~DatabaseWriter() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread)
        m_thread->wait();
}

void DatabaseWriter::enqueue(Task task) {
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(task));
    }
    m_wake.notify_one();
}

void DatabaseWriter::run(const DatabaseConfig &config, std::promise<Status> &opened) {
    auto conn = Connection::open(config);
    if (!conn) {
        opened.set_value(conn.error());
        return;
    }
    opened.set_value(Status{});

    for (;;) {
        std::deque<Task> batch;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty() && m_stopping)
                return;
            while (!m_queue.empty() && batch.size() < std::size_t(maxBatch)) {
                batch.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
        }
        runBatch(*conn.value(), batch);
    }
}

void DatabaseWriter::runBatch(Connection &conn, std::deque<Task> &batch) {
    QSqlDatabase &db = conn.db();
    if (auto begun = beginWrite(db); !begun) {
        // The write lock could not be had (another program holds it past the busy
        // timeout): nothing runs, and every caller learns why.
        for (Task &task : batch)
            task.fail(begun.error());
        return;
    }

    std::vector<Outcome> outcomes;
    outcomes.reserve(batch.size());
    int index = 0;
    for (Task &task : batch) {
        const QString savepoint = QStringLiteral("task_%1").arg(index++);
        if (auto sp = runSql(db, QStringLiteral("SAVEPOINT ") + savepoint); !sp) {
            task.fail(sp.error());
            continue;
        }
        Outcome outcome = task.run(conn);
        if (!outcome.ok)
            (void)runSql(db, QStringLiteral("ROLLBACK TO SAVEPOINT ") + savepoint);
        (void)runSql(db, QStringLiteral("RELEASE SAVEPOINT ") + savepoint);
        outcomes.push_back(std::move(outcome));
    }

    const Status committed = commit(db);
    const std::optional<Error> commitError =
        committed ? std::nullopt : std::optional<Error>(committed.error());
    for (Outcome &o : outcomes)
        o.deliver(commitError);
}

} // namespace tagdesk

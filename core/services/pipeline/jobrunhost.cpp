#include "pipeline/jobrunhost.h"

#include "pipeline/runsession.h"

#include <QPointer>
#include <QThread>

#include <functional>
#include <map>

namespace tagdesk {

// Lives on the worker thread: builds and owns every run's objects there.
class RunWorker : public QObject {
public:
    using ProgressSink = std::function<void(qint64 jobId, const JobProgress &)>;
    using FinishedSink = std::function<void(qint64 jobId, const Status &)>;

    RunWorker(ProgressSink progress, FinishedSink finished)
        : m_progress(std::move(progress))
        , m_finished(std::move(finished)) {}

    void start(qint64 jobId, TaggerKind kind, const RunSetup &setup, DatabaseWriter *writer) {
        auto created = RunSession::create(kind, setup);
        if (!created) {
            m_finished(jobId, Status(created.error()));
            return;
        }
        auto session = std::make_unique<Session>();
        session->run = std::move(created).value();
        session->runner = std::make_unique<JobRunner>(session->run->services(writer), jobId);
        JobRunner *runner = session->runner.get();
        connect(runner, &JobRunner::progress, this,
                [this, jobId](const JobProgress &p) { m_progress(jobId, p); });
        connect(runner, &JobRunner::finished, this, [this, jobId](const Status &result) {
            // The runner is still on the stack of its own signal: let go of it afterwards.
            QMetaObject::invokeMethod(
                this, [this, jobId] { end(jobId); }, Qt::QueuedConnection);
            m_finished(jobId, result);
        });
        m_sessions[jobId] = std::move(session);
        runner->start();
    }

    void cancel(qint64 jobId) {
        if (auto it = m_sessions.find(jobId); it != m_sessions.end())
            it->second->runner->cancel();
    }

    // Cancels every run and ends the thread once the last one has stopped.
    void shutDown() {
        m_shuttingDown = true;
        for (auto &[id, session] : m_sessions)
            session->runner->cancel();
        if (m_sessions.empty())
            thread()->quit();
    }

private:
    struct Session {
        std::unique_ptr<RunSession> run;
        std::unique_ptr<JobRunner> runner; // declared last: gone before what it uses
    };

    void end(qint64 jobId) {
        m_sessions.erase(jobId);
        if (m_shuttingDown && m_sessions.empty())
            thread()->quit();
    }

    ProgressSink m_progress;
    FinishedSink m_finished;
    std::map<qint64, std::unique_ptr<Session>> m_sessions;
    bool m_shuttingDown = false;
};

JobRunHost::JobRunHost(DatabaseWriter &writer, Account &account, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_account(account)
    , m_thread(std::make_unique<QThread>()) {
    m_thread->setObjectName(QStringLiteral("Job runs"));
    const QPointer<JobRunHost> self(this);
    m_worker = new RunWorker(
        [self](qint64 jobId, const JobProgress &p) {
            QMetaObject::invokeMethod(self, [self, jobId, p] {
                if (self)
                    emit self->progress(jobId, p);
            });
        },
        [self](qint64 jobId, const Status &result) {
            QMetaObject::invokeMethod(self, [self, jobId, result] {
                if (self)
                    self->relayFinished(jobId, result);
            });
        });
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

JobRunHost::~JobRunHost() {
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->shutDown(); });
    // A cancelled run finishes the requests it has in flight (each has a timeout); after
    // that the thread ends by itself. Shutting down must not hang on a dead network.
    if (!m_thread->wait(QDeadlineTimer(15000))) {
        m_thread->quit();
        m_thread->wait();
    }
}

void JobRunHost::start(qint64 jobId, TaggerKind tagger) {
    if (m_running.contains(jobId))
        return;
    m_running.insert(jobId);
    m_cancelBeforeStart.remove(jobId);
    emit started(jobId);
    m_account.runSetup(tagger).then(this, [this, jobId, tagger](const Result<RunSetup> &setup) {
        if (!setup)
            return relayFinished(jobId, setup.error());
        if (m_cancelBeforeStart.remove(jobId))
            return relayFinished(jobId, Error::failed(tr("Cancelled before it started")));
        QMetaObject::invokeMethod(
            m_worker, [worker = m_worker, jobId, tagger, setup = setup.value(),
                       writer = &m_writer] { worker->start(jobId, tagger, setup, writer); });
    });
}

void JobRunHost::cancel(qint64 jobId) {
    if (!m_running.contains(jobId))
        return;
    m_cancelBeforeStart.insert(jobId);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, jobId] { worker->cancel(jobId); });
}

void JobRunHost::relayFinished(qint64 jobId, const Status &result) {
    m_running.remove(jobId);
    m_cancelBeforeStart.remove(jobId);
    emit finished(jobId, result);
}

} // namespace tagdesk

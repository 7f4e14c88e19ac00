#pragma once

#include "pipeline/jobrunner.h"
#include "settings/account.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <memory>

class QThread;

namespace tagdesk {

class RunWorker;

// Runs jobs for the desktop app on one worker thread, away from the GUI: the runner
// writes images into the cache (disk I/O) and parses answers, so none of it may share the
// GUI thread. Everything a run uses — network access, the Shopify client, the tagger, the
// image cache, the runner — is created on that thread; only plain values cross it.
// Progress and the end of each run arrive as signals on the thread that owns the host.
class JobRunHost : public QObject {
    Q_OBJECT
public:
    JobRunHost(DatabaseWriter &writer, Account &account, QObject *parent = nullptr);
    // Cancels what is running, lets it stop, then ends the worker thread.
    ~JobRunHost() override;

    // Resolves the store, token and the job's tagger settings, then starts the run on the
    // worker thread. A second start of a job that is running does nothing.
    void start(qint64 jobId, TaggerKind tagger);
    // Finishes what is in flight, then stops; the job can be resumed later.
    void cancel(qint64 jobId);
    bool isRunning(qint64 jobId) const { return m_running.contains(jobId); }
    bool anyRunning() const { return !m_running.isEmpty(); }

signals:
    void started(qint64 jobId);
    void progress(qint64 jobId, const tagdesk::JobProgress &progress);
    void finished(qint64 jobId, const tagdesk::Status &result);

private:
    void relayFinished(qint64 jobId, const Status &result);

    DatabaseWriter &m_writer;
    Account &m_account;
    std::unique_ptr<QThread> m_thread;
    RunWorker *m_worker; // lives on m_thread, deleted there when it finishes
    QSet<qint64> m_running;
    QSet<qint64> m_cancelBeforeStart; // cancelled while its setup was being resolved
};

} // namespace tagdesk

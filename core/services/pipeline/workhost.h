#pragma once

#include "domain/conflictchoice.h"
#include "domain/preferences.h"
#include "domain/shopidentity.h"
#include "domain/tagger.h"
#include "pipeline/jobprogress.h"
#include "pipeline/syncreport.h"
#include "util/result.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <memory>
#include <optional>

class QThread;

namespace tagdesk {

class Account;
class DatabaseWriter;
class HostWorker;

// What a job is busy with: one kind of work per job at a time.
enum class WorkKind { Run, Push, Revert, Resolve };

// One piece of work for a job, as plain values. What it does not hold — the store, its
// token, the tagger's settings — the host resolves from the account when the work is
// asked for, once: Settings saved meanwhile never reach work that has started.
struct WorkRequest {
    WorkKind kind = WorkKind::Run;
    qint64 jobId = 0;
    TaggerKind tagger = TaggerKind::Local; // Run
    // Push, Revert: only these (empty: every queued, or every pushed, product).
    // Resolve: the products to settle.
    QStringList productIds;
    ConflictChoice choice; // Resolve
    QString who;           // Push, Revert: recorded in the push log
    // Push, Revert: this many products or more go through bulk mutations.
    int bulkThreshold = Preferences::defaultBulkPushMin;
    bool retryFailed = false; // Push: failed pushes go back in the queue first

    static WorkRequest run(qint64 jobId, TaggerKind tagger);
    // kind: Push or Revert.
    static WorkRequest sync(WorkKind kind, qint64 jobId, QString who, int bulkThreshold);
    static WorkRequest resolve(qint64 jobId, QStringList productIds, ConflictChoice choice);
};

// Who the store says it is, once a work has asked and may go on.
struct StoreIdentity {
    QString store; // the address the work uses, as its domain ("example.myshopify.com")
    QString shopName;
    ShopIdentity shop;
    // What the user should know that does not stop the work (StoreClearance::warning).
    QString warning;
};

// How a piece of work ended.
struct WorkResult {
    WorkKind kind = WorkKind::Run;
    // Ok, or why the work stopped — or never began: the store, its token or the tagger's
    // settings could not be resolved, the store refused us, or it was cancelled first.
    Status status;
    bool begun = false; // the runner (or resolver) itself started
    SyncReport report;  // Push, Revert: product by product
    int settled = 0;    // Resolve: how many products were settled
};

// Hosts every long piece of work — job runs, pushes, reverts and conflict resolutions —
// on one worker thread, away from the thread that asks (the desktop app's GUI thread, the
// CLI's main thread). Each work builds its own network access, Shopify client, tagger and
// runner there from plain values, and owns them until it ends; the asking side only
// observes the signals below (on its own thread) and may ask to cancel.
class WorkHost : public QObject {
    Q_OBJECT
public:
    // `writer` and `account` must outlive the host.
    WorkHost(DatabaseWriter &writer, Account &account, QObject *parent = nullptr);
    // Cancels what is running, lets it stop, then ends the worker thread.
    ~WorkHost() override;

    // Resolves the store and token (and, for a run, the tagger's settings) from the
    // account now, then starts the work on the worker thread. Refused, saying what the job
    // is busy with, while the job has work in progress. Every work first asks the store who
    // it is, and goes on only past checkJobStore: a refused token, another store than the
    // job's, or a missing access scope ends it before a product is read or written.
    Status start(const WorkRequest &request);
    // A run or a sync finishes what is in flight, then stops (the rest can be resumed or
    // synced later); a resolution of a few products finishes.
    void cancel(qint64 jobId);

    std::optional<WorkKind> busyWith(qint64 jobId) const;
    bool isBusy(qint64 jobId) const { return m_busy.contains(jobId); }
    bool anyBusy() const { return !m_busy.isEmpty(); }
    // The account work is resolved from (its preferences: who pushes, the bulk threshold).
    const Account &account() const { return m_account; }

signals:
    void started(qint64 jobId, tagdesk::WorkKind kind);
    // The store answered and the work may go on.
    void connected(qint64 jobId, const tagdesk::StoreIdentity &identity);
    void progress(qint64 jobId, const tagdesk::JobProgress &progress);
    void finished(qint64 jobId, const tagdesk::WorkResult &result);

private:
    void relayFinished(qint64 jobId, const WorkResult &result);

    DatabaseWriter &m_writer;
    Account &m_account;
    std::unique_ptr<QThread> m_thread;
    HostWorker *m_worker; // lives on m_thread, deleted there when it finishes
    QHash<qint64, WorkKind> m_busy;
    QSet<qint64> m_cancelBeforeStart; // cancelled while its setup was being resolved
};

} // namespace tagdesk

#include "pipeline/workhost.h"

#include "pipeline/conflictresolver.h"
#include "pipeline/runsession.h"
#include "pipeline/runstep.h"
#include "pipeline/storecheck.h"
#include "pipeline/syncrunner.h"
#include "settings/account.h"
#include "storage/jobleaserepository.h"
#include "util/futures.h"

#include <QCoreApplication>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <functional>
#include <list>
#include <map>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(WorkHost)
};

QString busyText(WorkKind kind) {
    switch (kind) {
    case WorkKind::Run:
        return Texts::tr("being analysed");
    case WorkKind::Push:
        return Texts::tr("being synced");
    case WorkKind::Revert:
        return Texts::tr("being reverted");
    case WorkKind::Resolve:
        return Texts::tr("having its conflicts settled");
    }
    return {};
}

// How a kind of work is named in the job_leases table.
QString workKey(WorkKind kind) {
    switch (kind) {
    case WorkKind::Run:
        return QStringLiteral("run");
    case WorkKind::Push:
        return QStringLiteral("push");
    case WorkKind::Revert:
        return QStringLiteral("revert");
    case WorkKind::Resolve:
        return QStringLiteral("resolve");
    }
    return {};
}

Error busyError(const JobLease &holder) {
    QString doing = Texts::tr("being worked on");
    for (WorkKind kind : {WorkKind::Run, WorkKind::Push, WorkKind::Revert, WorkKind::Resolve})
        if (workKey(kind) == holder.work)
            doing = busyText(kind);
    return Error::busy(
        Texts::tr("Job %1 is %2 by %3 since %4. Wait until that has finished, or stop it "
                  "there. A program that was closed abruptly frees the job at once on this "
                  "computer, and %5 seconds after its last sign of life on another.")
            .arg(holder.jobId)
            .arg(doing, holder.holderText(),
                 QLocale::c().toString(holder.acquiredAt.toLocalTime(),
                                       QStringLiteral("yyyy-MM-dd HH:mm:ss")))
            .arg(JobLeaseRepository::expiresAfter.count()));
}

WorkResult failure(WorkKind kind, const Error &error) {
    WorkResult r;
    r.kind = kind;
    r.status = error;
    return r;
}

// What the asking side resolved for one work, copied to the worker thread: the store and
// its token, and for a run the tagger's settings and the image cache.
using Setup = RunSetup;
} // namespace

WorkRequest WorkRequest::run(qint64 jobId, TaggerKind tagger) {
    WorkRequest r;
    r.kind = WorkKind::Run;
    r.jobId = jobId;
    r.tagger = tagger;
    return r;
}

WorkRequest WorkRequest::sync(WorkKind kind, qint64 jobId, QString who, int bulkThreshold) {
    WorkRequest r;
    r.kind = kind;
    r.jobId = jobId;
    r.who = std::move(who);
    r.bulkThreshold = bulkThreshold;
    return r;
}

WorkRequest WorkRequest::resolve(qint64 jobId, QStringList productIds, ConflictChoice choice) {
    WorkRequest r;
    r.kind = WorkKind::Resolve;
    r.jobId = jobId;
    r.productIds = std::move(productIds);
    r.choice = choice;
    return r;
}

// One piece of work on the worker thread. Made there, it owns every object it uses; it
// reports through its sinks and ends by calling `finished` once.
class HostedWork : public QObject {
public:
    struct Sinks {
        std::function<void(const StoreIdentity &)> connected;
        std::function<void(const JobProgress &)> progress;
        std::function<void(const WorkResult &)> finished;
    };

    HostedWork(WorkRequest request, DatabaseWriter *writer, Sinks sinks)
        : m_request(std::move(request))
        , m_writer(writer)
        , m_sinks(std::move(sinks)) {}

    // Takes the job's lease (one program at a time works on a job), asks the store who it
    // is and checks the job may work with it (checkJobStore), then prepares (a push may put
    // failed products back in the queue) and begins.
    void start() {
        const JobLease wanted = JobLease::forThisProcess(m_request.jobId, workKey(m_request.kind),
                                                         QDateTime::currentDateTimeUtc());
        whenFinished(this, m_writer->submit<std::optional<JobLease>>([wanted](Connection &conn) {
            return JobLeaseRepository(conn).acquire(wanted);
        }),
                     [this, wanted](const Result<std::optional<JobLease>> &taken) {
                         if (!taken)
                             return finish(failure(m_request.kind, taken.error()));
                         if (taken.value())
                             return finish(failure(m_request.kind, busyError(*taken.value())));
                         m_lease = wanted;
                         keepLeaseAlive();
                         connectToStore();
                     });
    }

    void cancel() {
        m_cancelled = true;
        if (m_begun)
            stop();
    }

    // Once the work has finished: stops the queries still waiting for the throttle and
    // the requests still in flight; gives how many there were.
    int stopRequests() { return shopify().stopWaiting() + shopify().http()->stopAll(); }

protected:
    virtual ShopifyClient &shopify() = 0;
    virtual void prepare(std::function<void()> then) { then(); }
    virtual void begin() = 0;
    virtual void stop() = 0;

    // Ends the lease, then reports: whoever hears that the work ended may start the next.
    void finish(WorkResult result) {
        result.kind = m_request.kind;
        result.begun = m_begun;
        m_renewal.stop();
        if (m_leaseLost && result.status.ok())
            result.status = Error::busy(
                Texts::tr("Another program took job %1 over while this one worked on it: this "
                          "one had shown no sign of life for %2 seconds (was the computer "
                          "asleep?). What was done is kept; start it again to go on.")
                    .arg(m_request.jobId)
                    .arg(JobLeaseRepository::expiresAfter.count()));
        if (!m_lease)
            return m_sinks.finished(result);
        const JobLease lease = *std::exchange(m_lease, std::nullopt);
        whenFinished(this, m_writer->submit<bool>([lease](Connection &conn) {
            return succeeded(JobLeaseRepository(conn).release(lease.jobId, lease.leaseId));
        }),
                     [this, result](const Result<bool> &) {
                         // A lease that could not be ended expires by itself.
                         m_sinks.finished(result);
                     });
    }

    const WorkRequest m_request;
    DatabaseWriter *m_writer;
    Sinks m_sinks;

private:
    void keepLeaseAlive() {
        m_renewal.setInterval(JobLeaseRepository::renewEvery);
        connect(&m_renewal, &QTimer::timeout, this, [this] {
            if (!m_lease)
                return;
            const JobLease lease = *m_lease;
            whenFinished(this, m_writer->submit<bool>([lease](Connection &conn) {
                return JobLeaseRepository(conn).renew(lease.jobId, lease.leaseId,
                                                      QDateTime::currentDateTimeUtc());
            }),
                         [this](const Result<bool> &renewed) {
                             // Gone stale and taken by another program: stop writing.
                             if (renewed && !renewed.value() && m_lease) {
                                 m_leaseLost = true;
                                 m_lease.reset();
                                 cancel();
                             }
                         });
        });
        m_renewal.start();
    }

    void connectToStore() {
        whenFinished(this, shopify().connectToShop(), [this](const Result<ShopConnection> &shop) {
            if (!shop)
                return finish(failure(m_request.kind, shop.error()));
            const bool writes =
                m_request.kind == WorkKind::Push || m_request.kind == WorkKind::Revert;
            whenFinished(this,
                         checkJobStore(*m_writer, m_request.jobId,
                                       writes ? StoreAccess::Write : StoreAccess::Read,
                                       shop.value()),
                         [this, shop = shop.value()](const Result<StoreClearance> &clear) {
                             if (!clear)
                                 return finish(failure(m_request.kind, clear.error()));
                             m_sinks.connected({shopify().store().domain(), shop.shopName,
                                                shop.identity(), clear->warning});
                             prepare([this] { beginUnlessCancelled(); });
                         });
        });
    }

    void beginUnlessCancelled() {
        if (m_cancelled)
            return finish(failure(m_request.kind, Error::failed(Texts::tr("Cancelled before it "
                                                                          "started"))));
        m_begun = true;
        begin();
    }

    bool m_cancelled = false;
    bool m_begun = false;
    std::optional<JobLease> m_lease; // held from start until finish
    bool m_leaseLost = false;
    QTimer m_renewal;
};

namespace {

// A job run: the RunSession's objects and the runner.
class RunWork : public HostedWork {
public:
    RunWork(WorkRequest request, DatabaseWriter *writer, Sinks sinks,
            std::unique_ptr<RunSession> session)
        : HostedWork(std::move(request), writer, std::move(sinks))
        , m_session(std::move(session)) {}

protected:
    ShopifyClient &shopify() override { return *m_session->shopify; }

    void begin() override {
        m_runner = std::make_unique<JobRunner>(m_session->services(m_writer), m_request.jobId);
        connect(m_runner.get(), &JobRunner::progress, this, m_sinks.progress);
        connect(m_runner.get(), &JobRunner::finished, this, [this](const Status &status) {
            WorkResult r;
            r.status = status;
            finish(r);
        });
        m_runner->start();
    }

    void stop() override { m_runner->cancel(); }

private:
    std::unique_ptr<RunSession> m_session;
    std::unique_ptr<JobRunner> m_runner; // declared last: gone before what it uses
};

// The network access and Shopify client of a work that talks to the store only.
struct StoreLine {
    explicit StoreLine(const Setup &setup)
        : http(&network, HttpClient::Options::withTransferTimeout(setup.transferTimeout))
        , shopify(&http, setup.store, setup.credentials) {}

    QNetworkAccessManager network;
    HttpClient http;
    ShopifyClient shopify;
};

// A push or a revert.
class SyncWork : public HostedWork {
public:
    SyncWork(WorkRequest request, DatabaseWriter *writer, Sinks sinks, const Setup &setup)
        : HostedWork(std::move(request), writer, std::move(sinks))
        , m_line(setup) {}

protected:
    ShopifyClient &shopify() override { return m_line.shopify; }

    void prepare(std::function<void()> then) override {
        if (m_request.kind != WorkKind::Push || !m_request.retryFailed)
            return then();
        whenFinished(
            this, ConflictResolver::requeueFailed(*m_writer, m_request.jobId, m_request.productIds),
            [this, then](const Result<int> &requeued) {
                if (!requeued)
                    return finish(failure(m_request.kind, requeued.error()));
                then();
            });
    }

    void begin() override {
        const bool pushing = m_request.kind == WorkKind::Push;
        SyncServices services{m_writer, &m_line.shopify, m_request.who};
        services.bulkThreshold = m_request.bulkThreshold;
        m_runner = std::make_unique<SyncRunner>(
            services, m_request.jobId, pushing ? SyncRunner::Mode::Push : SyncRunner::Mode::Revert,
            m_request.productIds);
        connect(m_runner.get(), &SyncRunner::progress, this,
                [this, pushing](qint64 done, qint64 total) {
                    JobProgress p;
                    p.phase = pushing ? JobProgress::Phase::Pushing : JobProgress::Phase::Reverting;
                    p.done = done;
                    p.total = total;
                    m_sinks.progress(p);
                });
        connect(m_runner.get(), &SyncRunner::finished, this,
                [this](const Result<SyncReport> &report) {
                    WorkResult r;
                    if (report)
                        r.report = report.value();
                    else
                        r.status = report.error();
                    finish(r);
                });
        m_runner->start();
    }

    void stop() override { m_runner->cancel(); }

private:
    StoreLine m_line;
    std::unique_ptr<SyncRunner> m_runner; // declared last: gone before what it uses
};

// Settling conflicts: a few products, each re-read and settled in turn.
class ResolveWork : public HostedWork {
public:
    ResolveWork(WorkRequest request, DatabaseWriter *writer, Sinks sinks, const Setup &setup)
        : HostedWork(std::move(request), writer, std::move(sinks))
        , m_line(setup)
        , m_resolver(*writer, &m_line.shopify) {}

protected:
    ShopifyClient &shopify() override { return m_line.shopify; }

    void begin() override {
        whenFinished(this,
                     m_resolver.resolve(m_request.jobId, m_request.productIds, m_request.choice),
                     [this](const Result<int> &settled) {
                         WorkResult r;
                         if (settled)
                             r.settled = settled.value();
                         else
                             r.status = settled.error();
                         finish(r);
                     });
    }

    // Each product is settled in one step; the few named finish.
    void stop() override {}

private:
    StoreLine m_line;
    ConflictResolver m_resolver;
};

} // namespace

// Lives on the worker thread: makes every work's objects there and owns them until the
// work ends.
class HostWorker : public QObject {
public:
    using Make =
        std::function<Result<std::unique_ptr<HostedWork>>(HostedWork::Sinks, DatabaseWriter *)>;
    // Each sink is called on the worker thread; it posts to the host's thread.
    struct Relay {
        std::function<void(qint64, const StoreIdentity &)> connected;
        std::function<void(qint64, const JobProgress &)> progress;
        std::function<void(qint64, const WorkResult &)> finished;
    };

    HostWorker(Relay relay, DatabaseWriter *writer)
        : m_relay(std::move(relay))
        , m_writer(writer) {}

    void begin(qint64 jobId, WorkKind kind, const Make &make) {
        HostedWork::Sinks sinks{
            [this, jobId](const StoreIdentity &identity) { m_relay.connected(jobId, identity); },
            [this, jobId](const JobProgress &p) { m_relay.progress(jobId, p); },
            [this, jobId](const WorkResult &result) {
                // The work is still on the stack of its own runner: let go of it afterwards.
                QMetaObject::invokeMethod(
                    this, [this, jobId] { end(jobId); }, Qt::QueuedConnection);
                m_relay.finished(jobId, result);
            }};
        auto made = make(std::move(sinks), m_writer);
        if (!made)
            return m_relay.finished(jobId, failure(kind, made.error()));
        HostedWork *work = made.value().get();
        m_works[jobId] = std::move(made).value();
        if (m_shuttingDown)
            work->cancel();
        work->start();
    }

    void cancel(qint64 jobId) {
        if (auto it = m_works.find(jobId); it != m_works.end())
            it->second->cancel();
    }

    // Cancels every work and ends the thread once the last one has stopped.
    void shutDown() {
        m_shuttingDown = true;
        for (auto &[id, work] : m_works)
            work->cancel();
        quitIfDone();
    }

private:
    // A finished work is deleted once nothing it set off is pending: its requests still in
    // flight are stopped, and what their answers set off (continuations queued on this
    // thread) runs while every object it may reach is alive. Qt 6.4 asserts when a
    // continuation's context is gone before its future finishes.
    void end(qint64 jobId) {
        auto it = m_works.find(jobId);
        if (it == m_works.end())
            return;
        m_retiring.push_back(std::move(it->second));
        m_works.erase(it);
        retire(m_retiring.back().get(), 0);
    }

    void retire(HostedWork *work, int quietTurns) {
        // A chain of continuations is a few queued calls deep: a few quiet turns of the
        // event loop let every link run.
        constexpr int enoughQuietTurns = 4;
        quietTurns = work->stopRequests() > 0 ? 0 : quietTurns + 1;
        if (quietTurns < enoughQuietTurns) {
            QTimer::singleShot(0, this, [this, work, quietTurns] { retire(work, quietTurns); });
            return;
        }
        m_retiring.remove_if([work](const auto &each) { return each.get() == work; });
        quitIfDone();
    }

    void quitIfDone() {
        if (m_shuttingDown && m_works.empty() && m_retiring.empty())
            thread()->quit();
    }

    Relay m_relay;
    DatabaseWriter *m_writer;
    std::map<qint64, std::unique_ptr<HostedWork>> m_works;
    std::list<std::unique_ptr<HostedWork>> m_retiring; // finished, being let go (end)
    bool m_shuttingDown = false;
};

WorkHost::WorkHost(DatabaseWriter &writer, Account &account, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_account(account)
    , m_thread(std::make_unique<QThread>()) {
    m_thread->setObjectName(QStringLiteral("Work"));
    const QPointer<WorkHost> self(this);
    // Runs `call` on this host's thread, unless the host is gone by then.
    const auto post = [self](std::function<void(WorkHost &)> call) {
        QMetaObject::invokeMethod(self, [self, call = std::move(call)] {
            if (self)
                call(*self);
        });
    };
    HostWorker::Relay relay{
        [post](qint64 jobId, const StoreIdentity &identity) {
            post([jobId, identity](WorkHost &host) { emit host.connected(jobId, identity); });
        },
        [post](qint64 jobId, const JobProgress &p) {
            post([jobId, p](WorkHost &host) { emit host.progress(jobId, p); });
        },
        [post](qint64 jobId, const WorkResult &result) {
            post([jobId, result](WorkHost &host) { host.relayFinished(jobId, result); });
        }};
    m_worker = new HostWorker(std::move(relay), &m_writer);
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

WorkHost::~WorkHost() {
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->shutDown(); });
    // A cancelled work finishes the requests it has in flight (each has a timeout); after
    // that the thread ends by itself. Shutting down must not hang on a dead network.
    if (!m_thread->wait(QDeadlineTimer(15000))) {
        m_thread->quit();
        m_thread->wait();
    }
}

std::optional<WorkKind> WorkHost::busyWith(qint64 jobId) const {
    if (auto it = m_busy.constFind(jobId); it != m_busy.cend())
        return it.value();
    return std::nullopt;
}

Status WorkHost::start(const WorkRequest &request) {
    const qint64 jobId = request.jobId;
    if (auto busy = busyWith(jobId))
        return Error::notAllowed(Texts::tr("Job %1 is already %2; try again when that has finished")
                                     .arg(jobId)
                                     .arg(busyText(*busy)));
    m_busy.insert(jobId, request.kind);
    m_cancelBeforeStart.remove(jobId);
    emit started(jobId, request.kind);

    // A run needs its tagger's settings too; a sync asks the keychain for the token only.
    QFuture<Result<Setup>> setup;
    if (request.kind == WorkKind::Run) {
        setup = m_account.runSetup(request.tagger);
    } else if (auto store = m_account.store(); !store) {
        setup = readyFuture(Result<Setup>(store.error()));
    } else {
        setup = m_account.credentials(store.value())
                    .then([store = store.value(), timeout = m_account.transferTimeout()](
                              const Result<ShopifyCredentials> &c) {
                        if (!c)
                            return Result<Setup>(c.error());
                        Setup s;
                        s.store = store;
                        s.credentials = c.value();
                        s.transferTimeout = timeout;
                        return Result<Setup>(s);
                    });
    }
    whenFinished(this, setup, [this, request](const Result<Setup> &resolved) {
        const qint64 jobId = request.jobId;
        if (!resolved)
            return relayFinished(jobId, failure(request.kind, resolved.error()));
        if (m_cancelBeforeStart.remove(jobId))
            return relayFinished(
                jobId,
                failure(request.kind, Error::failed(Texts::tr("Cancelled before it started"))));
        // Only copies cross: the worker builds everything from them on its own thread.
        HostWorker::Make make = [request, setup = resolved.value()](
                                    HostedWork::Sinks sinks,
                                    DatabaseWriter *writer) -> Result<std::unique_ptr<HostedWork>> {
            switch (request.kind) {
            case WorkKind::Run: {
                auto session = RunSession::create(request.tagger, setup);
                if (!session)
                    return session.error();
                return std::unique_ptr<HostedWork>(std::make_unique<RunWork>(
                    request, writer, std::move(sinks), std::move(session).value()));
            }
            case WorkKind::Push:
            case WorkKind::Revert:
                return std::unique_ptr<HostedWork>(
                    std::make_unique<SyncWork>(request, writer, std::move(sinks), setup));
            case WorkKind::Resolve:
                return std::unique_ptr<HostedWork>(
                    std::make_unique<ResolveWork>(request, writer, std::move(sinks), setup));
            }
            return Error::failed(QStringLiteral("unknown kind of work"));
        };
        QMetaObject::invokeMethod(m_worker, [worker = m_worker, jobId, kind = request.kind, make] {
            worker->begin(jobId, kind, make);
        });
    });
    return {};
}

void WorkHost::cancel(qint64 jobId) {
    if (!m_busy.contains(jobId))
        return;
    m_cancelBeforeStart.insert(jobId);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, jobId] { worker->cancel(jobId); });
}

void WorkHost::relayFinished(qint64 jobId, const WorkResult &result) {
    m_busy.remove(jobId);
    m_cancelBeforeStart.remove(jobId);
    emit finished(jobId, result);
}

} // namespace tagdesk

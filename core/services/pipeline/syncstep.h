#pragma once

// What the steps of a sync share (runner-internal: ui/ and app/ never include this).
#include "pipeline/productreadahead.h"
#include "pipeline/syncrunner.h"

#include <QDateTime>

#include <functional>
#include <memory>

namespace tagdesk {

// What differs between pushing approved values and reverting a push: the states a
// product passes through, and the moment its Shopify copy is compared with.
class SyncDirection {
public:
    explicit SyncDirection(SyncRunner::Mode mode)
        : m_mode(mode) {}

    bool pushing() const { return m_mode == SyncRunner::Mode::Push; }
    PushRecord::Kind logKind() const;
    SyncState inFlight() const; // the plan is being written
    SyncState done() const;     // written and read back
    // A push conflict waits for a person; a revert conflict leaves the push in place.
    SyncState afterConflict() const;
    // A failed revert leaves the push in place.
    SyncState afterFailure() const;
    // When the product was last as we expect it: fetched (push), or our push (revert).
    QDateTime expectedUpdatedAt(const ProductChange &change) const;
    // "since …" in a conflict's message.
    QString since() const;

private:
    SyncRunner::Mode m_mode;
};

// What stops a whole sync, leaving the products not yet written in the queue: nothing
// answered or the store was busy (try again later), or the store refused the token or its
// access as a whole — revoked while the sync ran, every next product would be refused
// alike until someone fixes it in the Shopify admin or in Settings.
inline bool stopsTheSync(const Error &error) {
    return error.isTransient() || error.code == Error::Code::TokenRejected ||
           error.code == Error::Code::ScopeMissing;
}

// One sync's shared state, and how its steps hand the run on.
struct SyncContext {
    SyncContext(SyncServices s, qint64 id, SyncRunner::Mode mode)
        : services(std::move(s))
        , reads(std::make_unique<ProductReadAhead>(services.shopify))
        , jobId(id)
        , direction(mode) {}

    SyncServices services;
    // Every read of a product's current state (the check, the read-back) goes through it.
    std::unique_ptr<ProductReadAhead> reads;
    qint64 jobId = 0;
    Job job;
    SyncDirection direction;
    SyncReport report;
    bool finished = false;
    // The product's outcome is recorded: on to the next.
    std::function<void()> advance;
    // The sync stops (stopsTheSync): the rest wait for the next sync.
    std::function<void(const Error &)> unreachable;
    // The store went away while this product's plan was in flight.
    std::function<void(const ProductChange &, const Error &)> lostInFlight;
    // The database failed: the run ends.
    std::function<void(const Error &)> storeFailed;
};

// A step of a sync: runs database tasks through the sync's writer.
class SyncStep : public QObject {
public:
    explicit SyncStep(SyncContext &sync, QObject *parent = nullptr)
        : QObject(parent)
        , m_sync(sync) {}

protected:
    // Runs a database task, then `then`; a database failure ends the run.
    void store(std::function<Status(Connection &)> task, std::function<void()> then);

    SyncContext &m_sync;
};

} // namespace tagdesk

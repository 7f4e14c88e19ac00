#include "pipeline/conflictresolver.h"

#include "storage/jobproductrepository.h"
#include "storage/pushlogrepository.h"
#include "sync/changeplan.h"
#include "sync/productfields.h"
#include "util/futures.h"

#include <QCoreApplication>
#include <QPromise>

#include <memory>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(ConflictResolver)
};

// A product's open conflict: found by a push (the product is in Conflict), or by a revert
// (it stays Pushed: the revert wrote nothing).
struct OpenConflict {
    JobProduct product;
    Conflict conflict;
    bool foundByRevert = false;
};

Result<OpenConflict> openConflict(Connection &conn, qint64 jobId, const QString &productId) {
    auto p = JobProductRepository(conn).find(jobId, productId);
    if (!p)
        return p.error();
    auto c = PushLogRepository(conn).conflict(jobId, productId);
    if (!c)
        return c.error();
    const SyncState sync = p->progress.sync;
    if (!c->has_value() || !(*c)->resolution.isEmpty() ||
        (sync != SyncState::Conflict && sync != SyncState::Pushed))
        return Error::notAllowed(Texts::tr("Product %1 is not in conflict (it is %2)")
                                     .arg(productId, syncText(sync).toLower()));
    return OpenConflict{p.value(), **c, sync == SyncState::Pushed};
}

// A revert that met an edit made in Shopify since the push. Keep theirs: the push stays as
// it is, their edit too. Keep mine: the revert goes ahead at the next Revert, over the
// values Shopify has now (read again here) — stored as the product's plan, so the revert
// checks each field against exactly those values before it writes.
Status settleRevert(Connection &conn, const OpenConflict &open, const ConflictChoice &choice,
                    const std::optional<ProductSnapshot> &remote) {
    const qint64 jobId = open.product.jobId;
    const QString &productId = open.product.productId;
    QString resolution = QStringLiteral("theirs");
    if (choice.keep == ConflictChoice::Keep::Mine) {
        if (choice.only)
            return Error::invalid(Texts::tr("Product %1: a revert keeps mine or theirs for the "
                                            "whole product, not for some fields")
                                      .arg(productId));
        if (!remote)
            return Error::notFound(
                Texts::tr("Product %1 no longer exists in Shopify").arg(productId));
        const QJsonObject restore = open.conflict.approvedValues;
        const ChangePlan plan{productId, productfields::read(*remote, restore.keys()), restore, {}};
        if (auto s = JobProductRepository(conn).setPushPlan(jobId, productId, plan.toJson()); !s)
            return s;
        resolution = QStringLiteral("mine");
    }
    return PushLogRepository(conn).resolveConflict(jobId, productId, resolution);
}

Status settle(Connection &conn, qint64 jobId, const QString &productId,
              const ConflictChoice &choice, const std::optional<ProductSnapshot> &remote) {
    auto open = openConflict(conn, jobId, productId);
    if (!open)
        return open.error();
    if (open->foundByRevert)
        return settleRevert(conn, open.value(), choice, remote);
    const JobProduct *p = &open->product;
    JobProductRepository products(conn);
    QString resolution;
    ProductProgress next = p->progress;
    if (choice.keep == ConflictChoice::Keep::Theirs) {
        next.review = ReviewState::Rejected;
        next.sync = SyncState::None;
        resolution = QStringLiteral("theirs");
    } else {
        if (!remote)
            return Error::notFound(
                Texts::tr("Product %1 no longer exists in Shopify").arg(productId));
        if (auto s = products.setSnapshot(jobId, *remote); !s)
            return s;
        if (choice.only) {
            if (auto s = products.setDestinationsOverride(jobId, productId,
                                                          destinationsToKeys(*choice.only));
                !s)
                return s;
        }
        next.sync = SyncState::Queued;
        resolution = choice.only ? QStringLiteral("merged") : QStringLiteral("mine");
    }
    if (auto s = products.setPushPlan(jobId, productId, {}); !s)
        return s;
    if (auto s = products.setProgress(jobId, productId, next, QString()); !s)
        return s;
    return PushLogRepository(conn).resolveConflict(jobId, productId, resolution);
}

struct Resolving {
    DatabaseWriter *writer;
    ShopifyClient *shopify;
    qint64 jobId;
    QStringList ids;
    ConflictChoice choice;
    qsizetype index = 0;
    QPromise<Result<int>> promise;

    void fail(const Error &e) {
        promise.addResult(Result<int>(e));
        promise.finish();
    }
};

void settleNext(std::shared_ptr<Resolving> r) {
    if (r->index == r->ids.size()) {
        r->promise.addResult(Result<int>(int(r->ids.size())));
        r->promise.finish();
        return;
    }
    const QString id = r->ids.at(r->index);
    auto apply = [r, id](std::optional<ProductSnapshot> remote) {
        r->writer
            ->submit<bool>([r, id, remote](Connection &conn) -> Result<bool> {
                if (auto s = settle(conn, r->jobId, id, r->choice, remote); !s)
                    return s.error();
                return true;
            })
            .then(r->shopify, [r](const Result<bool> &done) {
                if (!done)
                    return r->fail(done.error());
                ++r->index;
                settleNext(r);
            });
    };
    if (r->choice.keep == ConflictChoice::Keep::Theirs)
        return apply(std::nullopt);
    r->shopify->product(id).then(r->shopify,
                                 [r, apply](const Result<std::optional<ProductSnapshot>> &now) {
                                     if (!now)
                                         return r->fail(now.error());
                                     apply(now.value());
                                 });
}
} // namespace

QFuture<Result<int>> ConflictResolver::resolve(qint64 jobId, const QStringList &productIds,
                                               const ConflictChoice &choice) {
    if (productIds.isEmpty())
        return readyFuture(Result<int>(Error::invalid(Texts::tr("Name the products to settle"))));
    auto r = std::make_shared<Resolving>();
    r->writer = &m_writer;
    r->shopify = m_shopify;
    r->jobId = jobId;
    r->ids = productIds;
    r->choice = choice;
    r->promise.start();
    QFuture<Result<int>> future = r->promise.future();
    settleNext(r);
    return future;
}

QFuture<Result<int>> ConflictResolver::requeueFailed(DatabaseWriter &writer, qint64 jobId,
                                                     const QStringList &productIds) {
    return writer.submit<int>([jobId, productIds](Connection &conn) -> Result<int> {
        JobProductRepository products(conn);
        auto failed = products.inSync(jobId, {SyncState::Failed});
        if (!failed)
            return failed.error();
        int requeued = 0;
        for (const JobProduct &p : failed.value()) {
            if (!productIds.isEmpty() && !productIds.contains(p.productId))
                continue;
            ++requeued;
            if (auto s = products.setProgress(
                    jobId, p.productId, {p.progress.stage, p.progress.review, SyncState::Queued},
                    p.error);
                !s)
                return s.error();
        }
        return requeued;
    });
}

} // namespace tagdesk

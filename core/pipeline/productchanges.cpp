#include "pipeline/productchanges.h"

#include "storage/decisionrepository.h"
#include "storage/jobproductrepository.h"
#include "storage/pushlogrepository.h"
#include "storage/suggestionrepository.h"

#include <QCoreApplication>
#include <QSet>

namespace tagdesk::productchanges {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(ProductChanges)
};

Result<QList<JobProduct>> named(JobProductRepository &repo, qint64 jobId,
                                const QStringList &productIds) {
    QList<JobProduct> out;
    for (const QString &id : productIds) {
        auto p = repo.find(jobId, id);
        if (!p)
            return p.error();
        out.append(p.value());
    }
    return out;
}

// Fills in where the product is saved, what was approved, and the plan.
Result<ProductChange> planned(Connection &conn, const Job &job, const JobProduct &product) {
    ProductChange c;
    c.product = product;
    if (!product.snapshot)
        return Error::notAllowed(
            Texts::tr("Product %1 has not been fetched, so there is nothing to compare with")
                .arg(product.productId));
    JobProductRepository products(conn);
    auto override = products.destinationsOverride(job.id, product.productId);
    if (!override)
        return override.error();
    c.destinations = job.destinations;
    if (!override->isEmpty()) {
        if (auto d = destinationsFromKeys(override.value()))
            c.destinations = d.value();
    }
    auto suggestions = SuggestionRepository(conn).forProduct(job.id, product.productId);
    if (!suggestions)
        return suggestions.error();
    auto decisions = DecisionRepository(conn).forProduct(job.id, product.productId);
    if (!decisions)
        return decisions.error();
    c.values = approvedValues(suggestions.value(), decisions.value());
    c.plan = planChange(*product.snapshot, c.values, c.destinations, job.writing);
    return c;
}

// The job's products in the given sync states; only the named ones if any are named.
Result<QList<JobProduct>> inSync(Connection &conn, qint64 jobId, const QList<SyncState> &states,
                                 const QStringList &productIds) {
    auto products = JobProductRepository(conn).inSync(jobId, states);
    if (!products || productIds.isEmpty())
        return products;
    const QSet<QString> wanted(productIds.begin(), productIds.end());
    products->removeIf([&](const JobProduct &p) { return !wanted.contains(p.productId); });
    return products;
}

// A stored plan of an interrupted write replaces the computed one.
Status resumeStored(Connection &conn, const Job &job, ProductChange &c) {
    auto stored = JobProductRepository(conn).pushPlan(job.id, c.product.productId);
    if (!stored)
        return stored.error();
    if (!stored->isEmpty()) {
        c.plan = ChangePlan::fromJson(stored.value());
        c.resumed = true;
    }
    return {};
}
} // namespace

Result<QList<ProductChange>> preview(Connection &conn, const Job &job,
                                     const QStringList &productIds) {
    JobProductRepository repo(conn);
    auto products = productIds.isEmpty() ? repo.list(job.id) : named(repo, job.id, productIds);
    if (!products)
        return products.error();
    QList<ProductChange> out;
    for (const JobProduct &p : products.value()) {
        if (productIds.isEmpty() && (p.progress.stage != PipelineStage::Analysed ||
                                     p.progress.review == ReviewState::Rejected))
            continue;
        auto c = planned(conn, job, p);
        if (!c)
            return c.error();
        out.append(c.value());
    }
    return out;
}

Result<QList<ProductChange>> toPush(Connection &conn, const Job &job,
                                    const QStringList &productIds) {
    auto products = inSync(conn, job.id, {SyncState::Queued, SyncState::Pushing}, productIds);
    if (!products)
        return products.error();
    QList<ProductChange> out;
    for (const JobProduct &p : products.value()) {
        auto c = planned(conn, job, p);
        if (!c)
            return c.error();
        if (auto resumed = resumeStored(conn, job, c.value()); !resumed)
            return resumed.error();
        out.append(c.value());
    }
    return out;
}

Result<QList<ProductChange>> toRevert(Connection &conn, const Job &job,
                                      const QStringList &productIds) {
    auto products = inSync(conn, job.id, {SyncState::Pushed, SyncState::Reverting}, productIds);
    if (!products)
        return products.error();
    PushLogRepository log(conn);
    QList<ProductChange> out;
    for (const JobProduct &p : products.value()) {
        auto push = log.revertible(job.id, p.productId);
        if (!push)
            return push.error();
        if (!push.value())
            continue;
        ProductChange c;
        c.product = p;
        c.undoing = push.value();
        c.plan.productId = p.productId;
        c.plan.before = push.value()->after;
        c.plan.after = push.value()->before;
        if (auto resumed = resumeStored(conn, job, c); !resumed)
            return resumed.error();
        out.append(c);
    }
    for (const QString &id : productIds) {
        if (std::none_of(out.begin(), out.end(),
                         [&](const ProductChange &c) { return c.product.productId == id; }))
            return Error::notAllowed(Texts::tr("Product %1 has no push to revert").arg(id));
    }
    return out;
}

} // namespace tagdesk::productchanges

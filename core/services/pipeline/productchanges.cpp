#include "pipeline/productchanges.h"

#include "storage/decisionrepository.h"
#include "storage/jobproductrepository.h"
#include "storage/pushlogrepository.h"
#include "storage/suggestionrepository.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QSet>

namespace tagdesk {

namespace productchanges {

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

// The metaobjects a push created for category metafields (ProductSync records them with
// its answers).
QStringList createdMetaobjects(const PushRecord &push) {
    QStringList out;
    for (const QJsonValue &answer :
         push.shopifyAnswer.value(QStringLiteral("mutations")).toArray()) {
        for (const QJsonValue &id :
             answer.toObject().value(QStringLiteral("createdMetaobjects")).toArray())
            out << id.toString();
    }
    return out;
}

// Which reverted product deletes each metaobject Tagdesk created: the last one of the run
// that references it, and none when a product of the job that stays pushed references it.
// Shopify could say whether anything else references an entry (Metaobject.referencedBy),
// but Tagdesk relies on what it knows: the entries it created are referenced by the job's
// pushes, and a merchant who used one meanwhile on another product loses that reference
// (metaobjectDelete drops it) — the price of leaving no orphans.
Status assignMetaobjectDeletes(Connection &conn, const Job &job, QList<ProductChange> &changes) {
    QHash<QString, qsizetype> lastUser;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        for (const QString &id : createdMetaobjects(*changes.at(i).undoing))
            lastUser.insert(id, i);
    }
    if (lastUser.isEmpty())
        return {};
    auto pushed = JobProductRepository(conn).inSync(job.id, {SyncState::Pushed});
    if (!pushed)
        return pushed.error();
    PushLogRepository log(conn);
    for (const JobProduct &p : pushed.value()) {
        if (std::any_of(changes.begin(), changes.end(),
                        [&](const ProductChange &c) { return c.product.productId == p.productId; }))
            continue; // reverted in this run
        auto push = log.revertible(job.id, p.productId);
        if (!push)
            return push.error();
        if (push.value()) {
            for (const QString &id : createdMetaobjects(*push.value()))
                lastUser.remove(id);
        }
    }
    for (auto it = lastUser.cbegin(); it != lastUser.cend(); ++it)
        changes[it.value()].metaobjectsToDelete << it.key();
    for (ProductChange &c : changes)
        c.metaobjectsToDelete.sort();
    return {};
}

// A stored plan of an interrupted write replaces the computed one.
void resumeStored(const ReviewInputs &inputs, ProductChange &c) {
    const auto stored = inputs.plansInFlight.constFind(c.product.productId);
    if (stored != inputs.plansInFlight.constEnd()) {
        c.plan = ChangePlan::fromJson(*stored);
        c.resumed = true;
    }
}
} // namespace

Result<ProductChange> planFor(const Job &job, const ReviewInputs &inputs,
                              const JobProduct &product) {
    if (!product.snapshot)
        return Error::notAllowed(
            Texts::tr("Product %1 has not been fetched, so there is nothing to compare with")
                .arg(product.productId));
    ProductChange c;
    c.product = product;
    c.destinations = job.destinations;
    if (const QString keys = inputs.destinationOverrides.value(product.productId);
        !keys.isEmpty()) {
        if (auto d = destinationsFromKeys(keys))
            c.destinations = d.value();
    }
    c.values = approvedValues(inputs.suggestions.value(product.productId),
                              inputs.decisions.value(product.productId));
    c.plan = planChange(*product.snapshot, c.values, c.destinations, job.writing);
    return c;
}

Result<QList<ProductChange>> preview(Connection &conn, const Job &job,
                                     const QStringList &productIds) {
    JobProductRepository repo(conn);
    auto products = productIds.isEmpty() ? repo.list(job.id) : named(repo, job.id, productIds);
    if (!products)
        return products.error();
    auto inputs = ReviewInputs::load(conn, job.id);
    if (!inputs)
        return inputs.error();
    QList<ProductChange> out;
    for (const JobProduct &p : products.value()) {
        if (productIds.isEmpty() && (p.progress.stage != PipelineStage::Analysed ||
                                     p.progress.review == ReviewState::Rejected))
            continue;
        auto c = planFor(job, inputs.value(), p);
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
    auto inputs = ReviewInputs::load(conn, job.id);
    if (!inputs)
        return inputs.error();
    QList<ProductChange> out;
    for (const JobProduct &p : products.value()) {
        auto c = planFor(job, inputs.value(), p);
        if (!c)
            return c.error();
        resumeStored(inputs.value(), c.value());
        out.append(c.value());
    }
    return out;
}

Result<QList<ProductChange>> toRevert(Connection &conn, const Job &job,
                                      const QStringList &productIds) {
    auto products = inSync(conn, job.id, {SyncState::Pushed, SyncState::Reverting}, productIds);
    if (!products)
        return products.error();
    auto plansInFlight = JobProductRepository(conn).pushPlans(job.id);
    if (!plansInFlight)
        return plansInFlight.error();
    const ReviewInputs inFlight{{}, {}, {}, plansInFlight.value()};
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
        c.plan = ChangePlan{p.productId, push.value()->before, push.value()->after, {}}.reversed();
        resumeStored(inFlight, c);
        out.append(c);
    }
    if (auto s = assignMetaobjectDeletes(conn, job, out); !s)
        return s.error();
    // A product named that is already reverted is done, not refused: a revert that was
    // killed or cut off is finished by running the same command again.
    auto reverted = inSync(conn, job.id, {SyncState::Reverted}, productIds);
    if (!reverted)
        return reverted.error();
    for (const QString &id : productIds) {
        const auto named = [&](const auto &p) {
            return p.productId == id;
        };
        if (std::none_of(out.begin(), out.end(),
                         [&](const ProductChange &c) { return named(c.product); }) &&
            std::none_of(reverted->begin(), reverted->end(), named))
            return Error::notAllowed(Texts::tr("Product %1 has no push to revert").arg(id));
    }
    return out;
}

} // namespace productchanges

Result<ReviewInputs> ReviewInputs::load(Connection &conn, qint64 jobId) {
    ReviewInputs in;
    auto suggestions = SuggestionRepository(conn).forJob(jobId);
    if (!suggestions)
        return suggestions.error();
    in.suggestions = suggestions.value();
    auto decisions = DecisionRepository(conn).forJob(jobId);
    if (!decisions)
        return decisions.error();
    in.decisions = decisions.value();
    JobProductRepository products(conn);
    auto overrides = products.destinationsOverrides(jobId);
    if (!overrides)
        return overrides.error();
    in.destinationOverrides = overrides.value();
    auto plans = products.pushPlans(jobId);
    if (!plans)
        return plans.error();
    in.plansInFlight = plans.value();
    return in;
}

Result<ReviewInputs> ReviewInputs::loadProduct(Connection &conn, qint64 jobId,
                                               const QString &productId) {
    ReviewInputs in;
    auto suggestions = SuggestionRepository(conn).forProduct(jobId, productId);
    if (!suggestions)
        return suggestions.error();
    in.suggestions.insert(productId, suggestions.value());
    auto decisions = DecisionRepository(conn).forProduct(jobId, productId);
    if (!decisions)
        return decisions.error();
    in.decisions.insert(productId, decisions.value());
    JobProductRepository products(conn);
    auto override = products.destinationsOverride(jobId, productId);
    if (!override)
        return override.error();
    if (!override->isEmpty())
        in.destinationOverrides.insert(productId, override.value());
    auto plan = products.pushPlan(jobId, productId);
    if (!plan)
        return plan.error();
    if (!plan->isEmpty())
        in.plansInFlight.insert(productId, plan.value());
    return in;
}

} // namespace tagdesk

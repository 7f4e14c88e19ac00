#include "pipeline/reviewservice.h"

#include "storage/bulkreviewrepository.h"
#include "storage/databasewriter.h"
#include "storage/decisionrepository.h"
#include "storage/jobproductrepository.h"
#include "storage/jobrepository.h"
#include "storage/revieweventrepository.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(ReviewService)
};

Status recordEvent(Connection &conn, qint64 jobId, const QString &productId,
                   const QString &attribute, const QJsonObject &before, const QJsonObject &after,
                   const QString &reviewer) {
    return ReviewEventRepository(conn).record(
        {0, jobId, productId, attribute, before, after, reviewer, QDateTime::currentDateTimeUtc()});
}

QJsonObject decisionObject(const std::optional<AttributeDecision> &d) {
    if (!d)
        return {};
    return {{QStringLiteral("verdict"), verdictKey(d->verdict)},
            {QStringLiteral("value"), d->value},
            {QStringLiteral("decidedAt"), toDbTime(d->decidedAt)}};
}

// A pushed product's values are in Shopify: changing its review now would not change
// the store, so it is refused with the way to go instead.
const QList<SyncState> inShopify{SyncState::Pushing, SyncState::Pushed, SyncState::Reverting};

Error inShopifyError(const QString &productId, SyncState sync) {
    return Error::notAllowed(
        Texts::tr("Product %1 is %2 in Shopify; revert it before changing its review")
            .arg(productId, syncText(sync).toLower()));
}

Status mayChangeReview(const JobProduct &p) {
    if (inShopify.contains(p.progress.sync))
        return inShopifyError(p.productId, p.progress.sync);
    return {};
}

// Sets one product's review state (and, if given, where it is saved) and records what it
// was, in the caller's transaction.
Status setReview(Connection &conn, qint64 jobId, const JobProduct &product,
                 const ProductProgress &after, const QString &reviewer,
                 std::optional<QString> destinations = std::nullopt) {
    if (auto allowed = mayChangeReview(product); !allowed)
        return allowed;
    auto previous = JobProductRepository(conn).destinationsOverride(jobId, product.productId);
    if (!previous)
        return previous.error();
    const QString next = destinations.value_or(previous.value());
    if (auto set =
            JobProductRepository(conn).setProgress(jobId, product.productId, after, product.error);
        !set)
        return set;
    if (next != previous.value()) {
        if (auto set =
                JobProductRepository(conn).setDestinationsOverride(jobId, product.productId, next);
            !set)
            return set;
    }
    return recordEvent(conn, jobId, product.productId, {},
                       reviewStateObject(product.progress, previous.value()),
                       reviewStateObject(after, next), reviewer);
}

Error notAnalysed(const QString &productId, PipelineStage stage) {
    return Error::notAllowed(
        Texts::tr("Product %1 has not been analysed (%2) and cannot be reviewed")
            .arg(productId, stageText(stage)));
}

// The named products of a job, each of which must have been analysed.
Result<QList<JobProduct>> analysedProducts(Connection &conn, qint64 jobId, const QStringList &ids) {
    QList<JobProduct> out;
    JobProductRepository products(conn);
    for (const QString &id : ids) {
        auto p = products.find(jobId, id);
        if (!p)
            return p.error();
        if (p->progress.stage != PipelineStage::Analysed)
            return notAnalysed(id, p->progress.stage);
        out.append(p.value());
    }
    return out;
}

// The same check as analysedProducts, for many products without reading them: each one
// named must be the job's and analysed; the first that is not is the error.
Status mustBeAnalysed(Connection &conn, qint64 jobId, const QStringList &ids) {
    auto stages = JobProductRepository(conn).stages(jobId, ids);
    if (!stages)
        return stages.error();
    for (const QString &id : ids) {
        const auto stage = stages->constFind(id);
        if (stage == stages->cend())
            return JobProductRepository::noSuchProduct(jobId, id);
        if (*stage != PipelineStage::Analysed)
            return notAnalysed(id, *stage);
    }
    return {};
}
} // namespace

QFuture<Result<int>> ReviewService::approve(qint64 jobId, const ApprovalSelection &selection,
                                            std::optional<Destinations> destinations,
                                            const QString &reviewer) {
    return m_writer.submit<int>(
        [jobId, selection, destinations, reviewer](Connection &conn) -> Result<int> {
            if (auto job = JobRepository(conn).find(jobId); !job)
                return job.error();
            // Set-based, whatever the selection's size: a few statements (see
            // BulkReviewRepository), not three per product.
            ReviewScope scope;
            if (selection.kind == ApprovalSelection::Kind::Products) {
                // Approving again what is approved already changes nothing (and never
                // queues a synced product a second time).
                scope.kind = ReviewScope::Kind::Named;
                scope.productIds = selection.productIds;
                scope.productIds.removeDuplicates();
                if (auto analysed = mustBeAnalysed(conn, jobId, scope.productIds); !analysed)
                    return analysed.error();
            } else if (selection.kind == ApprovalSelection::Kind::MinConfidence) {
                scope.minConfidence = selection.minConfidence;
            }
            ReviewChange change;
            change.review = ReviewState::Approved;
            change.sync = SyncState::Queued;
            if (destinations)
                change.destinations = destinationsToKeys(*destinations);
            change.reviewer = reviewer;
            change.at = QDateTime::currentDateTimeUtc();
            BulkReviewRepository bulk(conn);
            auto pushed = bulk.firstInSync(jobId, scope, change, inShopify);
            if (!pushed)
                return pushed.error();
            if (pushed.value())
                return inShopifyError(pushed.value()->first, pushed.value()->second);
            return bulk.apply(jobId, scope, change);
        });
}

QFuture<Result<int>> ReviewService::reject(qint64 jobId, const QStringList &productIds,
                                           const QString &reviewer) {
    return m_writer.submit<int>([jobId, productIds, reviewer](Connection &conn) -> Result<int> {
        if (auto job = JobRepository(conn).find(jobId); !job)
            return job.error();
        auto named = analysedProducts(conn, jobId, productIds);
        if (!named)
            return named.error();
        for (const JobProduct &p : named.value()) {
            if (auto d =
                    setReview(conn, jobId, p,
                              {p.progress.stage, ReviewState::Rejected, SyncState::None}, reviewer);
                !d)
                return d.error();
        }
        return int(named->size());
    });
}

QFuture<Status> ReviewService::decide(qint64 jobId, const QString &productId,
                                      const AttributeDecision &decision, const QString &reviewer) {
    return m_writer.submit<void>([=](Connection &conn) -> Status {
        if (decision.attribute.trimmed().isEmpty())
            return Error::invalid(Texts::tr("A decision needs an attribute"));
        if (decision.verdict == AttributeDecision::Verdict::Edited &&
            decision.value.trimmed().isEmpty())
            return Error::invalid(
                Texts::tr("An edit of %1 needs a value (reject the attribute to write nothing)")
                    .arg(decision.attribute));
        auto named = analysedProducts(conn, jobId, {productId});
        if (!named)
            return named.error();
        if (auto allowed = mayChangeReview(named->first()); !allowed)
            return allowed;
        DecisionRepository decisions(conn);
        auto before = decisions.find(jobId, productId, decision.attribute);
        if (!before)
            return before.error();
        AttributeDecision stored = decision;
        stored.value = decision.value.trimmed();
        stored.decidedAt = QDateTime::currentDateTimeUtc();
        const Status written = decision.verdict == AttributeDecision::Verdict::Pending
                                   ? decisions.remove(jobId, productId, decision.attribute)
                                   : decisions.set(jobId, productId, stored, reviewer);
        if (!written)
            return written;
        return recordEvent(
            conn, jobId, productId, decision.attribute, decisionObject(before.value()),
            decision.verdict == AttributeDecision::Verdict::Pending ? QJsonObject{}
                                                                    : decisionObject(stored),
            reviewer);
    });
}

QFuture<Result<int>> ReviewService::undo(qint64 jobId, int count, const QString &reviewer) {

    return m_writer.submit<int>([=](Connection &conn) -> Result<int> {
        if (count < 1)
            return Error::invalid(Texts::tr("Undo needs a count of 1 or more"));
        ReviewEventRepository history(conn);
        auto events = history.latest(jobId, count);
        if (!events)
            return events.error();
        if (events->isEmpty())
            return Error::notFound(Texts::tr("Job %1 has no review decision to undo").arg(jobId));
        JobProductRepository products(conn);
        DecisionRepository decisions(conn);
        for (const ReviewEvent &e : std::as_const(events.value())) {
            auto product = products.find(jobId, e.productId);
            if (!product)
                return product.error();
            if (e.attribute.isEmpty()) {
                // The product must still be where the decision put it. A push that was
                // reverted put the store back as it was: that counts as where the
                // decision left it (undo of a pushed product reverts it first).
                auto override = products.destinationsOverride(jobId, e.productId);
                if (!override)
                    return override.error();
                ProductProgress asLeft = product->progress;
                if (asLeft.sync == SyncState::Reverted)
                    asLeft.sync = SyncState::Queued;
                if (reviewStateObject(asLeft, override.value()) != e.after)
                    return Error::notAllowed(
                        Texts::tr("Product %1 has moved on since that decision (it is %2 now); "
                                  "nothing was undone")
                            .arg(e.productId, syncText(product->progress.sync).toLower()));
                ProductProgress restored = product->progress;
                restored.review = reviewFromKey(e.before.value(QStringLiteral("review")).toString())
                                      .value_or(ReviewState::Pending);
                restored.sync = syncFromKey(e.before.value(QStringLiteral("sync")).toString())
                                    .value_or(SyncState::None);
                if (auto set = products.setProgress(jobId, e.productId, restored, product->error);
                    !set)
                    return set.error();
                if (auto set = products.setDestinationsOverride(
                        jobId, e.productId,
                        e.before.value(QStringLiteral("destinations")).toString());
                    !set)
                    return set.error();
            } else {
                if (auto allowed = mayChangeReview(product.value()); !allowed)
                    return allowed.error();
                Status restored;
                if (e.before.isEmpty()) {
                    restored = decisions.remove(jobId, e.productId, e.attribute);
                } else {
                    AttributeDecision d;
                    d.attribute = e.attribute;
                    d.verdict = verdictFromKey(e.before.value(QStringLiteral("verdict")).toString())
                                    .value_or(AttributeDecision::Verdict::Pending);
                    d.value = e.before.value(QStringLiteral("value")).toString();
                    d.decidedAt =
                        fromDbTime(e.before.value(QStringLiteral("decidedAt")).toString());
                    restored = decisions.set(jobId, e.productId, d, reviewer);
                }
                if (!restored)
                    return restored.error();
            }
            if (auto mark = history.markUndone(e.id, QDateTime::currentDateTimeUtc()); !mark)
                return mark.error();
        }
        return int(events->size());
    });
}

QFuture<Status> ReviewService::flag(qint64 jobId, const QString &productId, bool flagged) {
    return m_writer.submit<void>([jobId, productId, flagged](Connection &conn) -> Status {
        return JobProductRepository(conn).setFlagged(jobId, productId, flagged);
    });
}

} // namespace tagdesk

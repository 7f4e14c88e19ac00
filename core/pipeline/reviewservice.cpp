#include "pipeline/reviewservice.h"

#include "storage/jobproductrepository.h"
#include "storage/jobrepository.h"
#include "storage/suggestionrepository.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(ReviewService)
};

QString stateJson(const ProductProgress &p) {
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("stage"), stageKey(p.stage)},
                                  {QStringLiteral("review"), reviewKey(p.review)},
                                  {QStringLiteral("sync"), syncKey(p.sync)}})
            .toJson(QJsonDocument::Compact));
}

// Sets one product's review state and records what it was, in the caller's transaction.
Status decide(Connection &conn, qint64 jobId, const JobProduct &product,
              const ProductProgress &after, const QString &reviewer) {
    if (auto set =
            JobProductRepository(conn).setProgress(jobId, product.productId, after, product.error);
        !set)
        return set;
    auto event = runSql(
        conn.db(),
        QStringLiteral("INSERT INTO review_events (job_id, product_id, before_state, after_state, "
                       "decided_by, at) VALUES (?, ?, ?, ?, ?, ?)"),
        {jobId, product.productId, stateJson(product.progress), stateJson(after), reviewer,
         toDbTime(QDateTime::currentDateTimeUtc())},
        Texts::tr("recording a review decision"));
    return event ? Status{} : Status{event.error()};
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
            return Error::notAllowed(
                Texts::tr("Product %1 has not been analysed (%2) and cannot be reviewed")
                    .arg(id, stageText(p->progress.stage)));
        out.append(p.value());
    }
    return out;
}
} // namespace

QFuture<Result<int>> ReviewService::approve(qint64 jobId, const ApprovalSelection &selection,
                                            std::optional<Destinations> destinations,
                                            const QString &reviewer) {
    return m_writer.submit<int>([jobId, selection, destinations,
                                 reviewer](Connection &conn) -> Result<int> {
        if (auto job = JobRepository(conn).find(jobId); !job)
            return job.error();
        QList<JobProduct> chosen;
        if (selection.kind == ApprovalSelection::Kind::Products) {
            auto named = analysedProducts(conn, jobId, selection.productIds);
            if (!named)
                return named.error();
            // Approving again what is approved already changes nothing (and never
            // queues a synced product a second time).
            for (const JobProduct &p : named.value()) {
                if (p.progress.review != ReviewState::Approved)
                    chosen.append(p);
            }
        } else {
            auto all = JobProductRepository(conn).list(jobId);
            if (!all)
                return all.error();
            auto suggestions = SuggestionRepository(conn).forJob(jobId);
            if (!suggestions)
                return suggestions.error();
            for (const JobProduct &p : all.value()) {
                if (p.progress.stage != PipelineStage::Analysed ||
                    p.progress.review != ReviewState::Pending)
                    continue;
                if (selection.kind == ApprovalSelection::Kind::MinConfidence) {
                    const QList<Suggestion> list = suggestions->value(p.productId);
                    const bool sure =
                        !list.isEmpty() &&
                        std::all_of(list.begin(), list.end(), [&](const Suggestion &s) {
                            return s.confidence >= selection.minConfidence;
                        });
                    if (!sure)
                        continue;
                }
                chosen.append(p);
            }
        }
        for (const JobProduct &p : chosen) {
            if (auto d =
                    decide(conn, jobId, p,
                           {p.progress.stage, ReviewState::Approved, SyncState::Queued}, reviewer);
                !d)
                return d.error();
            if (destinations) {
                auto set = runSql(conn.db(),
                                  QStringLiteral("UPDATE job_products SET destinations = ? WHERE "
                                                 "job_id = ? AND product_id = ?"),
                                  {destinationsToKeys(*destinations), jobId, p.productId},
                                  Texts::tr("saving where product %1 is saved").arg(p.productId));
                if (!set)
                    return set.error();
            }
        }
        return int(chosen.size());
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
                    decide(conn, jobId, p,
                           {p.progress.stage, ReviewState::Rejected, SyncState::None}, reviewer);
                !d)
                return d.error();
        }
        return int(named->size());
    });
}

} // namespace tagdesk

#pragma once

#include "domain/job.h"
#include "pipeline/productchange.h"
#include "storage/connection.h"

#include <QHash>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace tagdesk {

// What a job's review settled, read once for all its products (not a query per product).
struct ReviewInputs {
    QHash<QString, QList<Suggestion>> suggestions;      // by product id
    QHash<QString, QList<AttributeDecision>> decisions; // by product id
    QHash<QString, QString> destinationOverrides;       // by product id, where set
    QHash<QString, QJsonObject> plansInFlight;          // by product id, where set

    static Result<ReviewInputs> load(Connection &conn, qint64 jobId);
    // The same for one product only (the review panel reads one product at a time).
    static Result<ReviewInputs> loadProduct(Connection &conn, qint64 jobId,
                                            const QString &productId);
};

// Reads what previews, pushes and reverts are made of, in the caller's connection.
namespace productchanges {

// One product's change: where it is saved, what was approved, and the plan computed from
// its snapshot. Refused for a product that was never fetched.
Result<ProductChange> planFor(const Job &job, const ReviewInputs &inputs,
                              const JobProduct &product);

// The before → after of the given products (all analysed, not rejected ones if none
// are given), whether or not they are approved yet.
Result<QList<ProductChange>> preview(Connection &conn, const Job &job,
                                     const QStringList &productIds = {});
// Products waiting to be pushed (queued, or caught mid-push), the given ones or all.
Result<QList<ProductChange>> toPush(Connection &conn, const Job &job,
                                    const QStringList &productIds = {});
// Pushed products whose last push can be reverted, the given ones or all.
Result<QList<ProductChange>> toRevert(Connection &conn, const Job &job,
                                      const QStringList &productIds = {});

} // namespace productchanges
} // namespace tagdesk

#include "pipeline/storecheck.h"

#include "storage/databasewriter.h"
#include "storage/jobproductrepository.h"
#include "storage/jobrepository.h"

#include <QCoreApplication>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(StoreCheck)
};

// Where the job's values go: its own places and those its products were given at approval.
Result<Destinations> destinationsInUse(Connection &conn, const Job &job) {
    auto overrides = JobProductRepository(conn).destinationsOverrides(job.id);
    if (!overrides)
        return overrides.error();
    Destinations all = job.destinations;
    for (const QString &keys : overrides.value()) {
        if (auto parsed = destinationsFromKeys(keys))
            all |= parsed.value();
    }
    return all;
}

Result<StoreClearance> check(Connection &conn, qint64 jobId, StoreAccess access,
                             const ShopConnection &shop) {
    JobRepository jobs(conn);
    auto job = jobs.find(jobId);
    if (!job)
        return job.error();
    const ShopIdentity store = shop.identity();
    if (const Status same = job->checkStore(store); !same)
        return same.error();
    auto destinations = destinationsInUse(conn, job.value());
    if (!destinations)
        return destinations.error();

    const auto missing = missingScopes(requiredScopes(destinations.value(), access), shop.scopes);
    if (!missing.isEmpty())
        return scopeMissingError(store.domain, missing.first());
    StoreClearance clearance;
    if (access == StoreAccess::Read) {
        // A run only reads, so a token that cannot write what the job will sync does not
        // stop it: the analysis is worth having (reviewed, exported as CSV, or synced later
        // once the scope is given, or from a machine whose token has it). But the user
        // hears it now, before an hour of tagging, not when the sync is refused.
        const auto unwritable =
            missingScopes(requiredScopes(destinations.value(), StoreAccess::Write), shop.scopes);
        if (!unwritable.isEmpty())
            clearance.warning =
                Texts::tr("%1 The analysis runs, but syncing this job will be refused until then.")
                    .arg(scopeMissingError(store.domain, unwritable.first()).message);
    }
    if (!job->shop.isKnown()) {
        if (const Status bound = jobs.bindStore(jobId, store); !bound)
            return bound.error();
    }
    return clearance;
}
} // namespace

QFuture<Result<StoreClearance>> checkJobStore(DatabaseWriter &writer, qint64 jobId,
                                              StoreAccess access, const ShopConnection &shop) {
    return writer.submit<StoreClearance>(
        [jobId, access, shop](Connection &conn) { return check(conn, jobId, access, shop); });
}

} // namespace tagdesk

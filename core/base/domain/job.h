#pragma once

#include "domain/destination.h"
#include "domain/selection.h"
#include "domain/shopidentity.h"
#include "domain/tagger.h"
#include "domain/writesettings.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace tagdesk {

// One run of AI analysis over a set of products. Its status is not stored here: it is
// derived from its products' states by deriveJobStatus().
struct Job {
    qint64 id = 0;
    QString name;
    ProductSelection selection;
    TaggerKind tagger = TaggerKind::Local;
    int imagesPerProduct = 1;
    QStringList attributes; // empty = every attribute the tagger reports
    Destinations destinations = defaultDestinations();
    WriteSettings writing; // templates and rules for writing approved values
    bool archived = false;
    // The runner should be working on this job (set when a run starts, cleared when it
    // finishes or is cancelled). A job killed mid-run keeps it and is resumed.
    bool runRequested = false;
    // How far listing the selection got: the cursor after the last stored page, and
    // whether the whole selection is stored.
    QString listingCursor;
    bool listingDone = false;
    // Why the job could not run at all (bad credentials, quota gone…); empty if none.
    QString fatalError;
    // The store the job belongs to, as Shopify named it when the job first talked to it
    // (its first run; for a job from before Tagdesk kept this, its next run, sync or
    // revert). Unknown until then.
    ShopIdentity shop;
    QDateTime createdAt;
    QDateTime updatedAt;

    // The one check before a run, sync or revert talks to `store`: refused, naming both
    // stores, when the job belongs to another one. A job with no store yet may go on (and
    // is bound to `store`).
    Status checkStore(const ShopIdentity &store) const;

    static constexpr int maxImagesPerProduct = 10;
    static constexpr int maxNameLength = 200;
};

// What a user gives to create a job; validated before anything is stored.
struct NewJob {
    QString name;
    ProductSelection selection;
    TaggerKind tagger = TaggerKind::Local;
    int imagesPerProduct = 1;
    QStringList attributes;
    Destinations destinations = defaultDestinations();
    WriteSettings writing;

    Result<Job> validated() const;
};

} // namespace tagdesk

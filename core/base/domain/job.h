#pragma once

#include "domain/destination.h"
#include "domain/selection.h"
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
    QDateTime createdAt;
    QDateTime updatedAt;

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

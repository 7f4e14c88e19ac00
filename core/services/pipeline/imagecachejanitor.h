#pragma once

#include "cache/imagecache.h"
#include "storage/databasewriter.h"

#include <QFuture>

namespace tagdesk {

// Keeps the image cache under its size cap: forgets the images no active job needs
// (archived jobs' first, least recently used first) in the database, then deletes their
// files. Images an active job needs are never removed, so review keeps working offline
// even above the cap. Gives how many images were removed.
QFuture<Result<int>> enforceImageCacheCap(DatabaseWriter &writer, const ImageCache &cache,
                                          qint64 capBytes);

} // namespace tagdesk

#include "pipeline/imagecachejanitor.h"

#include "storage/imagerepository.h"

namespace tagdesk {

QFuture<Result<int>> enforceImageCacheCap(DatabaseWriter &writer, const ImageCache &cache,
                                          qint64 capBytes) {
    const ImageCache files = cache;
    return writer
        .submit<QList<QString>>([capBytes](Connection &conn) -> Result<QList<QString>> {
            ImageRepository images(conn);
            auto use = images.cacheUse();
            if (!use)
                return use.error();
            const QList<QString> plan = ImageCache::evictionPlan(use.value(), capBytes);
            if (auto forgotten = images.forgetImages(plan); !forgotten)
                return forgotten.error();
            return plan;
        })
        .then([files](const Result<QList<QString>> &plan) -> Result<int> {
            if (!plan)
                return plan.error();
            // Only after the index no longer names them: a crash here leaves files that
            // nothing points at, never an index pointing at nothing.
            for (const QString &sha : plan.value()) {
                if (auto removed = files.remove(sha); !removed)
                    return removed.error();
            }
            return int(plan->size());
        });
}

} // namespace tagdesk

#include "pipeline/imagefiles.h"

#include "cache/imagecache.h"

namespace tagdesk {

QString cachedImagePath(const QString &cacheFolder, const QString &sha256) {
    return ImageCache(cacheFolder).pathFor(sha256);
}

} // namespace tagdesk

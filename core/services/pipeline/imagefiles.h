#pragma once

#include <QString>

namespace tagdesk {

// Where the local image cache under `cacheFolder` keeps the image with this SHA-256, so
// screens can show it offline (the file may be gone if the cache was trimmed).
QString cachedImagePath(const QString &cacheFolder, const QString &sha256);

} // namespace tagdesk

#pragma once

#include <QString>

namespace tagdesk {

// Names shared by every Tagdesk executable: they decide where QStandardPaths puts the
// database, the image cache and the settings.
void applyApplicationIdentity();
QString applicationVersion();

} // namespace tagdesk

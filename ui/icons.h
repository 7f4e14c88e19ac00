#pragma once

#include <QIcon>
#include <QString>

namespace tagdesk::ui {

// One of Tagdesk's own SVG icons (resources/icons/NAME.svg): sharp at any scale.
inline QIcon appIcon(const char *name) {
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}

} // namespace tagdesk::ui

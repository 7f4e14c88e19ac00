#include "util/appinfo.h"

#include <QCoreApplication>

namespace tagdesk {

void applyApplicationIdentity() {
    QCoreApplication::setOrganizationName(QStringLiteral("Tagdesk"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("tagdesk.app"));
    QCoreApplication::setApplicationName(QStringLiteral("Tagdesk"));
    QCoreApplication::setApplicationVersion(applicationVersion());
}

QString applicationVersion() {
    return QStringLiteral(TAGDESK_VERSION);
}

} // namespace tagdesk

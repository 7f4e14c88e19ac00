#include "gids.h"

using namespace Qt::StringLiterals;

namespace tagdesk::sandbox {

QString shopifyGid(const QString &type, qint64 number) {
    return u"gid://shopify/"_s + type + u'/' + QString::number(number);
}

std::optional<qint64> gidNumber(const QString &idOrGid) {
    const QString tail = idOrGid.section(u'/', -1).section(u'?', 0, 0);
    bool ok = false;
    const qint64 number = tail.toLongLong(&ok);
    if (!ok || number <= 0)
        return std::nullopt;
    return number;
}

QString handleFromTitle(const QString &title) {
    QString handle;
    handle.reserve(title.size());
    bool pendingDash = false;
    for (const QChar c : title.toLower()) {
        if (c.isLetterOrNumber()) {
            if (pendingDash && !handle.isEmpty())
                handle += u'-';
            handle += c;
            pendingDash = false;
        } else {
            pendingDash = true;
        }
    }
    return handle;
}

} // namespace tagdesk::sandbox

#pragma once

#include <QString>

namespace tagdesk::sandbox {

// Shopify global ids: gid://shopify/<Type>/<number>.
inline QString gidFor(QStringView type, qint64 number) {
    return QStringLiteral("gid://shopify/") + type + u'/' + QString::number(number);
}

// The number at the end of a gid (its legacyResourceId), or -1 if it has none.
inline qint64 legacyId(const QString &gid) {
    const qsizetype slash = gid.lastIndexOf(u'/');
    bool ok = false;
    const qint64 n = gid.mid(slash + 1).toLongLong(&ok);
    return ok ? n : -1;
}

// The <Type> part of a gid, empty when `gid` is not one.
inline QString gidKind(const QString &gid) {
    static const QString prefix = QStringLiteral("gid://shopify/");
    if (!gid.startsWith(prefix))
        return {};
    const qsizetype slash = gid.indexOf(u'/', prefix.size());
    return slash < 0 ? QString() : gid.mid(prefix.size(), slash - prefix.size());
}

} // namespace tagdesk::sandbox

#include "catalogloader.h"

#include <QFile>
#include <QtDebug>

using namespace Qt::StringLiterals;

namespace tagdesk::sandbox {
namespace {

Catalog readDemoCatalog() {
    // Written by scripts/generate-demo-catalog.py and embedded at build time; it is read
    // through the same loader as a user's file, so the two cannot drift apart.
    const QString path = u":/demo/catalog.json"_s;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qCritical("The demo catalog is missing from the build (%s)", qUtf8Printable(path));
        return {};
    }
    Result<Catalog> catalog = parseCatalog(file.readAll(), path);
    if (!catalog) {
        qCritical("%s", qUtf8Printable(catalog.error().message));
        return {};
    }
    return std::move(catalog).value();
}

} // namespace

Catalog demoCatalog() {
    static const Catalog catalog = readDemoCatalog();
    return catalog;
}

} // namespace tagdesk::sandbox

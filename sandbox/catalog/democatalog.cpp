#include "catalogloader.h"

#include "shopify/storejson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
    // The store's existing metaobject entries (shopify--color-pattern Blue and Black, …), in
    // the state file's form.
    QFile metaobjects(u":/demo/metaobjects.json"_s);
    if (metaobjects.open(QIODevice::ReadOnly))
        for (const QJsonValue &m : QJsonDocument::fromJson(metaobjects.readAll())
                                       .object()
                                       .value(u"metaobjects"_s)
                                       .toArray())
            catalog->metaobjects.append(metaobjectFromJson(m.toObject()));
    else
        qCritical("The demo metaobjects are missing from the build (:/demo/metaobjects.json)");
    return std::move(catalog).value();
}

} // namespace

Catalog demoCatalog() {
    static const Catalog catalog = readDemoCatalog();
    return catalog;
}

} // namespace tagdesk::sandbox

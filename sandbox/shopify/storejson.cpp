#include "shopify/storejson.h"

#include "shopify/store.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tagdesk::sandbox {

namespace {

QString iso(const QDateTime &t) {
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

// Metafield times keep their milliseconds: compareDigest depends on them, and a digest a
// client holds must survive a restart of the sandbox.
QString isoMs(const QDateTime &t) {
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime fromIso(const QJsonValue &v) {
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(v.toString(), Qt::ISODate);
    return t.toUTC();
}

} // namespace

QJsonObject productToJson(const StoreProduct &p, const QString &imageBaseUrl) {
    QJsonArray media;
    for (const StoreImage &m : p.media) {
        QJsonObject o{{QStringLiteral("id"), m.mediaId},   {QStringLiteral("imageId"), m.imageId},
                      {QStringLiteral("photo"), m.photo},  {QStringLiteral("alt"), m.alt},
                      {QStringLiteral("width"), m.width},  {QStringLiteral("height"), m.height},
                      {QStringLiteral("label"), m.label},  {QStringLiteral("colour"), m.colour},
                      {QStringLiteral("status"), m.status}};
        if (!imageBaseUrl.isEmpty())
            o.insert(QStringLiteral("url"), QString(imageBaseUrl + m.photo));
        media.append(o);
    }
    QJsonArray metafields;
    for (const StoreMetafield &mf : p.metafields)
        metafields.append(QJsonObject{{QStringLiteral("id"), mf.id},
                                      {QStringLiteral("namespace"), mf.ns},
                                      {QStringLiteral("key"), mf.key},
                                      {QStringLiteral("type"), mf.type},
                                      {QStringLiteral("value"), mf.value},
                                      {QStringLiteral("compareDigest"), compareDigest(mf)},
                                      {QStringLiteral("createdAt"), isoMs(mf.createdAt)},
                                      {QStringLiteral("updatedAt"), isoMs(mf.updatedAt)}});
    return QJsonObject{
        {QStringLiteral("id"), p.id},
        {QStringLiteral("handle"), p.handle},
        {QStringLiteral("title"), p.title},
        {QStringLiteral("vendor"), p.vendor},
        {QStringLiteral("productType"), p.productType},
        {QStringLiteral("status"), p.status},
        {QStringLiteral("descriptionHtml"), p.descriptionHtml},
        {QStringLiteral("tags"), QJsonArray::fromStringList(p.tags)},
        {QStringLiteral("collectionIds"), QJsonArray::fromStringList(p.collectionIds)},
        {QStringLiteral("totalInventory"), p.totalInventory},
        {QStringLiteral("media"), media},
        {QStringLiteral("metafields"), metafields},
        {QStringLiteral("createdAt"), iso(p.createdAt)},
        {QStringLiteral("updatedAt"), iso(p.updatedAt)},
        {QStringLiteral("category"), p.category.isEmpty() ? QJsonValue() : QJsonValue(p.category)}};
}

QJsonObject metaobjectToJson(const StoreMetaobject &m) {
    QJsonArray fields;
    for (const StoreMetaobjectField &f : m.fields)
        fields.append(
            QJsonObject{{QStringLiteral("key"), f.key}, {QStringLiteral("value"), f.value}});
    return QJsonObject{{QStringLiteral("id"), m.id},
                       {QStringLiteral("type"), m.type},
                       {QStringLiteral("handle"), m.handle},
                       {QStringLiteral("fields"), fields},
                       {QStringLiteral("createdAt"), isoMs(m.createdAt)},
                       {QStringLiteral("updatedAt"), isoMs(m.updatedAt)}};
}

StoreMetaobject metaobjectFromJson(const QJsonObject &o) {
    StoreMetaobject m;
    m.id = o.value(QStringLiteral("id")).toString();
    m.type = o.value(QStringLiteral("type")).toString();
    m.handle = o.value(QStringLiteral("handle")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("fields")).toArray())
        m.fields.append({v.toObject().value(QStringLiteral("key")).toString(),
                         v.toObject().value(QStringLiteral("value")).toString()});
    m.createdAt = fromIso(o.value(QStringLiteral("createdAt")));
    m.updatedAt = fromIso(o.value(QStringLiteral("updatedAt")));
    if (!m.updatedAt.isValid())
        m.updatedAt = m.createdAt;
    return m;
}

StoreProduct productFromJson(const QJsonObject &o) {
    StoreProduct p;
    p.id = o.value(QStringLiteral("id")).toString();
    p.handle = o.value(QStringLiteral("handle")).toString();
    p.title = o.value(QStringLiteral("title")).toString();
    p.vendor = o.value(QStringLiteral("vendor")).toString();
    p.productType = o.value(QStringLiteral("productType")).toString();
    p.status = o.value(QStringLiteral("status")).toString(QStringLiteral("ACTIVE"));
    p.descriptionHtml = o.value(QStringLiteral("descriptionHtml")).toString();
    p.totalInventory = o.value(QStringLiteral("totalInventory")).toInt();
    for (const QJsonValue &t : o.value(QStringLiteral("tags")).toArray())
        p.tags.append(t.toString());
    for (const QJsonValue &c : o.value(QStringLiteral("collectionIds")).toArray())
        p.collectionIds.append(c.toString());
    for (const QJsonValue &v : o.value(QStringLiteral("media")).toArray()) {
        const QJsonObject m = v.toObject();
        StoreImage img;
        img.mediaId = m.value(QStringLiteral("id")).toString();
        img.imageId = m.value(QStringLiteral("imageId")).toString();
        img.photo = m.value(QStringLiteral("photo")).toString();
        img.alt = m.value(QStringLiteral("alt")).toString();
        img.width = m.value(QStringLiteral("width")).toInt();
        img.height = m.value(QStringLiteral("height")).toInt();
        img.label = m.value(QStringLiteral("label")).toString();
        img.colour = m.value(QStringLiteral("colour")).toString();
        img.status = m.value(QStringLiteral("status")).toString(QStringLiteral("READY"));
        p.media.append(img);
    }
    for (const QJsonValue &v : o.value(QStringLiteral("metafields")).toArray()) {
        const QJsonObject m = v.toObject();
        StoreMetafield mf;
        mf.id = m.value(QStringLiteral("id")).toString();
        mf.ns = m.value(QStringLiteral("namespace")).toString();
        mf.key = m.value(QStringLiteral("key")).toString();
        mf.type = m.value(QStringLiteral("type")).toString();
        mf.value = m.value(QStringLiteral("value")).toString();
        mf.createdAt = fromIso(m.value(QStringLiteral("createdAt")));
        mf.updatedAt = fromIso(m.value(QStringLiteral("updatedAt")));
        p.metafields.append(mf);
    }
    p.createdAt = fromIso(o.value(QStringLiteral("createdAt")));
    p.updatedAt = fromIso(o.value(QStringLiteral("updatedAt")));
    p.category = o.value(QStringLiteral("category")).toString();
    return p;
}

QByteArray storeStateToJson(const ShopifyStore &store) {
    QJsonArray products;
    for (qsizetype i = 0; i < store.productCount(); ++i)
        products.append(productToJson(store.productAt(i)));
    QJsonArray collections;
    for (const StoreCollection &c : store.collections())
        collections.append(QJsonObject{{QStringLiteral("id"), c.id},
                                       {QStringLiteral("handle"), c.handle},
                                       {QStringLiteral("title"), c.title}});
    QJsonArray metaobjects;
    for (const StoreMetaobject &m : store.metaobjects().entries())
        metaobjects.append(metaobjectToJson(m));
    const QJsonObject root{
        {QStringLiteral("format"), QStringLiteral("tagdesk-sandbox-state")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("nextMetafieldNumber"), double(store.nextMetafieldNumber())},
        {QStringLiteral("nextMetaobjectNumber"), double(store.metaobjects().nextNumber())},
        {QStringLiteral("collections"), collections},
        {QStringLiteral("metaobjects"), metaobjects},
        {QStringLiteral("products"), products}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

Result<StoreState> storeStateFromJson(const QByteArray &json, const QString &nameForErrors) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull())
        return Error::invalid(QStringLiteral("%1 is not valid JSON: %2 at byte %3")
                                  .arg(nameForErrors, parseError.errorString())
                                  .arg(parseError.offset));
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String("tagdesk-sandbox-state"))
        return Error::invalid(QStringLiteral("%1 is not a sandbox state file (no \"format\": "
                                             "\"tagdesk-sandbox-state\")")
                                  .arg(nameForErrors));
    if (root.value(QStringLiteral("version")).toInt() != 1)
        return Error::invalid(QStringLiteral("%1 has state format version %2; this sandbox "
                                             "reads version 1")
                                  .arg(nameForErrors)
                                  .arg(root.value(QStringLiteral("version")).toInt()));
    StoreState state;
    state.nextMetafieldNumber =
        qint64(root.value(QStringLiteral("nextMetafieldNumber")).toDouble(1));
    for (const QJsonValue &c : root.value(QStringLiteral("collections")).toArray()) {
        const QJsonObject o = c.toObject();
        state.catalog.collections.append({o.value(QStringLiteral("id")).toString(),
                                          o.value(QStringLiteral("handle")).toString(),
                                          o.value(QStringLiteral("title")).toString()});
    }
    for (const QJsonValue &p : root.value(QStringLiteral("products")).toArray())
        state.catalog.products.append(productFromJson(p.toObject()));
    for (const QJsonValue &m : root.value(QStringLiteral("metaobjects")).toArray())
        state.catalog.metaobjects.append(metaobjectFromJson(m.toObject()));
    state.nextMetaobjectNumber =
        qint64(root.value(QStringLiteral("nextMetaobjectNumber")).toDouble(1));
    return state;
}

} // namespace tagdesk::sandbox

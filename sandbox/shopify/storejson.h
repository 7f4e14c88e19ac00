#pragma once

#include "catalog/storeproduct.h"
#include "util/result.h"

#include <QJsonObject>

namespace tagdesk::sandbox {

class ShopifyStore;

// Store products as JSON: the state file's format and what GET /_sandbox/products lists.
QJsonObject productToJson(const StoreProduct &product, const QString &imageBaseUrl = {});
StoreProduct productFromJson(const QJsonObject &json);
QJsonObject metaobjectToJson(const StoreMetaobject &metaobject);
StoreMetaobject metaobjectFromJson(const QJsonObject &json);

// The whole store state (products, collections, id counters) for --state FILE.
QByteArray storeStateToJson(const ShopifyStore &store);
struct StoreState {
    Catalog catalog;
    qint64 nextMetafieldNumber = 1;
    qint64 nextMetaobjectNumber = 1;
};
Result<StoreState> storeStateFromJson(const QByteArray &json, const QString &nameForErrors);

} // namespace tagdesk::sandbox

#pragma once

#include "domain/product.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace tagdesk {

// The writable part of a product, addressed by field key, so that a plan, the conflict
// check, the read-back, the push log and a revert all speak of the same things:
//   "tags"                      the tag list (a sorted array: order is not meaningful)
//   "productType", "descriptionHtml"
//   "category"                  the taxonomy category's id, null when there is none
//   "metafield:ns.key"          the metafield's value, null when it does not exist
//   "alt:gid://shopify/MediaImage/N"   an image's alt text, null when the image is gone
//   "categorymetafield:color"   the category metafield of a taxonomy attribute (here
//                               shopify.color-pattern) as the sorted taxonomy value ids its
//                               metaobjects stand for (a set: order is not meaningful);
//                               null when it does not exist. Taxonomy values are the same in
//                               every store, so the preview needs no store; a referenced
//                               metaobject Tagdesk could not read stays as its own id.
namespace productfields {

inline const QString tags = QStringLiteral("tags");
inline const QString productType = QStringLiteral("productType");
inline const QString description = QStringLiteral("descriptionHtml");
inline const QString category = QStringLiteral("category");
QString metafield(const QString &ns, const QString &key);
QString alt(const QString &mediaId);
QString categoryMetafield(const QString &attributeHandle);

// For "metafield:ns.key": ns and key; for "alt:ID": the media id. Empty when the key is
// of another kind.
std::pair<QString, QString> metafieldOf(const QString &fieldKey);
QString mediaOf(const QString &fieldKey);
// For "categorymetafield:color": "color"; empty for a key of another kind.
QString categoryMetafieldOf(const QString &fieldKey);
// The taxonomy value ids `metaobjectIds` (a category metafield's value: a JSON list of
// metaobject ids) stand for in `product`, sorted and without repeats.
QJsonArray categoryValueIds(const ProductSnapshot &product, const QString &metaobjectIds);

QJsonValue read(const ProductSnapshot &product, const QString &fieldKey);
QJsonObject read(const ProductSnapshot &product, const QStringList &fieldKeys);
QJsonArray sortedTags(const QStringList &tags);

// Equal as Shopify would see them: tags compare as sets, descriptions by their HTML tokens.
bool same(const QString &fieldKey, const QJsonValue &a, const QJsonValue &b);
// The keys of `expected` whose value `product` does not have.
QStringList differing(const QJsonObject &expected, const ProductSnapshot &product);

// The tags a change from `before` to `after` adds or removes: what a push writes, by
// tagsAdd and tagsRemove. Tags compare case-insensitively, as Tagdesk adds them.
QStringList changedTags(const QJsonValue &before, const QJsonValue &after);

// The keys of a change from `from` to `expected` on which `product` does not hold
// `expected`, looking only at what the change writes: for tags, whether each tag it adds
// or removes is present as in `expected` (tags someone else added or removed meanwhile
// do not matter, since tags are written by difference); other fields whole. The conflict
// check asks it with (before, after) and the read-back with (after, before).
QStringList differingWritten(const QJsonObject &expected, const QJsonObject &from,
                             const ProductSnapshot &product);

// The alt text fields among `fields` whose image Shopify has not finished processing:
// fileUpdate takes only READY files
// (shopify.dev/docs/api/admin-graphql/latest/mutations/fileUpdate), so they wait.
QStringList altsNotReady(const QJsonObject &fields, const ProductSnapshot &product);

// "Tags", "Metafield tagdesk.colour", "Alt text of image 2"… for messages and history.
QString describe(const QString &fieldKey, const ProductSnapshot *product = nullptr);

} // namespace productfields
} // namespace tagdesk

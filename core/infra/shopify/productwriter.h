#pragma once

#include "shopify/shopifyclient.h"
#include "sync/changeplan.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace tagdesk {

// One GraphQL mutation of a product write, and the payload field its answer sits under.
struct ShopifyMutation {
    QString document; // a file in resources/graphql, without .graphql
    QString payload;  // e.g. "tagsAdd"
    QJsonObject variables;
};

// Turns a product's writes into idempotent Admin API mutations (tagsAdd/tagsRemove,
// metafieldsSet with compareDigest, ≤25 a call; metafieldsDelete; productUpdate;
// fileUpdate), and sends them one after the other. Every mutation sets values or adds and
// removes tags by name, so sending them again after a timeout changes nothing.
namespace productwriter {

// `categoryReferences`: for each category metafield to set (by its key, "color-pattern"),
// the store's metaobject ids of its taxonomy values (MetaobjectResolver). When the category
// changes, the category metafields its old category had and the new lacks are deleted
// first, and productUpdate comes before metafieldsSet: Shopify takes a category metafield
// only on a product whose category has that attribute
// (https://help.shopify.com/en/manual/custom-data/metafields/category-metafields).
QList<ShopifyMutation> mutationsFor(const QString &productId, const ProductWrites &writes,
                                    const QHash<QString, QStringList> &categoryReferences = {});

// Gives each mutation's payload, in order. The first refusal stops the rest: its
// userErrors become the message. A compare-and-set refusal (STALE_OBJECT or
// INVALID_COMPARE_DIGEST: the metafield changed since it was read) is
// Error::Code::NotAllowed, so sync can call it a conflict.
// The refusal in a mutation's payload (its userErrors), or nothing. Either code of a
// compare-and-set refusal gives Error::Code::NotAllowed.
std::optional<Error> refusal(const QString &payloadName, const QJsonObject &payload);

QFuture<Result<QJsonArray>> apply(ShopifyClient *client, const QList<ShopifyMutation> &mutations);

} // namespace productwriter
} // namespace tagdesk

#pragma once

#include "domain/product.h"
#include "util/result.h"

#include <QFuture>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace tagdesk {

class ShopifyClient;

// Finds this store's metaobject for each taxonomy value a category metafield is to list
// (shopify.color-pattern takes entries of type shopify--color-pattern, not taxonomy values:
// https://help.shopify.com/en/manual/custom-data/metafields/category-metafields), and creates
// it when the store has none. One resolver lives as long as a sync: each type's entries are
// read once, and an entry it creates is reused by every later product of the sync.
class MetaobjectResolver {
public:
    explicit MetaobjectResolver(ShopifyClient *client);

    // The metaobject ids for `valueIds` (taxonomy values of `attributeHandle`), in order. An
    // item that already is a metaobject id is kept. `preferred`: entries a snapshot of the
    // product referenced; one that stands for exactly the value is taken first, so a revert
    // puts back the very entries the product had.
    QFuture<Result<QStringList>> resolve(const QString &attributeHandle,
                                         const QStringList &valueIds,
                                         const QList<CategoryMetaobject> &preferred);

    // The entries this resolver created.
    const QSet<QString> &created() const { return m_created; }

    // What a new entry of `valueId` holds: its label (the value's name) and its taxonomy
    // reference(s); a colour's entry also needs a base pattern, which is Solid (the
    // product's pattern has its own metafield, shopify.pattern). Empty for an unknown value.
    static QJsonObject createInput(const QString &attributeHandle, const QString &valueId);

private:
    struct Resolving;
    void step(std::shared_ptr<Resolving> r);
    void loadPage(std::shared_ptr<Resolving> r, const QString &after);
    void create(std::shared_ptr<Resolving> r, const QString &valueId);
    void fail(std::shared_ptr<Resolving> r, const Error &error);

    ShopifyClient *m_client;
    QHash<QString, QHash<QString, QString>> m_byValue; // type → taxonomy value id → entry id
    QSet<QString> m_loaded;                            // types whose entries were all read
    QSet<QString> m_created;
};

} // namespace tagdesk

#include "shopify/productwriter.h"

#include "domain/taxonomyvocabulary.h"
#include "util/futures.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QPromise>

#include <memory>

namespace tagdesk::productwriter {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(ProductWriter)
};

constexpr int metafieldsPerCall = 25; // Shopify's limit for metafieldsSet
constexpr int filesPerCall = 25;

QJsonArray stringArray(const QStringList &list) {
    return QJsonArray::fromStringList(list);
}

} // namespace

std::optional<Error> refusal(const QString &payloadName, const QJsonObject &payload) {
    const QJsonArray errors = payload.value(QLatin1String("userErrors")).toArray();
    if (errors.isEmpty())
        return std::nullopt;
    QStringList messages;
    bool stale = false;
    for (const QJsonValue &e : errors) {
        const QJsonObject o = e.toObject();
        QStringList field;
        for (const QJsonValue &f : o.value(QLatin1String("field")).toArray())
            field << f.toString();
        const QString message = o.value(QLatin1String("message")).toString();
        messages << (field.isEmpty()
                         ? message
                         : QStringLiteral("%1: %2").arg(field.join(QLatin1Char('.')), message));
        // A compare-and-set refused because the metafield changed: Shopify answers either
        // code (shopify.dev/changelog/compare-and-swap-cas-for-the-metafields-api).
        const QString code = o.value(QLatin1String("code")).toString();
        stale = stale || code == QLatin1String("STALE_OBJECT") ||
                code == QLatin1String("INVALID_COMPARE_DIGEST");
    }
    const QString text =
        Texts::tr("Shopify refused %1: %2").arg(payloadName, messages.join(QStringLiteral("; ")));
    return stale ? Error::notAllowed(text) : Error::refused(text);
}

namespace {

struct Sending {
    ShopifyClient *client;
    QList<ShopifyMutation> mutations;
    QJsonArray answers;
    QPromise<Result<QJsonArray>> promise;
};

void sendNext(std::shared_ptr<Sending> s) {
    const qsizetype index = s->answers.size();
    if (index == s->mutations.size()) {
        s->promise.addResult(Result<QJsonArray>(s->answers));
        s->promise.finish();
        return;
    }
    const ShopifyMutation &m = s->mutations.at(index);
    s->client->execute(m.document, m.variables)
        .then(s->client, [s, m](const Result<QJsonObject> &data) {
            if (!data) {
                s->promise.addResult(Result<QJsonArray>(data.error()));
                s->promise.finish();
                return;
            }
            const QJsonObject payload = data->value(m.payload).toObject();
            if (const auto refused = refusal(m.payload, payload)) {
                s->promise.addResult(Result<QJsonArray>(*refused));
                s->promise.finish();
                return;
            }
            s->answers.append(QJsonObject{{m.payload, payload}});
            sendNext(s);
        });
}
} // namespace

namespace {
ShopifyMutation metafieldsDelete(const QString &productId,
                                 const QList<std::pair<QString, QString>> &metafields) {
    QJsonArray ids;
    for (const auto &[ns, key] : metafields)
        ids.append(QJsonObject{{QStringLiteral("ownerId"), productId},
                               {QStringLiteral("namespace"), ns},
                               {QStringLiteral("key"), key}});
    return {QStringLiteral("MetafieldsDelete"),
            QStringLiteral("metafieldsDelete"),
            {{QStringLiteral("metafields"), ids}}};
}

ShopifyMutation productUpdate(const QString &productId, const ProductWrites &w) {
    QJsonObject product{{QStringLiteral("id"), productId}};
    if (w.category)
        product.insert(QStringLiteral("category"), *w.category);
    if (w.productType)
        product.insert(QStringLiteral("productType"), *w.productType);
    if (w.descriptionHtml)
        product.insert(QStringLiteral("descriptionHtml"), *w.descriptionHtml);
    return {QStringLiteral("ProductUpdate"),
            QStringLiteral("productUpdate"),
            {{QStringLiteral("product"), product}}};
}
} // namespace

QList<ShopifyMutation> mutationsFor(const QString &productId, const ProductWrites &w,
                                    const QHash<QString, QStringList> &categoryReferences) {
    QList<ShopifyMutation> out;
    QList<std::pair<QString, QString>> deletes = w.metafieldsToDelete;
    if (w.category) {
        // A category metafield the old category had goes before the category changes, the
        // new category's are set after it.
        QList<std::pair<QString, QString>> categoryDeletes;
        deletes.removeIf([&](const std::pair<QString, QString> &m) {
            if (m.first != vocabulary::categoryMetafieldNamespace)
                return false;
            categoryDeletes.append(m);
            return true;
        });
        if (!categoryDeletes.isEmpty())
            out.append(metafieldsDelete(productId, categoryDeletes));
        out.append(productUpdate(productId, w));
    }
    QList<ProductWrites::MetafieldWrite> sets = w.metafieldsToSet;
    for (const auto &c : w.categoryMetafieldsToSet)
        sets.append({vocabulary::categoryMetafieldNamespace, c.key,
                     QStringLiteral("list.metaobject_reference"),
                     QString::fromUtf8(
                         QJsonDocument(QJsonArray::fromStringList(categoryReferences.value(c.key)))
                             .toJson(QJsonDocument::Compact)),
                     c.compareDigest});
    if (!w.tagsToAdd.isEmpty())
        out.append({QStringLiteral("TagsAdd"),
                    QStringLiteral("tagsAdd"),
                    {{QStringLiteral("id"), productId},
                     {QStringLiteral("tags"), stringArray(w.tagsToAdd)}}});
    if (!w.tagsToRemove.isEmpty())
        out.append({QStringLiteral("TagsRemove"),
                    QStringLiteral("tagsRemove"),
                    {{QStringLiteral("id"), productId},
                     {QStringLiteral("tags"), stringArray(w.tagsToRemove)}}});
    for (qsizetype i = 0; i < sets.size(); i += metafieldsPerCall) {
        QJsonArray inputs;
        for (const auto &m : sets.mid(i, metafieldsPerCall)) {
            QJsonObject in{{QStringLiteral("ownerId"), productId},
                           {QStringLiteral("namespace"), m.ns},
                           {QStringLiteral("key"), m.key},
                           {QStringLiteral("type"), m.type},
                           {QStringLiteral("value"), m.value}};
            // null: "must not exist yet" — a real compare-and-set for a new metafield too.
            in.insert(QStringLiteral("compareDigest"),
                      m.compareDigest ? QJsonValue(*m.compareDigest) : QJsonValue());
            inputs.append(in);
        }
        out.append({QStringLiteral("MetafieldsSet"),
                    QStringLiteral("metafieldsSet"),
                    {{QStringLiteral("metafields"), inputs}}});
    }
    if (!deletes.isEmpty())
        out.append(metafieldsDelete(productId, deletes));
    if (!w.category && (w.productType || w.descriptionHtml))
        out.append(productUpdate(productId, w));
    for (qsizetype i = 0; i < w.altTexts.size(); i += filesPerCall) {
        QJsonArray files;
        for (const auto &[media, alt] : w.altTexts.mid(i, filesPerCall))
            files.append(QJsonObject{{QStringLiteral("id"), media}, {QStringLiteral("alt"), alt}});
        out.append({QStringLiteral("FileUpdate"),
                    QStringLiteral("fileUpdate"),
                    {{QStringLiteral("files"), files}}});
    }
    return out;
}

QFuture<Result<QJsonArray>> apply(ShopifyClient *client, const QList<ShopifyMutation> &mutations) {
    auto s = std::make_shared<Sending>();
    s->client = client;
    s->mutations = mutations;
    s->promise.start();
    QFuture<Result<QJsonArray>> future = s->promise.future();
    sendNext(s);
    return future;
}

} // namespace tagdesk::productwriter

#include "server/adminendpoints.h"

#include "server/requestlog.h"
#include "shopify/costbucket.h"
#include "shopify/sandboxtaxonomy.h"
#include "shopify/store.h"
#include "shopify/storejson.h"

#include <cstring>
#include <QJsonArray>
#include <QJsonDocument>

namespace tagdesk::sandbox {

namespace {

SandboxResponse jsonError(int status, const QString &message) {
    return SandboxResponse::json(QJsonDocument(QJsonObject{{QStringLiteral("error"), message}})
                                     .toJson(QJsonDocument::Compact),
                                 status);
}

} // namespace

bool isMetafieldEdit(const QString &field) {
    return field.startsWith(QLatin1String("metafield:"));
}

Status editProductAsMerchant(ShopifyStore &store, const QString &productGid,
                             const QJsonObject &fields) {
    static const QStringList editable{
        QStringLiteral("title"),           QStringLiteral("tags"),    QStringLiteral("productType"),
        QStringLiteral("descriptionHtml"), QStringLiteral("vendor"),  QStringLiteral("status"),
        QStringLiteral("totalInventory"),  QStringLiteral("category")};
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (it.key() == QLatin1String("category")) {
            // A TaxonomyCategory id, or "" / null to remove the category.
            if (!it.value().isNull() && !it.value().isString())
                return Error::invalid(QStringLiteral("'category' must be a category id or null"));
            const QString id = it.value().toString();
            if (!id.isEmpty() && !SandboxTaxonomy::instance().category(id))
                return Error::invalid(
                    QStringLiteral("No taxonomy category %1 in the sandbox").arg(id));
            continue;
        }
        if (isMetafieldEdit(it.key())) {
            if (!it.value().isString() || it.key().count(u'.') < 1)
                return Error::invalid(
                    QStringLiteral("'%1' must be metafield:NAMESPACE.KEY with a string value")
                        .arg(it.key()));
            continue;
        }
        if (!editable.contains(it.key()))
            return Error::invalid(QStringLiteral("Cannot edit '%1'; editable fields: %2")
                                      .arg(it.key(), editable.join(QStringLiteral(", "))));
        const bool tags = it.key() == QLatin1String("tags");
        const bool number = it.key() == QLatin1String("totalInventory");
        if (tags ? !it.value().isArray() : number ? !it.value().isDouble() : !it.value().isString())
            return Error::invalid(QStringLiteral("'%1' must be %2")
                                      .arg(it.key(), tags ? QStringLiteral("an array of strings")
                                                     : number ? QStringLiteral("a number")
                                                              : QStringLiteral("a string")));
    }
    const qsizetype index = store.indexOf(productGid);
    if (index < 0)
        return Error::notFound(
            QStringLiteral("No product %1 in the sandbox store").arg(productGid));
    StoreProduct &p = store.mutableProductAt(index);
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QString &k = it.key();
        if (k == QLatin1String("title"))
            p.title = it.value().toString();
        else if (k == QLatin1String("productType"))
            p.productType = it.value().toString();
        else if (k == QLatin1String("descriptionHtml"))
            p.descriptionHtml = editorForm(it.value().toString());
        else if (k == QLatin1String("vendor"))
            p.vendor = it.value().toString();
        else if (k == QLatin1String("category")) {
            const ServedCategory *c = SandboxTaxonomy::instance().category(it.value().toString());
            p.category = c ? c->id : QString();
        } else if (isMetafieldEdit(k)) {
            const QString path = k.mid(int(std::strlen("metafield:")));
            const qsizetype dot = path.indexOf(u'.');
            const QString ns = path.left(dot);
            const QString key = path.mid(dot + 1);
            const bool exists =
                std::any_of(p.metafields.begin(), p.metafields.end(),
                            [&](const StoreMetafield &m) { return m.ns == ns && m.key == key; });
            store.setMetafield(p, ns, key,
                               exists ? QString() : QStringLiteral("single_line_text_field"),
                               it.value().toString());
        } else if (k == QLatin1String("totalInventory"))
            p.totalInventory = it.value().toInt();
        else if (k == QLatin1String("status"))
            p.status = it.value().toString().toUpper();
        else if (k == QLatin1String("tags")) {
            p.tags.clear();
            for (const QJsonValue &t : it.value().toArray())
                p.tags.append(t.toString());
        }
    }
    store.touch(index); // saving in the admin always moves updatedAt
    return {};
}

SandboxResponse AdminEndpoints::handle(const SandboxRequest &request) {
    if (request.path == QLatin1String("/_sandbox/products"))
        return products(request);
    if (request.path == QLatin1String("/_sandbox/requests"))
        return requests(request);
    if (request.path == QLatin1String("/_sandbox/stats"))
        return stats(request);
    return jsonError(404, QStringLiteral("No sandbox endpoint %1").arg(request.path));
}

SandboxResponse AdminEndpoints::products(const SandboxRequest &request) {
    const QString id = request.query.queryItemValue(QStringLiteral("id"), QUrl::FullyDecoded);
    if (request.method == "GET") {
        QJsonArray list;
        if (!id.isEmpty()) {
            const StoreProduct *p = m_store.product(id);
            if (!p)
                return jsonError(404, QStringLiteral("No product %1 in the sandbox store").arg(id));
            list.append(productToJson(*p, m_imageBaseUrl));
        } else {
            for (qsizetype i = 0; i < m_store.productCount(); ++i)
                list.append(productToJson(m_store.productAt(i), m_imageBaseUrl));
        }
        return SandboxResponse::json(QJsonDocument(QJsonObject{{QStringLiteral("products"), list}})
                                         .toJson(QJsonDocument::Compact));
    }
    if (request.method == "PATCH") {
        if (id.isEmpty())
            return jsonError(400, QStringLiteral("PATCH /_sandbox/products needs ?id=GID"));
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
        if (!doc.isObject())
            return jsonError(400, QStringLiteral("The body must be a JSON object of fields (%1)")
                                      .arg(parseError.errorString()));
        const Status st = editProductAsMerchant(m_store, id, doc.object());
        if (!st)
            return jsonError(st.error().code == Error::Code::NotFound ? 404 : 400,
                             st.error().message);
        return SandboxResponse::json(
            QJsonDocument(productToJson(*m_store.product(id), m_imageBaseUrl))
                .toJson(QJsonDocument::Compact));
    }
    return jsonError(405, QStringLiteral("/_sandbox/products takes GET or PATCH"));
}

SandboxResponse AdminEndpoints::requests(const SandboxRequest &request) {
    if (request.method == "DELETE") {
        m_log.clear();
        return SandboxResponse::json("{\"requests\":[]}");
    }
    if (request.method != "GET")
        return jsonError(405, QStringLiteral("/_sandbox/requests takes GET or DELETE"));
    return SandboxResponse::json(
        QJsonDocument(QJsonObject{{QStringLiteral("requests"), m_log.toJson()}})
            .toJson(QJsonDocument::Compact));
}

SandboxResponse AdminEndpoints::stats(const SandboxRequest &request) {
    if (request.method != "GET")
        return jsonError(405, QStringLiteral("/_sandbox/stats takes GET"));
    QJsonObject requests;
    for (auto it = m_log.countsByService().cbegin(); it != m_log.countsByService().cend(); ++it)
        requests.insert(it.key(), double(it.value()));
    const QJsonObject cost{{QStringLiteral("spent"), m_bucket.spent()},
                           {QStringLiteral("currentlyAvailable"), m_bucket.available()},
                           {QStringLiteral("maximumAvailable"), m_bucket.size()},
                           {QStringLiteral("restoreRate"), m_bucket.restoreRate()}};
    return SandboxResponse::json(QJsonDocument(QJsonObject{{QStringLiteral("requests"), requests},
                                                           {QStringLiteral("cost"), cost}})
                                     .toJson(QJsonDocument::Compact));
}

} // namespace tagdesk::sandbox

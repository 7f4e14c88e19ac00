#include "shopify/metaobjectresolver.h"

#include "domain/standardtaxonomy.h"
#include "domain/taxonomyvocabulary.h"
#include "shopify/productjson.h"
#include "shopify/productwriter.h"
#include "shopify/shopifyclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPromise>

#include <memory>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(MetaobjectResolver)
};

const QLatin1String metaobjectPrefix("gid://shopify/Metaobject/");

const TaxonomyValue *taxonomyValue(const QString &attributeHandle, const QString &id) {
    const TaxonomyAttribute *a = StandardTaxonomy::instance().attribute(attributeHandle);
    if (!a)
        return nullptr;
    for (const TaxonomyValue &v : a->values) {
        if (v.id == id)
            return &v;
    }
    return nullptr;
}

QJsonObject field(const QString &key, const QString &value) {
    return {{QStringLiteral("key"), key}, {QStringLiteral("value"), value}};
}
} // namespace

struct MetaobjectResolver::Resolving {
    QString attribute;
    QString type;
    QStringList values;
    QList<CategoryMetaobject> preferred;
    QStringList out;
    QPromise<Result<QStringList>> promise;
};

MetaobjectResolver::MetaobjectResolver(ShopifyClient *client)
    : m_client(client) {
}

QJsonObject MetaobjectResolver::createInput(const QString &attributeHandle,
                                            const QString &valueId) {
    const TaxonomyValue *value = taxonomyValue(attributeHandle, valueId);
    if (!value)
        return {};
    QJsonArray fields{field(QStringLiteral("label"), value->name)};
    // The standard entries' fields: a colour entry holds its base colours and base pattern,
    // the others their one taxonomy value ("the color name, hex code, and taxonomy
    // references":
    // https://shopify.dev/docs/apps/build/product-merchandising/products-and-collections/metafield-linked).
    if (attributeHandle == QLatin1String("color")) {
        const TaxonomyValue *solid =
            StandardTaxonomy::instance().value(QStringLiteral("pattern"), QStringLiteral("Solid"));
        fields.append(field(
            QStringLiteral("color_taxonomy_reference"),
            QString::fromUtf8(QJsonDocument(QJsonArray{valueId}).toJson(QJsonDocument::Compact))));
        if (solid)
            fields.append(field(QStringLiteral("pattern_taxonomy_reference"), solid->id));
    } else {
        fields.append(field(QStringLiteral("taxonomy_reference"), valueId));
    }
    return {{QStringLiteral("type"), vocabulary::categoryMetaobjectType(attributeHandle)},
            {QStringLiteral("fields"), fields}};
}

QFuture<Result<QStringList>>
MetaobjectResolver::resolve(const QString &attributeHandle, const QStringList &valueIds,
                            const QList<CategoryMetaobject> &preferred) {
    auto r = std::make_shared<Resolving>();
    r->attribute = attributeHandle;
    r->type = vocabulary::categoryMetaobjectType(attributeHandle);
    r->values = valueIds;
    r->preferred = preferred;
    r->promise.start();
    QFuture<Result<QStringList>> future = r->promise.future();
    step(r);
    return future;
}

void MetaobjectResolver::fail(std::shared_ptr<Resolving> r, const Error &error) {
    r->promise.addResult(Result<QStringList>(error));
    r->promise.finish();
}

void MetaobjectResolver::step(std::shared_ptr<Resolving> r) {
    while (r->out.size() < r->values.size()) {
        const QString &value = r->values.at(r->out.size());
        if (value.startsWith(metaobjectPrefix)) {
            r->out << value; // an entry whose values Tagdesk could not read: as it was
            continue;
        }
        const auto preferred = std::find_if(
            r->preferred.begin(), r->preferred.end(), [&](const CategoryMetaobject &m) {
                return m.type == r->type && m.taxonomyValueIds == QStringList{value};
            });
        if (preferred != r->preferred.end()) {
            r->out << preferred->id;
            continue;
        }
        if (const QString known = m_byValue.value(r->type).value(value); !known.isEmpty()) {
            r->out << known;
            continue;
        }
        if (!m_loaded.contains(r->type))
            return loadPage(r, {});
        return create(r, value);
    }
    r->promise.addResult(Result<QStringList>(r->out));
    r->promise.finish();
}

void MetaobjectResolver::loadPage(std::shared_ptr<Resolving> r, const QString &after) {
    QJsonObject variables{{QStringLiteral("type"), r->type}};
    variables.insert(QStringLiteral("after"), after.isEmpty() ? QJsonValue() : QJsonValue(after));
    m_client->execute(QStringLiteral("CategoryMetaobjects"), variables)
        .then(m_client, [this, r](const Result<QJsonObject> &data) {
            if (!data)
                return fail(r, data.error());
            const QJsonObject page = data->value(QLatin1String("metaobjects")).toObject();
            QHash<QString, QString> &byValue = m_byValue[r->type];
            for (const QJsonValue &n : page.value(QLatin1String("nodes")).toArray()) {
                const QJsonObject node = n.toObject();
                const QStringList values = categoryMetaobjectFrom(node).taxonomyValueIds;
                // Only an entry of exactly one value stands for it: "Blue/White" is not Blue.
                if (values.size() != 1)
                    continue;
                const QString id = node.value(QLatin1String("id")).toString();
                // Several entries of one value (a merchant's "Navy" and "Blue"): the one
                // whose handle is the value's own ("blue") is the plain one.
                const TaxonomyValue *value = taxonomyValue(r->attribute, values.first());
                const bool plain = value && value->handle.section(QStringLiteral("__"), -1) ==
                                                node.value(QLatin1String("handle")).toString();
                if (!byValue.contains(values.first()) || plain)
                    byValue.insert(values.first(), id);
            }
            const QJsonObject info = page.value(QLatin1String("pageInfo")).toObject();
            if (info.value(QLatin1String("hasNextPage")).toBool())
                return loadPage(r, info.value(QLatin1String("endCursor")).toString());
            m_loaded.insert(r->type);
            step(r);
        });
}

void MetaobjectResolver::create(std::shared_ptr<Resolving> r, const QString &valueId) {
    const QJsonObject input = createInput(r->attribute, valueId);
    if (input.isEmpty())
        return fail(r, Error::invalid(Texts::tr("%1 is not a value of the taxonomy attribute %2")
                                          .arg(valueId, r->attribute)));
    m_client->execute(QStringLiteral("MetaobjectCreate"), {{QStringLiteral("metaobject"), input}})
        .then(m_client, [this, r, valueId](const Result<QJsonObject> &data) {
            if (!data)
                return fail(r, data.error());
            const QJsonObject payload = data->value(QLatin1String("metaobjectCreate")).toObject();
            if (const auto refused =
                    productwriter::refusal(QStringLiteral("metaobjectCreate"), payload))
                return fail(r, *refused);
            const QString id = payload.value(QLatin1String("metaobject"))
                                   .toObject()
                                   .value(QLatin1String("id"))
                                   .toString();
            if (id.isEmpty())
                return fail(r, Error::failed(
                                   Texts::tr("Shopify created no metaobject for %1").arg(valueId)));
            m_byValue[r->type].insert(valueId, id);
            m_created.insert(id);
            step(r);
        });
}

} // namespace tagdesk

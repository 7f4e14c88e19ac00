// The read side of the sandbox's Shopify schema: QueryRoot and the object types it reaches.
#include "shopify/bulkoperations.h"
#include "shopify/gid.h"
#include "shopify/paging.h"
#include "shopify/shopifyschema.h"
#include "shopify/store.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSize>

#include <optional>
#include <variant>

namespace tagdesk::sandbox {

using namespace graphql;

namespace {

const StoreProduct &productOf(const ResolveInfo &i) {
    return **std::any_cast<const StoreProduct *>(&i.source);
}
const MediaRef &mediaOf(const ResolveInfo &i) {
    return *std::any_cast<MediaRef>(&i.source);
}
const MetafieldRef &metafieldOf(const ResolveInfo &i) {
    return *std::any_cast<MetafieldRef>(&i.source);
}
const StoreCollection &collectionOf(const ResolveInfo &i) {
    return **std::any_cast<const StoreCollection *>(&i.source);
}

QString str(const ResolveInfo &i, const char *name) {
    return i.args.value(QString::fromLatin1(name)).toString();
}

Resolved countObject(qint64 count, bool atLeast) {
    Record r;
    r.insert(QStringLiteral("count"), Resolved::value(double(count)));
    r.insert(QStringLiteral("precision"),
             Resolved::value(atLeast ? QStringLiteral("AT_LEAST") : QStringLiteral("EXACT")));
    return Resolved::objectOf(QStringLiteral("Count"), r);
}

Resolved fieldError(const QString &message, const QString &code = QStringLiteral("BAD_REQUEST")) {
    GraphQLError e;
    e.message = message;
    e.extensions = {{QStringLiteral("code"), code}};
    return Resolved::failure(e);
}

// Arguments Shopify has but the sandbox cannot honour: an error, never silently ignored.
std::optional<Resolved> refuseArguments(const ResolveInfo &i,
                                        std::initializer_list<const char *> names) {
    for (const char *n : names) {
        const QJsonValue v = i.args.value(QString::fromLatin1(n));
        if (!v.isUndefined() && !v.isNull() && !(v.isString() && v.toString().isEmpty()))
            return fieldError(QStringLiteral("The sandbox does not support the '%1' argument")
                                  .arg(QString::fromLatin1(n)));
    }
    return std::nullopt;
}

std::optional<ProductOrder> productOrder(const QString &sortKey) {
    static const QHash<QString, ProductOrder> orders{
        {QStringLiteral("ID"), ProductOrder::Id},
        {QStringLiteral("RELEVANCE"), ProductOrder::Id},
        {QStringLiteral("TITLE"), ProductOrder::Title},
        {QStringLiteral("UPDATED_AT"), ProductOrder::UpdatedAt},
        {QStringLiteral("CREATED_AT"), ProductOrder::CreatedAt},
        {QStringLiteral("PUBLISHED_AT"), ProductOrder::CreatedAt}, // published when created
        {QStringLiteral("PRODUCT_TYPE"), ProductOrder::ProductType},
        {QStringLiteral("VENDOR"), ProductOrder::Vendor}};
    auto it = orders.constFind(sortKey);
    if (it == orders.constEnd())
        return std::nullopt;
    return *it;
}

// Parses `query:`, noting unknown fields the way Shopify does in extensions.search.
std::variant<ProductSearch, Resolved> searchFor(ShopContext &ctx, const QString &fieldName,
                                                const QString &query) {
    auto parsed = ProductSearch::parse(query);
    if (auto *e = std::get_if<QString>(&parsed))
        return fieldError(*e);
    ProductSearch search = std::get<ProductSearch>(std::move(parsed));
    if (!search.unknownFields().isEmpty()) {
        QJsonArray warnings;
        for (const QString &f : search.unknownFields())
            warnings.append(QJsonObject{
                {QStringLiteral("field"), f},
                {QStringLiteral("message"), QStringLiteral("Invalid search field for this query.")},
                {QStringLiteral("code"), QStringLiteral("invalid_field")}});
        ctx.searchWarnings.append(QJsonObject{{QStringLiteral("path"), QJsonArray{fieldName}},
                                              {QStringLiteral("query"), query},
                                              {QStringLiteral("warnings"), warnings}});
    }
    return search;
}

QString stripHtml(const QString &html) {
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    QString text = html;
    text.replace(tags, QStringLiteral(" "));
    text.replace(QLatin1String("&amp;"), QLatin1String("&"))
        .replace(QLatin1String("&lt;"), QLatin1String("<"))
        .replace(QLatin1String("&gt;"), QLatin1String(">"))
        .replace(QLatin1String("&quot;"), QLatin1String("\""))
        .replace(QLatin1String("&#39;"), QLatin1String("'"))
        .replace(QLatin1String("&nbsp;"), QLatin1String(" "));
    return text.replace(spaces, QStringLiteral(" ")).trimmed();
}

const StoreMetafield *findMetafield(const StoreProduct &p, const QString &ns, const QString &key) {
    for (const StoreMetafield &m : p.metafields)
        if (m.ns == ns && m.key == key)
            return &m;
    return nullptr;
}

void addProduct(Schema &s, ShopContext &ctx) {
    const QString P = QStringLiteral("Product");
    s.object(P, {QStringLiteral("Node"), QStringLiteral("HasMetafields")});
    auto f = [&](const char *name, const char *type, Resolver r, const QList<ArgSpec> &args = {}) {
        s.field(P, QString::fromLatin1(name), QString::fromLatin1(type), std::move(r), args);
    };
    f("id", "ID!", [](const ResolveInfo &i) { return Resolved::value(productOf(i).id); });
    f("legacyResourceId", "UnsignedInt64!", [](const ResolveInfo &i) {
        return Resolved::value(QString::number(legacyId(productOf(i).id)));
    });
    f("handle", "String!",
      [](const ResolveInfo &i) { return Resolved::value(productOf(i).handle); });
    f("title", "String!", [](const ResolveInfo &i) { return Resolved::value(productOf(i).title); });
    f("vendor", "String!",
      [](const ResolveInfo &i) { return Resolved::value(productOf(i).vendor); });
    f("productType", "String!",
      [](const ResolveInfo &i) { return Resolved::value(productOf(i).productType); });
    f("status", "ProductStatus!",
      [](const ResolveInfo &i) { return Resolved::value(productOf(i).status); });
    f("tags", "[String!]!", [](const ResolveInfo &i) {
        return Resolved::value(QJsonArray::fromStringList(productOf(i).tags));
    });
    f("descriptionHtml", "HTML!",
      [](const ResolveInfo &i) { return Resolved::value(productOf(i).descriptionHtml); });
    f("description", "String!",
      [](const ResolveInfo &i) {
          QString text = stripHtml(productOf(i).descriptionHtml);
          const int limit = i.args.value(QStringLiteral("truncateAt")).toInt(-1);
          if (limit >= 0 && text.size() > limit)
              text = text.left(std::max(0, limit - 3)) + QStringLiteral("...");
          return Resolved::value(text);
      },
      {{QStringLiteral("truncateAt"), QStringLiteral("Int")}});
    f("totalInventory", "Int!",
      [](const ResolveInfo &i) { return Resolved::value(productOf(i).totalInventory); });
    f("createdAt", "DateTime!",
      [](const ResolveInfo &i) { return Resolved::value(isoTime(productOf(i).createdAt)); });
    f("updatedAt", "DateTime!",
      [](const ResolveInfo &i) { return Resolved::value(isoTime(productOf(i).updatedAt)); });
    f("publishedAt", "DateTime", [](const ResolveInfo &i) {
        const StoreProduct &p = productOf(i);
        return p.status == QLatin1String("ACTIVE") ? Resolved::value(isoTime(p.createdAt))
                                                   : Resolved::null();
    });
    f("onlineStoreUrl", "URL", [](const ResolveInfo &) { return Resolved::null(); });
    f("templateSuffix", "String", [](const ResolveInfo &) { return Resolved::null(); });
    f("isGiftCard", "Boolean!", [](const ResolveInfo &) { return Resolved::value(false); });
    f("hasOnlyDefaultVariant", "Boolean!",
      [](const ResolveInfo &) { return Resolved::value(true); });
    f("totalInventory", "Int!", [](const ResolveInfo &) { return Resolved::value(0); });
    f("category", "TaxonomyCategory",
      [](const ResolveInfo &i) { return categoryObject(productOf(i).category); });
    f("seo", "SEO!", [](const ResolveInfo &i) {
        return Resolved::objectOf(QStringLiteral("SEO"), &productOf(i));
    });
    f("featuredMedia", "Media", [](const ResolveInfo &i) {
        const StoreProduct &p = productOf(i);
        return p.media.isEmpty() ? Resolved::null() : mediaObject(p, p.media.first());
    });
    f("mediaCount", "Count",
      [](const ResolveInfo &i) { return countObject(productOf(i).media.size(), false); });
    f(
        "media", "MediaConnection!",
        [](const ResolveInfo &i) {
            if (auto refused = refuseArguments(i, {"query"}))
                return *refused;
            auto req = PageRequest::fromArgs(i.args, i.unboundedConnections);
            if (auto *e = std::get_if<GraphQLError>(&req))
                return Resolved::failure(*e);
            const StoreProduct &p = productOf(i);
            QList<ObjectRef> items;
            QList<qint64> ids;
            for (const StoreImage &m : p.media) {
                items.append({QStringLiteral("MediaImage"), MediaRef{&p, &m}});
                ids.append(legacyId(m.mediaId));
            }
            return Resolved::connection(pageList(items, ids, std::get<PageRequest>(req)));
        },
        Schema::connectionArgs({{QStringLiteral("query"), QStringLiteral("String")},
                                {QStringLiteral("sortKey"), QStringLiteral("ProductMediaSortKeys"),
                                 QStringLiteral("POSITION")}}));
    f("metafield", "Metafield",
      [](const ResolveInfo &i) {
          const StoreProduct &p = productOf(i);
          const QString ns =
              i.args.value(QStringLiteral("namespace")).toString(QStringLiteral("app--sandbox"));
          const StoreMetafield *m = findMetafield(p, ns, str(i, "key"));
          return m ? Resolved::objectOf(QStringLiteral("Metafield"), MetafieldRef{&p, m})
                   : Resolved::null();
      },
      {{QStringLiteral("key"), QStringLiteral("String!")},
       {QStringLiteral("namespace"), QStringLiteral("String")}});
    f(
        "metafields", "MetafieldConnection!",
        [](const ResolveInfo &i) {
            auto req = PageRequest::fromArgs(i.args, i.unboundedConnections);
            if (auto *e = std::get_if<GraphQLError>(&req))
                return Resolved::failure(*e);
            const StoreProduct &p = productOf(i);
            const QString ns = str(i, "namespace");
            QStringList keys;
            for (const QJsonValue &k : i.args.value(QStringLiteral("keys")).toArray())
                keys.append(k.toString());
            QList<ObjectRef> items;
            QList<qint64> ids;
            for (const StoreMetafield &m : p.metafields) {
                if (!ns.isEmpty() && m.ns != ns)
                    continue;
                if (!keys.isEmpty() && !keys.contains(m.ns + u'.' + m.key))
                    continue;
                items.append({QStringLiteral("Metafield"), MetafieldRef{&p, &m}});
                ids.append(legacyId(m.id));
            }
            return Resolved::connection(pageList(items, ids, std::get<PageRequest>(req)));
        },
        Schema::connectionArgs({{QStringLiteral("namespace"), QStringLiteral("String")},
                                {QStringLiteral("keys"), QStringLiteral("[String!]")}}));
    f(
        "collections", "CollectionConnection!",
        [&ctx](const ResolveInfo &i) {
            auto req = PageRequest::fromArgs(i.args, i.unboundedConnections);
            if (auto *e = std::get_if<GraphQLError>(&req))
                return Resolved::failure(*e);
            QList<ObjectRef> items;
            QList<qint64> ids;
            for (const QString &id : productOf(i).collectionIds)
                if (const StoreCollection *c = ctx.store.collection(id)) {
                    items.append({QStringLiteral("Collection"), c});
                    ids.append(legacyId(c->id));
                }
            return Resolved::connection(pageList(items, ids, std::get<PageRequest>(req)));
        },
        Schema::connectionArgs({{QStringLiteral("query"), QStringLiteral("String")},
                                {QStringLiteral("sortKey"), QStringLiteral("CollectionSortKeys"),
                                 QStringLiteral("ID")}}));
    // Every sandbox product has Shopify's single default variant and "Title" option.
    f("options", "[ProductOption!]!",
      [](const ResolveInfo &i) {
          Record value;
          value.insert(QStringLiteral("name"), Resolved::value(QStringLiteral("Default Title")));
          value.insert(QStringLiteral("hasVariants"), Resolved::value(true));
          Record option;
          option.insert(QStringLiteral("id"),
                        Resolved::value(gidFor(u"ProductOption", legacyId(productOf(i).id))));
          option.insert(QStringLiteral("name"), Resolved::value(QStringLiteral("Title")));
          option.insert(QStringLiteral("position"), Resolved::value(1));
          option.insert(QStringLiteral("values"),
                        Resolved::value(QJsonArray{QStringLiteral("Default Title")}));
          option.insert(
              QStringLiteral("optionValues"),
              Resolved::listOf({Resolved::objectOf(QStringLiteral("ProductOptionValue"), value)}));
          if (i.args.value(QStringLiteral("first")).toInt(1) < 1)
              return Resolved::listOf({});
          return Resolved::listOf({Resolved::objectOf(QStringLiteral("ProductOption"), option)});
      },
      {{QStringLiteral("first"), QStringLiteral("Int")}});
    f(
        "variants", "ProductVariantConnection!",
        [](const ResolveInfo &i) {
            auto req = PageRequest::fromArgs(i.args, i.unboundedConnections);
            if (auto *e = std::get_if<GraphQLError>(&req))
                return Resolved::failure(*e);
            const qint64 id = legacyId(productOf(i).id);
            return Resolved::connection(
                pageList({ObjectRef{QStringLiteral("ProductVariant"), &productOf(i)}}, {id},
                         std::get<PageRequest>(req)));
        },
        Schema::connectionArgs(
            {{QStringLiteral("sortKey"), QStringLiteral("ProductVariantSortKeys"),
              QStringLiteral("POSITION")}}));
    f("variantsCount", "Count", [](const ResolveInfo &) { return countObject(1, false); });

    s.object(QStringLiteral("ProductVariant"), {QStringLiteral("Node")});
    auto v = [&](const char *name, const char *type, Resolver r) {
        s.field(QStringLiteral("ProductVariant"), QString::fromLatin1(name),
                QString::fromLatin1(type), std::move(r));
    };
    v("id", "ID!", [](const ResolveInfo &i) {
        return Resolved::value(gidFor(u"ProductVariant", legacyId(productOf(i).id)));
    });
    v("title", "String!",
      [](const ResolveInfo &) { return Resolved::value(QStringLiteral("Default Title")); });
    v("displayName", "String!", [](const ResolveInfo &i) {
        return Resolved::value(QString(productOf(i).title + QStringLiteral(" - Default Title")));
    });
    v("sku", "String", [](const ResolveInfo &) { return Resolved::value(QString()); });
    v("position", "Int!", [](const ResolveInfo &) { return Resolved::value(1); });
    v("product", "Product!", [](const ResolveInfo &i) { return productObject(productOf(i)); });
    v("selectedOptions", "[SelectedOption!]!", [](const ResolveInfo &) {
        Record o;
        o.insert(QStringLiteral("name"), Resolved::value(QStringLiteral("Title")));
        o.insert(QStringLiteral("value"), Resolved::value(QStringLiteral("Default Title")));
        return Resolved::listOf({Resolved::objectOf(QStringLiteral("SelectedOption"), o)});
    });
    s.record(QStringLiteral("SelectedOption"));
    s.field(QStringLiteral("SelectedOption"), QStringLiteral("name"), QStringLiteral("String!"));
    s.field(QStringLiteral("SelectedOption"), QStringLiteral("value"), QStringLiteral("String!"));
    s.record(QStringLiteral("ProductOption"), {QStringLiteral("Node")});
    for (const auto &[n, t] : {std::pair{"id", "ID!"},
                               {"name", "String!"},
                               {"position", "Int!"},
                               {"values", "[String!]!"},
                               {"optionValues", "[ProductOptionValue!]!"}})
        s.field(QStringLiteral("ProductOption"), QString::fromLatin1(n), QString::fromLatin1(t));
    s.record(QStringLiteral("ProductOptionValue"));
    s.field(QStringLiteral("ProductOptionValue"), QStringLiteral("name"),
            QStringLiteral("String!"));
    s.field(QStringLiteral("ProductOptionValue"), QStringLiteral("hasVariants"),
            QStringLiteral("Boolean!"));

    // SEO lives in the product's global.title_tag / global.description_tag metafields, as
    // in Shopify.
    s.object(QStringLiteral("SEO"));
    s.field(QStringLiteral("SEO"), QStringLiteral("title"), QStringLiteral("String"),
            [](const ResolveInfo &i) {
                const StoreMetafield *m = findMetafield(productOf(i), QStringLiteral("global"),
                                                        QStringLiteral("title_tag"));
                return m ? Resolved::value(m->value) : Resolved::null();
            });
    s.field(QStringLiteral("SEO"), QStringLiteral("description"), QStringLiteral("String"),
            [](const ResolveInfo &i) {
                const StoreMetafield *m = findMetafield(productOf(i), QStringLiteral("global"),
                                                        QStringLiteral("description_tag"));
                return m ? Resolved::value(m->value) : Resolved::null();
            });
}

// The box an ImageTransformInput asks for: maxWidth × maxHeight (0: that side unbounded),
// times scale. Out-of-range values are refused with the ranges Shopify's schema states
// (sides 1..5760, scale 1..3: shopify.dev/docs/api/admin-graphql/2026-01/input-objects/
// ImageTransformInput), and what the sandbox cannot do (crop, another content type) is
// refused rather than ignored.
std::variant<QSize, Resolved> imageTransformBox(const QJsonObject &transform) {
    for (const char *unsupported : {"crop", "preferredContentType"}) {
        const QJsonValue v = transform.value(QLatin1String(unsupported));
        if (!v.isUndefined() && !v.isNull())
            return fieldError(
                QStringLiteral("The sandbox does not support the '%1' image transform")
                    .arg(QLatin1String(unsupported)));
    }
    auto side = [&transform](const char *name) -> std::optional<int> {
        const QJsonValue v = transform.value(QLatin1String(name));
        if (v.isUndefined() || v.isNull())
            return 0;
        const int n = v.toInt();
        if (n < 1 || n > 5760)
            return std::nullopt;
        return n;
    };
    const std::optional<int> width = side("maxWidth");
    const std::optional<int> height = side("maxHeight");
    if (!width || !height)
        return fieldError(QStringLiteral("Image transform: maxWidth and maxHeight must be "
                                         "between 1 and 5760 pixels"));
    const QJsonValue scaleValue = transform.value(QLatin1String("scale"));
    const int scale = scaleValue.isUndefined() || scaleValue.isNull() ? 1 : scaleValue.toInt();
    if (scale < 1 || scale > 3)
        return fieldError(QStringLiteral("Image transform: scale must be within 1..3"));
    return QSize(*width * scale, *height * scale);
}

void addMedia(Schema &s, ShopContext &ctx) {
    s.interface(QStringLiteral("Node"));
    s.field(QStringLiteral("Node"), QStringLiteral("id"), QStringLiteral("ID!"));
    s.interface(QStringLiteral("HasMetafields"));
    s.interface(QStringLiteral("Media"));
    s.interface(QStringLiteral("File"));
    const QStringList mediaFields{QStringLiteral("alt"), QStringLiteral("id"),
                                  QStringLiteral("mediaContentType"), QStringLiteral("preview"),
                                  QStringLiteral("status")};
    const QString M = QStringLiteral("MediaImage");
    s.object(M, {QStringLiteral("File"), QStringLiteral("Media"), QStringLiteral("Node")});
    auto f = [&](const char *name, const char *type, Resolver r) {
        const QString n = QString::fromLatin1(name);
        const QString t = QString::fromLatin1(type);
        s.field(M, n, t, r);
        if (mediaFields.contains(n))
            s.field(QStringLiteral("Media"), n, t);
        if (n == QLatin1String("alt") || n == QLatin1String("id") ||
            n == QLatin1String("createdAt") || n == QLatin1String("updatedAt") ||
            n == QLatin1String("fileStatus") || n == QLatin1String("preview"))
            s.field(QStringLiteral("File"), n, t);
    };
    f("id", "ID!", [](const ResolveInfo &i) { return Resolved::value(mediaOf(i).image->mediaId); });
    f("alt", "String", [](const ResolveInfo &i) { return Resolved::value(mediaOf(i).image->alt); });
    f("mediaContentType", "MediaContentType!",
      [](const ResolveInfo &) { return Resolved::value(QStringLiteral("IMAGE")); });
    f("status", "MediaStatus!",
      [](const ResolveInfo &i) { return Resolved::value(mediaOf(i).image->status); });
    // FileStatus has the same four values (UPLOADED, PROCESSING, READY, FAILED).
    f("fileStatus", "FileStatus!",
      [](const ResolveInfo &i) { return Resolved::value(mediaOf(i).image->status); });
    f("mimeType", "String",
      [](const ResolveInfo &) { return Resolved::value(QStringLiteral("image/jpeg")); });
    f("createdAt", "DateTime!",
      [](const ResolveInfo &i) { return Resolved::value(isoTime(mediaOf(i).product->createdAt)); });
    f("updatedAt", "DateTime!",
      [](const ResolveInfo &i) { return Resolved::value(isoTime(mediaOf(i).product->updatedAt)); });
    f("image", "Image",
      [](const ResolveInfo &i) { return Resolved::objectOf(QStringLiteral("Image"), mediaOf(i)); });
    f("preview", "MediaPreviewImage", [](const ResolveInfo &i) {
        Record r;
        r.insert(QStringLiteral("image"), Resolved::objectOf(QStringLiteral("Image"), mediaOf(i)));
        r.insert(QStringLiteral("status"), Resolved::value(QStringLiteral("READY")));
        return Resolved::objectOf(QStringLiteral("MediaPreviewImage"), r);
    });
    s.record(QStringLiteral("MediaPreviewImage"));
    s.field(QStringLiteral("MediaPreviewImage"), QStringLiteral("image"), QStringLiteral("Image"));
    s.field(QStringLiteral("MediaPreviewImage"), QStringLiteral("status"),
            QStringLiteral("MediaPreviewImageStatus!"));

    const QString I = QStringLiteral("Image");
    s.object(I);
    s.field(I, QStringLiteral("id"), QStringLiteral("ID"),
            [](const ResolveInfo &i) { return Resolved::value(mediaOf(i).image->imageId); });
    s.field(I, QStringLiteral("url"), QStringLiteral("URL!"),
            [&ctx](const ResolveInfo &i) {
                const QJsonValue transform = i.args.value(QStringLiteral("transform"));
                if (!transform.isObject())
                    return Resolved::value(ctx.imageUrl(*mediaOf(i).image));
                auto box = imageTransformBox(transform.toObject());
                if (auto *e = std::get_if<Resolved>(&box))
                    return *e;
                return Resolved::value(ctx.imageUrl(*mediaOf(i).image, std::get<QSize>(box)));
            },
            {{QStringLiteral("transform"), QStringLiteral("ImageTransformInput")}});
    s.field(I, QStringLiteral("altText"), QStringLiteral("String"),
            [](const ResolveInfo &i) { return Resolved::value(mediaOf(i).image->alt); });
    s.field(I, QStringLiteral("width"), QStringLiteral("Int"), [&ctx](const ResolveInfo &i) {
        return Resolved::value(ctx.originalSizeOf(*mediaOf(i).image).width());
    });
    s.field(I, QStringLiteral("height"), QStringLiteral("Int"), [&ctx](const ResolveInfo &i) {
        return Resolved::value(ctx.originalSizeOf(*mediaOf(i).image).height());
    });

    const QString F = QStringLiteral("Metafield");
    s.object(F, {QStringLiteral("Node")});
    auto m = [&](const char *name, const char *type, Resolver r) {
        s.field(F, QString::fromLatin1(name), QString::fromLatin1(type), std::move(r));
    };
    m("id", "ID!",
      [](const ResolveInfo &i) { return Resolved::value(metafieldOf(i).metafield->id); });
    m("legacyResourceId", "UnsignedInt64!", [](const ResolveInfo &i) {
        return Resolved::value(QString::number(legacyId(metafieldOf(i).metafield->id)));
    });
    m("namespace", "String!",
      [](const ResolveInfo &i) { return Resolved::value(metafieldOf(i).metafield->ns); });
    m("key", "String!",
      [](const ResolveInfo &i) { return Resolved::value(metafieldOf(i).metafield->key); });
    m("type", "String!",
      [](const ResolveInfo &i) { return Resolved::value(metafieldOf(i).metafield->type); });
    m("value", "String!",
      [](const ResolveInfo &i) { return Resolved::value(metafieldOf(i).metafield->value); });
    m("jsonValue", "JSON!", [](const ResolveInfo &i) {
        const StoreMetafield &mf = *metafieldOf(i).metafield;
        const QJsonDocument doc =
            QJsonDocument::fromJson(QByteArray("[" + mf.value.toUtf8() + "]"));
        if (mf.type != QLatin1String("single_line_text_field") &&
            mf.type != QLatin1String("multi_line_text_field") && doc.isArray())
            return Resolved::value(doc.array().first());
        return Resolved::value(mf.value);
    });
    m("compareDigest", "String!", [](const ResolveInfo &i) {
        return Resolved::value(compareDigest(*metafieldOf(i).metafield));
    });
    m("createdAt", "DateTime!", [](const ResolveInfo &i) {
        return Resolved::value(isoTime(metafieldOf(i).metafield->createdAt));
    });
    m("updatedAt", "DateTime!", [](const ResolveInfo &i) {
        return Resolved::value(isoTime(metafieldOf(i).metafield->updatedAt));
    });
    m("ownerType", "MetafieldOwnerType!",
      [](const ResolveInfo &) { return Resolved::value(QStringLiteral("PRODUCT")); });

    const QString C = QStringLiteral("Collection");
    s.object(C, {QStringLiteral("Node")});
    s.field(C, QStringLiteral("id"), QStringLiteral("ID!"),
            [](const ResolveInfo &i) { return Resolved::value(collectionOf(i).id); });
    s.field(C, QStringLiteral("legacyResourceId"), QStringLiteral("UnsignedInt64!"),
            [](const ResolveInfo &i) {
                return Resolved::value(QString::number(legacyId(collectionOf(i).id)));
            });
    s.field(C, QStringLiteral("handle"), QStringLiteral("String!"),
            [](const ResolveInfo &i) { return Resolved::value(collectionOf(i).handle); });
    s.field(C, QStringLiteral("title"), QStringLiteral("String!"),
            [](const ResolveInfo &i) { return Resolved::value(collectionOf(i).title); });
    s.field(C, QStringLiteral("productsCount"), QStringLiteral("Count"),
            [&ctx](const ResolveInfo &i) {
                auto search = ProductSearch::parse(QStringLiteral("collection_id:") +
                                                   QString::number(legacyId(collectionOf(i).id)));
                qint64 n = 0;
                for (qsizetype k = 0; k < ctx.store.productCount(); ++k)
                    n += std::get<ProductSearch>(search).matches(ctx.store.productAt(k)) ? 1 : 0;
                return countObject(n, false);
            });
    s.field(
        C, QStringLiteral("products"), QStringLiteral("ProductConnection!"),
        [&ctx](const ResolveInfo &i) {
            auto req = PageRequest::fromArgs(i.args, i.unboundedConnections);
            if (auto *e = std::get_if<GraphQLError>(&req))
                return Resolved::failure(*e);
            auto search = ProductSearch::parse(QStringLiteral("collection_id:") +
                                               QString::number(legacyId(collectionOf(i).id)));
            auto page = pageProducts(ctx.store, ProductOrder::Id, std::get<ProductSearch>(search),
                                     std::get<PageRequest>(req));
            if (auto *e = std::get_if<GraphQLError>(&page))
                return Resolved::failure(*e);
            return Resolved::connection(std::get<ConnectionPage>(std::move(page)));
        },
        Schema::connectionArgs());
}

void addRecords(Schema &s) {
    s.record(QStringLiteral("Count"));
    s.field(QStringLiteral("Count"), QStringLiteral("count"), QStringLiteral("Int!"));
    s.field(QStringLiteral("Count"), QStringLiteral("precision"),
            QStringLiteral("CountPrecision!"));
    s.record(QStringLiteral("AccessScope"));
    s.field(QStringLiteral("AccessScope"), QStringLiteral("handle"), QStringLiteral("String!"));
    s.field(QStringLiteral("AccessScope"), QStringLiteral("description"),
            QStringLiteral("String!"));
    s.record(QStringLiteral("AppInstallation"), {QStringLiteral("Node")});
    s.field(QStringLiteral("AppInstallation"), QStringLiteral("id"), QStringLiteral("ID!"));
    s.field(QStringLiteral("AppInstallation"), QStringLiteral("accessScopes"),
            QStringLiteral("[AccessScope!]!"));
    s.record(QStringLiteral("Shop"), {QStringLiteral("Node")});
    for (const auto &[n, t] : {std::pair{"id", "ID!"},
                               {"name", "String!"},
                               {"myshopifyDomain", "String!"},
                               {"url", "URL!"},
                               {"currencyCode", "String!"}})
        s.field(QStringLiteral("Shop"), QString::fromLatin1(n), QString::fromLatin1(t));
    s.record(QStringLiteral("BulkOperation"), {QStringLiteral("Node")});
    for (const auto &[n, t] : {std::pair{"id", "ID!"},
                               {"status", "BulkOperationStatus!"},
                               {"errorCode", "BulkOperationErrorCode"},
                               {"createdAt", "DateTime!"},
                               {"completedAt", "DateTime"},
                               {"objectCount", "UnsignedInt64!"},
                               {"rootObjectCount", "UnsignedInt64!"},
                               {"fileSize", "UnsignedInt64"},
                               {"url", "URL"},
                               {"partialDataUrl", "URL"},
                               {"query", "String!"},
                               {"type", "BulkOperationType!"}})
        s.field(QStringLiteral("BulkOperation"), QString::fromLatin1(n), QString::fromLatin1(t));
}

std::optional<Resolved> nodeById(ShopContext &ctx, const QString &id) {
    const QString kind = gidKind(id);
    if (kind == QLatin1String("Product")) {
        if (const StoreProduct *p = ctx.store.product(id))
            return productObject(*p);
    } else if (kind == QLatin1String("MediaImage")) {
        if (auto loc = ctx.store.findMedia(id)) {
            const StoreProduct &p = ctx.store.productAt(loc->product);
            return mediaObject(p, p.media.at(loc->media));
        }
    } else if (kind == QLatin1String("Collection")) {
        if (const StoreCollection *c = ctx.store.collection(id))
            return Resolved::objectOf(QStringLiteral("Collection"), c);
    } else if (kind == QLatin1String("BulkOperation")) {
        Resolved r = bulkOperationObject(ctx, id);
        if (r.kind != Resolved::Kind::Null)
            return r;
    } else if (kind == QLatin1String("ProductVariant")) {
        if (const StoreProduct *p = ctx.store.product(gidFor(u"Product", legacyId(id))))
            return Resolved::objectOf(QStringLiteral("ProductVariant"), p);
    } else if (kind == QLatin1String("TaxonomyCategory")) {
        Resolved r = categoryObject(id);
        if (r.kind != Resolved::Kind::Null)
            return r;
    } else if (kind == QLatin1String("TaxonomyValue")) {
        Resolved r = taxonomyValueObject(id);
        if (r.kind != Resolved::Kind::Null)
            return r;
    } else if (kind == QLatin1String("Metaobject")) {
        if (!hasScope(ctx.grantedScopes, QStringLiteral("read_metaobjects")))
            return Resolved::failure(
                accessDenied(QStringLiteral("node"), QStringLiteral("read_metaobjects")));
        Resolved r = metaobjectObject(ctx, id);
        if (r.kind != Resolved::Kind::Null)
            return r;
    }
    return std::nullopt;
}

void addRoot(Schema &s, ShopContext &ctx) {
    const QString Q = s.queryType;
    s.object(Q);
    s.connection(QStringLiteral("Product"));
    s.connection(QStringLiteral("Media"));
    s.connection(QStringLiteral("Metafield"));
    s.connection(QStringLiteral("Collection"));
    s.connection(QStringLiteral("ProductVariant"));

    s.field(
        Q, QStringLiteral("products"), QStringLiteral("ProductConnection!"),
        [&ctx](const ResolveInfo &i) {
            if (auto refused = refuseArguments(i, {"savedSearchId"}))
                return *refused;
            auto req = PageRequest::fromArgs(i.args, i.unboundedConnections);
            if (auto *e = std::get_if<GraphQLError>(&req))
                return Resolved::failure(*e);
            const QString sortKey = i.args.value(QStringLiteral("sortKey")).toString();
            const auto order = productOrder(sortKey);
            if (!order)
                return fieldError(
                    QStringLiteral("The sandbox cannot sort products by %1").arg(sortKey));
            auto search = searchFor(ctx, QStringLiteral("products"), str(i, "query"));
            if (auto *r = std::get_if<Resolved>(&search))
                return *r;
            auto page = pageProducts(ctx.store, *order, std::get<ProductSearch>(search),
                                     std::get<PageRequest>(req));
            if (auto *e = std::get_if<GraphQLError>(&page))
                return Resolved::failure(*e);
            return Resolved::connection(std::get<ConnectionPage>(std::move(page)));
        },
        Schema::connectionArgs({{QStringLiteral("query"), QStringLiteral("String")},
                                {QStringLiteral("savedSearchId"), QStringLiteral("ID")},
                                {QStringLiteral("sortKey"), QStringLiteral("ProductSortKeys"),
                                 QStringLiteral("ID")}}));
    s.field(Q, QStringLiteral("product"), QStringLiteral("Product"),
            [&ctx](const ResolveInfo &i) {
                const StoreProduct *p = ctx.store.product(str(i, "id"));
                return p ? productObject(*p) : Resolved::null();
            },
            {{QStringLiteral("id"), QStringLiteral("ID!")}});
    s.field(Q, QStringLiteral("productsCount"), QStringLiteral("Count"),
            [&ctx](const ResolveInfo &i) {
                if (auto refused = refuseArguments(i, {"savedSearchId"}))
                    return *refused;
                auto search = searchFor(ctx, QStringLiteral("productsCount"), str(i, "query"));
                if (auto *r = std::get_if<Resolved>(&search))
                    return *r;
                const ProductSearch &q = std::get<ProductSearch>(search);
                // `limit` defaults to 10,000; null means no limit (as in Shopify).
                const QJsonValue limitArg = i.args.value(QStringLiteral("limit"));
                const qint64 limit = limitArg.isDouble() ? qint64(limitArg.toDouble()) : -1;
                qint64 n = 0;
                for (qsizetype k = 0; k < ctx.store.productCount(); ++k) {
                    if (!q.matches(ctx.store.productAt(k)))
                        continue;
                    if (limit >= 0 && n == limit)
                        return countObject(n, true);
                    ++n;
                }
                return countObject(n, false);
            },
            {{QStringLiteral("limit"), QStringLiteral("Int"), 10000},
             {QStringLiteral("query"), QStringLiteral("String")},
             {QStringLiteral("savedSearchId"), QStringLiteral("ID")}});
    s.field(
        Q, QStringLiteral("collections"), QStringLiteral("CollectionConnection!"),
        [&ctx](const ResolveInfo &i) {
            if (auto refused = refuseArguments(i, {"savedSearchId"}))
                return *refused;
            auto req = PageRequest::fromArgs(i.args, i.unboundedConnections);
            if (auto *e = std::get_if<GraphQLError>(&req))
                return Resolved::failure(*e);
            const QString q = str(i, "query").trimmed();
            const QString wanted = q.startsWith(QLatin1String("title:")) ? q.mid(6) : q;
            QList<ObjectRef> items;
            QList<qint64> ids;
            for (const StoreCollection &c : ctx.store.collections())
                if (wanted.isEmpty() || c.title.contains(wanted, Qt::CaseInsensitive) ||
                    c.handle.contains(wanted, Qt::CaseInsensitive)) {
                    items.append({QStringLiteral("Collection"), &c});
                    ids.append(legacyId(c.id));
                }
            return Resolved::connection(pageList(items, ids, std::get<PageRequest>(req)));
        },
        Schema::connectionArgs({{QStringLiteral("query"), QStringLiteral("String")},
                                {QStringLiteral("savedSearchId"), QStringLiteral("ID")},
                                {QStringLiteral("sortKey"), QStringLiteral("CollectionSortKeys"),
                                 QStringLiteral("ID")}}));
    s.field(Q, QStringLiteral("collection"), QStringLiteral("Collection"),
            [&ctx](const ResolveInfo &i) {
                const StoreCollection *c = ctx.store.collection(str(i, "id"));
                return c ? Resolved::objectOf(QStringLiteral("Collection"), c) : Resolved::null();
            },
            {{QStringLiteral("id"), QStringLiteral("ID!")}});
    s.field(Q, QStringLiteral("node"), QStringLiteral("Node"),
            [&ctx](const ResolveInfo &i) {
                return nodeById(ctx, str(i, "id")).value_or(Resolved::null());
            },
            {{QStringLiteral("id"), QStringLiteral("ID!")}});
    s.field(Q, QStringLiteral("nodes"), QStringLiteral("[Node]!"),
            [&ctx](const ResolveInfo &i) {
                QList<Resolved> items;
                for (const QJsonValue &id : i.args.value(QStringLiteral("ids")).toArray())
                    items.append(nodeById(ctx, id.toString()).value_or(Resolved::null()));
                return Resolved::listOf(items);
            },
            {{QStringLiteral("ids"), QStringLiteral("[ID!]!")}});
    s.field(Q, QStringLiteral("bulkOperation"), QStringLiteral("BulkOperation"),
            [&ctx](const ResolveInfo &i) { return bulkOperationObject(ctx, str(i, "id")); },
            {{QStringLiteral("id"), QStringLiteral("ID!")}});
    s.field(
        Q, QStringLiteral("currentBulkOperation"), QStringLiteral("BulkOperation"),
        [&ctx](const ResolveInfo &i) {
            const QString id = ctx.bulk ? ctx.bulk->currentId(str(i, "type")) : QString();
            return id.isEmpty() ? Resolved::null() : bulkOperationObject(ctx, id);
        },
        {{QStringLiteral("type"), QStringLiteral("BulkOperationType"), QStringLiteral("QUERY")}});
    s.field(Q, QStringLiteral("currentAppInstallation"), QStringLiteral("AppInstallation!"),
            [&ctx](const ResolveInfo &) {
                QList<Resolved> scopes;
                for (const QString &h : std::as_const(ctx.grantedScopes)) {
                    Record scope;
                    scope.insert(QStringLiteral("handle"), Resolved::value(h));
                    scope.insert(QStringLiteral("description"),
                                 Resolved::value(QStringLiteral("Access to %1").arg(h)));
                    scopes.append(Resolved::objectOf(QStringLiteral("AccessScope"), scope));
                }
                Record app;
                app.insert(QStringLiteral("id"),
                           Resolved::value(QStringLiteral("gid://shopify/AppInstallation/1")));
                app.insert(QStringLiteral("accessScopes"), Resolved::listOf(scopes));
                return Resolved::objectOf(QStringLiteral("AppInstallation"), app);
            });
    s.field(Q, QStringLiteral("shop"), QStringLiteral("Shop!"), [&ctx](const ResolveInfo &) {
        Record shop;
        shop.insert(QStringLiteral("id"), Resolved::value(ctx.shop.id));
        shop.insert(QStringLiteral("name"), Resolved::value(ctx.shop.name));
        shop.insert(QStringLiteral("myshopifyDomain"), Resolved::value(ctx.shop.domain));
        shop.insert(QStringLiteral("url"), Resolved::value(ctx.baseUrl));
        shop.insert(QStringLiteral("currencyCode"), Resolved::value(QStringLiteral("EUR")));
        return Resolved::objectOf(QStringLiteral("Shop"), shop);
    });
}

} // namespace

void addShopifyQueries(Schema &s, ShopContext &ctx) {
    addMedia(s, ctx);
    addProduct(s, ctx);
    addRecords(s);
    addRoot(s, ctx);
}

} // namespace tagdesk::sandbox

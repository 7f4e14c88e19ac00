#include "graphqlproductreader.h"

#include "jsonfields.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace tagdesk::sandbox {
namespace {

// An Image object: `url` today; `src`, `originalSrc`, `transformedSrc` in older versions.
QString imageUrl(const QJsonObject &image) {
    for (const QString &key : {u"url"_s, u"src"_s, u"originalSrc"_s, u"transformedSrc"_s}) {
        const QString url = image.value(key).toString();
        if (!url.isEmpty())
            return url;
    }
    return {};
}

QList<ImageDraft> readImages(const QJsonObject &product) {
    QList<ImageDraft> images;
    const QJsonArray imageNodes = connectionNodes(product.value(u"images"_s));
    for (const QJsonValue &node : imageNodes) {
        const QJsonObject image = node.toObject();
        images << ImageDraft{imageUrl(image), image.value(u"altText"_s).toString(),
                             stringField(image, u"id"_s)};
    }
    if (images.isEmpty()) {
        // `media { nodes { ... on MediaImage { id alt image { url } } } }`
        const QJsonArray mediaNodes = connectionNodes(product.value(u"media"_s));
        for (const QJsonValue &node : mediaNodes) {
            const QJsonObject media = node.toObject();
            const QJsonObject image = media.value(u"image"_s).toObject();
            QString alt = media.value(u"alt"_s).toString();
            if (alt.isEmpty())
                alt = image.value(u"altText"_s).toString();
            images << ImageDraft{imageUrl(image), alt, stringField(media, u"id"_s)};
        }
    }
    if (images.isEmpty() && product.value(u"featuredImage"_s).isObject()) {
        const QJsonObject image = product.value(u"featuredImage"_s).toObject();
        images << ImageDraft{imageUrl(image), image.value(u"altText"_s).toString(),
                             stringField(image, u"id"_s)};
    }
    images.removeIf([](const ImageDraft &image) { return image.url.isEmpty(); });
    return images;
}

QList<StoreCollection> readCollections(const QJsonObject &product) {
    QList<StoreCollection> collections;
    const QJsonArray nodes = connectionNodes(product.value(u"collections"_s));
    for (const QJsonValue &node : nodes) {
        const QJsonObject collection = node.toObject();
        StoreCollection read{stringField(collection, u"id"_s),
                             collection.value(u"handle"_s).toString(),
                             collection.value(u"title"_s).toString()};
        if (!read.id.isEmpty() || !read.title.isEmpty() || !read.handle.isEmpty())
            collections << read;
    }
    return collections;
}

QList<StoreMetafield> readMetafields(const QJsonObject &product) {
    QList<StoreMetafield> metafields;
    const QJsonArray nodes = connectionNodes(product.value(u"metafields"_s));
    for (const QJsonValue &node : nodes) {
        const QJsonObject field = node.toObject();
        StoreMetafield read;
        read.id = stringField(field, u"id"_s);
        read.ns = field.value(u"namespace"_s).toString();
        read.key = field.value(u"key"_s).toString();
        read.type = field.value(u"type"_s).toString();
        read.value = field.value(u"value"_s).toString();
        read.createdAt = timestampField(field, u"createdAt"_s);
        read.updatedAt = timestampField(field, u"updatedAt"_s);
        if (!read.ns.isEmpty() && !read.key.isEmpty())
            metafields << read;
    }
    return metafields;
}

QStringList readTags(const QJsonValue &tags) {
    QStringList result;
    const QJsonArray array = tags.toArray();
    for (const QJsonValue &tag : array)
        result << tag.toString().trimmed();
    result.removeAll(QString());
    return result;
}

} // namespace

Result<ProductDraft> readGraphqlProduct(const QJsonObject &product) {
    ProductDraft draft;
    draft.id = stringField(product, u"id"_s);
    draft.title = product.value(u"title"_s).toString();
    if (draft.title.trimmed().isEmpty())
        return Error::invalid(u"it has no title"_s);
    draft.handle = product.value(u"handle"_s).toString();
    draft.vendor = product.value(u"vendor"_s).toString();
    draft.productType = product.value(u"productType"_s).toString();
    draft.status = product.value(u"status"_s).toString().toUpper();
    draft.descriptionHtml = product.value(u"descriptionHtml"_s).toString();
    if (draft.descriptionHtml.isEmpty())
        draft.descriptionHtml = product.value(u"description"_s).toString().toHtmlEscaped();
    draft.tags = readTags(product.value(u"tags"_s));
    draft.createdAt = timestampField(product, u"createdAt"_s);
    draft.updatedAt = timestampField(product, u"updatedAt"_s);
    draft.images = readImages(product);
    draft.collections = readCollections(product);
    draft.metafields = readMetafields(product);
    draft.category = product.value(u"category"_s).toObject().value(u"id"_s).toString();
    return draft;
}

} // namespace tagdesk::sandbox

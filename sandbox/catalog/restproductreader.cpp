#include "restproductreader.h"

#include "jsonfields.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace tagdesk::sandbox {
namespace {

QStringList readTags(const QJsonValue &tags) {
    QStringList result;
    if (tags.isArray()) {
        const QJsonArray array = tags.toArray();
        for (const QJsonValue &tag : array)
            result << tag.toString().trimmed();
    } else {
        const QStringList parts = tags.toString().split(u',');
        for (const QString &tag : parts)
            result << tag.trimmed();
    }
    result.removeAll(QString());
    return result;
}

ImageDraft readImage(const QJsonObject &image) {
    ImageDraft draft;
    draft.url = image.value(u"src"_s).toString();
    draft.alt = image.value(u"alt"_s).toString();
    draft.id = stringField(image, u"admin_graphql_api_id"_s);
    if (draft.id.isEmpty())
        draft.id = stringField(image, u"id"_s);
    return draft;
}

} // namespace

bool looksLikeRestProduct(const QJsonObject &product) {
    return product.contains(u"body_html"_s) || product.contains(u"product_type"_s) ||
           product.contains(u"admin_graphql_api_id"_s) || product.contains(u"published_at"_s);
}

Result<ProductDraft> readRestProduct(const QJsonObject &product) {
    ProductDraft draft;
    draft.id = stringField(product, u"admin_graphql_api_id"_s);
    if (draft.id.isEmpty())
        draft.id = stringField(product, u"id"_s);
    draft.title = product.value(u"title"_s).toString();
    if (draft.title.trimmed().isEmpty())
        return Error::invalid(u"it has no title"_s);
    draft.handle = product.value(u"handle"_s).toString();
    draft.vendor = product.value(u"vendor"_s).toString();
    draft.productType = product.value(u"product_type"_s).toString();
    draft.status = product.value(u"status"_s).toString().toUpper();
    draft.descriptionHtml = product.value(u"body_html"_s).toString();
    draft.tags = readTags(product.value(u"tags"_s));
    draft.createdAt = timestampField(product, u"created_at"_s);
    draft.updatedAt = timestampField(product, u"updated_at"_s);

    const QJsonArray images = product.value(u"images"_s).toArray();
    for (const QJsonValue &image : images)
        draft.images << readImage(image.toObject());
    // Some exports carry only the main image.
    if (draft.images.isEmpty() && product.value(u"image"_s).isObject())
        draft.images << readImage(product.value(u"image"_s).toObject());
    draft.images.removeIf([](const ImageDraft &image) { return image.url.isEmpty(); });
    return draft;
}

} // namespace tagdesk::sandbox

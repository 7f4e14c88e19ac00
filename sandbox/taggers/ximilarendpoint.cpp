#include "ximilarendpoint.h"

#include "taggerjson.h"

#include "catalog/stablehash.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace tagdesk::sandbox {
namespace {

QJsonObject detail(const QString &message) {
    return {{u"detail"_s, message}};
}

QJsonObject requestStatus(int code, const QString &text, const QString &requestId) {
    return {{u"code"_s, code}, {u"text"_s, text}, {u"request_id"_s, requestId}};
}

// One entry of a feature's tag list: {"name", "prob", "id"}; the id is Ximilar's per-tag
// UUID, stable per name.
QJsonObject tag(const QString &name, double probability) {
    return {{u"name"_s, name},
            {u"prob"_s, roundedProbability(probability)},
            {u"id"_s, stableUuid(u"ximilar-tag:"_s + name)}};
}

QJsonObject detectedObject(const ImageReading &image) {
    const ImageAnalysis &analysis = image.analysis;
    const GarmentTerms *garment = image.garment();
    const QString key = image.sha1;

    QJsonObject tags;
    QJsonArray simple;
    const auto addFeature = [&tags, &simple](const QString &feature, const QJsonArray &values) {
        if (values.isEmpty())
            return;
        tags.insert(feature, values);
        simple.append(values.first().toObject().value(u"name"_s));
    };

    if (garment) {
        addFeature(u"Category"_s,
                   {tag(garment->ximilarCategory, stableFraction(key + u"category"_s, 0.9, 0.99))});
        addFeature(u"Subcategory"_s, {tag(garment->ximilarSubcategory,
                                          stableFraction(key + u"subcategory"_s, 0.62, 0.93))});
    }
    // Colours: the main one with a confidence that grows with its share of the garment,
    // then the others that cover a visible part of it.
    QJsonArray colours;
    for (const GarmentColour &colour : analysis.colours) {
        if (!colours.isEmpty() && colour.share < 0.1)
            break;
        const double probability =
            colours.isEmpty() ? 0.55 + 0.4 * colour.share : 0.6 * colour.share;
        colours.append(tag(colour.name, probability));
    }
    addFeature(u"Color"_s, colours);
    if (analysis.plain)
        addFeature(u"Pattern and Material"_s,
                   {tag(u"plain"_s, analysis.familyShares().first().share)});
    if (garment && !garment->sleeves.isEmpty())
        addFeature(u"Sleeves"_s, {tag(u"sleeves "_s + garment->sleeves,
                                      stableFraction(key + u"sleeves"_s, 0.7, 0.95))});

    const QRect box = analysis.garmentBox;
    const double area = double(box.width()) * box.height() /
                        (double(analysis.width) * std::max(1, analysis.height));
    // Without a known category the object is still reported (with its colours), under
    // Ximilar's most general top category.
    const QString topCategory = garment ? garment->ximilarTopCategory : u"Clothing"_s;
    QJsonObject object{
        {u"name"_s, topCategory},
        {u"id"_s, stableUuid(u"ximilar-object:"_s + key)},
        {u"bound_box"_s, QJsonArray{box.left(), box.top(), box.right(), box.bottom()}},
        {u"prob"_s, roundedProbability(stableFraction(key + u"detection"_s, 0.82, 0.97))},
        {u"area"_s, roundedProbability(area)},
        {u"_tags"_s, tags},
        {u"_tags_simple"_s, simple},
    };
    if (garment)
        object.insert(u"Top Category"_s,
                      QJsonArray{QJsonObject{{u"id"_s, stableUuid(u"ximilar-top:"_s + topCategory)},
                                             {u"name"_s, topCategory},
                                             {u"prob"_s, 1.0}}});
    return object;
}

} // namespace

XimilarEndpoint::XimilarEndpoint(ImageReader &images, QString token)
    : m_images(images)
    , m_token(std::move(token)) {
}

SandboxResponse XimilarEndpoint::detectTags(const SandboxRequest &request) {
    if (request.method != "POST")
        return jsonAnswer(
            detail(u"Method \"%1\" not allowed."_s.arg(QString::fromLatin1(request.method))), 405);
    const QByteArray authorization = request.header("authorization");
    if (authorization.isEmpty())
        return jsonAnswer(detail(u"Authentication credentials were not provided."_s), 401);
    if (authorization != "Token " + m_token.toUtf8())
        return jsonAnswer(detail(u"Invalid token."_s), 401);

    const QString requestId = stableUuid(u"ximilar-request:"_s +
                                         QString::number(stableHash(QByteArrayView(request.body))));
    const std::optional<QJsonObject> body = jsonObjectBody(request.body);
    if (!body)
        return jsonAnswer(
            {{u"status"_s, requestStatus(400, u"Request body is not a JSON object"_s, requestId)}},
            400);
    const QJsonArray records = body->value(u"records"_s).toArray();
    if (records.isEmpty())
        return jsonAnswer(
            {{u"status"_s, requestStatus(400, u"No records to process"_s, requestId)}}, 400);
    if (records.size() > kMaxRecords)
        return jsonAnswer(
            {{u"status"_s,
              requestStatus(400,
                            u"Too many records: %1 (at most %2 per request)"_s.arg(records.size())
                                .arg(kMaxRecords),
                            requestId)}},
            400);

    QJsonArray answered;
    for (const QJsonValue &record : records)
        answered.append(tagRecord(record.toObject(), requestId));
    return jsonAnswer({
        {u"records"_s, answered},
        {u"status"_s, QJsonObject{{u"code"_s, 200},
                                  {u"text"_s, u"OK"_s},
                                  {u"request_id"_s, requestId},
                                  {u"proc_id"_s, stableUuid(u"ximilar-proc:"_s + requestId)}}},
        // A fixed figure per record rather than the real time, so equal requests get
        // byte-identical answers.
        {u"statistics"_s, QJsonObject{{u"processing time"_s, 0.35 * double(records.size())}}},
    });
}

QJsonObject XimilarEndpoint::tagRecord(const QJsonObject &record, const QString &requestId) {
    // Every field sent is echoed (custom keys such as a product id included), except the
    // image data itself.
    QJsonObject answer = record;
    answer.remove(u"_base64"_s);

    Result<ImageReading> image = Error::invalid(u"Record has neither _url nor _base64"_s);
    if (record.value(u"_url"_s).isString())
        image = m_images.readUrl(record.value(u"_url"_s).toString());
    else if (record.value(u"_base64"_s).isString())
        image = m_images.readBase64(record.value(u"_base64"_s).toString());

    if (!answer.contains(u"_id"_s))
        answer.insert(u"_id"_s,
                      stableUuid(u"ximilar-record:"_s +
                                 (image ? image->sha1 : record.value(u"_url"_s).toString())));
    if (!image) {
        const bool notFetched = image.error().code == Error::Code::NotFound;
        answer.insert(u"_status"_s,
                      requestStatus(notFetched ? 404 : 400,
                                    notFetched
                                        ? u"Unable to download image: "_s + image.error().message
                                        : u"Invalid image: "_s + image.error().message,
                                    requestId));
        return answer;
    }
    answer.insert(u"_status"_s, requestStatus(200, u"OK"_s, requestId));
    answer.insert(u"_width"_s, image->analysis.width);
    answer.insert(u"_height"_s, image->analysis.height);
    answer.insert(u"_objects"_s, QJsonArray{detectedObject(*image)});
    return answer;
}

} // namespace tagdesk::sandbox

#include "pixyleendpoint.h"

#include "taggerjson.h"

#include "catalog/jsonfields.h"
#include "catalog/stablehash.h"

#include <QMutexLocker>

using namespace Qt::StringLiterals;

namespace tagdesk::sandbox {
namespace {

SandboxResponse pixyleError(const QString &message, int status) {
    return jsonAnswer({{u"error"_s, message}}, status);
}

// Pixyle's colour words (from its real results): basic terms, American "gray".
QString pixyleColourName(const QString &family) {
    return family == u"grey"_s ? u"gray"_s : family;
}

// {"correct": [{tag: score}], "all": [{tag: score}, …]}: Pixyle's shape for one attribute.
QJsonObject attribute(const QList<QPair<QString, double>> &scores, bool confident) {
    QJsonArray all;
    for (const auto &[tag, score] : scores)
        all.append(QJsonObject{{tag, roundedProbability(score)}});
    QJsonArray correct;
    if (confident && !all.isEmpty())
        correct.append(all.first());
    return {{u"correct"_s, correct}, {u"all"_s, all}};
}

QJsonObject productAttributes(const ImageReading &image) {
    const ImageAnalysis &analysis = image.analysis;
    QJsonObject attributes;

    QList<QPair<QString, double>> colours;
    for (const GarmentColour &family : analysis.familyShares())
        colours.append({pixyleColourName(family.family), family.share});
    attributes.insert(u"color"_s, attribute(colours, true));

    const double mainShare = analysis.familyShares().first().share;
    attributes.insert(u"pattern"_s, attribute({{u"plain"_s, mainShare}}, analysis.plain));

    if (const GarmentTerms *garment = image.garment(); garment && !garment->sleeves.isEmpty())
        attributes.insert(u"sleeve_length"_s,
                          attribute({{garment->sleeves + u"-sleeve"_s,
                                      stableFraction(image.sha1 + u"sleeves"_s, 0.6, 0.95)}},
                                    true));
    return attributes;
}

// Pixyle's full taxonomy is not published: these are the categories seen in its real
// results (jeans, jackets, t-shirts_ss, sweat_pants), the ones the sandbox answers with,
// and a few obvious neighbours.
bool isPixyleCategory(const QString &category) {
    static const QStringList known = [] {
        QStringList names{u"jeans"_s, u"sweat_pants"_s, u"t-shirts_ls"_s, u"tops"_s,
                          u"coats"_s, u"boots"_s,       u"sneakers"_s,    u"bags"_s};
        for (const QString &label :
             {u"dress"_s, u"hat"_s, u"longsleeve"_s, u"outwear"_s, u"pants"_s, u"shirt"_s,
              u"shoes"_s, u"shorts"_s, u"skirt"_s, u"t-shirt"_s})
            names << garmentTerms(label)->pixyleCategory;
        return names;
    }();
    return known.contains(category);
}

} // namespace

PixyleEndpoint::PixyleEndpoint(ImageReader &images, QString email, QString password, Clock clock)
    : m_images(images)
    , m_email(std::move(email))
    , m_password(std::move(password))
    , m_clock(std::move(clock))
    , m_tokens("tagdesk-sandbox-pixyle-signing-key") {
}

SandboxResponse PixyleEndpoint::login(const SandboxRequest &request) {
    if (request.method != "POST")
        return pixyleError(u"Method not allowed"_s, 405);
    const std::optional<QJsonObject> body = jsonObjectBody(request.body);
    if (!body)
        return pixyleError(u"Missing JSON body"_s, 400);
    if (!body->value(u"email"_s).isString() || !body->value(u"password"_s).isString())
        return pixyleError(u"Both 'email' and 'password' are required"_s, 400);
    if (body->value(u"email"_s).toString() != m_email ||
        body->value(u"password"_s).toString() != m_password)
        return pixyleError(u"Invalid credentials"_s, 401);

    const qint64 lifetime =
        body->value(u"permanent_login"_s).toBool() ? kPermanentTokenSeconds : kAccessTokenSeconds;
    const QDateTime now = m_clock();
    QMutexLocker lock(&m_tokensMutex);
    return jsonAnswer({
        {u"access_token"_s, m_tokens.issue(m_email, PixyleTokens::Kind::Access, now, lifetime)},
        {u"refresh_token"_s,
         m_tokens.issue(m_email, PixyleTokens::Kind::Refresh, now, kPermanentTokenSeconds)},
        {u"token_type"_s, u"Bearer"_s},
        {u"expires_in"_s, lifetime},
    });
}

SandboxResponse PixyleEndpoint::uploadProduct(const SandboxRequest &request) {
    if (request.method != "POST")
        return pixyleError(u"Method not allowed"_s, 405);
    const QByteArray authorization = request.header("authorization");
    if (!authorization.startsWith("Bearer "))
        return pixyleError(u"Missing Authorization header with a Bearer token"_s, 401);
    const QString token = QString::fromLatin1(authorization.mid(7).trimmed());
    const QDateTime now = m_clock();
    PixyleTokens::Check check;
    {
        QMutexLocker lock(&m_tokensMutex);
        check = m_tokens.verify(token, PixyleTokens::Kind::Access, now);
    }
    if (check == PixyleTokens::Check::Expired)
        return pixyleError(u"Token has expired"_s, 401);
    if (check != PixyleTokens::Check::Valid)
        return pixyleError(u"Invalid token"_s, 401);

    if (const qint64 waitMs = m_limiter.admit(token, now.toMSecsSinceEpoch()); waitMs > 0) {
        SandboxResponse limited = pixyleError(
            u"Rate limit exceeded: at most %1 requests per second"_s.arg(kRequestsPerSecond), 429);
        limited.headers.append({"Retry-After", QByteArray::number((waitMs + 999) / 1000)});
        return limited;
    }

    const std::optional<QJsonObject> body = jsonObjectBody(request.body);
    if (!body)
        return pixyleError(u"Missing JSON body"_s, 400);
    const QString sku = stringField(*body, u"sku"_s);
    if (sku.isEmpty())
        return pixyleError(u"'sku' is a required property"_s, 400);
    const QString primaryUrl = body->value(u"image_url_1"_s).toString();
    if (primaryUrl.isEmpty())
        return pixyleError(u"'image_url_1' is a required property"_s, 400);

    QJsonArray errors;
    const Result<ImageReading> primary = m_images.readUrl(primaryUrl);
    if (!primary)
        return pixyleError(u"image_url_1: "_s + primary.error().message, 400);
    QJsonArray extraImages;
    for (int index = 2; index <= 8; ++index) {
        const QString url = body->value(u"image_url_%1"_s.arg(index)).toString();
        if (url.isEmpty())
            continue;
        extraImages.append(url);
        if (const Result<ImageReading> extra = m_images.readUrl(url); !extra)
            errors.append(u"image_url_%1: %2"_s.arg(index).arg(extra.error().message));
    }

    // A category from Pixyle's taxonomy focuses the tagging on that item; any other one is
    // recorded as an error and the product is processed without it.
    QJsonValue category = QJsonValue::Null;
    if (const GarmentTerms *garment = primary->garment())
        category = garment->pixyleCategory;
    const QString requestedCategory = body->value(u"category"_s).toString();
    if (!requestedCategory.isEmpty()) {
        if (isPixyleCategory(requestedCategory))
            category = requestedCategory;
        else
            errors.append(u"Category '%1' is not in Pixyle's taxonomy; please review it"_s.arg(
                requestedCategory));
    }
    if (category.isNull())
        errors.append(u"No fashion category was recognised in the images"_s);

    QJsonArray hexCodes;
    for (const GarmentColour &colour : primary->analysis.colours)
        if (hexCodes.size() < 3)
            hexCodes.append(colour.hex);

    return jsonAnswer({
        {u"sku"_s, sku},
        {u"category"_s, category},
        {u"attributes"_s, productAttributes(*primary)},
        {u"hex_codes"_s, hexCodes},
        {u"primary_image"_s, primaryUrl},
        {u"extra_images"_s, extraImages},
        {u"verified"_s, false},
        {u"errors"_s, errors},
    });
}

} // namespace tagdesk::sandbox

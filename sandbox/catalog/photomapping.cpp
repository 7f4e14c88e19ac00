#include "photomapping.h"

#include "photos.h"
#include "stablehash.h"

#include <QRegularExpression>
#include <QUrl>

#include <array>

using namespace Qt::StringLiterals;

namespace tagdesk::sandbox {
namespace {

struct GarmentWords {
    QString label;
    QRegularExpression words;
};

// Words that name a garment, per photo label. Whole words only, so "sweatshirt" is not a
// "shirt"; plurals are spelled out because titles use both. The photos have no class for
// hair accessories, so headwear of every kind maps to hats.
const std::array<GarmentWords, 10> &garmentWords() {
    static const auto pattern = [](const char *alternatives) {
        return QRegularExpression(u"\\b(?:"_s + QString::fromLatin1(alternatives) + u")\\b"_s,
                                  QRegularExpression::CaseInsensitiveOption |
                                      QRegularExpression::UseUnicodePropertiesOption);
    };
    static const std::array<GarmentWords, 10> table{{
        {u"dress"_s, pattern("dress|dresses|gown|gowns|frock|frocks|sundress|pinafore")},
        {u"hat"_s, pattern("hat|hats|cap|caps|beanie|beanies|bonnet|beret|snapback|headwear|"
                           "fedora|visor|headband|headpiece|tiara|veil")},
        {u"longsleeve"_s,
         pattern("sweater|sweaters|jumper|jumpers|cardigan|cardigans|hoodie|hoodies|sweatshirt|"
                 "sweatshirts|pullover|crewneck|knit|knitwear|long sleeve|long-sleeve|"
                 "longsleeve|turtleneck")},
        {u"outwear"_s,
         pattern("jacket|jackets|coat|coats|parka|parkas|puffer|blazer|blazers|"
                 "anorak|windbreaker|gilet|trench|outerwear|bomber|overcoat|vest|kimono|cape")},
        {u"pants"_s,
         pattern("pants|trousers|trouser|jeans|leggings|joggers|chinos|sweatpants|cargos|"
                 "slacks|bottoms")},
        {u"shirt"_s,
         pattern("shirt|shirts|blouse|blouses|button-down|flannel|overshirt|polo|polos")},
        {u"shoes"_s,
         pattern("shoe|shoes|sneaker|sneakers|boot|boots|sandal|sandals|slipper|slippers|"
                 "trainer|trainers|loafer|loafers|heels|slides|mules|clogs|footwear|chukka|"
                 "espadrilles|runners|high tops?|low tops?|slip-ons?")},
        {u"shorts"_s, pattern("shorts|short(?![\\s-]*sleeve)|bermuda|bermudas|trunks")},
        {u"skirt"_s, pattern("skirt|skirts|skort|skorts")},
        {u"t-shirt"_s, pattern("t-shirt|t-shirts|tshirt|tshirts|tee|tees|tank|tanks|t shirt|"
                               "tank top|camisole")},
    }};
    return table;
}

// English product titles end with the garment ("Red Long Sleeve Burgundy Dress"), so the
// match that ends last wins; on a tie the longer one ("T-Shirt" over "Shirt").
QString labelFromText(const QString &text) {
    QString best;
    qsizetype bestEnd = -1;
    qsizetype bestLength = 0;
    for (const GarmentWords &garment : garmentWords()) {
        auto matches = garment.words.globalMatch(text);
        while (matches.hasNext()) {
            const auto match = matches.next();
            const qsizetype end = match.capturedEnd();
            const qsizetype length = match.capturedLength();
            if (end > bestEnd || (end == bestEnd && length > bestLength)) {
                best = garment.label;
                bestEnd = end;
                bestLength = length;
            }
        }
    }
    return best;
}

QString bundledPhotoNamedBy(const QString &sourceUrl) {
    const QString fileName = QUrl(sourceUrl).path().section(u'/', -1);
    return photoInfo(fileName) ? fileName : QString();
}

} // namespace

QString garmentLabelFor(const QString &productType, const QString &title) {
    const QString fromType = labelFromText(productType);
    return fromType.isEmpty() ? labelFromText(title) : fromType;
}

QString photoForImage(const QString &sourceUrl, const QString &label, const QString &productKey,
                      int imageIndex) {
    if (const QString named = bundledPhotoNamedBy(sourceUrl); !named.isEmpty())
        return named;
    const quint64 productHash = stableHash(productKey);
    QStringList candidates = photosWithLabel(label);
    if (candidates.isEmpty()) {
        const QStringList labels = photoLabels();
        if (labels.isEmpty())
            return {};
        candidates = photosWithLabel(labels.at(qsizetype(productHash % quint64(labels.size()))));
    }
    const quint64 slot = (productHash / 7 + quint64(imageIndex)) % quint64(candidates.size());
    return candidates.at(qsizetype(slot));
}

StoreImage bundledImage(const QString &photo, const QString &mediaId, const QString &imageId,
                        const QString &alt) {
    StoreImage image;
    image.mediaId = mediaId;
    image.imageId = imageId;
    image.photo = photo;
    image.alt = alt;
    if (const auto info = photoInfo(photo)) {
        image.width = info->width;
        image.height = info->height;
        image.label = info->label;
        image.colour = info->colour;
    }
    return image;
}

} // namespace tagdesk::sandbox

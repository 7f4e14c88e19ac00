#pragma once

#include "util/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace tagdesk {

// One image of a product, as Shopify's media connection returns it.
struct MediaImage {
    QString id; // gid://shopify/MediaImage/N — the id fileUpdate needs for alt text
    QUrl url;   // the original, as the merchant uploaded it
    QString alt;
    int width = 0;
    int height = 0;
    // Shopify's MediaStatus: UPLOADED, PROCESSING, READY or FAILED. fileUpdate takes only
    // READY files (shopify.dev/docs/api/admin-graphql/latest/mutations/fileUpdate).
    QString status = QStringLiteral("READY");
    // A rendition no larger than analysis needs (`Image.url(transform:)`, asked for in
    // MediaFields.graphql): a store's originals are often 2048 px or more, and downloading
    // them to analyse at a few hundred pixels costs several times the bytes. Empty when
    // unknown (snapshots stored before it was asked for, catalogs without it).
    QUrl analysisUrl = {};

    bool isReady() const { return status == QLatin1String("READY"); }
    // What analysis downloads: the rendition, or the original when there is none.
    QUrl urlForAnalysis() const { return analysisUrl.isEmpty() ? url : analysisUrl; }

    friend bool operator==(const MediaImage &, const MediaImage &) = default;
};

struct Metafield {
    QString ns;
    QString key;
    QString type;
    QString value;
    QString compareDigest; // for metafieldsSet's compare-and-set

    friend bool operator==(const Metafield &, const Metafield &) = default;
};

// A product's category in Shopify's Standard Product Taxonomy (`Product.category`, a
// TaxonomyCategory: shopify.dev/docs/api/admin-graphql/latest/objects/TaxonomyCategory).
struct ProductCategory {
    QString id = {};       // gid://shopify/TaxonomyCategory/aa-1-4; empty: no category
    QString fullName = {}; // "Apparel & Accessories > Clothing > Dresses"
    bool archived = false; // isArchived: a newer taxonomy retired it

    bool isEmpty() const { return id.isEmpty(); }

    friend bool operator==(const ProductCategory &, const ProductCategory &) = default;
};

// A metaobject one of the product's category metafields references (shopify.color-pattern
// lists entries of type shopify--color-pattern), and the taxonomy values it stands for: its
// base colours (color_taxonomy_reference) for a colour entry, its taxonomy_reference for
// the others. Kept so that a category metafield reads as taxonomy values, which do not
// depend on the store.
struct CategoryMetaobject {
    QString id = {};                   // gid://shopify/Metaobject/N
    QString type = {};                 // shopify--color-pattern
    QString handle = {};               // blue
    QStringList taxonomyValueIds = {}; // gid://shopify/TaxonomyValue/2

    friend bool operator==(const CategoryMetaobject &, const CategoryMetaobject &) = default;
};

// Every field of a product that a job may write, as Shopify had it when the job fetched
// it. The conflict check before a push compares the fields the push writes with these.
struct ProductSnapshot {
    QString id; // gid://shopify/Product/N
    QString handle;
    QString title;
    QString vendor;
    QString productType;
    ProductCategory category = {};
    QString status;
    QString descriptionHtml;
    QStringList tags;
    QList<MediaImage> media;
    QList<Metafield> metafields; // Tagdesk's namespace, and the category metafields (shopify)
    // The metaobjects the category metafields reference (as far as Shopify listed them).
    QList<CategoryMetaobject> categoryMetaobjects = {};
    QDateTime updatedAt;

    const Metafield *metafield(const QString &ns, const QString &key) const;
    const CategoryMetaobject *categoryMetaobject(const QString &id) const;

    // The snapshot as JSON text, as storage keeps it; written straight out, not through a
    // QJsonObject (building one and printing it was most of the cost of storing a fetched
    // product). fromJson reads the parsed text back.
    QString toJsonText() const;
    // That text parsed (for code that edits or inspects it as an object).
    QJsonObject toJson() const;
    static Result<ProductSnapshot> fromJson(const QJsonObject &json);

    friend bool operator==(const ProductSnapshot &, const ProductSnapshot &) = default;
};

// Where a product is in fetch → analyse.
// Skipped: nothing to analyse (no images); not an error, and nothing to review.
enum class PipelineStage { Pending, Fetching, Fetched, Analysing, Analysed, Failed, Skipped };
// What the reviewer decided for the product as a whole.
enum class ReviewState { Pending, Approved, Rejected };
// Where an approved product is in push (and revert).
enum class SyncState { None, Queued, Pushing, Pushed, Failed, Conflict, Reverting, Reverted };

QString stageKey(PipelineStage s);
QString reviewKey(ReviewState s);
QString syncKey(SyncState s);
std::optional<PipelineStage> stageFromKey(const QString &key);
std::optional<ReviewState> reviewFromKey(const QString &key);
std::optional<SyncState> syncFromKey(const QString &key);
QString reviewText(ReviewState s);
QString syncText(SyncState s);
QString stageText(PipelineStage s);

struct ProductProgress {
    PipelineStage stage = PipelineStage::Pending;
    ReviewState review = ReviewState::Pending;
    SyncState sync = SyncState::None;

    friend bool operator==(const ProductProgress &, const ProductProgress &) = default;
};

// One product of one job: its progress, its last error, and (once fetched) its snapshot.
struct JobProduct {
    qint64 jobId = 0;
    QString productId;
    int position = 0; // order in which the selection returned it
    QString title;
    ProductProgress progress;
    QString error; // last error, in words, empty if none
    std::optional<ProductSnapshot> snapshot;
    bool flagged = false; // the reviewer marked it to come back to later
};

} // namespace tagdesk

#pragma once

#include "domain/decision.h"
#include "domain/destination.h"
#include "domain/product.h"
#include "domain/suggestion.h"
#include "domain/writesettings.h"
#include "sync/changeplan.h"

#include <QList>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace tagdesk {

// One image of a product as the review shows it: which cached file it is, once downloaded.
struct ReviewImage {
    QString mediaId;
    int position = 0;
    QString sha256; // empty until downloaded
    QString error;  // why it could not be downloaded, in words
    // The merchant's original, where what was downloaded is a smaller rendition of it
    // (MediaImage::analysisUrl): fetched only when the review zooms in. Empty otherwise.
    QUrl original = {};
    QSize originalSize = {}; // as Shopify reports it; empty if unknown
};

// One row of the review: an attribute, what the store has for it, what the tagger
// proposed, what the reviewer decided, and which fields the value would be written to.
struct AttributeReview {
    QString attribute;
    QString current;       // the product's value as fetched, empty if it has none
    Suggestion suggestion; // the best one; value empty for an attribute the reviewer added
    // Every other value the tagger considered for the attribute (its alternatives and what
    // other images said), best first, without the suggestion's own value.
    QList<Alternative> alternatives;
    AttributeDecision::Verdict verdict = AttributeDecision::Verdict::Pending;
    QString editedValue;   // Verdict::Edited: the reviewer's value
    QStringList fieldKeys; // where the value goes (productfields keys), as the plan writes it

    // The value a push would write: the edit, else the suggestion; empty when rejected.
    QString valueToWrite() const;
    // The value to write is not what the store has (case and spaces aside).
    bool changesCurrent() const;
};

// Everything the review of one product shows, read at once so it works offline.
struct ProductReview {
    JobProduct product;
    QList<ReviewImage> images;
    QList<AttributeReview> attributes;
    Destinations destinations;
    WriteSettings writing;
    // The before → after of the values as decided now: what approving the product would
    // queue. Empty when the product was never fetched.
    ChangePlan plan;
    // What is wrong with the product's category in Shopify, in words (categoryProblem);
    // empty when nothing is.
    QString categoryProblem = {};

    // Index of the row for `attribute`, -1 if none.
    int rowOf(const QString &attribute) const;
    // Every attribute has a verdict other than Pending.
    bool fullyDecided() const;
};

// The value a product holds for an attribute, read as Tagdesk writes it: the product type
// (for the attribute that becomes it), the metafield, or a tag made by the tag template
// ("colour:red"). A list metafield's items are joined with ", ".
QString currentAttributeValue(const ProductSnapshot &snapshot, const QString &attribute,
                              const WriteSettings &writing = {});

// What is wrong with a product's category in Shopify, given the category the images
// suggest (a full name; empty when none was suggested): none at all, an archived one, or one
// that is neither the suggested category nor one of its ancestors or descendants. Empty
// when nothing is wrong.
QString categoryProblem(const ProductSnapshot &snapshot, const QString &suggestedFullName);

// The review of a product from what the job stored: one row per attribute (in the order
// the tagger reported them; attributes added by an edit last). `plan` is the product's
// change as the sync would compute it (productchanges::planFor).
ProductReview buildProductReview(const JobProduct &product, const QList<ReviewImage> &images,
                                 const QList<Suggestion> &suggestions,
                                 const QList<AttributeDecision> &decisions,
                                 Destinations destinations, const WriteSettings &writing,
                                 const ChangePlan &plan);

} // namespace tagdesk

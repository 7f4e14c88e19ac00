#pragma once

#include "domain/product.h"
#include "domain/suggestion.h"

namespace tagdesk {

// One image of a product on its way through download and analysis.
struct ImageWork {
    MediaImage media;
    QString sha256; // in the image cache once known
    QString error;
    QList<Suggestion> suggestions;
    bool analysed = false;
};

// One product on its way through download and analysis: the images to analyse (at most
// the job's images per product, those with a URL), in the order Shopify lists them.
struct ProductWork {
    ProductWork(JobProduct product, int imagesPerProduct);

    JobProduct product;
    QList<ImageWork> images;
    // Set when analysis starts: the Shopify category the tagger is asked in
    // (TaggerImage::categoryId), and the key its answers are kept under (Tagger::answerKey).
    QString askedIn = {};
    QString answerKey = {};
};

} // namespace tagdesk

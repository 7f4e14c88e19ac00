#pragma once

#include "pipeline/productwork.h"
#include "pipeline/runstep.h"
#include "storage/imagerepository.h"

namespace tagdesk {

// Brings a product's images into the image cache: those already cached from an earlier
// run are taken as they are; the others are downloaded, stored by content, and recorded
// with the product (an image that cannot be had is recorded with its reason). What is
// downloaded is the rendition Shopify makes for analysis, or the original when the
// snapshot knows none (MediaImage::urlForAnalysis); taggers and the review get that file.
class ImageDownloader : public RunStep {
public:
    explicit ImageDownloader(RunContext &run, QObject *parent = nullptr);

    // `work`'s images get their sha256 (or error), then `then`.
    void download(std::shared_ptr<ProductWork> work, std::function<void()> then);

private:
    void takeCached(const std::shared_ptr<ProductWork> &work, const QList<ProductImage> &stored);
    void downloadFrom(std::shared_ptr<ProductWork> work, int index, std::function<void()> then);
    CachedImage keep(ImageWork &image, const Result<HttpResponse> &answer);
};

} // namespace tagdesk

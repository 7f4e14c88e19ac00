#include "pipeline/imagedownloader.h"

#include <QCoreApplication>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(JobRunner)
};

// Larger than any product photo Shopify serves; a guard against an endless body.
constexpr qint64 maxImageBytes = 40 * 1024 * 1024;
} // namespace

ProductWork::ProductWork(JobProduct p, int imagesPerProduct)
    : product(std::move(p)) {
    if (!product.snapshot)
        return;
    for (const MediaImage &m : product.snapshot->media) {
        if (images.size() >= imagesPerProduct)
            break;
        if (m.url.isValid())
            images.append({m, {}, {}, {}, false});
    }
}

ImageDownloader::ImageDownloader(RunContext &run, QObject *parent)
    : RunStep(run, parent) {
}

void ImageDownloader::download(std::shared_ptr<ProductWork> work, std::function<void()> then) {
    const qint64 id = m_run.jobId;
    const QString productId = work->product.productId;
    write<QList<ProductImage>>(
        [id, productId](Connection &conn) {
            return ImageRepository(conn).forProduct(id, productId);
        },
        [this, work, then = std::move(then)](QList<ProductImage> stored) {
            takeCached(work, stored);
            downloadFrom(work, 0, then);
        });
}

void ImageDownloader::takeCached(const std::shared_ptr<ProductWork> &work,
                                 const QList<ProductImage> &stored) {
    // Images already in the cache from an earlier run are not downloaded again.
    for (ImageWork &image : work->images) {
        for (const ProductImage &s : stored) {
            if (s.mediaId == image.media.id && !s.sha256.isEmpty() &&
                m_run.services.images->contains(s.sha256))
                image.sha256 = s.sha256;
        }
    }
}

void ImageDownloader::downloadFrom(std::shared_ptr<ProductWork> work, int index,
                                   std::function<void()> then) {
    while (index < work->images.size() && !work->images[index].sha256.isEmpty())
        ++index;
    if (index >= work->images.size())
        return then();

    HttpRequest request;
    // The rendition Shopify makes for analysis, not the original (MediaImage::analysisUrl).
    request.url = work->images[index].media.urlForAnalysis();
    request.purpose = Texts::tr("downloading an image of %1").arg(work->product.title);
    request.maxResponseBytes = maxImageBytes;
    m_run.services.http->send(request).then(this, [this, work, index, then = std::move(then)](
                                                      const Result<HttpResponse> &answer) {
        if (m_run.stopped)
            return;
        ImageWork &image = work->images[index];
        const CachedImage cached = keep(image, answer);
        const ProductImage row{m_run.jobId, work->product.productId,      image.media.id,
                               index,       image.media.urlForAnalysis(), cached.sha256,
                               image.error};
        write<bool>(
            [row, cached](Connection &conn) -> Result<bool> {
                ImageRepository images(conn);
                if (!cached.sha256.isEmpty()) {
                    if (auto r = images.recordImage(cached, QDateTime::currentDateTimeUtc()); !r)
                        return r.error();
                }
                return succeeded(images.saveProductImage(row));
            },
            [this, work, index, then](bool) { downloadFrom(work, index + 1, then); });
    });
}

CachedImage ImageDownloader::keep(ImageWork &image, const Result<HttpResponse> &answer) {
    CachedImage cached;
    if (!answer)
        image.error = answer.error().message;
    else if (!answer->isSuccess())
        image.error = Texts::tr("The image server answered HTTP %1 for %2")
                          .arg(answer->status)
                          .arg(image.media.urlForAnalysis().toDisplayString());
    else if (auto stored = m_run.services.images->store(answer->body); !stored)
        image.error = stored.error().message;
    else
        cached = stored.value();
    image.sha256 = cached.sha256;
    return cached;
}

} // namespace tagdesk

#include "review/imageviewer.h"

#include "jobview/thumbnailcache.h"
#include "pipeline/originalphotos.h"
#include "review/fullimagecache.h"
#include "util/futures.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMouseEvent>
#include <QPainter>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <cmath>

namespace tagdesk::ui {

namespace {
constexpr int stripSide = 72;
constexpr double minZoom = 0.05;
constexpr double maxZoom = 8.0;
} // namespace

ImageCanvas::ImageCanvas(QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("reviewImage"));
    setAccessibleName(tr("Product image"));
    setMinimumSize(200, 200);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ImageCanvas::setImage(const QImage &image, const QString &placeholder) {
    if (image.cacheKey() != m_image.cacheKey())
        m_pan = {};
    m_image = image;
    m_placeholder = placeholder;
    setAccessibleDescription(
        image.isNull() ? placeholder : tr("%1 × %2 pixels").arg(image.width()).arg(image.height()));
    update();
    emit zoomChanged(effectiveScale());
}

void ImageCanvas::setZoom(double zoom) {
    m_zoom = zoom <= 0 ? 0 : std::clamp(zoom, minZoom, maxZoom);
    if (m_zoom == 0)
        m_pan = {};
    update();
    emit zoomChanged(effectiveScale());
}

double ImageCanvas::effectiveScale() const {
    if (m_zoom > 0 || m_image.isNull())
        return m_zoom > 0 ? m_zoom : 1.0;
    const QSizeF img = m_image.deviceIndependentSize();
    // Fit never enlarges a small photo past 100 %: it would only look blurred.
    return std::min({1.0, width() / img.width(), height() / img.height()});
}

void ImageCanvas::paintEvent(QPaintEvent *) {
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Window).darker(115));
    if (m_image.isNull()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
                   m_placeholder);
        return;
    }
    const double scale = effectiveScale();
    const QSizeF size = m_image.deviceIndependentSize() * scale;
    QRectF target(QPointF((width() - size.width()) / 2, (height() - size.height()) / 2), size);
    target.translate(m_pan);
    p.setRenderHint(QPainter::SmoothPixmapTransform, scale < 1.0);
    p.drawImage(target, m_image);
}

void ImageCanvas::wheelEvent(QWheelEvent *event) {
    if (m_image.isNull())
        return;
    const double steps = event->angleDelta().y() / 120.0;
    setZoom(effectiveScale() * std::pow(1.25, steps));
    event->accept();
}

void ImageCanvas::mousePressEvent(QMouseEvent *event) {
    m_dragFrom = event->position().toPoint();
}

void ImageCanvas::mouseMoveEvent(QMouseEvent *event) {
    if (!(event->buttons() & Qt::LeftButton) || m_zoom == 0)
        return;
    const QPoint now = event->position().toPoint();
    m_pan += now - m_dragFrom;
    m_dragFrom = now;
    update();
}

ImageViewer::ImageViewer(FullImageCache &images, ThumbnailCache &thumbnails,
                         OriginalPhotos *originals, QWidget *parent)
    : QWidget(parent)
    , m_fullImages(images)
    , m_thumbnails(thumbnails)
    , m_originalPhotos(originals)
    , m_canvas(new ImageCanvas(this))
    , m_strip(new QListWidget(this))
    , m_zoomLabel(new QLabel(this)) {
    m_strip->setObjectName(QStringLiteral("imageStrip"));
    m_strip->setAccessibleName(tr("Product images"));
    m_strip->setViewMode(QListView::IconMode);
    m_strip->setFlow(QListView::LeftToRight);
    m_strip->setWrapping(false);
    m_strip->setMovement(QListView::Static);
    m_strip->setIconSize(QSize(stripSide, stripSide));
    m_strip->setFixedHeight(stripSide + 2 * m_strip->frameWidth() + 28);
    m_strip->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_strip->setFocusPolicy(Qt::NoFocus); // the keys belong to the review; I moves images
    m_zoomLabel->setObjectName(QStringLiteral("imageZoom"));

    auto *zoom = new QToolButton(this);
    zoom->setObjectName(QStringLiteral("toggleZoom"));
    zoom->setText(tr("Fit / 100 %"));
    zoom->setToolTip(tr("Fit the image or show it at 100 % (Z); the wheel zooms"));
    zoom->setAccessibleName(tr("Fit or 100 %"));
    zoom->setFocusPolicy(Qt::NoFocus);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_zoomLabel, 1);
    bar->addWidget(zoom);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_canvas, 1);
    layout->addLayout(bar);
    layout->addWidget(m_strip);

    connect(zoom, &QToolButton::clicked, this, &ImageViewer::toggleZoom);
    connect(m_canvas, &ImageCanvas::zoomChanged, this, [this] {
        fetchOriginalIfZoomed();
        updateZoomLabel();
    });
    connect(m_strip, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row != m_current)
            showImage(row);
    });
    connect(&m_fullImages, &FullImageCache::imageReady, this, [this](const QString &sha) {
        if (m_current >= 0 && shownSha(m_images.value(m_current)) == sha)
            refreshCurrent();
    });
    connect(&m_fullImages, &FullImageCache::failed, this, [this](const QString &sha) {
        if (m_current >= 0 && shownSha(m_images.value(m_current)) == sha)
            refreshCurrent();
    });
    connect(&m_thumbnails, &ThumbnailCache::thumbnailReady, this, &ImageViewer::refreshThumbnail);
}

void ImageViewer::setImages(const QList<ReviewImage> &images) {
    m_images = images;
    m_source.clear();
    m_strip->blockSignals(true);
    m_strip->clear();
    for (int i = 0; i < m_images.size(); ++i) {
        auto *item = new QListWidgetItem(QString::number(i + 1), m_strip);
        item->setIcon(m_thumbnails.thumbnail(m_images.at(i).sha256));
        item->setToolTip(
            m_images.at(i).sha256.isEmpty()
                ? tr("Image %1 was not downloaded: %2")
                      .arg(i + 1)
                      .arg(m_images.at(i).error.isEmpty() ? tr("not yet") : m_images.at(i).error)
                : tr("Image %1").arg(i + 1));
    }
    m_strip->blockSignals(false);
    m_current = -1;
    showImage(m_images.isEmpty() ? -1 : 0);
}

void ImageViewer::highlightSource(const QString &mediaId) {
    m_source = mediaId;
    for (int i = 0; i < m_strip->count(); ++i) {
        QListWidgetItem *item = m_strip->item(i);
        const bool source = !mediaId.isEmpty() && m_images.at(i).mediaId == mediaId;
        QFont f = item->font();
        f.setBold(source);
        item->setFont(f);
        item->setText(source ? tr("%1 ★").arg(i + 1) : QString::number(i + 1));
        if (source && i != m_current)
            showImage(i);
    }
}

void ImageViewer::showImage(int index) {
    if (index >= m_images.size())
        index = -1;
    m_current = index;
    m_strip->blockSignals(true);
    m_strip->setCurrentRow(index);
    m_strip->blockSignals(false);
    refreshCurrent();
}

void ImageViewer::nextImage() {
    if (!m_images.isEmpty())
        showImage((m_current + 1) % int(m_images.size()));
}

void ImageViewer::toggleZoom() {
    // To 100 % by hand: an original that could not be had is tried again (back online).
    if (m_canvas->zoom() == 0 && m_current >= 0 &&
        originalIs(m_images.at(m_current).mediaId, Original::State::Failed))
        m_originals.remove(m_images.at(m_current).mediaId);
    m_canvas->setZoom(m_canvas->zoom() == 0 ? 1.0 : 0);
}

void ImageViewer::refreshCurrent() {
    if (m_current < 0) {
        m_canvas->setImage({}, m_images.isEmpty() ? tr("This product has no images.") : QString());
        return;
    }
    const ReviewImage &shown = m_images.at(m_current);
    if (shown.sha256.isEmpty()) {
        m_canvas->setImage(
            {},
            shown.error.isEmpty()
                ? tr("Image %1 has not been downloaded yet.").arg(m_current + 1)
                : tr("Image %1 could not be downloaded: %2").arg(m_current + 1).arg(shown.error));
        return;
    }
    if (originalIs(shown.mediaId, Original::State::Fetched) &&
        m_fullImages.isUnreadable(m_originals.value(shown.mediaId).shaOrReason)) {
        // The rendition is still good: back to it, saying why.
        m_originals.insert(shown.mediaId, {Original::State::Failed, tr("its file cannot be read")});
    }
    const QString sha = shownSha(shown);
    const QImage image = m_fullImages.image(sha);
    if (image.isNull() && m_fullImages.isUnreadable(sha)) {
        m_canvas->setImage({}, tr("Image %1 in the local cache cannot be read (damaged or "
                                  "not an image). Run the job again to download it anew.")
                                   .arg(m_current + 1));
        return;
    }
    // While it decodes, the thumbnail stands in (enlarged) rather than a blank.
    if (image.isNull() && sha != shown.sha256) {
        // The original decodes: the rendition stays in view meanwhile.
        const QImage rendition = m_fullImages.image(shown.sha256);
        if (!rendition.isNull())
            return m_canvas->setImage(rendition);
    }
    m_canvas->setImage(image.isNull() ? m_thumbnails.thumbnail(shown.sha256).toImage() : image,
                       tr("Loading image %1…").arg(m_current + 1));
}

QString ImageViewer::shownSha(const ReviewImage &image) const {
    return originalIs(image.mediaId, Original::State::Fetched)
               ? m_originals.value(image.mediaId).shaOrReason
               : image.sha256;
}

bool ImageViewer::originalIs(const QString &mediaId, Original::State state) const {
    const auto known = m_originals.constFind(mediaId);
    return known != m_originals.cend() && known->state == state;
}

void ImageViewer::fetchOriginalIfZoomed() {
    if (!m_originalPhotos || m_current < 0 || m_canvas->zoom() == 0)
        return;
    const ReviewImage &shown = m_images.at(m_current);
    // One that could not be had is asked for again only by Z (toggleZoom), not each time
    // the photo is painted anew.
    if (shown.original.isEmpty() || shown.sha256.isEmpty() || m_originals.contains(shown.mediaId))
        return;
    // Judged on the rendition itself, once decoded (imageReady brings it here again): one
    // as large as the original (a small photo) has nothing more to show.
    const QImage rendition = m_fullImages.image(shown.sha256);
    if (rendition.isNull() ||
        (!shown.originalSize.isEmpty() &&
         std::max(rendition.width(), rendition.height()) >=
             std::max(shown.originalSize.width(), shown.originalSize.height())))
        return;
    m_originals.insert(shown.mediaId, {Original::State::Fetching, {}});
    const QString mediaId = shown.mediaId;
    whenFinished(this, m_originalPhotos->fetch(shown.original),
                 [this, mediaId](const Result<QString> &sha) {
                     m_originals.insert(
                         mediaId, sha ? Original{Original::State::Fetched, *sha}
                                      : Original{Original::State::Failed, sha.error().message});
                     if (m_current >= 0 && m_images.at(m_current).mediaId == mediaId) {
                         refreshCurrent();
                         updateZoomLabel();
                     }
                 });
    updateZoomLabel();
}

void ImageViewer::refreshThumbnail(const QString &sha256) {
    for (int i = 0; i < m_images.size() && i < m_strip->count(); ++i) {
        if (m_images.at(i).sha256 == sha256)
            m_strip->item(i)->setIcon(m_thumbnails.thumbnail(sha256));
    }
}

void ImageViewer::updateZoomLabel() {
    if (m_canvas->image().isNull()) {
        m_zoomLabel->clear();
        return;
    }
    QString size;
    QString problem; // which names the host and the error: too long for the line
    if (m_current >= 0 && !m_images.at(m_current).original.isEmpty()) {
        const auto known = m_originals.constFind(m_images.at(m_current).mediaId);
        if (known != m_originals.cend()) {
            switch (known->state) {
            case Original::State::Fetched:
                size = tr(" · full size");
                break;
            case Original::State::Fetching:
                size = tr(" · a smaller copy; fetching the full size…");
                break;
            case Original::State::Failed:
                size = tr(" · a smaller copy; full size failed (Z twice retries)");
                problem = known->shaOrReason;
                break;
            }
        }
    }
    m_zoomLabel->setToolTip(problem);
    m_zoomLabel->setAccessibleDescription(problem);
    m_zoomLabel->setText(tr("Image %1 of %2 · %3 %%4%5")
                             .arg(m_current + 1)
                             .arg(m_images.size())
                             .arg(qRound(m_canvas->effectiveScale() * 100))
                             .arg(m_canvas->zoom() == 0 ? tr(" (fit)") : QString(), size));
}

} // namespace tagdesk::ui

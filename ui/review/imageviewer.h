#pragma once

#include "sync/productreview.h"

#include <QHash>
#include <QImage>
#include <QWidget>

class QLabel;
class QListWidget;

namespace tagdesk {
class OriginalPhotos;
}

namespace tagdesk::ui {

class FullImageCache;
class ThumbnailCache;

// Paints one photo: fitted to the widget, at 100 %, or at the zoom the wheel chose;
// dragged to pan when it is larger than the widget.
class ImageCanvas : public QWidget {
    Q_OBJECT
public:
    explicit ImageCanvas(QWidget *parent = nullptr);

    void setImage(const QImage &image, const QString &placeholder = {});
    const QImage &image() const { return m_image; }
    // 0 fits the image to the widget; otherwise the scale (1.0 is 100 %).
    void setZoom(double zoom);
    double zoom() const { return m_zoom; }
    double effectiveScale() const;
    QSize sizeHint() const override { return {480, 480}; }

signals:
    void zoomChanged(double effectiveScale);

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    QImage m_image;
    QString m_placeholder;
    double m_zoom = 0;
    QPointF m_pan;
    QPoint m_dragFrom;
};

// The product's photos, large, from the local cache: the one in view, a strip of all of
// them (the one a suggestion came from is marked), and the zoom. What the cache holds is
// the rendition analysis downloaded; zoomed in past fitting, a photo whose original is
// larger is fetched in full through `originals` (when given) and shown in its place from
// then on, and the zoom line says which one is in view.
class ImageViewer : public QWidget {
    Q_OBJECT
public:
    ImageViewer(FullImageCache &images, ThumbnailCache &thumbnails,
                OriginalPhotos *originals = nullptr, QWidget *parent = nullptr);

    void setImages(const QList<ReviewImage> &images);
    // Shows the image with this media id and marks it as the evidence of the focused
    // suggestion; an empty id marks none and keeps the image in view.
    void highlightSource(const QString &mediaId);
    void showImage(int index);
    int currentIndex() const { return m_current; }
    int count() const { return int(m_images.size()); }
    ImageCanvas *canvas() const { return m_canvas; }
    QListWidget *strip() const { return m_strip; }

public slots:
    void toggleZoom(); // fit ↔ 100 %
    void nextImage();

private:
    void refreshCurrent();
    void refreshThumbnail(const QString &sha256);
    void updateZoomLabel();
    // What is shown for an image: its original once fetched, else the cached rendition.
    QString shownSha(const ReviewImage &image) const;
    // Zoomed in on a rendition smaller than its original: fetches the original.
    void fetchOriginalIfZoomed();

    FullImageCache &m_fullImages;
    ThumbnailCache &m_thumbnails;
    // What became of a photo's original this session (none: not asked for).
    struct Original {
        enum class State { Fetching, Fetched, Failed } state = State::Fetching;
        QString shaOrReason; // Fetched: its file in the cache; Failed: why, in words
    };
    bool originalIs(const QString &mediaId, Original::State state) const;

    OriginalPhotos *m_originalPhotos;
    QHash<QString, Original> m_originals; // by media id
    QList<ReviewImage> m_images;
    QString m_source;
    int m_current = -1;
    ImageCanvas *m_canvas;
    QListWidget *m_strip;
    QLabel *m_zoomLabel;
};

} // namespace tagdesk::ui

#pragma once

#include <QCache>
#include <QObject>
#include <QPixmap>
#include <QSet>
#include <QSize>

namespace tagdesk::ui {

// Small product pictures for the job view, read from the local image cache. Decoding
// happens on the thread pool into a scaled QImage (a 4000-pixel photo never reaches the
// GUI thread whole); finished thumbnails are kept, most recently used first.
class ThumbnailCache : public QObject {
    Q_OBJECT
public:
    ThumbnailCache(QString imageFolder, QSize size, QObject *parent = nullptr);

    // The thumbnail if it is ready; otherwise a null pixmap, and it is decoded in the
    // background (thumbnailReady follows). An image that cannot be read stays null.
    QPixmap thumbnail(const QString &sha256);
    QSize size() const { return m_size; }
    void setDevicePixelRatio(qreal ratio) { m_ratio = ratio; }

signals:
    void thumbnailReady(const QString &sha256);

private:
    QString m_folder;
    QSize m_size;
    qreal m_ratio = 1.0;
    QCache<QString, QPixmap> m_ready;
    QSet<QString> m_loading;
    QSet<QString> m_unreadable;
};

} // namespace tagdesk::ui

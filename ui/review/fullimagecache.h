#pragma once

#include <QCache>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QString>

namespace tagdesk::ui {

// Whole product photos for the review, read from the local image cache (so review works
// offline) and decoded on the thread pool: the GUI thread only ever paints a ready QImage.
// Keeps the most recently used ones within a memory budget, and decodes the next
// products' images ahead of time (prefetch), so moving on paints at once.
class FullImageCache : public QObject {
    Q_OBJECT
public:
    // Photos larger than this on their longest side are scaled down when decoded: the
    // review never needs more than a screen's worth of a 6000-pixel photo.
    static constexpr int maxSide = 3000;

    explicit FullImageCache(QString imageFolder, qint64 budgetBytes = 256ll << 20,
                            QObject *parent = nullptr);

    // The image if it is decoded; otherwise a null image, and it is decoded in the
    // background (imageReady follows). One that cannot be read stays null (failed follows).
    QImage image(const QString &sha256);
    void prefetch(const QStringList &sha256s);
    bool isUnreadable(const QString &sha256) const { return m_unreadable.contains(sha256); }

signals:
    void imageReady(const QString &sha256);
    void failed(const QString &sha256);

private:
    void load(const QString &sha256);

    QString m_folder;
    QCache<QString, QImage> m_ready; // cost in KiB
    QSet<QString> m_loading;
    QSet<QString> m_unreadable;
};

} // namespace tagdesk::ui

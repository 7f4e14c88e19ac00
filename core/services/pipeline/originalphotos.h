#pragma once

#include "util/result.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>
#include <memory>

namespace tagdesk {

class Account;

// The merchant's original of a photo, fetched when the review zooms in. Analysis downloads
// a rendition no larger than it needs (768 px, MediaImage::analysisUrl), and that is what
// the review shows offline; a person checking a weave or a print at 100 % wants the
// original, so it is downloaded then, into the same image cache, by its content. A photo
// fetched once is not fetched again while this object lives; a failed fetch (offline, a
// broken file) is forgotten, so that asking again tries again.
//
// Lives on the thread that calls it (the review's); the download is asynchronous and the
// file is checked and written on the thread pool. Made from the account as it is: its
// image cache folder and its network timeout.
class OriginalPhotos : public QObject {
    Q_OBJECT
public:
    explicit OriginalPhotos(const Account &account, QObject *parent = nullptr);
    OriginalPhotos(QString imageFolder, std::chrono::milliseconds transferTimeout,
                   QObject *parent = nullptr);
    ~OriginalPhotos() override;

    // The original at `url` in the image cache, by the SHA-256 its file is named by, or why
    // it could not be had, in words.
    QFuture<Result<QString>> fetch(const QUrl &url);

private:
    struct Line; // the network access, the client and the cache, private to the pipeline

    void download(const QUrl &url);
    void finish(const QUrl &url, const Result<QString> &stored);

    std::unique_ptr<Line> m_line;
    QHash<QUrl, QString> m_stored; // sha256 by url
};

} // namespace tagdesk

#pragma once

#include "taggers/localcolouranalyser.h"
#include "taggers/tagger.h"

#include <QThreadPool>

namespace tagdesk {

// The local colour analyser behind the Tagger interface: runs on a thread pool of its
// own (so a big job never starves the rest of the application), needs no network.
class LocalTagger : public Tagger {
public:
    explicit LocalTagger(LocalColourAnalyser::Settings settings = {}, int threads = 0);

    TaggerKind kind() const override { return TaggerKind::Local; }
    QString settingsKey() const override { return m_analyser.settingsKey(); }
    int maxImagesPerCall() const override { return 8; }
    int concurrency() const override { return m_pool.maxThreadCount(); }
    QFuture<Result<QList<Result<TaggerAnswer>>>> analyse(const QList<TaggerImage> &images) override;
    Result<QList<Suggestion>> interpret(const QByteArray &raw,
                                        const QString &mediaId) const override;

private:
    LocalColourAnalyser m_analyser;
    QThreadPool m_pool;
};

} // namespace tagdesk

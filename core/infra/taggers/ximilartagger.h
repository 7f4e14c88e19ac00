#pragma once

#include "net/httpclient.h"
#include "taggers/tagger.h"

#include <QObject>
#include <QUrl>

namespace tagdesk {

// Ximilar Fashion Tagging
// (https://docs.ximilar.com/services/fashion_tagging): `POST {url}/tagging/fashion/v2/detect_tags`
// with `Authorization: Token <key>`, up to 10 records a call, each the cached image's bytes as
// `_base64` (never a Shopify URL: review and re-runs must not depend on the CDN) under the
// media id as `_id`. A record's failure is that image's error; the call's failure (wrong
// key, credits used up) is the outer one.
class XimilarTagger : public Tagger {
public:
    static constexpr int kMaxRecordsPerCall = 10;

    struct Settings {
        QUrl url;        // https://api.ximilar.com
        QString key;     // never part of settingsKey()
        QString profile; // Ximilar's custom profile (renamed/translated tags), if any
        int concurrency = 2;
    };

    XimilarTagger(Settings settings, HttpClient *http);

    TaggerKind kind() const override { return TaggerKind::Ximilar; }
    QString settingsKey() const override;
    int maxImagesPerCall() const override { return kMaxRecordsPerCall; }
    int concurrency() const override { return m_settings.concurrency; }
    QFuture<Result<QList<Result<TaggerAnswer>>>> analyse(const QList<TaggerImage> &images) override;
    Result<QList<Suggestion>> interpret(const QByteArray &raw,
                                        const QString &mediaId) const override;

private:
    using Answers = QList<Result<TaggerAnswer>>;
    QFuture<Result<Answers>> analyseBatch(const QList<TaggerImage> &images);
    Result<Answers> readAnswer(const QList<TaggerImage> &images, const QList<int> &sent,
                               const Result<HttpResponse> &answer) const;

    Settings m_settings;
    HttpClient *m_http;
    QObject m_context; // continuations end with the tagger
};

} // namespace tagdesk

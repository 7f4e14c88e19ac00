#pragma once

#include "domain/suggestion.h"
#include "domain/tagger.h"
#include "util/result.h"

#include <QByteArray>
#include <QFuture>
#include <QList>
#include <QString>

namespace tagdesk {

// One image handed to a tagger, straight from the local image cache.
struct TaggerImage {
    QString mediaId; // gid://shopify/MediaImage/N: suggestions point back at it
    QString sha256;  // cache key; also the key of the answer cache
    QByteArray bytes;
    QString mime;
    // The Shopify taxonomy category to ask in ("aa-1-4"), for a job that files products in
    // Shopify's taxonomy; empty otherwise. A tagger that can ask in the category's
    // vocabulary does (the OpenAI-compatible one); the others ignore it.
    QString categoryId = {};
};

// What a tagger said about one image: its raw answer (kept for audit and re-mapping)
// and the suggestions Tagdesk reads from it.
struct TaggerAnswer {
    QByteArray raw;
    QList<Suggestion> suggestions;
};

// The one interface every tagger implements: images in, suggestions out, raw answer kept.
class Tagger {
public:
    virtual ~Tagger() = default;

    virtual TaggerKind kind() const = 0;
    // Identifies everything that changes the answer (model, profile, algorithm version),
    // so cached answers are reused only when they would come out the same.
    virtual QString settingsKey() const = 0;
    // The key answers for images of a product asked in `categoryId` (see TaggerImage) are
    // kept under: settingsKey(), plus the question when the category changes it.
    virtual QString answerKey(const QString &categoryId) const {
        (void)categoryId;
        return settingsKey();
    }
    // How many images one call may carry (Ximilar: 10) and how many calls may run at once.
    virtual int maxImagesPerCall() const { return 1; }
    virtual int concurrency() const { return 2; }

    // One answer per image, in order. The outer Error is for the call as a whole (wrong
    // key, quota used up: Error::Code::Quota stops the job); the inner ones for single
    // images (a corrupt picture, a record the provider could not read).
    virtual QFuture<Result<QList<Result<TaggerAnswer>>>>
    analyse(const QList<TaggerImage> &images) = 0;

    // Reads a stored raw answer again — after a cache hit, or after the taxonomy changed.
    virtual Result<QList<Suggestion>> interpret(const QByteArray &raw,
                                                const QString &mediaId) const = 0;
};

} // namespace tagdesk

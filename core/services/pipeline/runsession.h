#pragma once

#include "cache/imagecache.h"
#include "pipeline/jobrunner.h"
#include "settings/account.h"

#include <QNetworkAccessManager>

#include <memory>

namespace tagdesk {

// The objects one job run uses — network access, the Shopify client, the tagger, the
// image cache — built from a RunSetup on the thread that will run the job (the desktop
// app's worker thread, or the CLI's only thread).
struct RunSession {
    explicit RunSession(std::chrono::milliseconds transferTimeout)
        : http(&network, HttpClient::Options::withTransferTimeout(transferTimeout)) {}

    QNetworkAccessManager network;
    HttpClient http;
    std::unique_ptr<ShopifyClient> shopify;
    std::unique_ptr<Tagger> tagger;
    std::unique_ptr<ImageCache> images;
    qint64 imageCacheCapBytes = 0;

    // Fails (naming the reason) when the tagger cannot be made from its settings.
    static Result<std::unique_ptr<RunSession>> create(TaggerKind kind, const RunSetup &setup);
    RunnerServices services(DatabaseWriter *writer);
};

} // namespace tagdesk

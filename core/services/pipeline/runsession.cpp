#include "pipeline/runsession.h"

#include "taggers/taggerfactory.h"

namespace tagdesk {

Result<std::unique_ptr<RunSession>> RunSession::create(TaggerKind kind, const RunSetup &setup) {
    auto session = std::make_unique<RunSession>(setup.transferTimeout);
    session->shopify =
        std::make_unique<ShopifyClient>(&session->http, setup.store, setup.credentials);
    auto tagger = makeTagger(kind, setup.taggers, &session->http);
    if (!tagger)
        return tagger.error();
    session->tagger = std::move(tagger).value();
    session->images = std::make_unique<ImageCache>(setup.imageCacheFolder);
    session->imageCacheCapBytes = setup.imageCacheCapBytes;
    return session;
}

RunnerServices RunSession::services(DatabaseWriter *writer) {
    RunnerServices s{writer, shopify.get(), &http, images.get(), tagger.get()};
    s.imageCacheCapBytes = imageCacheCapBytes;
    return s;
}

} // namespace tagdesk

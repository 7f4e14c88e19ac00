// A downloaded image's bytes: the type sniffed for a tagger's upload, the cache's check of
// format and size (ImageCache::inspect, header only) and the local colour analyser's
// decode.

#include "fuzzsupport.h"

#include "cache/imagecache.h"
#include "taggers/localcolouranalyser.h"
#include "taggers/remotetaggersupport.h"

using namespace tagdesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    // Smaller than the app's (96 px, 5 clusters): the same decoding and clustering code,
    // at several times the inputs a second.
    static const LocalColourAnalyser analyser(LocalColourAnalyser::Settings{32, 3, 0.08});
    const QByteArray bytes = fuzz::bytes(data, size);
    (void)remote::sniffImageMime(bytes);
    // Only what the cache accepts is ever analysed.
    if (ImageCache::inspect(bytes))
        (void)analyser.inspect(bytes);
    return 0;
}

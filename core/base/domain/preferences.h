#pragma once

#include "domain/taggersettings.h"
#include "domain/writesettings.h"

#include <QString>

namespace tagdesk {

// Everything the user chose that is not a job: which store, how big the image cache may
// grow, when a push goes bulk, the templates new jobs start with, who reviews, where the
// taggers live. Each program's main() builds it once from Settings and the environment
// (app/common/preferencesloader), and hands it in; core never reads Settings or the
// environment itself, and tests build the value they need.
struct Preferences {
    static constexpr int defaultImageCacheMb = 2048;
    static constexpr int defaultBulkPushMin = 500;
    static constexpr int defaultNetworkTimeoutSeconds = 30;

    // The store as typed (an address or a name), TAGDESK_SHOPIFY_STORE else Settings;
    // empty when none is chosen. --store on the command line wins over it.
    QString storeInput;
    // An Admin API version that overrides the pinned one; empty: the pinned one.
    QString apiVersion;
    // TAGDESK_SHOPIFY_TOKEN: wins over the keychain. Empty: the keychain has it.
    QString accessToken;
    // The image cache's cap. Images of jobs that are not archived are kept whatever it is.
    qint64 imageCacheCapBytes = qint64(defaultImageCacheMb) * 1024 * 1024;
    // Pushes of at least this many products go through bulk mutations.
    int bulkPushMin = defaultBulkPushMin;
    // A request to the store, a tagger or an image host that receives no byte for this long
    // is given up (and retried by the one RetryPolicy). Tests of hung servers set it low.
    int networkTimeoutSeconds = defaultNetworkTimeoutSeconds;
    // The desktop app pushes approved products on its own once the store can be reached
    // again after it could not; off, they wait for Sync now.
    bool syncWhenOnline = true;
    // How a new job writes values: the built-in defaults with the saved templates over them.
    WriteSettings writeDefaults;
    // Who decides, for the review log and the push history: the user's login name.
    QString reviewer = QStringLiteral("tagdesk");
    // The taggers' endpoints, models and concurrency, and any secret the environment
    // gives; secrets saved in Settings stay in the keychain until a run asks for them.
    TaggerSettings taggers = TaggerSettings::defaults();
};

// Where Settings keeps each preference (the keys under which it is saved). The desktop app's
// Settings dialog writes them; the loader in app/common reads them.
namespace preferencekeys {
inline constexpr auto store = "shopify/store";
inline constexpr auto apiVersion = "shopify/apiVersion";
inline constexpr auto tagTemplate = "templates/tag";
inline constexpr auto altTemplate = "templates/alt";
inline constexpr auto imageCacheMb = "cache/imageCacheMb";
inline constexpr auto bulkPushMin = "sync/bulkPushMin";
inline constexpr auto networkTimeoutSeconds = "network/timeoutSeconds";
inline constexpr auto syncWhenOnline = "sync/whenOnline";
// A tagger's setting: "taggers/<key>/<name>" with name url, model, email, profile or
// concurrency (never a secret: those live in the keychain).
inline QString tagger(TaggerKind kind, const char *name) {
    return QStringLiteral("taggers/%1/%2").arg(taggerKey(kind), QLatin1String(name));
}
} // namespace preferencekeys

} // namespace tagdesk

#pragma once

#include "domain/writesettings.h"
#include "secrets/secretstore.h"
#include "shopify/shopifyclient.h"
#include "shopify/shopifystore.h"
#include "taggers/taggerfactory.h"
#include "util/result.h"

#include <QFuture>

namespace tagdesk {

// Where the store, its token and the taggers' settings come from. One place for the CLI
// and the desktop app, so both find the same store with the same token.
namespace accountsettings {

// The QSettings key of the store the user chose in Settings.
inline constexpr auto storeKey = "shopify/store";
// The QSettings keys of the tag and alt-text templates new jobs start with.
inline constexpr auto tagTemplateKey = "templates/tag";
inline constexpr auto altTemplateKey = "templates/alt";

// The image cache's cap: TAGDESK_IMAGE_CACHE_MB, else Settings, else 2 GB. Images of jobs
// that are not archived are kept whatever the cap.
inline constexpr auto imageCacheMbKey = "cache/imageCacheMb";
inline constexpr int defaultImageCacheMb = 2048;
qint64 imageCacheCapBytes();

// Pushes of at least this many products go through bulk mutations:
// TAGDESK_BULK_PUSH_MIN, else Settings, else 500.
inline constexpr auto bulkPushMinKey = "sync/bulkPushMin";
int bulkPushMin();

// How a new job writes values: the built-in defaults with the saved templates over them.
WriteSettings writeDefaults();

// An explicit input (--store), else TAGDESK_SHOPIFY_STORE, else the saved setting.
Result<ShopifyStore> resolveStore(const QString &explicitInput);

// TAGDESK_SHOPIFY_TOKEN, else the keychain entry for this store.
QFuture<Result<ShopifyCredentials>> resolveCredentials(const ShopifyStore &store,
                                                       SecretStore &secrets);

// Saved Settings, then the keychain for the one tagger a job uses (so nobody is asked to
// unlock a keychain for a provider they do not use), then the environment.
QFuture<Result<TaggerSettings>> resolveTaggerSettings(TaggerKind kind, SecretStore &secrets);

// The keychain name of a tagger's secret: Pixyle logs in with a password, the others
// take an API key.
QString taggerSecretName(TaggerKind kind);

} // namespace accountsettings
} // namespace tagdesk

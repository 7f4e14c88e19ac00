#pragma once

#include "domain/preferences.h"
#include "domain/secretstore.h"
#include "domain/shopifystore.h"
#include "domain/taggersettings.h"
#include "util/result.h"

#include <QFuture>

namespace tagdesk {

// Where the store, its token and the taggers' secrets come from, given the Preferences
// main() built: one place for the CLI and the desktop app, so both find the same store
// with the same token.
namespace accountsettings {

// The Settings keys (domain/preferences.h), under the names Settings pages know.
inline constexpr auto storeKey = preferencekeys::store;
inline constexpr auto tagTemplateKey = preferencekeys::tagTemplate;
inline constexpr auto altTemplateKey = preferencekeys::altTemplate;
inline constexpr auto imageCacheMbKey = preferencekeys::imageCacheMb;
inline constexpr int defaultImageCacheMb = Preferences::defaultImageCacheMb;
// The largest image cache Settings offers (1 TB); a larger saved number is not a size.
inline constexpr int maxImageCacheMb = 1024 * 1024;
inline constexpr auto bulkPushMinKey = preferencekeys::bulkPushMin;

// An explicit input (--store), else the preferences' store (TAGDESK_SHOPIFY_STORE, else
// Settings), with the preferences' API version over the pinned one.
Result<ShopifyStore> resolveStore(const QString &explicitInput, const Preferences &preferences);

// The preferences' token (TAGDESK_SHOPIFY_TOKEN), else the keychain entry for this store.
QFuture<Result<ShopifyCredentials>>
resolveCredentials(const ShopifyStore &store, const Preferences &preferences, SecretStore &secrets);

// The preferences' tagger settings; when they hold no secret for `kind`, the keychain's
// (read only for the one tagger a job uses, so nobody is asked to unlock a keychain for a
// provider they do not use). A keychain that cannot be read is an error, never silence.
QFuture<Result<TaggerSettings>>
resolveTaggerSettings(TaggerKind kind, const Preferences &preferences, SecretStore &secrets);

// The keychain name of a tagger's secret: Pixyle logs in with a password, the others
// take an API key.
QString taggerSecretName(TaggerKind kind);

} // namespace accountsettings
} // namespace tagdesk

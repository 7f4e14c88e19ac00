#pragma once

#include "domain/preferences.h"

#include <QProcessEnvironment>

class QSettings;

namespace tagdesk::preferencesloader {

// The Preferences a program starts with: what was saved in Settings, with the environment
// over it (README "Environment"): TAGDESK_SHOPIFY_STORE, TAGDESK_SHOPIFY_TOKEN,
// TAGDESK_IMAGE_CACHE_MB, TAGDESK_BULK_PUSH_MIN, TAGDESK_NETWORK_TIMEOUT_S,
// TAGDESK_XIMILAR_URL/_KEY/_PROFILE, TAGDESK_PIXYLE_URL/_EMAIL/_PASSWORD,
// TAGDESK_OPENAI_URL/_KEY/_MODEL; the reviewer is the login name (USER, else USERNAME), else
// "tagdesk". The only place that reads them.
Preferences load(const QSettings &settings, const QProcessEnvironment &environment);

// The same from this user's Settings and this process's environment.
Preferences load();

} // namespace tagdesk::preferencesloader

#pragma once

#include "domain/taggersettings.h"
#include "settings/account.h"
#include "util/result.h"

#include <QString>

#include <memory>

namespace tagdesk::sandbox {
class SandboxServer;
}

namespace tagdesk {

// `--demo`: the sandbox store and taggers, in this process, on a loopback port. Its store
// persists under the app-data folder, so successive runs see one store; --demo-reset
// starts it (and the demo database and images) afresh.
class DemoStore {
public:
    ~DemoStore();

    static Result<std::unique_ptr<DemoStore>> start();
    // Removes the demo store, database and image cache (before anything opens them).
    static Status reset();

    static QString databasePath();
    static QString imageCachePath();

    QString storeUrl() const;
    QString accessToken() const;
    // The demo's taggers: every one answered by the demo store, with the rest of `kept`
    // (concurrency, Ximilar's profile, local threads) kept.
    TaggerSettings taggerSettings(const TaggerSettings &kept = TaggerSettings::defaults()) const;
    // The demo as an account: its store, token and taggers, secrets kept in memory only;
    // the user's other preferences (templates, reviewer, cache cap) as they are.
    std::unique_ptr<Account> account(Preferences preferences = {}) const;
    // Sets a product's colour metafield (tagdesk.colour, where a job writes colour by
    // default) as a merchant in the Shopify admin would: a change to a field Tagdesk
    // writes, made after Tagdesk read the product, so the screenshot tour shows a conflict.
    Status setColourAsMerchant(const QString &productId, const QString &colour);

private:
    DemoStore() = default;
    std::unique_ptr<sandbox::SandboxServer> m_server;
};

} // namespace tagdesk

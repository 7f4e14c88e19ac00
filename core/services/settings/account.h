#pragma once

#include "domain/preferences.h"
#include "domain/secretstore.h"
#include "domain/shopifystore.h"
#include "domain/taggersettings.h"
#include "util/result.h"

#include <QFuture>
#include <QString>

#include <chrono>
#include <memory>

namespace tagdesk {

// Everything one job run needs to reach the store and its tagger, as plain values that
// can cross to the worker thread.
struct RunSetup {
    ShopifyStore store;
    ShopifyCredentials credentials;
    TaggerSettings taggers;
    QString imageCacheFolder;
    qint64 imageCacheCapBytes = 0;
    // No byte for this long ends an HTTP attempt (Preferences::networkTimeoutSeconds).
    std::chrono::milliseconds transferTimeout =
        std::chrono::seconds(Preferences::defaultNetworkTimeoutSeconds);
};

// The store the application works with, and where its token, its taggers' settings and
// its image cache come from: the saved settings and the system keychain, or (--demo,
// tests) fixed values. The desktop app asks only this, so the demo never touches the real
// keychain.
class Account {
public:
    explicit Account(Preferences preferences = {})
        : m_preferences(std::move(preferences)) {}
    virtual ~Account() = default;

    // What the user chose, as main() built it; Settings hands a new value in after saving.
    const Preferences &preferences() const { return m_preferences; }
    void setPreferences(Preferences preferences) { m_preferences = std::move(preferences); }

    virtual bool isDemo() const = 0;
    // What the title and status bar call the store: "Demo store", "example.myshopify.com".
    virtual QString displayName() const = 0;
    virtual Result<ShopifyStore> store() const = 0;
    virtual QFuture<Result<ShopifyCredentials>> credentials(const ShopifyStore &store) = 0;
    virtual QFuture<Result<TaggerSettings>> taggerSettings(TaggerKind kind) = 0;
    // Where Settings keeps and reads secrets for this account.
    virtual SecretStore &secrets() = 0;
    virtual QString imageCacheFolder() const = 0;
    // The cap on the image cache (Preferences::imageCacheCapBytes).
    qint64 imageCacheCapBytes() const { return m_preferences.imageCacheCapBytes; }
    // How long an HTTP attempt may go without a byte (Preferences::networkTimeoutSeconds).
    std::chrono::milliseconds transferTimeout() const {
        return std::chrono::seconds(m_preferences.networkTimeoutSeconds);
    }

    // The store, its token and the tagger's settings, resolved together for one run.
    QFuture<Result<RunSetup>> runSetup(TaggerKind kind);

    // The Settings key of an Admin API version that overrides the pinned one.
    static constexpr const char *apiVersionKey = preferencekeys::apiVersion;

private:
    Preferences m_preferences;
};

// The account the user configured: the store given on the command line, else the
// preferences' (TAGDESK_SHOPIFY_STORE, else Settings: accountsettings::resolveStore); its
// token and the taggers' secrets from the preferences (the environment), else in `secrets`
// (the system keychain in the app).
class SavedAccount : public Account {
public:
    SavedAccount(SecretStore &secrets, Preferences preferences, QString storeInput = {});

    bool isDemo() const override { return false; }
    QString displayName() const override;
    Result<ShopifyStore> store() const override;
    QFuture<Result<ShopifyCredentials>> credentials(const ShopifyStore &store) override;
    QFuture<Result<TaggerSettings>> taggerSettings(TaggerKind kind) override;
    SecretStore &secrets() override { return m_secrets; }
    QString imageCacheFolder() const override;

private:
    SecretStore &m_secrets;
    QString m_storeInput;
};

// An account whose store, token and tagger settings are given: the demo store and tests.
// Secrets saved in Settings go to memory only; the rest of `preferences` (templates,
// cache cap, reviewer, …) applies as for a saved account.
class FixedAccount : public Account {
public:
    struct Values {
        QString displayName;
        QString storeUrl;
        QString accessToken;
        TaggerSettings taggers;
        QString imageCacheFolder;
        bool demo = true;
    };
    explicit FixedAccount(Values values, Preferences preferences = {});

    bool isDemo() const override { return m_values.demo; }
    QString displayName() const override { return m_values.displayName; }
    Result<ShopifyStore> store() const override;
    QFuture<Result<ShopifyCredentials>> credentials(const ShopifyStore &store) override;
    QFuture<Result<TaggerSettings>> taggerSettings(TaggerKind kind) override;
    SecretStore &secrets() override { return m_secrets; }
    QString imageCacheFolder() const override { return m_values.imageCacheFolder; }

private:
    Values m_values;
    MemorySecretStore m_secrets;
};

} // namespace tagdesk

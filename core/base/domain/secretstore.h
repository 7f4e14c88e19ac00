#pragma once

#include "util/result.h"

#include <QFuture>
#include <QHash>
#include <QMutex>
#include <QString>

#include <optional>

namespace tagdesk {

// Where credentials live: only here, never in the database, settings or logs. A port:
// the OS keychain implements it in infra/secrets (KeychainSecretStore).
// Reading a key that was never written is not an error: it answers std::nullopt.
class SecretStore {
public:
    virtual ~SecretStore() = default;
    virtual QFuture<Result<std::optional<QString>>> read(const QString &key) = 0;
    virtual QFuture<Status> write(const QString &key, const QString &secret) = 0;
    virtual QFuture<Status> remove(const QString &key) = 0;
};

// Keys are namespaced per store, so two shops never share a token:
// "shopify/example.myshopify.com/access-token", "tagger/ximilar/api-key".
QString shopSecretKey(const QString &shopDomain, const QString &name);
QString taggerSecretKey(const QString &tagger, const QString &name);

// For tests and --demo: the same contract, kept in memory only.
class MemorySecretStore : public SecretStore {
public:
    QFuture<Result<std::optional<QString>>> read(const QString &key) override;
    QFuture<Status> write(const QString &key, const QString &secret) override;
    QFuture<Status> remove(const QString &key) override;

private:
    QMutex m_mutex;
    QHash<QString, QString> m_secrets;
};

} // namespace tagdesk

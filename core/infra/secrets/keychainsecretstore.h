#pragma once

#include "domain/secretstore.h"

namespace tagdesk {

// The OS keychain through QtKeychain (libsecret, macOS Keychain, Windows Credential
// Store). No silent plain-text fallback: if there is no keychain, the error says so.
// The answers arrive through the event loop of the thread that asked.
class KeychainSecretStore : public SecretStore {
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("Tagdesk"));
    QFuture<Result<std::optional<QString>>> read(const QString &key) override;
    QFuture<Status> write(const QString &key, const QString &secret) override;
    QFuture<Status> remove(const QString &key) override;

private:
    QString m_service;
};

} // namespace tagdesk

#include "domain/secretstore.h"

#include "util/futures.h"

#include <QMutexLocker>

namespace tagdesk {

QString shopSecretKey(const QString &shopDomain, const QString &name) {
    return QStringLiteral("shopify/%1/%2").arg(shopDomain.toLower(), name);
}

QString taggerSecretKey(const QString &tagger, const QString &name) {
    return QStringLiteral("tagger/%1/%2").arg(tagger.toLower(), name);
}

QFuture<Result<std::optional<QString>>> MemorySecretStore::read(const QString &key) {
    QMutexLocker lock(&m_mutex);
    const auto it = m_secrets.constFind(key);
    return readyFuture(
        Result<std::optional<QString>>(it == m_secrets.cend() ? std::nullopt : std::optional(*it)));
}

QFuture<Status> MemorySecretStore::write(const QString &key, const QString &secret) {
    QMutexLocker lock(&m_mutex);
    m_secrets.insert(key, secret);
    return readyFuture(Status{});
}

QFuture<Status> MemorySecretStore::remove(const QString &key) {
    QMutexLocker lock(&m_mutex);
    m_secrets.remove(key);
    return readyFuture(Status{});
}

} // namespace tagdesk

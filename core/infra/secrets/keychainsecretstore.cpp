#include "secrets/keychainsecretstore.h"
#include "util/futures.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QPromise>

#include <memory>

namespace tagdesk {

namespace {

struct Texts {
    Q_DECLARE_TR_FUNCTIONS(SecretStore)
};

Error keychainError(const QKeychain::Job &job, const QString &key) {
    const QString what = Texts::tr("The system keychain refused access to '%1': %2");
    if (job.error() == QKeychain::NoBackendAvailable)
        return Error::unavailable(
            Texts::tr("No system keychain is available to keep '%1' safe (%2). Start your "
                      "desktop's keyring service, or pass the credential through the "
                      "environment for this session.")
                .arg(key, job.errorString()));
    return Error::failed(what.arg(key, job.errorString()));
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service)
    : m_service(std::move(service)) {
}

QFuture<Result<std::optional<QString>>> KeychainSecretStore::read(const QString &key) {
    auto promise = std::make_shared<QPromise<Result<std::optional<QString>>>>();
    promise->start();
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, job, [promise, key](QKeychain::Job *done) {
        auto *reader = static_cast<QKeychain::ReadPasswordJob *>(done);
        if (done->error() == QKeychain::NoError)
            promise->addResult(std::optional<QString>(reader->textData()));
        else if (done->error() == QKeychain::EntryNotFound)
            promise->addResult(std::optional<QString>());
        else
            promise->addResult(keychainError(*done, key));
        promise->finish();
    });
    job->start();
    return promise->future();
}

QFuture<Status> KeychainSecretStore::write(const QString &key, const QString &secret) {
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(secret);
    QObject::connect(job, &QKeychain::Job::finished, job, [promise, key](QKeychain::Job *done) {
        promise->addResult(done->error() == QKeychain::NoError ? Status{}
                                                               : Status{keychainError(*done, key)});
        promise->finish();
    });
    job->start();
    return promise->future();
}

QFuture<Status> KeychainSecretStore::remove(const QString &key) {
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, job, [promise, key](QKeychain::Job *done) {
        const bool ok =
            done->error() == QKeychain::NoError || done->error() == QKeychain::EntryNotFound;
        promise->addResult(ok ? Status{} : Status{keychainError(*done, key)});
        promise->finish();
    });
    job->start();
    return promise->future();
}

} // namespace tagdesk

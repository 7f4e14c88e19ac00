#include "demostore.h"

#include "catalog/catalogloader.h"
#include "domain/databaseconfig.h"
#include "server/adminendpoints.h"
#include "server/sandboxserver.h"
#include "shopify/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QStandardPaths>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(DemoStore)
};

QString appData(const QString &name) {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(name);
}

QString statePath() {
    return appData(QStringLiteral("demo-store.json"));
}
} // namespace

DemoStore::~DemoStore() = default;

QString DemoStore::databasePath() {
    return DatabaseConfig::defaultSqlitePath(QStringLiteral("demo.sqlite"));
}

QString DemoStore::imageCachePath() {
    return appData(QStringLiteral("demo-images"));
}

Status DemoStore::reset() {
    const QString db = databasePath();
    for (const QString &file :
         QStringList{statePath(), db, db + QStringLiteral("-wal"), db + QStringLiteral("-shm")}) {
        if (QFile::exists(file) && !QFile::remove(file))
            return Error::storage(Texts::tr("Cannot remove %1 to reset the demo")
                                      .arg(QDir::toNativeSeparators(file)));
    }
    QDir images(imageCachePath());
    if (images.exists() && !images.removeRecursively())
        return Error::storage(Texts::tr("Cannot remove the demo images in %1")
                                  .arg(QDir::toNativeSeparators(images.path())));
    return {};
}

Result<std::unique_ptr<DemoStore>> DemoStore::start() {
    sandbox::SandboxConfig config;
    config.statePath = statePath();
    QDir().mkpath(QFileInfo(config.statePath).absolutePath());
    std::unique_ptr<DemoStore> demo(new DemoStore());
    demo->m_server = std::make_unique<sandbox::SandboxServer>(config, sandbox::demoCatalog());
    auto port = demo->m_server->start();
    if (!port)
        return Error::unavailable(
            Texts::tr("The demo store could not start: %1").arg(port.error().message));
    return demo;
}

QString DemoStore::storeUrl() const {
    return m_server->baseUrl();
}

QString DemoStore::accessToken() const {
    return sandbox::ShopifyConfig().token;
}

TaggerSettings DemoStore::taggerSettings(const TaggerSettings &kept) const {
    TaggerSettings s = kept;
    const QUrl base(m_server->baseUrl());
    s.ximilar.url = base;
    s.ximilar.key = QStringLiteral("sandbox-ximilar");
    s.pixyle.url = base;
    s.pixyle.email = QStringLiteral("sandbox@tagdesk.test");
    s.pixyle.password = QStringLiteral("sandbox");
    s.openAi.url = base;
    s.openAi.key = QStringLiteral("sk-sandbox");
    s.openAi.model = QStringLiteral("sandbox-vision");
    return s;
}

std::unique_ptr<Account> DemoStore::account(Preferences preferences) const {
    const TaggerSettings taggers = taggerSettings(preferences.taggers);
    preferences.storeInput = storeUrl();
    preferences.accessToken = accessToken();
    preferences.taggers = taggers;
    return std::make_unique<FixedAccount>(
        FixedAccount::Values{QCoreApplication::translate("DemoStore", "Demo store"), storeUrl(),
                             accessToken(), taggers, imageCachePath(), true},
        std::move(preferences));
}

Status DemoStore::setColourAsMerchant(const QString &productId, const QString &colour) {
    return sandbox::editProductAsMerchant(
        m_server->store(), productId,
        QJsonObject{{QStringLiteral("metafield:tagdesk.colour"), colour}});
}

} // namespace tagdesk

// Settings saved while Sync now runs (the crash of issue 10): the user's own store is
// slow, so a sync of the job takes a while; meanwhile Settings switch the app to a
// second store with its own token. Nothing crashes or hangs, and the sync finishes
// against the store and token it started with: the first store has the job's values, the
// second is never written.
#include "common/preferencesloader.h"
#include "desktopfixture.h"
#include "domain/secretstore.h"
#include "joblist/jobactions.h"
#include "joblist/joblistpanel.h"
#include "joblist/jobtablemodel.h"
#include "joblist/syncactions.h"
#include "pipeline/reviewservice.h"
#include "pipeline/workhost.h"
#include "settings/accountsettings.h"
#include "settings/settingsdialog.h"
#include "support/sandboxhttp.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>

#include <algorithm>

using namespace tagdesk;
using namespace tagdesk::test;

namespace {

const QString secondToken = QStringLiteral("shpat_second_store");

QString status(QTableView *view) {
    return view->model()->index(0, ui::JobTableModel::Status).data().toString();
}

// How many of a store's products carry a tag Tagdesk writes ("colour:navy").
int taggedProducts(const QJsonArray &products) {
    int tagged = 0;
    for (const QJsonValue &p : products) {
        const QJsonArray tags = p.toObject().value(QStringLiteral("tags")).toArray();
        tagged += std::any_of(tags.begin(), tags.end(),
                              [](const QJsonValue &t) {
                                  return t.toString().startsWith(QLatin1String("colour:"));
                              })
                      ? 1
                      : 0;
    }
    return tagged;
}

class SyncDuringSettings : public DesktopFixture {
protected:
    // The user's own store (not the demo), found through Settings and the keychain as
    // the app finds it: a slow first store, and a second one with another token.
    void SetUp() override {
        DesktopFixture::SetUp();
        QSettings().clear();
        sandbox::SandboxConfig slow;
        slow.faults.services[QStringLiteral("shopify")].latencyMinMs = 30;
        slow.faults.services[QStringLiteral("shopify")].latencyMaxMs = 60;
        server = std::make_unique<sandbox::SandboxServer>(slow, sandbox::demoCatalog());
        auto port = server->start();
        ASSERT_TRUE(port.ok()) << (port ? "" : port.error().message.toStdString());
        sandbox::SandboxConfig other;
        other.shopify.token = secondToken;
        second = std::make_unique<sandbox::SandboxServer>(other, sandbox::demoCatalog());
        port = second->start();
        ASSERT_TRUE(port.ok()) << (port ? "" : port.error().message.toStdString());

        QSettings().setValue(QLatin1String(accountsettings::storeKey), server->baseUrl());
        const QString domain = ShopifyStore::parse(server->baseUrl())->domain();
        auto saved = secrets.write(shopSecretKey(domain, QStringLiteral("access-token")),
                                   sandbox::ShopifyConfig().token);
        ASSERT_TRUE(QTest::qWaitFor([&] { return saved.isFinished(); }, patientMs));
        ASSERT_TRUE(saved.result().ok());
        // As the desktop app does: the preferences from Settings (and an environment
        // without TAGDESK_*), read again when Settings are saved.
        const auto load = [] {
            return preferencesloader::load(QSettings(), {});
        };
        account = std::make_unique<SavedAccount>(secrets, load());
        reloadPreferences = load;
    }

    void TearDown() override {
        window.reset();
        QSettings().clear(); // still the test's settings, not the user's
        DesktopFixture::TearDown();
    }

    QJsonArray products(const sandbox::SandboxServer &store) {
        return sandboxJson(network, QUrl(store.baseUrl() + QStringLiteral("/_sandbox/products")))
            .object()
            .value(QStringLiteral("products"))
            .toArray();
    }

    QStringList writesTo(const sandbox::SandboxServer &store) {
        QStringList writes;
        for (const QJsonValue &entry : sandboxRequestLog(network, store.baseUrl())) {
            const QString operation =
                entry.toObject().value(QStringLiteral("operationName")).toString();
            if (QStringList{QStringLiteral("TagsAdd"), QStringLiteral("TagsRemove"),
                            QStringLiteral("ProductUpdate"), QStringLiteral("MetafieldsSet"),
                            QStringLiteral("MetafieldsDelete"), QStringLiteral("FileUpdate"),
                            QStringLiteral("BulkMutationRun")}
                    .contains(operation))
                writes << operation;
        }
        return writes;
    }

    MemorySecretStore secrets;
    std::unique_ptr<sandbox::SandboxServer> second;
    QNetworkAccessManager network;
};

} // namespace

TEST_F(SyncDuringSettings, TheSyncFinishesAgainstTheStoreAndTokenItStartedWith) {
    NewJob n;
    n.name = QStringLiteral("Slow sync");
    n.destinations = Destinations(Destination::Tags);
    const qint64 id = jobs->create(n).result().value().id;
    openWindow();
    auto *jobTable = window->findChild<QTableView *>(QStringLiteral("jobTable"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return jobTable->model()->rowCount() == 1; }, patientMs));
    window->jobList()->selectJob(id);
    window->jobActions()->runJob(id, TaggerKind::Local);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return status(jobTable) == QStringLiteral("Review"); }, patientMs))
        << status(jobTable).toStdString();
    const auto approved =
        ReviewService(*writer).approve(id, {}, std::nullopt, QStringLiteral("Ann")).result();
    ASSERT_TRUE(approved.ok());
    ASSERT_GE(approved.value(), 30) << "enough products for a sync that takes a while";
    window->jobList()->reload();
    ASSERT_TRUE(QTest::qWaitFor([&] { return status(jobTable) == QStringLiteral("Ready to sync"); },
                                patientMs));
    window->jobList()->selectJob(id);
    ui::SyncActions *sync = window->syncActions();
    ASSERT_TRUE(QTest::qWaitFor([&] { return sync->sync()->isEnabled(); }, patientMs));
    const QJsonArray secondBefore = products(*second);
    ASSERT_EQ(taggedProducts(products(*server)), 0);

    // Sync now, and wait until it is under way.
    WorkHost *work = window->workHost();
    qint64 pushed = 0;
    QObject::connect(work, &WorkHost::progress, window.get(),
                     [&](qint64, const JobProgress &p) { pushed = p.done; });
    QSignalSpy synced(sync, &ui::SyncActions::synced);
    sync->sync()->trigger();
    ASSERT_TRUE(QTest::qWaitFor([&] { return pushed >= 1; }, patientMs));

    // Settings: the second store, with its own token.
    window->settingsAction()->trigger();
    ui::SettingsDialog *dialog = nullptr;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return (dialog = window->findChild<ui::SettingsDialog *>()) && dialog->isVisible(); },
        patientMs));
    dialog->findChild<QLineEdit *>(QStringLiteral("storeUrl"))->setText(second->baseUrl());
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("accessToken")), secondToken);
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return !window->findChild<ui::SettingsDialog *>(); }, patientMs));
    EXPECT_EQ(account->store()->domain(), ShopifyStore::parse(second->baseUrl())->domain())
        << "the app switched store";
    EXPECT_EQ(work->busyWith(id), WorkKind::Push) << "the settings were saved during the sync";
    EXPECT_LT(pushed, approved.value());

    ASSERT_TRUE(QTest::qWaitFor([&] { return synced.count() == 1; }, patientMs));
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return status(jobTable) == QStringLiteral("Complete"); }, patientMs))
        << status(jobTable).toStdString();
    EXPECT_EQ(window->findChild<QMessageBox *>(QStringLiteral("problemMessage")), nullptr)
        << "the sync reported a problem";

    // The first store has the job's values (as many as Sync now writes to the demo
    // catalog when nothing interferes); the second was never written.
    EXPECT_GE(taggedProducts(products(*server)), 50);
    EXPECT_EQ(writesTo(*second), QStringList());
    EXPECT_EQ(products(*second), secondBefore);
    EXPECT_FALSE(writesTo(*server).isEmpty());
}

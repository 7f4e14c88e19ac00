// Settings through the real dialog: a bad store address is refused with the reason, "Test
// connection" says what works and what does not, a saved token goes to the secret store and
// is never shown back in full.
#include "desktopfixture.h"
#include "settings/accountsettings.h"
#include "settings/settingsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTcpServer>

using namespace tagdesk;
using namespace tagdesk::test;

namespace {
class SettingsWindow : public DesktopFixture {
protected:
    // The user's own store (not the demo): what Settings saves is used.
    void SetUp() override {
        DesktopFixture::SetUp();
        QSettings().clear();
        account = std::make_unique<FixedAccount>(
            FixedAccount::Values{QStringLiteral("Own store"), server->baseUrl(), QString(),
                                 TaggerSettings::defaults(), images.path(), false});
        openWindow();
    }

    ui::SettingsDialog *openSettings() {
        window->settingsAction()->trigger();
        ui::SettingsDialog *dialog = nullptr;
        EXPECT_TRUE(QTest::qWaitFor(
            [&] {
                return (dialog = window->findChild<ui::SettingsDialog *>()) && dialog->isVisible();
            },
            patientMs));
        return dialog;
    }
};

QString testConnection(ui::SettingsDialog *dialog) {
    auto *result = dialog->findChild<QLabel *>(QStringLiteral("testResult"));
    result->clear();
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("testConnection")),
                      Qt::LeftButton);
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            return result->text().contains(QStringLiteral("✘")) ||
                   result->text().contains(QStringLiteral("write_products"));
        },
        patientMs));
    return result->text();
}
} // namespace

TEST_F(SettingsWindow, RefusesABadStoreAddressWithTheReason) {
    ui::SettingsDialog *dialog = openSettings();
    auto *url = dialog->findChild<QLineEdit *>(QStringLiteral("storeUrl"));
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    url->clear();
    QTest::keyClicks(url, QStringLiteral("my shop!"));
    const auto parsed = ShopifyStore::parse(QStringLiteral("my shop!"));
    ASSERT_FALSE(parsed.ok());
    EXPECT_FALSE(ok->isEnabled());
    EXPECT_TRUE(dialog->findChild<QLabel *>(QStringLiteral("settingsProblem"))
                    ->text()
                    .contains(parsed.error().message))
        << dialog->findChild<QLabel *>(QStringLiteral("settingsProblem"))->text().toStdString();
    url->clear();
    QTest::keyClicks(url, QStringLiteral("example.myshopify.com"));
    EXPECT_TRUE(ok->isEnabled());
}

TEST_F(SettingsWindow, TestConnectionSaysWhatWorksAndTheTokenIsStoredMasked) {
    ui::SettingsDialog *dialog = openSettings();
    auto *url = dialog->findChild<QLineEdit *>(QStringLiteral("storeUrl"));
    auto *token = dialog->findChild<QLineEdit *>(QStringLiteral("accessToken"));
    url->setText(server->baseUrl());

    QTest::keyClicks(token, QStringLiteral("shpat_wrong0000000000"));
    const QString refused = testConnection(dialog);
    EXPECT_TRUE(refused.contains(QStringLiteral("✔ The store is reachable")))
        << refused.toStdString();
    EXPECT_TRUE(refused.contains(QStringLiteral("✘ Token rejected"))) << refused.toStdString();
    EXPECT_TRUE(refused.contains(QStringLiteral("refused the access token")))
        << refused.toStdString();

    token->clear();
    QTest::keyClicks(token, sandbox::ShopifyConfig().token);
    const QString works = testConnection(dialog);
    EXPECT_TRUE(works.contains(QStringLiteral("✔ The access token is accepted")))
        << works.toStdString();
    for (const char *granted : {"✔ read_products", "✔ write_products", "✔ write_files"})
        EXPECT_TRUE(works.contains(QString::fromUtf8(granted))) << works.toStdString();

    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return !window->findChild<ui::SettingsDialog *>(); }, patientMs));
    const QString domain = ShopifyStore::parse(server->baseUrl())->domain();
    auto stored = account->secrets().read(shopSecretKey(domain, QStringLiteral("access-token")));
    ASSERT_TRUE(QTest::qWaitFor([&] { return stored.isFinished(); }, patientMs));
    ASSERT_TRUE(stored.result().ok() && stored.result().value());
    EXPECT_EQ(*stored.result().value(), sandbox::ShopifyConfig().token);
    EXPECT_EQ(QSettings().value(QLatin1String(accountsettings::storeKey)).toString(),
              server->baseUrl());

    // Opened again: the token is not in the field, only recognisable in its placeholder.
    dialog = openSettings();
    token = dialog->findChild<QLineEdit *>(QStringLiteral("accessToken"));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return token->placeholderText().startsWith(QStringLiteral("Stored: shpat_…")); },
        patientMs))
        << token->placeholderText().toStdString();
    EXPECT_TRUE(token->text().isEmpty());
    EXPECT_FALSE(token->placeholderText().contains(sandbox::ShopifyConfig().token));
}

TEST_F(SettingsWindow, TestConnectionNamesEveryScopeAJobMayNeedThatTheTokenLacks) {
    ui::SettingsDialog *dialog = openSettings();
    dialog->findChild<QLineEdit *>(QStringLiteral("storeUrl"))->setText(server->baseUrl());
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("accessToken")), noFilesToken);
    const QString answer = testConnection(dialog);
    EXPECT_TRUE(answer.contains(QStringLiteral("✔ read_products"))) << answer.toStdString();
    EXPECT_TRUE(answer.contains(QStringLiteral("✔ write_products"))) << answer.toStdString();
    EXPECT_TRUE(answer.contains(
        QStringLiteral("✘ write_files missing: writing image alt text will be refused")))
        << answer.toStdString();
}

TEST_F(SettingsWindow, TestConnectionSaysWhenNothingAnswers) {
    ui::SettingsDialog *dialog = openSettings();
    QTcpServer probe; // a port where nothing listens
    ASSERT_TRUE(probe.listen(QHostAddress::LocalHost));
    const quint16 closedPort = probe.serverPort();
    probe.close();
    dialog->findChild<QLineEdit *>(QStringLiteral("storeUrl"))
        ->setText(QStringLiteral("http://127.0.0.1:%1").arg(closedPort));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("accessToken")),
                     QStringLiteral("shpat_any0000000000"));
    const QString answer = testConnection(dialog);
    EXPECT_TRUE(answer.contains(QStringLiteral("✘ Unreachable"))) << answer.toStdString();
    EXPECT_FALSE(answer.contains(QStringLiteral("The store is reachable"))) << answer.toStdString();
    EXPECT_FALSE(answer.contains(QStringLiteral("Token rejected"))) << answer.toStdString();
}

TEST_F(SettingsWindow, SavingHandsTheAccountTheNewPreferences) {
    Preferences saved;
    saved.reviewer = QStringLiteral("ada");
    saved.bulkPushMin = 7;
    reloadPreferences = [saved] {
        return saved;
    };
    window.reset();
    openWindow();
    ASSERT_NE(account->preferences().reviewer, QStringLiteral("ada"));
    ui::SettingsDialog *dialog = openSettings();
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return !window->findChild<ui::SettingsDialog *>(); }, patientMs));
    EXPECT_EQ(account->preferences().reviewer, QStringLiteral("ada"));
    EXPECT_EQ(account->preferences().bulkPushMin, 7);
}

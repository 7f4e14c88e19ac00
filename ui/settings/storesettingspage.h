#pragma once

#include "pipeline/storeprobe.h"
#include "settings/account.h"
#include "settings/settingspage.h"

class QLabel;
class QLineEdit;
class QPushButton;

namespace tagdesk::ui {

class SecretField;

// The store: its address, the Admin API access token (kept in the keychain), the API
// version; and "Test connection", which says exactly what works: is the store reachable,
// is the token accepted, may it read and write products.
class StoreSettingsPage : public SettingsPage {
    Q_OBJECT
public:
    explicit StoreSettingsPage(Account &account, QWidget *parent = nullptr);

    Status validate() const override;
    QFuture<Status> save() override;

    // Tests what is typed now (not what is saved).
    void testConnection();

private:
    Result<ShopifyStore> typedStore() const;
    void showTestResult(const Result<ShopConnection> &connection);

    Account &m_account;
    QLineEdit *m_url;
    SecretField *m_token;
    QLineEdit *m_apiVersion;
    QLabel *m_urlProblem;
    QPushButton *m_test;
    QLabel *m_testResult;
    StoreProbe *m_probe;
};

} // namespace tagdesk::ui

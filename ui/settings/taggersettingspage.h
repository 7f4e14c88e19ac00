#pragma once

#include "settings/account.h"
#include "settings/settingspage.h"

class QLineEdit;
class QSpinBox;

namespace tagdesk::ui {

class SecretField;

// One remote tagger (Ximilar, Pixyle, OpenAI-compatible): endpoint, key or password (in
// the keychain), e-mail or model where the provider has one, and how many requests may
// run at once.
class TaggerSettingsPage : public SettingsPage {
    Q_OBJECT
public:
    TaggerSettingsPage(TaggerKind kind, Account &account, QWidget *parent = nullptr);

    Status validate() const override;
    QFuture<Status> save() override;

private:
    TaggerKind m_kind;
    Account &m_account;
    QLineEdit *m_url;
    SecretField *m_secret;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_model = nullptr;
    QSpinBox *m_concurrency;
};

} // namespace tagdesk::ui

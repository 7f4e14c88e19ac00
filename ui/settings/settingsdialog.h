#pragma once

#include "settings/account.h"

#include <QDialog>
#include <QList>

class QDialogButtonBox;
class QLabel;
class QTabWidget;

namespace tagdesk::ui {

class SettingsPage;

// Settings: the store, each tagger, and general preferences, one tab each. OK checks
// every tab first (the first problem is shown, naming the field, and that tab is opened),
// then saves; secrets go to the keychain asynchronously and the dialog closes when they
// are stored, or says why not.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(Account &account, QWidget *parent = nullptr);

    void accept() override;

signals:
    void saved();

private:
    void revalidate();

    QTabWidget *m_tabs;
    QList<SettingsPage *> m_pages;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace tagdesk::ui

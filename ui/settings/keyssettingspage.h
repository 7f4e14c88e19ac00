#pragma once

#include "settings/settingspage.h"

class QTableWidget;

namespace tagdesk::ui {

// The review's keys: what each does and its keys, typed as they read ("A; P", "Ctrl+Z"),
// with Reset to defaults. Two actions on one key are refused, naming both.
class KeysSettingsPage : public SettingsPage {
    Q_OBJECT
public:
    explicit KeysSettingsPage(QWidget *parent = nullptr);
    Status validate() const override;
    QFuture<Status> save() override;
    QTableWidget *table() const { return m_table; }

private:
    void resetToDefaults();

    QTableWidget *m_table;
};

} // namespace tagdesk::ui

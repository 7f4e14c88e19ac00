#pragma once

#include "settings/settingspage.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace tagdesk::ui {

// What is not about a store or a tagger: the tag and alt-text templates, the image cache's
// size, the language, and whether approved products sync on their own once online.
class GeneralSettingsPage : public SettingsPage {
    Q_OBJECT
public:
    explicit GeneralSettingsPage(QWidget *parent = nullptr);

    Status validate() const override;
    QFuture<Status> save() override;

    // The QSettings key of the language (the templates' keys are accountsettings').
    static constexpr const char *languageKey = "general/language";

private:
    QLineEdit *m_tagTemplate;
    QLineEdit *m_altTemplate;
    QSpinBox *m_cacheMb;
    QComboBox *m_language;
    QCheckBox *m_syncWhenOnline;
};

} // namespace tagdesk::ui

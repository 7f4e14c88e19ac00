#pragma once

#include "domain/writesettings.h"
#include "util/result.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace tagdesk::ui {

// How a job writes its approved values — what `jobs create` takes as options: the tag
// template, replacing the tag Tagdesk wrote before, tags to remove, the metafield type (and
// per attribute), where the product type comes from, the alt-text template,
// and writing only into empty fields. The New job dialog and Where to save for a job show it.
class WriteSettingsForm : public QWidget {
    Q_OBJECT
public:
    explicit WriteSettingsForm(QWidget *parent = nullptr);
    void setSettings(const WriteSettings &settings);
    // What is typed, as settings (check validate() first).
    WriteSettings settings() const;
    // Why what is typed cannot be used, naming the field; ok if it can.
    Status validate() const;
signals:
    void changed();

private:
    QLineEdit *m_tagTemplate;
    QCheckBox *m_replaceTags;
    QLineEdit *m_removeTags;
    QComboBox *m_metafieldType;
    QLineEdit *m_typesByAttribute;
    QComboBox *m_typeFrom;
    QLineEdit *m_altTemplate;
    QCheckBox *m_onlyEmpty;
    WriteSettings m_base; // the settings given, for what the form does not show
};

} // namespace tagdesk::ui

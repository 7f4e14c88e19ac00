#pragma once

#include "util/result.h"

#include <QFuture>
#include <QWidget>

namespace tagdesk::ui {

// One tab of the Settings dialog: shows what is saved, checks what the user typed, and
// saves it (secrets asynchronously, to the keychain).
class SettingsPage : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;

    // Why what is typed cannot be saved, naming the field; ok if it can.
    virtual Status validate() const = 0;
    virtual QFuture<Status> save() = 0;

signals:
    void edited();
};

} // namespace tagdesk::ui

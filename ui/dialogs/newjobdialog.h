#pragma once

#include "domain/job.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace tagdesk {
class ShopSession;
}

namespace tagdesk::ui {

class ProductCounter;
class ProductPicker;

// Asks for what a new job needs: a name; which products (all active, a search, a
// collection, or picked from a searchable list) with a live count from the store; which
// tagger, how many images per product, which attributes. Validates as the user types,
// with the reason shown beside the form; Create and "Create and run" are enabled only for
// a job that can be created.
class DestinationBoxes;
class WriteSettingsForm;

class NewJobDialog : public QDialog {
    Q_OBJECT
public:
    // `shop` answers the live count and the product search; may be null (no store).
    explicit NewJobDialog(ShopSession *shop, QWidget *parent = nullptr);

    // The validated request (only meaningful when accepted).
    NewJob request() const;
    // Whether the user chose "Create and run".
    bool runAfterCreate() const { return m_runAfterCreate; }

private:
    void revalidate();
    void selectionChanged();
    Result<NewJob> build() const;
    Result<ProductSelection> selection() const;

    QLineEdit *m_name;
    QComboBox *m_selectionKind;
    QLineEdit *m_selectionValue;
    ProductPicker *m_picker;
    QLabel *m_count;
    QComboBox *m_tagger;
    QSpinBox *m_images;
    QListWidget *m_attributes;
    DestinationBoxes *m_saveTo = nullptr; // where approved values go
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    QPushButton *m_createAndRun;
    ProductCounter *m_counter;
    bool m_runAfterCreate = false;
    WriteSettings m_writeDefaults; // the templates chosen in Settings
    WriteSettingsForm *m_writing;  // how values are written, from those defaults
};

} // namespace tagdesk::ui

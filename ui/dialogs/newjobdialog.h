#pragma once

#include "domain/job.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace tagdesk::ui {

// Asks for what a new job needs: a name, which products, which tagger, how many images.
// Validates as the user types, with the reason shown beside the form; OK is enabled
// only for a job that can be created.
class NewJobDialog : public QDialog {
    Q_OBJECT
public:
    explicit NewJobDialog(QWidget *parent = nullptr);

    // The validated request (only meaningful when accepted).
    NewJob request() const;

private:
    void revalidate();
    Result<NewJob> build() const;

    QLineEdit *m_name;
    QComboBox *m_selectionKind;
    QLineEdit *m_selectionValue;
    QComboBox *m_tagger;
    QSpinBox *m_images;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace tagdesk::ui

#pragma once

#include "sync/productreview.h"

#include <QDialog>

class QCheckBox;
class QGroupBox;
class QLabel;
class QPushButton;

namespace tagdesk::ui {

class DestinationBoxes;
class WriteSettingsForm;

// Where one product's approved values are saved, chosen before approving it: tags,
// metafields, product type, image alt text, description — with the live before → after
// of that choice and what Shopify would refuse, before anything is synced.
class SaveToDialog : public QDialog {
    Q_OBJECT
public:
    SaveToDialog(const ProductReview &review, QWidget *parent = nullptr);

    Destinations destinations() const;
    // What approving with the chosen destinations would write.
    ChangePlan plan() const;
    QCheckBox *box(Destination d) const;
    // The choice is for `count` products (a selection in the job view, or all of them);
    // the before → after stays that of the one the dialog was made with.
    void applyToProducts(int count);
    // The choice is the job's: its places and how it writes (templates, tags to remove,
    // metafield type, only empty fields), with the before → after of the product the
    // dialog was made with as the choice changes.
    void editJob(Destinations destinations, const WriteSettings &writing);
    // How values are written: the job's as edited here, else the product's job's.
    WriteSettings writing() const;
    WriteSettingsForm *writingForm() const { return m_writing; }

private:
    void updatePreview();

    ProductReview m_review;
    QLabel *m_preview;
    QLabel *m_problem;
    QPushButton *m_approve;
    DestinationBoxes *m_choice;
    QGroupBox *m_previewBox;
    WriteSettingsForm *m_writing = nullptr;
};

} // namespace tagdesk::ui

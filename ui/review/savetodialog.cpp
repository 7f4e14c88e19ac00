#include "review/savetodialog.h"

#include "dialogs/destinationboxes.h"
#include "dialogs/writesettingsform.h"
#include "review/changepreview.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace tagdesk::ui {

SaveToDialog::SaveToDialog(const ProductReview &review, QWidget *parent)
    : QDialog(parent)
    , m_review(review)
    , m_preview(new QLabel(this))
    , m_problem(new QLabel(this)) {
    setObjectName(QStringLiteral("saveToDialog"));
    setWindowTitle(tr("Where to save — %1").arg(review.product.title));

    m_choice = new DestinationBoxes(tr("Save this product's approved values to"),
                                    review.destinations, this);
    connect(m_choice, &DestinationBoxes::changed, this, &SaveToDialog::updatePreview);

    m_preview->setObjectName(QStringLiteral("saveToPreview"));
    m_preview->setTextFormat(Qt::RichText);
    m_preview->setWordWrap(true);
    m_preview->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_preview->setAccessibleName(tr("Before and after"));
    auto *previewBox = new QGroupBox(tr("Before → after"), this);
    m_previewBox = previewBox;
    auto *scroll = new QScrollArea(previewBox);
    scroll->setWidget(m_preview);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addWidget(scroll);

    m_problem->setObjectName(QStringLiteral("saveToProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c0392b"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_approve = buttons->addButton(tr("&Approve with these"), QDialogButtonBox::AcceptRole);
    m_approve->setObjectName(QStringLiteral("approveWithDestinations"));
    m_approve->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_choice);
    layout->addWidget(previewBox, 1);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(720, 420);
    updatePreview();
}

void SaveToDialog::applyToProducts(int count) {
    const QString n = QLocale().toString(count);
    setWindowTitle(tr("Where to save — %1 products").arg(n));
    m_choice->setTitle(tr("Save the approved values of the %1 products to").arg(n));
    m_previewBox->setTitle(tr("Before → after of “%1”, one of them").arg(m_review.product.title));
    m_approve->setText(tr("&Approve %1 with these").arg(n));
}

void SaveToDialog::editJob(Destinations destinations, const WriteSettings &writing) {
    setWindowTitle(tr("Where to save — the whole job"));
    m_choice->setTitle(tr("Save the job's approved values to"));
    m_previewBox->setTitle(tr("Before → after of “%1”").arg(m_review.product.title));
    m_approve->setText(tr("&Save for the job"));
    m_choice->setDestinations(destinations);
    if (!m_writing) {
        m_writing = new WriteSettingsForm(this);
        m_writing->setToolTip(tr("Products given places of their own (D in the review, Approve "
                                 "selected to…) keep them"));
        auto *layout = qobject_cast<QVBoxLayout *>(this->layout());
        layout->insertWidget(layout->indexOf(m_choice) + 1, m_writing);
        connect(m_writing, &WriteSettingsForm::changed, this, &SaveToDialog::updatePreview);
    }
    m_writing->setSettings(writing);
    resize(width(), std::max(height(), 640));
    updatePreview();
}

WriteSettings SaveToDialog::writing() const {
    return m_writing ? m_writing->settings() : m_review.writing;
}

QCheckBox *SaveToDialog::box(Destination d) const {
    return m_choice->box(d);
}

Destinations SaveToDialog::destinations() const {
    return m_choice->destinations();
}

ChangePlan SaveToDialog::plan() const {
    if (!m_review.product.snapshot)
        return {};
    return planChange(*m_review.product.snapshot, valuesToWrite(m_review), destinations(),
                      writing());
}

void SaveToDialog::updatePreview() {
    const ChangePlan planned = plan();
    m_preview->setText(changePreviewHtml(m_review, planned));
    QString problem;
    if (destinations() == Destinations())
        problem = tr("Choose at least one place to save to.");
    else if (const Status form = m_writing ? m_writing->validate() : Status{}; !form)
        problem = form.error().message;
    else if (!planned.isWritable())
        problem = tr("Shopify would refuse this change (see above): choose other places or "
                     "edit the values first.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_approve->setEnabled(problem.isEmpty());
}

} // namespace tagdesk::ui

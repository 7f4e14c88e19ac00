#include "dialogs/newjobdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace tagdesk::ui {

namespace {
enum SelectionKind { AllActive, Query, Collection, Products };
}

NewJobDialog::NewJobDialog(QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_selectionKind(new QComboBox(this))
    , m_selectionValue(new QLineEdit(this))
    , m_tagger(new QComboBox(this))
    , m_images(new QSpinBox(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setWindowTitle(tr("New job"));
    setObjectName(QStringLiteral("newJobDialog"));

    m_name->setObjectName(QStringLiteral("jobName"));
    m_name->setPlaceholderText(tr("e.g. Summer dresses"));
    m_name->setMaxLength(Job::maxNameLength);

    m_selectionKind->setObjectName(QStringLiteral("selectionKind"));
    m_selectionKind->addItem(tr("All active products"), AllActive);
    m_selectionKind->addItem(tr("Products matching a search"), Query);
    m_selectionKind->addItem(tr("A collection"), Collection);
    m_selectionKind->addItem(tr("Products by id"), Products);
    m_selectionValue->setObjectName(QStringLiteral("selectionValue"));

    m_tagger->setObjectName(QStringLiteral("tagger"));
    for (TaggerKind kind :
         {TaggerKind::Local, TaggerKind::Ximilar, TaggerKind::Pixyle, TaggerKind::OpenAi})
        m_tagger->addItem(taggerDisplayName(kind), int(kind));

    m_images->setObjectName(QStringLiteral("imagesPerProduct"));
    m_images->setRange(1, Job::maxImagesPerProduct);
    m_images->setValue(1);

    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: palette(link);"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Products:"), m_selectionKind);
    form->addRow(QString(), m_selectionValue);
    form->addRow(tr("&Tagger:"), m_tagger);
    form->addRow(tr("&Images per product:"), m_images);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &NewJobDialog::revalidate);
    connect(m_selectionValue, &QLineEdit::textChanged, this, &NewJobDialog::revalidate);
    connect(m_selectionKind, &QComboBox::currentIndexChanged, this, &NewJobDialog::revalidate);
    revalidate();
    resize(480, sizeHint().height());
}

NewJob NewJobDialog::request() const {
    auto r = build();
    return r ? r.value() : NewJob{};
}

Result<NewJob> NewJobDialog::build() const {
    NewJob n;
    n.name = m_name->text();
    n.tagger = TaggerKind(m_tagger->currentData().toInt());
    n.imagesPerProduct = m_images->value();
    const QString value = m_selectionValue->text();
    switch (m_selectionKind->currentData().toInt()) {
    case AllActive:
        n.selection = ProductSelection::allActive();
        break;
    case Query: {
        auto s = ProductSelection::fromQuery(value);
        if (!s)
            return s.error();
        n.selection = s.value();
        break;
    }
    case Collection: {
        auto s = ProductSelection::fromCollection(value);
        if (!s)
            return s.error();
        n.selection = s.value();
        break;
    }
    case Products: {
        auto s = ProductSelection::fromProducts(value.split(QLatin1Char(',')));
        if (!s)
            return s.error();
        n.selection = s.value();
        break;
    }
    }
    if (auto valid = n.validated(); !valid)
        return valid.error();
    return n;
}

void NewJobDialog::revalidate() {
    const int kind = m_selectionKind->currentData().toInt();
    m_selectionValue->setVisible(kind != AllActive);
    m_selectionValue->setPlaceholderText(kind == Query ? tr("e.g. product_type:Dress tag:summer")
                                         : kind == Collection
                                             ? tr("Collection id, e.g. 841564295")
                                             : tr("Product ids, separated by commas"));
    m_selectionValue->setAccessibleName(m_selectionValue->placeholderText());
    const Result<NewJob> r = build();
    // An empty name is not an error yet; just not ready.
    const bool untouched = m_name->text().isEmpty();
    m_problem->setText(r || untouched ? QString() : r.error().message);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(r.ok());
}

} // namespace tagdesk::ui

#include "dialogs/newjobdialog.h"

#include "pipeline/shopsession.h"

#include "dialogs/destinationboxes.h"
#include "dialogs/productcounter.h"
#include "dialogs/productpicker.h"
#include "dialogs/writesettingsform.h"
#include "domain/attribute.h"
#include "icons.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace tagdesk::ui {

namespace {
enum SelectionKind { AllActive, Query, Collection, Products };
}

NewJobDialog::NewJobDialog(ShopSession *shop, QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_selectionKind(new QComboBox(this))
    , m_selectionValue(new QLineEdit(this))
    , m_picker(new ProductPicker(shop, this))
    , m_count(new QLabel(this))
    , m_tagger(new QComboBox(this))
    , m_images(new QSpinBox(this))
    , m_attributes(new QListWidget(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_createAndRun(new QPushButton(appIcon("run"), tr("Create and &run"), this))
    , m_counter(new ProductCounter(shop, this))
    , m_writing(new WriteSettingsForm(this)) {
    if (shop)
        m_writeDefaults = shop->account().preferences().writeDefaults;
    m_writing->setSettings(m_writeDefaults);
    setWindowTitle(tr("New job"));
    setObjectName(QStringLiteral("newJobDialog"));

    m_name->setObjectName(QStringLiteral("jobName"));
    m_name->setPlaceholderText(tr("e.g. Summer dresses"));
    m_name->setMaxLength(Job::maxNameLength);

    m_selectionKind->setObjectName(QStringLiteral("selectionKind"));
    m_selectionKind->addItem(tr("All active products"), AllActive);
    m_selectionKind->addItem(tr("Products matching a search"), Query);
    m_selectionKind->addItem(tr("A collection"), Collection);
    m_selectionKind->addItem(tr("Products picked from a list"), Products);
    m_selectionValue->setObjectName(QStringLiteral("selectionValue"));
    m_count->setObjectName(QStringLiteral("productCount"));
    m_count->setAccessibleName(tr("Products in this selection"));

    m_tagger->setObjectName(QStringLiteral("tagger"));
    for (TaggerKind kind :
         {TaggerKind::Local, TaggerKind::Ximilar, TaggerKind::Pixyle, TaggerKind::OpenAi})
        m_tagger->addItem(taggerDisplayName(kind), int(kind));

    m_images->setObjectName(QStringLiteral("imagesPerProduct"));
    m_images->setRange(1, Job::maxImagesPerProduct);
    m_images->setValue(1);

    m_attributes->setObjectName(QStringLiteral("attributes"));
    m_attributes->setAccessibleName(tr("Attributes to suggest"));
    m_attributes->setFlow(QListView::LeftToRight);
    m_attributes->setWrapping(true);
    m_attributes->setResizeMode(QListView::Adjust);
    m_attributes->setSpacing(2);
    for (const QString &attribute : attributes::known()) {
        auto *item = new QListWidgetItem(attributes::displayName(attribute), m_attributes);
        item->setData(Qt::UserRole, attribute);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    m_attributes->setMaximumHeight(m_attributes->fontMetrics().height() * 5);

    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: palette(link);"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Create"));
    m_createAndRun->setObjectName(QStringLiteral("createAndRun"));
    m_buttons->addButton(m_createAndRun, QDialogButtonBox::AcceptRole);

    auto *products = new QGroupBox(tr("Products"), this);
    auto *productForm = new QFormLayout(products);
    productForm->addRow(tr("&Which:"), m_selectionKind);
    productForm->addRow(QString(), m_selectionValue);
    productForm->addRow(m_picker);
    productForm->addRow(tr("Count:"), m_count);

    auto *analysis = new QGroupBox(tr("Analysis"), this);
    auto *analysisForm = new QFormLayout(analysis);
    analysisForm->addRow(tr("&Tagger:"), m_tagger);
    analysisForm->addRow(tr("&Images per product:"), m_images);
    analysisForm->addRow(tr("A&ttributes:"), m_attributes);

    // Where approved values are written; tags and metafields unless the user says otherwise.
    m_saveTo = new DestinationBoxes(tr("Save approved values to"), defaultDestinations(), this);
    connect(m_saveTo, &DestinationBoxes::changed, this, &NewJobDialog::revalidate);
    // How they are written: folded away, the templates from Settings apply.
    auto *writingToggle = new QToolButton(this);
    writingToggle->setObjectName(QStringLiteral("showWritingOptions"));
    writingToggle->setText(tr("How values are &written…"));
    writingToggle->setCheckable(true);
    writingToggle->setToolButtonStyle(Qt::ToolButtonTextOnly);
    writingToggle->setToolTip(tr("Tag and alt-text templates, tags to remove, metafield type, "
                                 "product type source, only empty fields"));
    m_writing->setVisible(false);
    connect(writingToggle, &QToolButton::toggled, this, [this](bool shown) {
        m_writing->setVisible(shown);
        adjustSize();
    });
    connect(m_writing, &WriteSettingsForm::changed, this, &NewJobDialog::revalidate);
    auto *nameForm = new QFormLayout;
    nameForm->addRow(tr("&Name:"), m_name);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(nameForm);
    layout->addWidget(products, 1);
    layout->addWidget(analysis);
    layout->addWidget(m_saveTo);
    layout->addWidget(writingToggle, 0, Qt::AlignLeft);
    layout->addWidget(m_writing);
    layout->addWidget(m_problem);
    m_picker->setMinimumHeight(fontMetrics().height() * 14);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::clicked, this,
            [this](QAbstractButton *button) { m_runAfterCreate = button == m_createAndRun; });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &NewJobDialog::revalidate);
    connect(m_selectionValue, &QLineEdit::textChanged, this, &NewJobDialog::selectionChanged);
    connect(m_selectionKind, &QComboBox::currentIndexChanged, this,
            &NewJobDialog::selectionChanged);
    connect(m_picker, &ProductPicker::pickedChanged, this, &NewJobDialog::selectionChanged);
    connect(m_attributes, &QListWidget::itemChanged, this, &NewJobDialog::revalidate);
    connect(m_counter, &ProductCounter::answered, m_count, &QLabel::setText);
    selectionChanged();
    resize(560, sizeHint().height());
}

NewJob NewJobDialog::request() const {
    auto r = build();
    return r ? r.value() : NewJob{};
}

Result<ProductSelection> NewJobDialog::selection() const {
    const QString value = m_selectionValue->text();
    switch (m_selectionKind->currentData().toInt()) {
    case Query:
        return ProductSelection::fromQuery(value);
    case Collection:
        return ProductSelection::fromCollection(value);
    case Products:
        return ProductSelection::fromProducts(m_picker->pickedIds());
    default:
        return ProductSelection::allActive();
    }
}

Result<NewJob> NewJobDialog::build() const {
    NewJob n;
    n.name = m_name->text();
    if (const Status writing = m_writing->validate(); !writing)
        return writing.error();
    n.writing = m_writing->settings();
    n.tagger = TaggerKind(m_tagger->currentData().toInt());
    n.imagesPerProduct = m_images->value();
    auto chosen = selection();
    if (!chosen)
        return chosen.error();
    n.selection = chosen.value();
    QStringList attributes;
    for (int i = 0; i < m_attributes->count(); ++i) {
        if (m_attributes->item(i)->checkState() == Qt::Checked)
            attributes << m_attributes->item(i)->data(Qt::UserRole).toString();
    }
    if (attributes.isEmpty())
        return Error::invalid(tr("Choose at least one attribute to suggest"));
    const Destinations destinations = m_saveTo->destinations();
    if (!destinations)
        return Error::invalid(tr("Choose at least one place to save approved values"));
    n.destinations = destinations;
    // Every attribute ticked means "whatever the tagger reports", which is kept as none.
    if (attributes.size() < m_attributes->count())
        n.attributes = attributes;
    if (auto valid = n.validated(); !valid)
        return valid.error();
    return n;
}

void NewJobDialog::selectionChanged() {
    const int kind = m_selectionKind->currentData().toInt();
    m_selectionValue->setVisible(kind == Query || kind == Collection);
    m_picker->setVisible(kind == Products);
    if (kind == Products)
        m_picker->activate();
    // Room for the list only while it is shown.
    if (isVisible())
        resize(width(), sizeHint().height());
    m_selectionValue->setPlaceholderText(kind == Query ? tr("e.g. product_type:Dress tag:summer")
                                                       : tr("Collection id, e.g. 841564295"));
    m_selectionValue->setAccessibleName(m_selectionValue->placeholderText());

    const auto chosen = selection();
    if (!chosen || kind == Products)
        m_counter->cancel();
    if (!chosen)
        m_count->setText(tr("–"));
    else if (kind == Products)
        m_count->setText(chosen->productIds.size() == 1
                             ? tr("1 product")
                             : tr("%1 products").arg(chosen->productIds.size()));
    else
        m_counter->setSelection(chosen.value());
    revalidate();
}

void NewJobDialog::revalidate() {
    const Result<NewJob> r = build();
    // An empty name is not an error yet; just not ready.
    const bool untouched = m_name->text().isEmpty();
    m_problem->setText(r || untouched ? QString() : r.error().message);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(r.ok());
    m_createAndRun->setEnabled(r.ok());
}

} // namespace tagdesk::ui

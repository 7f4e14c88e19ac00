#include "dialogs/writesettingsform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>

namespace tagdesk::ui {

namespace {
QStringList commaList(const QString &text) {
    QStringList items;
    for (const QString &part : text.split(QLatin1Char(','))) {
        if (!part.trimmed().isEmpty())
            items << part.trimmed();
    }
    return items;
}
} // namespace

WriteSettingsForm::WriteSettingsForm(QWidget *parent)
    : QWidget(parent)
    , m_tagTemplate(new QLineEdit(this))
    , m_replaceTags(
          new QCheckBox(tr("Replace the tag Tagdesk wrote before for the same attribute"), this))
    , m_removeTags(new QLineEdit(this))
    , m_metafieldType(new QComboBox(this))
    , m_typesByAttribute(new QLineEdit(this))
    , m_typeFrom(new QComboBox(this))
    , m_altTemplate(new QLineEdit(this))
    , m_onlyEmpty(new QCheckBox(tr("Write only into empty fields"), this)) {
    setObjectName(QStringLiteral("writeSettings"));
    m_tagTemplate->setObjectName(QStringLiteral("writeTagTemplate"));
    m_tagTemplate->setAccessibleName(tr("Tag template"));
    m_tagTemplate->setToolTip(tr("{attribute} and {value}, e.g. colour:Red"));
    m_replaceTags->setObjectName(QStringLiteral("writeReplaceTags"));
    m_removeTags->setObjectName(QStringLiteral("writeRemoveTags"));
    m_removeTags->setAccessibleName(tr("Tags to remove on push"));
    m_removeTags->setPlaceholderText(tr("e.g. needs-tagging, todo (the only tags not written "
                                        "by Tagdesk that it removes)"));
    m_metafieldType->setObjectName(QStringLiteral("writeMetafieldType"));
    m_metafieldType->setAccessibleName(tr("Metafield type"));
    m_metafieldType->setEditable(true);
    m_metafieldType->addItems(WriteSettings::textMetafieldTypes());
    m_typesByAttribute->setObjectName(QStringLiteral("writeMetafieldTypes"));
    m_typesByAttribute->setAccessibleName(tr("Metafield type per attribute"));
    m_typesByAttribute->setPlaceholderText(tr("e.g. colour=list.single_line_text_field"));
    m_typeFrom->setObjectName(QStringLiteral("writeTypeFrom"));
    m_typeFrom->setAccessibleName(tr("Product type from"));
    m_typeFrom->addItem(tr("category"), QStringLiteral("category"));
    m_typeFrom->addItem(tr("subcategory"), QStringLiteral("subcategory"));
    m_altTemplate->setObjectName(QStringLiteral("writeAltTemplate"));
    m_altTemplate->setAccessibleName(tr("Alt text template"));
    m_altTemplate->setToolTip(tr("{title} and any attribute, e.g. {colour}, {category}"));
    m_onlyEmpty->setObjectName(QStringLiteral("writeOnlyEmpty"));
    m_onlyEmpty->setToolTip(tr("No type over a type, no alt text over alt text, no metafield "
                               "over a metafield, no tag for an attribute that has one"));

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Ta&gs:"), m_tagTemplate);
    form->addRow(QString(), m_replaceTags);
    form->addRow(tr("Re&move tags:"), m_removeTags);
    form->addRow(tr("Metafield t&ype:"), m_metafieldType);
    form->addRow(tr("Per attri&bute:"), m_typesByAttribute);
    form->addRow(tr("Product type &from:"), m_typeFrom);
    form->addRow(tr("Alt te&xt:"), m_altTemplate);
    form->addRow(QString(), m_onlyEmpty);

    for (QLineEdit *e : {m_tagTemplate, m_removeTags, m_typesByAttribute, m_altTemplate})
        connect(e, &QLineEdit::textChanged, this, &WriteSettingsForm::changed);
    for (QCheckBox *b : {m_replaceTags, m_onlyEmpty})
        connect(b, &QCheckBox::toggled, this, &WriteSettingsForm::changed);
    connect(m_metafieldType, &QComboBox::currentTextChanged, this, &WriteSettingsForm::changed);
    connect(m_typeFrom, &QComboBox::currentIndexChanged, this, &WriteSettingsForm::changed);
    setSettings(WriteSettings());
}

void WriteSettingsForm::setSettings(const WriteSettings &s) {
    const QSignalBlocker blockers[] = {
        QSignalBlocker(m_tagTemplate),      QSignalBlocker(m_replaceTags),
        QSignalBlocker(m_removeTags),       QSignalBlocker(m_metafieldType),
        QSignalBlocker(m_typesByAttribute), QSignalBlocker(m_typeFrom),
        QSignalBlocker(m_altTemplate),      QSignalBlocker(m_onlyEmpty)};
    m_base = s;
    m_tagTemplate->setText(s.tagTemplate);
    m_replaceTags->setChecked(s.replaceEarlierTags);
    m_removeTags->setText(s.removeTags.join(QStringLiteral(", ")));
    m_metafieldType->setCurrentText(s.metafieldType);
    QStringList pairs;
    for (auto it = s.metafieldTypes.begin(); it != s.metafieldTypes.end(); ++it)
        pairs << it.key() + QLatin1Char('=') + it.value();
    m_typesByAttribute->setText(pairs.join(QStringLiteral(", ")));
    m_typeFrom->setCurrentIndex(std::max(0, m_typeFrom->findData(s.productTypeFrom)));
    m_altTemplate->setText(s.altTemplate);
    m_onlyEmpty->setChecked(s.onlyFillEmpty);
    emit changed();
}

WriteSettings WriteSettingsForm::settings() const {
    WriteSettings s = m_base; // what the form does not show (the metafield namespace) stays
    s.tagTemplate = m_tagTemplate->text().trimmed();
    s.replaceEarlierTags = m_replaceTags->isChecked();
    s.removeTags = commaList(m_removeTags->text());
    s.metafieldType = m_metafieldType->currentText().trimmed();
    s.metafieldTypes.clear();
    for (const QString &pair : commaList(m_typesByAttribute->text())) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq > 0)
            s.metafieldTypes.insert(pair.left(eq).trimmed(), pair.mid(eq + 1).trimmed());
    }
    s.productTypeFrom = m_typeFrom->currentData().toString();
    s.altTemplate = m_altTemplate->text().trimmed();
    s.onlyFillEmpty = m_onlyEmpty->isChecked();
    return s;
}

Status WriteSettingsForm::validate() const {
    // What only typing can get wrong here; the rules of a job's settings are the domain's.
    if (m_altTemplate->text().trimmed().isEmpty())
        return Error::invalid(tr("Alt text: the template is empty"));
    for (const QString &pair : commaList(m_typesByAttribute->text())) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq <= 0 || pair.mid(eq + 1).trimmed().isEmpty())
            return Error::invalid(
                tr("Per attribute: write ATTRIBUTE=TYPE, e.g. colour=list.single_line_text_field, "
                   "not “%1”")
                    .arg(pair));
    }
    return settings().validate();
}

} // namespace tagdesk::ui

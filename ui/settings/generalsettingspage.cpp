#include "settings/generalsettingspage.h"

#include "settings/account.h"
#include "settings/accountsettings.h"
#include "util/futures.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>

namespace tagdesk::ui {

GeneralSettingsPage::GeneralSettingsPage(QWidget *parent)
    : SettingsPage(parent)
    , m_tagTemplate(new QLineEdit(this))
    , m_altTemplate(new QLineEdit(this))
    , m_cacheMb(new QSpinBox(this))
    , m_language(new QComboBox(this))
    , m_syncWhenOnline(new QCheckBox(tr("Sync approved products &automatically when the store "
                                        "can be reached again"),
                                     this)) {
    setObjectName(QStringLiteral("generalSettings"));
    const QSettings settings;
    m_tagTemplate->setObjectName(QStringLiteral("tagTemplate"));
    // What is saved (not what the environment may override): this page edits Settings.
    const WriteSettings defaults;
    m_tagTemplate->setText(
        settings.value(QLatin1String(preferencekeys::tagTemplate), defaults.tagTemplate)
            .toString());
    m_tagTemplate->setAccessibleName(tr("Tag template"));
    m_altTemplate->setObjectName(QStringLiteral("altTemplate"));
    m_altTemplate->setText(
        settings.value(QLatin1String(preferencekeys::altTemplate), defaults.altTemplate)
            .toString());
    m_altTemplate->setAccessibleName(tr("Alt text template"));
    m_cacheMb->setObjectName(QStringLiteral("imageCacheSize"));
    m_cacheMb->setRange(100, accountsettings::maxImageCacheMb);
    m_cacheMb->setSingleStep(256);
    m_cacheMb->setSuffix(tr(" MB"));
    m_cacheMb->setValue(settings
                            .value(QLatin1String(accountsettings::imageCacheMbKey),
                                   accountsettings::defaultImageCacheMb)
                            .toInt());
    m_cacheMb->setAccessibleName(tr("Image cache size"));
    m_language->setObjectName(QStringLiteral("language"));
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->setCurrentIndex(
        std::max(0, m_language->findData(settings.value(QLatin1String(languageKey)).toString())));

    m_syncWhenOnline->setObjectName(QStringLiteral("syncWhenOnline"));
    m_syncWhenOnline->setChecked(
        settings.value(QLatin1String(preferencekeys::syncWhenOnline), Preferences().syncWhenOnline)
            .toBool());
    m_syncWhenOnline->setToolTip(
        tr("Off: approved products wait in the sync panel until you press Sync now"));

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Tag template:"), m_tagTemplate);
    auto *tagHint = new QLabel(tr("{attribute} and {value}, e.g. colour:Red"), this);
    tagHint->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), tagHint);
    form->addRow(tr("&Alt text template:"), m_altTemplate);
    auto *altHint =
        new QLabel(tr("{title} and any attribute, e.g. {colour}, {category}, {material}"), this);
    altHint->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), altHint);
    form->addRow(tr("Image &cache size:"), m_cacheMb);
    auto *cacheHint = new QLabel(
        tr("Images of jobs that are not archived are always kept, whatever the size."), this);
    cacheHint->setWordWrap(true);
    cacheHint->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), cacheHint);
    form->addRow(tr("&Language:"), m_language);
    auto *languageHint = new QLabel(tr("Takes effect the next time Tagdesk starts."), this);
    languageHint->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), languageHint);
    form->addRow(tr("Sync:"), m_syncWhenOnline);

    connect(m_tagTemplate, &QLineEdit::textChanged, this, &SettingsPage::edited);
    connect(m_altTemplate, &QLineEdit::textChanged, this, &SettingsPage::edited);
}

Status GeneralSettingsPage::validate() const {
    if (!m_tagTemplate->text().contains(QStringLiteral("{value}")))
        return Error::invalid(tr("Tag template: it must contain {value}, or every tag would "
                                 "be the same"));
    if (m_altTemplate->text().trimmed().isEmpty())
        return Error::invalid(tr("Alt text template: it is empty"));
    for (const QLineEdit *field : {m_tagTemplate, m_altTemplate}) {
        if (field->text().count(QLatin1Char('{')) != field->text().count(QLatin1Char('}')))
            return Error::invalid(tr("%1: a { has no matching } (or the other way round)")
                                      .arg(field->accessibleName()));
    }
    return {};
}

QFuture<Status> GeneralSettingsPage::save() {
    QSettings settings;
    settings.setValue(QLatin1String(accountsettings::tagTemplateKey), m_tagTemplate->text());
    settings.setValue(QLatin1String(accountsettings::altTemplateKey), m_altTemplate->text());
    settings.setValue(QLatin1String(accountsettings::imageCacheMbKey), m_cacheMb->value());
    settings.setValue(QLatin1String(languageKey), m_language->currentData().toString());
    settings.setValue(QLatin1String(preferencekeys::syncWhenOnline), m_syncWhenOnline->isChecked());
    return readyFuture(Status{});
}

} // namespace tagdesk::ui

#include "settings/settingsdialog.h"

#include "settings/generalsettingspage.h"
#include "settings/keyssettingspage.h"
#include "settings/storesettingspage.h"
#include "settings/taggersettingspage.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

#include <memory>

namespace tagdesk::ui {

SettingsDialog::SettingsDialog(Account &account, QWidget *parent)
    : QDialog(parent)
    , m_tabs(new QTabWidget(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));

    const auto add = [this](SettingsPage *page, const QString &title) {
        m_pages.append(page);
        m_tabs->addTab(page, title);
        connect(page, &SettingsPage::edited, this, &SettingsDialog::revalidate);
    };
    add(new StoreSettingsPage(account, this), tr("Store"));
    for (TaggerKind kind : {TaggerKind::Ximilar, TaggerKind::Pixyle, TaggerKind::OpenAi})
        add(new TaggerSettingsPage(kind, account, this), taggerDisplayName(kind));
    add(new GeneralSettingsPage(this), tr("General"));
    add(new KeysSettingsPage(this), tr("Keys"));

    m_problem->setObjectName(QStringLiteral("settingsProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: palette(link);"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(600, 460);
    revalidate();
}

void SettingsDialog::revalidate() {
    for (SettingsPage *page : std::as_const(m_pages)) {
        if (const Status valid = page->validate(); !valid) {
            m_problem->setText(valid.error().message);
            m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
            return;
        }
    }
    m_problem->clear();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
}

void SettingsDialog::accept() {
    for (SettingsPage *page : std::as_const(m_pages)) {
        if (const Status valid = page->validate(); !valid) {
            m_tabs->setCurrentWidget(page);
            m_problem->setText(valid.error().message);
            return;
        }
    }
    m_buttons->setEnabled(false);
    m_problem->setText(tr("Saving…"));
    // Each page saves; the dialog closes once every secret is in the keychain.
    auto waiting = std::make_shared<int>(int(m_pages.size()));
    auto firstError = std::make_shared<std::optional<Error>>();
    for (SettingsPage *page : std::as_const(m_pages)) {
        page->save().then(this, [this, waiting, firstError](const Status &done) {
            if (!done && !*firstError)
                *firstError = done.error();
            if (--*waiting > 0)
                return;
            m_buttons->setEnabled(true);
            emit saved();
            if (*firstError) {
                m_problem->setText(tr("Saved, except: %1").arg((*firstError)->message));
                return;
            }
            QDialog::accept();
        });
    }
}

} // namespace tagdesk::ui

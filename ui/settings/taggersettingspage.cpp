#include "settings/taggersettingspage.h"

#include "settings/accountsettings.h"
#include "settings/secretfield.h"
#include "util/futures.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>

namespace tagdesk::ui {

TaggerSettingsPage::TaggerSettingsPage(TaggerKind kind, Account &account, QWidget *parent)
    : SettingsPage(parent)
    , m_kind(kind)
    , m_account(account)
    , m_url(new QLineEdit(this))
    , m_secret(new SecretField(this))
    , m_concurrency(new QSpinBox(this)) {
    const QString key = taggerKey(kind);
    setObjectName(key + QStringLiteral("Settings"));
    m_url->setObjectName(key + QStringLiteral("Url"));
    m_url->setAccessibleName(tr("%1 endpoint").arg(taggerDisplayName(kind)));
    m_secret->setObjectName(key + QStringLiteral("Secret"));
    m_concurrency->setObjectName(key + QStringLiteral("Concurrency"));
    m_concurrency->setRange(1, TaggerEndpoint::maxConcurrency);
    m_concurrency->setAccessibleName(tr("Requests at once"));

    // What is saved in Settings over the defaults (not what the environment overrides):
    // this page edits Settings.
    TaggerEndpoint endpoint = *TaggerSettings::defaults().endpoint(kind);
    const QSettings saved;
    const auto text = [&saved, kind](const char *name, const QString &fallback) {
        const QString value = saved.value(preferencekeys::tagger(kind, name)).toString();
        return value.isEmpty() ? fallback : value;
    };
    endpoint.url = QUrl(text("url", endpoint.url.toString()));
    endpoint.email = text("email", endpoint.email);
    endpoint.model = text("model", endpoint.model);
    if (const int n = saved.value(preferencekeys::tagger(kind, "concurrency")).toInt(); n > 0)
        endpoint.concurrency = n;
    m_url->setText(endpoint.url.toString());
    m_concurrency->setValue(endpoint.concurrency);

    auto *form = new QFormLayout(this);
    if (m_account.isDemo()) {
        auto *note = new QLabel(tr("The demo store answers for every tagger itself. What you "
                                   "set here applies when Tagdesk runs without --demo."),
                                this);
        note->setWordWrap(true);
        form->addRow(note);
    }
    form->addRow(tr("&Endpoint:"), m_url);
    const bool password = accountsettings::taggerSecretName(kind) == QLatin1String("password");
    if (kind == TaggerKind::Pixyle) {
        m_email = new QLineEdit(endpoint.email, this);
        m_email->setObjectName(key + QStringLiteral("Email"));
        form->addRow(tr("E-&mail:"), m_email);
    }
    m_secret->setAccessibleName(password ? tr("Password") : tr("API key"));
    form->addRow(password ? tr("&Password:") : tr("API &key:"), m_secret);
    if (kind == TaggerKind::OpenAi) {
        m_model = new QLineEdit(endpoint.model, this);
        m_model->setObjectName(key + QStringLiteral("Model"));
        m_model->setPlaceholderText(tr("e.g. gpt-4o-mini, llava"));
        form->addRow(tr("M&odel:"), m_model);
    }
    form->addRow(tr("Requests at &once:"), m_concurrency);
    m_secret->showStored(m_account.secrets(),
                         taggerSecretKey(key, accountsettings::taggerSecretName(kind)));
    if (m_account.isDemo()) {
        for (QWidget *field :
             std::initializer_list<QWidget *>{m_url, m_secret, m_email, m_model, m_concurrency}) {
            if (field)
                field->setEnabled(false);
        }
    }
    connect(m_url, &QLineEdit::textChanged, this, &SettingsPage::edited);
}

Status TaggerSettingsPage::validate() const {
    const QString text = m_url->text().trimmed();
    if (text.isEmpty())
        return {};
    const QUrl url(text, QUrl::StrictMode);
    const bool loopback = url.host() == QLatin1String("localhost") ||
                          url.host() == QLatin1String("127.0.0.1") ||
                          url.host() == QLatin1String("::1");
    if (!url.isValid() || url.host().isEmpty() ||
        !(url.scheme() == QLatin1String("https") ||
          (url.scheme() == QLatin1String("http") && loopback)))
        return Error::invalid(tr("%1 endpoint: '%2' is not an https:// address (plain http:// "
                                 "is allowed only on this machine)")
                                  .arg(taggerDisplayName(m_kind), text));
    return {};
}

QFuture<Status> TaggerSettingsPage::save() {
    if (m_account.isDemo())
        return readyFuture(Status{});
    QSettings settings;
    settings.setValue(preferencekeys::tagger(m_kind, "url"), m_url->text().trimmed());
    settings.setValue(preferencekeys::tagger(m_kind, "concurrency"), m_concurrency->value());
    if (m_email)
        settings.setValue(preferencekeys::tagger(m_kind, "email"), m_email->text().trimmed());
    if (m_model)
        settings.setValue(preferencekeys::tagger(m_kind, "model"), m_model->text().trimmed());
    return m_secret->save(
        m_account.secrets(),
        taggerSecretKey(taggerKey(m_kind), accountsettings::taggerSecretName(m_kind)));
}

} // namespace tagdesk::ui

#include "settings/storesettingspage.h"

#include "domain/accessscopes.h"
#include "settings/accountsettings.h"
#include "settings/secretfield.h"
#include "util/futures.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QVBoxLayout>

namespace tagdesk::ui {

namespace {
QString line(bool ok, const QString &text) {
    return (ok ? QStringLiteral("✔ ") : QStringLiteral("✘ ")) + text.toHtmlEscaped();
}
} // namespace

StoreSettingsPage::StoreSettingsPage(Account &account, QWidget *parent)
    : SettingsPage(parent)
    , m_account(account)
    , m_url(new QLineEdit(this))
    , m_token(new SecretField(this))
    , m_apiVersion(new QLineEdit(this))
    , m_urlProblem(new QLabel(this))
    , m_test(new QPushButton(tr("&Test connection"), this))
    , m_testResult(new QLabel(this))
    , m_probe(new StoreProbe(this)) {
    setObjectName(QStringLiteral("storeSettings"));
    m_url->setObjectName(QStringLiteral("storeUrl"));
    m_url->setPlaceholderText(tr("example.myshopify.com"));
    m_url->setAccessibleName(tr("Store address"));
    m_token->setObjectName(QStringLiteral("accessToken"));
    m_token->setAccessibleName(tr("Admin API access token"));
    m_apiVersion->setObjectName(QStringLiteral("apiVersion"));
    m_apiVersion->setPlaceholderText(QString::fromLatin1(defaultShopifyApiVersion));
    m_apiVersion->setAccessibleName(tr("Admin API version"));
    m_urlProblem->setObjectName(QStringLiteral("storeUrlProblem"));
    m_urlProblem->setWordWrap(true);
    m_urlProblem->hide();
    m_urlProblem->setStyleSheet(QStringLiteral("color: palette(link);"));
    m_test->setObjectName(QStringLiteral("testConnection"));
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextFormat(Qt::RichText);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    form->addRow(tr("Store &address:"), m_url);
    form->addRow(QString(), m_urlProblem);
    form->addRow(tr("Access &token:"), m_token);
    form->addRow(tr("API &version:"), m_apiVersion);
    auto *layout = new QVBoxLayout(this);
    if (m_account.isDemo()) {
        auto *note = new QLabel(tr("This is the demo store: its address and token are fixed. "
                                   "What you set here applies to your own store when Tagdesk "
                                   "runs without --demo."),
                                this);
        note->setWordWrap(true);
        layout->addWidget(note);
    }
    layout->addLayout(form);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addStretch();
    layout->addLayout(testRow);
    layout->addWidget(m_testResult);
    layout->addStretch();

    if (auto store = m_account.store()) {
        // A store on this machine (the sandbox) needs its port; a real one its name.
        const bool local = store->baseUrl.scheme() == QLatin1String("http");
        m_url->setText(local ? store->baseUrl.toString() : store->domain());
        m_token->showStored(m_account.secrets(),
                            shopSecretKey(store->domain(), QStringLiteral("access-token")));
        if (m_account.isDemo()) {
            m_account.credentials(store.value())
                .then(this, [this](const Result<ShopifyCredentials> &c) {
                    if (c)
                        m_token->setPlaceholderText(
                            tr("Stored: %1").arg(SecretField::masked(c->accessToken)));
                });
        }
    }
    m_apiVersion->setText(QSettings().value(QLatin1String(Account::apiVersionKey)).toString());
    m_url->setReadOnly(m_account.isDemo());
    m_token->setReadOnly(m_account.isDemo());
    m_apiVersion->setReadOnly(m_account.isDemo());

    connect(m_url, &QLineEdit::textChanged, this, [this] {
        const Status valid = validate();
        m_urlProblem->setText(valid ? QString() : valid.error().message);
        m_urlProblem->setVisible(!valid);
        emit edited();
    });
    connect(m_apiVersion, &QLineEdit::textChanged, this, &SettingsPage::edited);
    connect(m_test, &QPushButton::clicked, this, &StoreSettingsPage::testConnection);
}

Result<ShopifyStore> StoreSettingsPage::typedStore() const {
    auto store = ShopifyStore::parse(m_url->text().trimmed());
    if (store && !m_apiVersion->text().trimmed().isEmpty())
        store->apiVersion = m_apiVersion->text().trimmed();
    return store;
}

Status StoreSettingsPage::validate() const {
    if (m_url->text().trimmed().isEmpty())
        return {}; // no store yet: allowed, the app just has nothing to work on
    auto store = typedStore();
    if (!store)
        return Error::invalid(tr("Store address: %1").arg(store.error().message));
    static const QRegularExpression version(QStringLiteral("^\\d{4}-\\d{2}$|^unstable$"));
    if (!m_apiVersion->text().trimmed().isEmpty() &&
        !version.match(m_apiVersion->text().trimmed()).hasMatch())
        return Error::invalid(
            tr("API version: '%1' is not a Shopify API version (expected e.g. %2)")
                .arg(m_apiVersion->text().trimmed(),
                     QString::fromLatin1(defaultShopifyApiVersion)));
    return {};
}

QFuture<Status> StoreSettingsPage::save() {
    if (m_account.isDemo())
        return readyFuture(Status{});
    QSettings settings;
    const QString input = m_url->text().trimmed();
    settings.setValue(QLatin1String(accountsettings::storeKey), input);
    if (m_apiVersion->text().trimmed().isEmpty())
        settings.remove(QLatin1String(Account::apiVersionKey));
    else
        settings.setValue(QLatin1String(Account::apiVersionKey), m_apiVersion->text().trimmed());
    auto store = typedStore();
    if (!store)
        return readyFuture(Status{});
    return m_token->save(m_account.secrets(),
                         shopSecretKey(store->domain(), QStringLiteral("access-token")));
}

void StoreSettingsPage::testConnection() {
    auto store = typedStore();
    if (!store) {
        m_testResult->setText(line(false, tr("Store address: %1").arg(store.error().message)));
        return;
    }
    m_test->setEnabled(false);
    m_testResult->setText(tr("Asking %1…").arg(store->domain().toHtmlEscaped()));
    const auto ask = [this, store = store.value()](const Result<ShopifyCredentials> &c) {
        if (!c) {
            m_test->setEnabled(true);
            return m_testResult->setText(line(false, c.error().message));
        }
        m_probe->identify(store, c.value())
            .then(this, [this](const Result<ShopConnection> &result) {
                m_test->setEnabled(true);
                showTestResult(result);
            });
    };
    ShopifyCredentials typed;
    typed.accessToken = m_token->typed().isEmpty() ? m_token->stored() : m_token->typed();
    if (m_account.isDemo() || typed.accessToken.isEmpty())
        m_account.credentials(store.value()).then(this, ask);
    else
        ask(typed);
}

void StoreSettingsPage::showTestResult(const Result<ShopConnection> &connection) {
    QStringList lines;
    if (!connection) {
        const Error &e = connection.error();
        switch (e.code) {
        case Error::Code::TokenRejected:
            lines << line(true, tr("The store is reachable"));
            lines << line(false, tr("Token rejected: check the access token (it may have been "
                                    "revoked or mistyped)"));
            break;
        case Error::Code::ScopeMissing:
            lines << line(true, tr("The store is reachable"));
            lines << line(true, tr("The access token is accepted"));
            lines << line(false, e.scope.isEmpty()
                                     ? tr("Scope missing: the token may not do this")
                                     : tr("Scope missing: the token lacks %1").arg(e.scope));
            break;
        case Error::Code::Throttled:
            lines << line(true, tr("The store is reachable"));
            lines << line(false, tr("Throttled: the store asks Tagdesk to slow down; try again "
                                    "in a few minutes"));
            break;
        case Error::Code::NotFound:
            lines << line(true, tr("The address answers"));
            lines << line(false, tr("Not found: no Shopify Admin API there"));
            break;
        case Error::Code::Unreachable:
            lines << line(false, tr("Unreachable: no answer from the store"));
            break;
        default:
            lines << line(false, tr("Not checked"));
            break;
        }
        lines << line(false, e.message);
        m_testResult->setText(lines.join(QStringLiteral("<br>")));
        return;
    }
    const ShopConnection &c = connection.value();
    lines << line(true, tr("Reachable: %1 (%2)").arg(c.shopName, c.domain));
    lines << line(true, tr("The access token is accepted"));
    // Every scope a job may need, whichever places it writes to.
    for (const RequiredScope &scope : requiredScopes(allDestinations(), StoreAccess::Write)) {
        const bool granted = scopeGranted(c.scopes, scope.handle);
        lines << line(granted,
                      granted
                          ? tr("%1: %2 works").arg(scope.handle, scope.purpose)
                          : tr("%1 missing: %2 will be refused").arg(scope.handle, scope.purpose));
    }
    m_testResult->setText(lines.join(QStringLiteral("<br>")));
}

} // namespace tagdesk::ui

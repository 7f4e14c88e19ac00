#include "statusbarcontroller.h"

#include "util/futures.h"

#include "pipeline/shopsession.h"

#include <QLabel>
#include <QLocale>
#include <QStatusBar>

#include <utility>

namespace tagdesk::ui {

StatusBarController::StatusBarController(QStatusBar *bar, ShopSession &shop, JobReader reader,
                                         QObject *parent)
    : QObject(parent)
    , m_shop(shop)
    , m_reader(std::move(reader))
    , m_connection(new QLabel(bar))
    , m_store(new QLabel(bar))
    , m_pending(new QLabel(bar)) {
    m_connection->setObjectName(QStringLiteral("connectionLabel"));
    m_store->setObjectName(QStringLiteral("storeLabel"));
    m_pending->setObjectName(QStringLiteral("pendingSyncLabel"));
    m_store->setText(m_shop.account().isDemo() ? tr("Demo store") : m_shop.account().displayName());
    m_connection->setText(tr("Connecting…"));
    bar->addPermanentWidget(m_pending);
    bar->addPermanentWidget(m_connection);
    bar->addPermanentWidget(m_store);

    m_connectionTimer.setInterval(60'000);
    m_pendingTimer.setInterval(10'000);
    connect(&m_connectionTimer, &QTimer::timeout, this, &StatusBarController::checkConnection);
    connect(&m_pendingTimer, &QTimer::timeout, this, &StatusBarController::countPendingSyncs);
    connect(&m_shop, &ShopSession::changed, this, &StatusBarController::checkConnection);
    m_connectionTimer.start();
    m_pendingTimer.start();
    checkConnection();
    countPendingSyncs();
}

void StatusBarController::checkConnection() {
    const quint64 check = ++m_check;
    const bool demo = m_shop.account().isDemo();
    if (!demo)
        m_store->setText(m_shop.account().displayName());
    m_shop.identify(this, [this, check, demo](const Result<ShopConnection> &shop) {
        if (check != m_check)
            return;
        if (shop) {
            m_connection->setText(tr("● Online"));
            m_connection->setToolTip(tr("%1 answers").arg(shop->domain));
            if (!demo)
                m_store->setText(shop->shopName);
            m_store->setToolTip(shop->domain);
        } else {
            m_connection->setText(tr("○ Offline"));
            m_connection->setToolTip(shop.error().message);
        }
        m_connection->setAccessibleName(m_connection->text() + QLatin1Char(' ') +
                                        m_connection->toolTip());
        const bool online = shop.ok();
        const std::optional<bool> before = std::exchange(m_online, online);
        if (before == online)
            return;
        emit reachabilityChanged(online);
        if (online && before == false)
            emit backOnline();
    });
}

std::optional<RateLimit> StatusBarController::rateLimit() const {
    return m_shop.rateLimit();
}

void StatusBarController::countPendingSyncs() {
    whenFinished(
        this, m_reader.inBackground(&JobReader::queuedSyncs), [this](const Result<qint64> &n) {
            if (!n) {
                m_pending->setText(tr("Pending syncs: ?"));
                m_pending->setToolTip(n.error().message);
                return;
            }
            m_pending->setText(tr("Pending syncs: %1").arg(QLocale().toString(n.value())));
            m_pending->setToolTip(tr("Approved products waiting to be pushed to the store"));
        });
}

} // namespace tagdesk::ui

#pragma once

#include "pipeline/jobreader.h"
#include "sync/syncestimate.h"

#include <QObject>
#include <QTimer>

#include <optional>

class QLabel;
class QStatusBar;

namespace tagdesk {
class ShopSession;
}

namespace tagdesk::ui {

// The status bar's permanent part: whether the store answers (online/offline), which
// store this is, and how many approved products wait to be synced. The store is asked
// now and then; the count is read on the thread pool.
class StatusBarController : public QObject {
    Q_OBJECT
public:
    StatusBarController(QStatusBar *bar, ShopSession &shop, JobReader reader,
                        QObject *parent = nullptr);

    QLabel *connectionLabel() const { return m_connection; }
    QLabel *storeLabel() const { return m_store; }
    QLabel *pendingSyncLabel() const { return m_pending; }
    // Whether the store answered the last time it was asked; none before the first answer.
    std::optional<bool> online() const { return m_online; }
    // The store's rate limit as it last reported it (see ShopSession::rateLimit).
    std::optional<RateLimit> rateLimit() const;

public slots:
    void checkConnection();
    void countPendingSyncs();
signals:
    // The store answers now, or no longer does (sent on the first answer too).
    void reachabilityChanged(bool online);
    // The store answers again after it did not: approved products can go out.
    void backOnline();

private:
    ShopSession &m_shop;
    JobReader m_reader;
    QLabel *m_connection;
    QLabel *m_store;
    QLabel *m_pending;
    QTimer m_connectionTimer;
    QTimer m_pendingTimer;
    quint64 m_check = 0;
    std::optional<bool> m_online;
};

} // namespace tagdesk::ui

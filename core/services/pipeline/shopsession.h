#pragma once

#include "domain/shopifystore.h"
#include "settings/account.h"
#include "sync/syncestimate.h"

#include <QObject>

#include <functional>
#include <memory>

namespace tagdesk {

// The desktop app's own line to the store for short questions (how many products match,
// a page of them, who are we): one Shopify client, made once the account's token is
// known, asynchronous like every core client. Made again after Settings change. Nothing
// long-running uses it: runs and syncs build their own clients on the work host.
class ShopSession : public QObject {
    Q_OBJECT
public:
    explicit ShopSession(Account &account, QObject *parent = nullptr);
    ~ShopSession() override;

    Account &account() const { return m_account; }

    // Forgets the client: the next question uses the settings as they are now.
    void reset();

    // Each question's answer goes to `done` on `context`'s thread, and not at all once
    // `context` is gone; an account that cannot give a client answers with that error.
    template <typename T> using Answer = std::function<void(const Result<T> &)>;
    void countProducts(QObject *context, const QString &searchQuery, Answer<qint64> done);
    void productsPage(QObject *context, const QString &searchQuery, int first,
                      Answer<ProductPage> done);
    void identify(QObject *context, Answer<ShopConnection> done);
    // The store's rate limit as its last answer to this session reported it; none before
    // the first answer (the status bar asks who we are at start and every minute).
    std::optional<RateLimit> rateLimit() const;

signals:
    void changed();

private:
    struct Line; // the network access and the client, private to the pipeline
    template <typename T, typename Call> void ask(QObject *context, Call call, Answer<T> done);

    Account &m_account;
    std::unique_ptr<Line> m_line;
    quint64 m_generation = 0;
};

} // namespace tagdesk

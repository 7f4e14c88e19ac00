#pragma once

#include "settings/account.h"

#include <QFuture>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>

#include <functional>

namespace tagdesk {

// The desktop app's own line to the store for short questions (how many products match,
// a page of them, who are we): one Shopify client, made once the account's token is
// known, asynchronous like every core client. Made again after Settings change.
class ShopSession : public QObject {
    Q_OBJECT
public:
    explicit ShopSession(Account &account, QObject *parent = nullptr);

    Account &account() const { return m_account; }

    // The client, or why there is none (no store set, no token).
    QFuture<Result<ShopifyClient *>> client();
    // Forgets the client: the next question uses the settings as they are now.
    void reset();

    // Asks `call` of the client and hands its answer to `done` on `context`'s thread; an
    // account that cannot give a client answers with that error instead.
    template <typename T>
    void ask(QObject *context, std::function<QFuture<Result<T>>(ShopifyClient &)> call,
             std::function<void(const Result<T> &)> done) {
        QPointer<QObject> guard(context);
        client().then(context, [guard, call, done](const Result<ShopifyClient *> &c) {
            if (!c)
                return done(c.error());
            call(*c.value()).then(guard.data(), [guard, done](const Result<T> &answer) {
                if (guard)
                    done(answer);
            });
        });
    }

signals:
    void changed();

private:
    Account &m_account;
    QNetworkAccessManager m_network;
    HttpClient m_http;
    QPointer<ShopifyClient> m_client;
    quint64 m_generation = 0;
};

} // namespace tagdesk

#pragma once

#include "net/httpclient.h"
#include "shopify/shopifyclient.h"

#include <QNetworkAccessManager>

#include <memory>

namespace tagdesk {
class Account;
}

namespace tagdesk::cli {

struct RunOptions {
    Account *account = nullptr; // the store and taggers: configured, or the demo's
    bool progressLines = true;  // a progress line on stderr
};

// Runs the event loop until a future is ready: the CLI has nothing else to do meanwhile.
// (The loop sleeps between events; polling processEvents would keep a core busy and slow
// a sandbox or server on the same machine.)
template <typename T> T await(QFuture<T> future);

// The same for a signal: runs the event loop until `done()` is true, re-checked whenever
// `sender` emits `signal`.
template <typename Sender, typename Signal, typename Done>
void awaitSignal(Sender *sender, Signal signal, Done done);

// The store a command talks to, with its token, and who we are there: a bad token or
// an unreachable store fails here, before any work.
class StoreConnection {
public:
    static Result<std::unique_ptr<StoreConnection>> open(const RunOptions &options);

    HttpClient &http() { return m_http; }
    ShopifyClient &shopify() { return *m_shopify; }
    const ShopConnection &connection() const { return m_connection; }

private:
    StoreConnection();

    QNetworkAccessManager m_network;
    HttpClient m_http;
    std::unique_ptr<ShopifyClient> m_shopify;
    ShopConnection m_connection;
};

} // namespace tagdesk::cli

#include <QEventLoop>
#include <QFutureWatcher>

template <typename T> T tagdesk::cli::await(QFuture<T> future) {
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<T> watcher;
        QObject::connect(&watcher, &QFutureWatcher<T>::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    return future.result();
}

template <typename Sender, typename Signal, typename Done>
void tagdesk::cli::awaitSignal(Sender *sender, Signal signal, Done done) {
    QEventLoop loop;
    QObject::connect(
        sender, signal, &loop,
        [&] {
            if (done())
                loop.quit();
        },
        Qt::QueuedConnection);
    if (!done())
        loop.exec();
}

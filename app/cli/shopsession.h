#pragma once

#include "net/httpclient.h"
#include "shopify/shopifyclient.h"

#include <QNetworkAccessManager>

#include <memory>

namespace tagdesk {
class DemoStore;
}

namespace tagdesk::cli {

struct RunOptions {
    QString storeInput;        // --store, or empty
    DemoStore *demo = nullptr; // --demo: the in-process sandbox
    bool progressLines = true; // a progress line on stderr
};

// Keeps the CLI's event loop turning until a future is ready: the CLI has nothing else
// to do meanwhile.
template <typename T> T await(QFuture<T> future);

// The store a command talks to, with its token, and who we are there: a bad token or
// an unreachable store fails here, before any work.
class ShopSession {
public:
    static Result<std::unique_ptr<ShopSession>> open(const RunOptions &options);

    HttpClient &http() { return m_http; }
    ShopifyClient &shopify() { return *m_shopify; }
    const ShopConnection &connection() const { return m_connection; }

private:
    ShopSession();

    QNetworkAccessManager m_network;
    HttpClient m_http;
    std::unique_ptr<ShopifyClient> m_shopify;
    ShopConnection m_connection;
};

} // namespace tagdesk::cli

#include <QCoreApplication>
#include <QEventLoop>

template <typename T> T tagdesk::cli::await(QFuture<T> future) {
    while (!future.isFinished())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return future.result();
}

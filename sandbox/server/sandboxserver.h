#pragma once

#include "catalog/storeproduct.h"
#include "server/httpbackend.h"
#include "server/sandboxconfig.h"
#include "util/result.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace tagdesk::sandbox {

class AdminEndpoints;
class FaultInjector;
class RequestLog;
class ShopifyApi;
class ShopifyStore;
class TaggerEndpoints;

// The whole sandbox on one loopback port: the Shopify Admin API, the tagger endpoints,
// bundled images, the inspection endpoints — with faults injected per service. Runs in
// any thread with an event loop (tagdesk-sandbox, tagdesk --demo, tests).
class SandboxServer : public QObject {
    Q_OBJECT
public:
    // `catalog` seeds the store unless config.statePath names an existing state file.
    SandboxServer(SandboxConfig config, Catalog catalog, QObject *parent = nullptr);
    ~SandboxServer() override;

    // Loads the state (if any) and listens on 127.0.0.1; the port, or why not.
    Result<quint16> start();

    quint16 port() const { return m_port; }
    QString baseUrl() const; // http://127.0.0.1:PORT
    QString graphqlUrl(const QString &version = QStringLiteral("2026-01")) const;

    ShopifyStore &store();
    ShopifyApi &shopify();

    // Writes the store state file now (it is also written shortly after each change and
    // when the server is destroyed).
    Status saveState();

    // Injects these faults from the next request on, in place of the configured ones (a
    // test takes the store offline, then brings it back).
    void setFaults(const FaultPlan &plan);

    // Which fault service a path belongs to ("shopify", "ximilar", …, or "sandbox").
    static QString serviceFor(const QString &path);

private:
    void dispatch(const SandboxRequest &request, ReplyChannel reply);
    void act(const SandboxRequest &request, ReplyChannel reply,
             const FaultInjector::Decision &decision, const QString &service, qint64 logEntry);
    SandboxResponse handle(const SandboxRequest &request);
    SandboxResponse faultError(const QString &service, int status, double retryAfterSeconds) const;
    std::optional<QByteArray> localImage(const QUrl &url) const;
    void noteChanges();

    SandboxConfig m_config;
    Catalog m_seed;
    std::unique_ptr<ShopifyStore> m_store;
    std::unique_ptr<ShopifyApi> m_shopify;
    std::unique_ptr<RequestLog> m_log;
    std::unique_ptr<AdminEndpoints> m_admin;
    std::unique_ptr<FaultInjector> m_faults;
    std::unique_ptr<TaggerEndpoints> m_taggers;
    std::unique_ptr<HttpBackend> m_http;
    std::optional<Error> m_loadError;
    QTimer m_saveTimer;
    quint64 m_savedVersion = 0;
    qint64 m_lastSaveMs = 0; // how long the last save took
    quint16 m_port = 0;
};

} // namespace tagdesk::sandbox

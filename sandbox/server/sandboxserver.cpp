#include "server/sandboxserver.h"

#include "catalog/photorenditions.h"
#include "catalog/photos.h"
#include "server/adminendpoints.h"
#include "server/faults.h"
#include "server/requestlog.h"
#include "shopify/shopifyapi.h"
#include "shopify/store.h"
#include "shopify/storejson.h"

#if __has_include("taggers/taggerendpoints.h")
#include "taggers/taggerendpoints.h"
#define TAGDESK_SANDBOX_HAS_TAGGERS 1
#endif

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUrlQuery>

namespace tagdesk::sandbox {

#ifndef TAGDESK_SANDBOX_HAS_TAGGERS
// The tagger endpoints are built in sandbox/taggers/; without them tagger paths answer 404.
class TaggerEndpoints {};
#endif

SandboxServer::SandboxServer(SandboxConfig config, Catalog catalog, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config)) {
    StoreState state;
    state.catalog = std::move(catalog);
    if (!m_config.statePath.isEmpty() && QFile::exists(m_config.statePath)) {
        QFile file(m_config.statePath);
        if (!file.open(QIODevice::ReadOnly)) {
            m_loadError = Error::storage(QStringLiteral("Cannot read the sandbox state file %1: %2")
                                             .arg(m_config.statePath, file.errorString()));
        } else {
            auto loaded = storeStateFromJson(file.readAll(), m_config.statePath);
            if (loaded)
                state = std::move(loaded).value();
            else
                m_loadError = loaded.error();
        }
    }
    m_store = std::make_unique<ShopifyStore>(std::move(state.catalog));
    m_store->setNextMetafieldNumber(state.nextMetafieldNumber);
    m_store->mutableMetaobjects().setNextNumber(state.nextMetaobjectNumber);
    m_shopify = std::make_unique<ShopifyApi>(*m_store, m_config.shopify);
    m_log = std::make_unique<RequestLog>(m_config.requestLogLimit);
    m_admin = std::make_unique<AdminEndpoints>(*m_store, *m_log, m_shopify->bucket());
    m_faults = std::make_unique<FaultInjector>(m_config.faults);
#ifdef TAGDESK_SANDBOX_HAS_TAGGERS
    m_taggers = std::make_unique<TaggerEndpoints>(
        [this](const QUrl &url) { return localImage(url); }, m_config.taggers);
#endif
    m_saveTimer.setSingleShot(true);
    connect(&m_saveTimer, &QTimer::timeout, this, [this] { (void)saveState(); });
}

SandboxServer::~SandboxServer() {
    if (m_store && m_store->version() != m_savedVersion)
        (void)saveState();
}

Result<quint16> SandboxServer::start() {
    if (m_loadError)
        return *m_loadError;
    m_http = std::make_unique<HttpBackend>(
        [this](const SandboxRequest &request, ReplyChannel reply) { dispatch(request, reply); });
    m_port = m_http->listen(m_config.port);
    if (m_port == 0)
        return Error::unavailable(
            m_config.port == 0
                ? QStringLiteral("The sandbox could not listen on 127.0.0.1")
                : QStringLiteral("The sandbox could not listen on 127.0.0.1:%1 (in use?)")
                      .arg(m_config.port));
    m_shopify->setBaseUrl(baseUrl());
    m_admin->setImageBaseUrl(baseUrl() + QStringLiteral("/_sandbox/images/"));
    if (!m_config.statePath.isEmpty() && !QFile::exists(m_config.statePath))
        if (Status st = saveState(); !st)
            return st.error();
    m_savedVersion = m_store->version();
    return m_port;
}

QString SandboxServer::baseUrl() const {
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

QString SandboxServer::graphqlUrl(const QString &version) const {
    return baseUrl() + QStringLiteral("/admin/api/%1/graphql.json").arg(version);
}

ShopifyStore &SandboxServer::store() {
    return *m_store;
}
ShopifyApi &SandboxServer::shopify() {
    return *m_shopify;
}

void SandboxServer::setFaults(const FaultPlan &plan) {
    m_config.faults = plan;
    m_faults = std::make_unique<FaultInjector>(m_config.faults);
}

Status SandboxServer::saveState() {
    if (m_config.statePath.isEmpty())
        return {};
    QElapsedTimer timer;
    timer.start();
    QSaveFile file(m_config.statePath);
    if (!file.open(QIODevice::WriteOnly))
        return Error::storage(QStringLiteral("Cannot write the sandbox state file %1: %2")
                                  .arg(m_config.statePath, file.errorString()));
    file.write(storeStateToJson(*m_store));
    if (!file.commit())
        return Error::storage(QStringLiteral("Cannot write the sandbox state file %1: %2")
                                  .arg(m_config.statePath, file.errorString()));
    m_savedVersion = m_store->version();
    m_lastSaveMs = timer.elapsed();
    return {};
}

void SandboxServer::noteChanges() {
    if (m_config.statePath.isEmpty() || m_store->version() == m_savedVersion ||
        m_saveTimer.isActive())
        return;
    // A big store takes a while to write: keep saving to a small share of the time, so a
    // stream of writes to 100,000 products is not spent mostly saving.
    m_saveTimer.start(int(std::max<qint64>(300, 10 * m_lastSaveMs)));
}

QString SandboxServer::serviceFor(const QString &path) {
    if (path.startsWith(QLatin1String("/admin/")) ||
        path.startsWith(QLatin1String("/_sandbox/bulk/")) ||
        path.startsWith(QLatin1String("/_sandbox/uploads")))
        return QStringLiteral("shopify");
    if (path.startsWith(QLatin1String("/_sandbox/images/")))
        return QStringLiteral("images");
    if (path.startsWith(QLatin1String("/tagging/")))
        return QStringLiteral("ximilar");
    if (path.startsWith(QLatin1String("/auth/v1/")) || path.startsWith(QLatin1String("/main/")))
        return QStringLiteral("pixyle");
    if (path.startsWith(QLatin1String("/v1/")))
        return QStringLiteral("openai");
    return QStringLiteral("sandbox");
}

void SandboxServer::dispatch(const SandboxRequest &request, ReplyChannel reply) {
    const QString service = serviceFor(request.path);
    if (request.path == QLatin1String("/_sandbox/requests")) {
        reply.send(handle(request));
        return;
    }
    RequestLog::Entry entry;
    entry.method = QString::fromLatin1(request.method);
    entry.path = request.path;
    entry.service = service;
    entry.time = QDateTime::currentDateTimeUtc();
    if (request.path.endsWith(QLatin1String("/graphql.json")))
        entry.operationName = ShopifyApi::operationName(request);
    const qint64 logEntry = m_log->add(entry);
    if (service == QLatin1String("sandbox")) {
        const SandboxResponse r = handle(request);
        m_log->setOutcome(logEntry, r.status, {});
        reply.send(r);
        noteChanges();
        return;
    }
    FaultInjector::Decision d = m_faults->decide(service, entry.operationName);
    // A throttle storm is the Admin API's rate limit. Bulk results and staged uploads are
    // files in Shopify's storage, which has no such limit: they can fail, hang or be cut
    // short like any download, but never answer THROTTLED.
    if (d.action == FaultAction::ThrottleStorm && service == QLatin1String("shopify") &&
        request.path.startsWith(QLatin1String("/_sandbox/")))
        d.action = FaultAction::None;
    for (const RemoteEdit &edit : d.editsDue) {
        const Status st = editProductAsMerchant(*m_store, edit.product, edit.fields);
        if (!st)
            qWarning("sandbox: remote edit of %s failed: %s", qPrintable(edit.product),
                     qPrintable(st.error().message));
    }
    if (d.busyProduct && m_store->productCount() > 0) {
        const qsizetype index = std::min(m_store->productCount() - 1,
                                         qsizetype(*d.busyProduct * m_store->productCount()));
        const StoreProduct &sold = m_store->productAt(index);
        (void)editProductAsMerchant(
            *m_store, sold.id,
            {{QStringLiteral("totalInventory"), std::max(0, sold.totalInventory - 1)}});
    }
    if (d.latencyMs <= 0) {
        act(request, reply, d, service, logEntry);
        return;
    }
    // A precise timer: the default for such intervals is Qt::CoarseTimer, which may fire up
    // to 5 % late (Qt's Qt::TimerType documentation), and a latency of 250 ms became ~260.
    QTimer::singleShot(d.latencyMs, Qt::PreciseTimer, this,
                       [this, request, reply, d, service, logEntry] {
                           act(request, reply, d, service, logEntry);
                       });
}

void SandboxServer::act(const SandboxRequest &request, ReplyChannel reply,
                        const FaultInjector::Decision &decision, const QString &service,
                        qint64 logEntry) {
    const QString fault = faultActionName(decision.action);
    switch (decision.action) {
    case FaultAction::Hang:
        // Never answer: the client's own timeout has to notice.
        m_log->setOutcome(logEntry, 0, fault);
        return;
    case FaultAction::Drop: {
        // The request is handled (a write lands) but the answer is lost with the
        // connection — the case idempotent pushes exist for.
        (void)handle(request);
        noteChanges();
        m_log->setOutcome(logEntry, 0, fault);
        reply.drop();
        return;
    }
    case FaultAction::Error: {
        const SandboxResponse r =
            faultError(service, decision.errorStatus, decision.retryAfterSeconds);
        m_log->setOutcome(logEntry, r.status, fault);
        reply.send(r);
        return;
    }
    case FaultAction::ThrottleStorm: {
        SandboxResponse r;
        if (service == QLatin1String("shopify")) {
            r = m_shopify->throttleStorm(request, decision.retryAfterSeconds);
        } else {
            r = SandboxResponse::json("{\"error\":{\"message\":\"Rate limit exceeded\","
                                      "\"code\":429}}",
                                      429);
            r.headers.append({QByteArray("Retry-After"),
                              QByteArray::number(decision.retryAfterSeconds, 'g', 6)});
        }
        m_log->setOutcome(logEntry, r.status, fault);
        reply.send(r);
        return;
    }
    case FaultAction::Malformed: {
        SandboxResponse r = handle(request);
        noteChanges();
        r.body = r.body.left(r.body.size() / 2);
        if (r.body.isEmpty())
            r.body = "{\"da";
        m_log->setOutcome(logEntry, r.status, fault);
        reply.send(r);
        return;
    }
    case FaultAction::None:
        break;
    }
    const SandboxResponse r = handle(request);
    m_log->setOutcome(logEntry, r.status, {});
    reply.send(r);
    noteChanges();
}

SandboxResponse SandboxServer::faultError(const QString &service, int status,
                                          double retryAfterSeconds) const {
    SandboxResponse r;
    if (service == QLatin1String("shopify")) {
        const QString requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QJsonObject error{
            {QStringLiteral("message"),
             QStringLiteral("Internal error. Looks like something went wrong on our end.\n"
                            "Request ID: %1 (include this in support requests).")
                 .arg(requestId)},
            {QStringLiteral("extensions"),
             QJsonObject{{QStringLiteral("code"), QStringLiteral("INTERNAL_SERVER_ERROR")},
                         {QStringLiteral("requestId"), requestId}}}};
        r = SandboxResponse::json(
            QJsonDocument(QJsonObject{{QStringLiteral("errors"), QJsonArray{error}}})
                .toJson(QJsonDocument::Compact),
            status);
    } else {
        r = SandboxResponse::json(
            QJsonDocument(QJsonObject{{QStringLiteral("error"),
                                       QJsonObject{{QStringLiteral("message"),
                                                    QStringLiteral("Injected fault")},
                                                   {QStringLiteral("code"), status}}}})
                .toJson(QJsonDocument::Compact),
            status);
    }
    if (status == 429 || status == 503)
        r.headers.append(
            {QByteArray("Retry-After"), QByteArray::number(retryAfterSeconds, 'g', 6)});
    return r;
}

namespace {
// The bytes served at /_sandbox/images/<photo>[?v=N][&width=W][&height=H]: the bundled photo
// as the store's original (scaled up to `originalLongSide`, see
// ShopifyConfig::originalLongSide), scaled down to fit W × H when the address asks for a
// rendition (ShopContext::imageUrl), and with a version made that image's own (see
// ShopifyConfig::distinctImages). Broken files are served as they are: a CDN cannot scale
// what it cannot decode.
QByteArray servedImage(const QString &photo, const QUrlQuery &query, int originalLongSide) {
    if (photo.contains(u'/'))
        return {};
    if (photo.startsWith(QLatin1String("broken-")))
        return brokenFileBytes(photo);
    const QSize box(query.queryItemValue(QStringLiteral("width")).toInt(),
                    query.queryItemValue(QStringLiteral("height")).toInt());
    const QByteArray bytes = photoRendition(photo, originalLongSide, box);
    const QString version = query.queryItemValue(QStringLiteral("v"));
    return version.isEmpty() ? bytes : photoVariant(bytes, version);
}
} // namespace

std::optional<QByteArray> SandboxServer::localImage(const QUrl &url) const {
    const bool local =
        url.host() == QLatin1String("127.0.0.1") || url.host() == QLatin1String("localhost");
    static const QString prefix = QStringLiteral("/_sandbox/images/");
    if (!local || url.port() != m_port || !url.path().startsWith(prefix))
        return std::nullopt;
    const QByteArray bytes = servedImage(url.path().mid(prefix.size()), QUrlQuery(url),
                                         m_config.shopify.originalLongSide);
    if (bytes.isEmpty())
        return std::nullopt;
    return bytes;
}

SandboxResponse SandboxServer::handle(const SandboxRequest &request) {
    static const QRegularExpression graphqlPath(
        QStringLiteral("^/admin/api/([0-9]{4}-[0-9]{2}|unstable)/graphql\\.json$"));
    const QString &path = request.path;
    if (graphqlPath.match(path).hasMatch()) {
        SandboxResponse r = m_shopify->graphql(request);
        // Unknown versions fall forward to the one served, as in Shopify.
        r.headers.append({QByteArray("X-Shopify-API-Version"), QByteArray("2026-01")});
        return r;
    }
    if (path == QLatin1String("/admin/oauth/access_token"))
        return m_shopify->accessToken(request);
    if (path.startsWith(QLatin1String("/_sandbox/bulk/")))
        return m_shopify->bulkDownload(request);
    if (path.startsWith(QLatin1String("/_sandbox/uploads")))
        return m_shopify->upload(request);
    if (path.startsWith(QLatin1String("/_sandbox/images/"))) {
        const QString photo = path.mid(17);
        const QByteArray bytes =
            servedImage(photo, request.query, m_config.shopify.originalLongSide);
        if (bytes.isEmpty())
            return SandboxResponse::json("{\"error\":\"no such image\"}", 404);
        SandboxResponse r;
        r.contentType = photo.endsWith(QLatin1String(".png")) ? "image/png" : "image/jpeg";
        r.body = bytes;
        r.headers.append({QByteArray("Cache-Control"), QByteArray("max-age=31536000")});
        return r;
    }
    if (path == QLatin1String("/_sandbox/redirect")) { // ?to=URL: a 302 there, as a CDN may
        SandboxResponse r = SandboxResponse::json("{}", 302);
        r.headers.append(
            {QByteArray("Location"),
             request.query.queryItemValue(QStringLiteral("to"), QUrl::FullyDecoded).toUtf8()});
        return r;
    }
    if (path.startsWith(QLatin1String("/_sandbox/")))
        return m_admin->handle(request);
#ifdef TAGDESK_SANDBOX_HAS_TAGGERS
    if (m_taggers)
        if (auto r = m_taggers->handle(request))
            return *r;
#endif
    return SandboxResponse::json(
        QJsonDocument(QJsonObject{{QStringLiteral("error"),
                                   QStringLiteral("The sandbox has no endpoint %1 %2")
                                       .arg(QString::fromLatin1(request.method), path)}})
            .toJson(QJsonDocument::Compact),
        404);
}

} // namespace tagdesk::sandbox

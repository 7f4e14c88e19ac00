#pragma once

#include "util/result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>
#include <QString>

#include <optional>

namespace tagdesk::sandbox {

// Faults one service (shopify, ximilar, pixyle, openai, images) suffers. Rates are
// probabilities per request, drawn from a generator seeded per service, so a run with the
// same seed and the same requests fails the same way.
struct ServiceFaults {
    double errorRate = 0; // answer errorStatus instead
    int errorStatus = 503;
    int latencyMinMs = 0; // every answer waits a time in [min, max]
    int latencyMaxMs = 0;
    double hangRate = 0;      // never answer (the connection stays open)
    double dropRate = 0;      // close the connection without answering
    double malformedRate = 0; // answer 200 with a body cut in half
    int stormEvery = 0;       // throttle storms: of every `stormEvery` requests, the first
    int stormLength = 0;      // `stormLength` are throttled (THROTTLED / 429)
    // The Retry-After an injected 429 or 503 carries, in seconds (fractions allowed, as
    // Shopify's own "Retry-After: 2.0"); 0 leaves the wait to the client's backoff.
    double retryAfterSeconds = 1;
    // A busy store: before a request, with this probability, a product picked at random
    // sells one unit, as other apps and the till do (its inventory and updatedAt move;
    // nothing Tagdesk writes changes).
    double busyRate = 0;
    // Only requests of these GraphQL operations meet the faults above (empty: every
    // request), e.g. garbled answers to one mutation while every read is answered.
    QStringList operations;

    bool any() const;
};

// A person editing a product in the Shopify admin while Tagdesk works: applied once, just
// before the service's `afterRequests`-th request (1-based) is handled — or, when
// `beforeOperation` is set, before the first request of that GraphQL operation.
struct RemoteEdit {
    QString product; // gid
    int afterRequests = 1;
    QString service = QStringLiteral("shopify");
    QJsonObject fields;           // title, tags, productType, descriptionHtml, vendor, status,
                                  // totalInventory, metafield:NS.KEY
    QString beforeOperation = {}; // e.g. "BulkMutationRun"; empty: by count
};

struct FaultPlan {
    quint64 seed = 1;
    QHash<QString, ServiceFaults> services;
    QList<RemoteEdit> remoteEdits;

    static const QStringList &serviceNames();

    // The faults file: {"seed":N, "services":{"shopify":{"errorRate":0.1, …}},
    // "remoteEdits":[{"product":"gid://…","afterRequests":3,"set":{"title":"…"}}]}.
    static Result<FaultPlan> fromJson(const QByteArray &json, const QString &nameForErrors);
    // A --fault flag: "shopify:errorRate=0.2,errorStatus=500,latency=10-50,hang=0.1,
    // drop=0.1,malformed=0.1,stormEvery=10,stormLength=2,retryAfter=0.5".
    Status addFlag(const QString &spec);
    // A --remote-edit flag: "gid://shopify/Product/1@3:title=New title" (after 3 requests).
    Status addRemoteEditFlag(const QString &spec);
};

enum class FaultAction { None, Error, Hang, Drop, Malformed, ThrottleStorm };

// Decides, per request, what goes wrong. Counts requests per service.
class FaultInjector {
public:
    explicit FaultInjector(FaultPlan plan);

    struct Decision {
        FaultAction action = FaultAction::None;
        int latencyMs = 0;
        int errorStatus = 0;
        double retryAfterSeconds = 1;
        QList<RemoteEdit> editsDue;
        // busyRate: which product sells a unit, as a fraction of the catalog in [0, 1).
        std::optional<double> busyProduct;
    };
    Decision decide(const QString &service, const QString &operationName = {});

    const FaultPlan &plan() const { return m_plan; }

private:
    FaultPlan m_plan;
    QHash<QString, QRandomGenerator> m_random;
    QRandomGenerator m_busyRandom; // its own, so busyRate does not shift the other faults
    QHash<QString, qint64> m_counts;
    QList<bool> m_editDone;
};

QString faultActionName(FaultAction action);

} // namespace tagdesk::sandbox

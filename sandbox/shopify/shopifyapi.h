#pragma once

#include "graphql/ast.h"
#include "server/httptypes.h"
#include "shopify/costbucket.h"
#include "shopify/shopcontext.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>

#include <memory>
#include <optional>

namespace tagdesk::sandbox {

class BulkOperations;
class ShopifyStore;
class StagedUploads;
namespace graphql {
class Schema;
}

enum class ThrottleMode { Http200, Http429 };

struct ShopifyConfig {
    QString token = QStringLiteral("shpat_sandbox"); // full access
    QString readOnlyToken;                           // read scopes only, if set
    // More tokens, each with the access scopes it was granted: e.g. write_products without
    // write_files, to see a client name the scope it lacks.
    QHash<QString, QStringList> scopedTokens;
    ShopFacts shop; // who the store is: two sandboxes with other ids are two stores
    QString clientId = QStringLiteral("sandbox-client-id");
    QString clientSecret = QStringLiteral("sandbox-client-secret");
    int tokenLifetimeSeconds = 86399; // client-credentials tokens last ~24 h
    double bucketSize = 2000;
    double restoreRate = 100;
    ThrottleMode throttleMode = ThrottleMode::Http200;
    int maxQueryCost = 1000;
    int bulkSliceSize = 500;  // rows per slice of a bulk operation
    int bulkSliceDelayMs = 0; // pause between slices (a slow Shopify, for cancel tests)
    // The userError code of a metafieldsSet whose compareDigest no longer matches: Shopify
    // answers STALE_OBJECT or INVALID_COMPARE_DIGEST
    // (shopify.dev/docs/api/admin-graphql/latest/enums/MetafieldsSetUserErrorCode), and a
    // client must take both as a conflict. Empty: either, drawn per refusal from `seed`.
    QString staleDigestCode;
    quint64 seed = 1; // the sandbox's --seed, shared with the fault plan
    // Every image served with bytes of its own (the photo plus a JPEG comment naming the
    // image), so that a catalog's images do not share the 30 bundled photos: the image
    // cache then holds one file per image, as with a real store.
    bool distinctImages = false;
    // The originals served scaled up to this many pixels on their long side (0: the
    // bundled photos as they are, ~400 px wide). A store's originals are often 2048 px or
    // more; against 400 px photos a rendition for analysis (`Image.url(transform:)`) would
    // have nothing to save.
    int originalLongSide = 0;
};

// The Shopify Admin API as the sandbox serves it: authentication, the client-credentials
// grant, the cost bucket, and GraphQL requests parsed, validated, priced and executed
// against the store. HTTP-shaped in and out (SandboxRequest/SandboxResponse), no sockets.
class ShopifyApi {
public:
    ShopifyApi(ShopifyStore &store, ShopifyConfig config, CostBucket::Clock clock = {});
    ~ShopifyApi();

    void setBaseUrl(const QString &baseUrl);

    // POST /admin/api/<version>/graphql.json
    SandboxResponse graphql(const SandboxRequest &request);
    // POST /admin/oauth/access_token
    SandboxResponse accessToken(const SandboxRequest &request);
    // GET /_sandbox/bulk/<n>.jsonl
    SandboxResponse bulkDownload(const SandboxRequest &request);
    // POST /_sandbox/uploads, PUT /_sandbox/uploads/<key>
    SandboxResponse upload(const SandboxRequest &request);
    // A throttle storm: THROTTLED (or 429) whatever the bucket holds.
    // In 429 mode the answer says Retry-After: retryAfterSeconds (the fault's setting).
    SandboxResponse throttleStorm(const SandboxRequest &request, double retryAfterSeconds);

    // The GraphQL operation name of a request, for the request log.
    static QString operationName(const SandboxRequest &request);

    ShopifyStore &store() { return m_store; }
    CostBucket &bucket() { return m_bucket; }
    BulkOperations &bulk() { return *m_bulk; }
    const ShopifyConfig &config() const { return m_config; }

    // The merchant changes what a token may do while Tagdesk works — edits the app's access
    // scopes, or uninstalls it (no scopes: the token is refused) — from the next request on.
    void setTokenScopes(const QString &token, const QStringList &scopes) {
        m_scopeChanges.insert(token, scopes);
    }

    static const QStringList &fullScopes();
    static const QStringList &readScopes();

private:
    struct Prepared;
    std::optional<QStringList> scopesFor(const SandboxRequest &request) const;
    Prepared prepare(const QString &query, const QString &operationName,
                     const QJsonObject &variables, bool requireConnectionSizes);
    QByteArray execute(Prepared &prepared, const QStringList &scopes, int &actualCost,
                       QList<graphql::GraphQLError> &errors);
    QByteArray runBulkLine(const QString &mutation, const QJsonObject &variables,
                           const QStringList &scopes);
    SandboxResponse answer(const QByteArray &data, const QList<graphql::GraphQLError> &errors,
                           int requested, std::optional<int> actual, int status = 200);
    QJsonObject costExtension(int requested, std::optional<int> actual);
    // Retry-After in 429 mode: what the bucket lacks for `requested`, or `retryAfterSeconds`.
    SandboxResponse throttled(int requested, std::optional<double> retryAfterSeconds = {});

    ShopifyStore &m_store;
    ShopifyConfig m_config;
    CostBucket m_bucket;
    ShopContext m_context;
    std::unique_ptr<graphql::Schema> m_schema;
    std::unique_ptr<StagedUploads> m_uploads;
    std::unique_ptr<BulkOperations> m_bulk;
    QHash<QString, QDateTime> m_issuedTokens;   // client-credentials tokens → expiry
    QHash<QString, QStringList> m_scopeChanges; // token → its scopes now (setTokenScopes)
};

} // namespace tagdesk::sandbox

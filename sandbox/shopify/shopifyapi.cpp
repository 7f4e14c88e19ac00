#include "shopify/shopifyapi.h"

#include "graphql/executor.h"
#include "graphql/parser.h"
#include "graphql/validator.h"
#include "graphql/values.h"
#include "shopify/bulkoperations.h"
#include "shopify/shopifyschema.h"
#include "shopify/stageduploads.h"
#include "shopify/store.h"
#include "util/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUrlQuery>

#include <cmath>

namespace tagdesk::sandbox {

using namespace graphql;

namespace {

const QString rateLimitDocs = QStringLiteral("https://shopify.dev/api/usage/rate-limits");

SandboxResponse jsonResponse(const QJsonObject &o, int status) {
    return SandboxResponse::json(QJsonDocument(o).toJson(QJsonDocument::Compact), status);
}

} // namespace

struct ShopifyApi::Prepared {
    std::optional<Document> document;
    const Operation *operation = nullptr;
    QJsonObject variables;
    QList<GraphQLError> errors;
    int requestedCost = 0;
    bool mutation = false;
};

const QStringList &ShopifyApi::fullScopes() {
    static const QStringList scopes{
        QStringLiteral("read_products"),    QStringLiteral("write_products"),
        QStringLiteral("read_files"),       QStringLiteral("write_files"),
        QStringLiteral("read_metaobjects"), QStringLiteral("write_metaobjects")};
    return scopes;
}

const QStringList &ShopifyApi::readScopes() {
    static const QStringList scopes{QStringLiteral("read_products"), QStringLiteral("read_files"),
                                    QStringLiteral("read_metaobjects")};
    return scopes;
}

ShopifyApi::ShopifyApi(ShopifyStore &store, ShopifyConfig config, CostBucket::Clock clock)
    : m_store(store)
    , m_config(std::move(config))
    , m_bucket(m_config.bucketSize, m_config.restoreRate, std::move(clock))
    , m_context{store, {}, nullptr, nullptr, {}, {}, {}, {}, {}} {
    m_uploads = std::make_unique<StagedUploads>();
    m_context.uploads = m_uploads.get();
    m_context.staleDigestCode = m_config.staleDigestCode;
    m_context.digestRandom = QRandomGenerator(quint32(m_config.seed ^ (m_config.seed >> 32)));
    m_context.shop = m_config.shop;
    m_context.distinctImages = m_config.distinctImages;
    m_context.originalLongSide = m_config.originalLongSide;
    m_schema = buildShopifySchema(m_context);
    m_bulk = std::make_unique<BulkOperations>(
        *m_schema, m_context, *m_uploads,
        [this](const QString &mutation, const QJsonObject &vars, const QStringList &scopes) {
            return runBulkLine(mutation, vars, scopes);
        });
    m_bulk->setSliceSize(m_config.bulkSliceSize);
    m_bulk->setSliceDelay(m_config.bulkSliceDelayMs);
    m_context.bulk = m_bulk.get();
}

ShopifyApi::~ShopifyApi() = default;

void ShopifyApi::setBaseUrl(const QString &baseUrl) {
    m_context.baseUrl = baseUrl;
}

std::optional<QStringList> ShopifyApi::scopesFor(const SandboxRequest &request) const {
    const QString token = QString::fromUtf8(request.header("x-shopify-access-token"));
    if (token.isEmpty())
        return std::nullopt;
    if (auto changed = m_scopeChanges.constFind(token); changed != m_scopeChanges.constEnd())
        return changed->isEmpty() ? std::nullopt : std::optional(*changed);
    if (token == m_config.token)
        return fullScopes();
    if (!m_config.readOnlyToken.isEmpty() && token == m_config.readOnlyToken)
        return readScopes();
    if (auto scoped = m_config.scopedTokens.constFind(token);
        scoped != m_config.scopedTokens.constEnd())
        return *scoped;
    auto issued = m_issuedTokens.constFind(token);
    if (issued != m_issuedTokens.constEnd() && m_store.now() < *issued)
        return fullScopes();
    return std::nullopt;
}

QString ShopifyApi::operationName(const SandboxRequest &request) {
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString named = body.value(QStringLiteral("operationName")).toString();
    if (!named.isEmpty())
        return named;
    auto doc = parseDocument(body.value(QStringLiteral("query")).toString());
    if (auto *d = std::get_if<Document>(&doc); d && d->operations.size() == 1)
        return d->operations.first().name;
    return {};
}

ShopifyApi::Prepared ShopifyApi::prepare(const QString &query, const QString &operationName,
                                         const QJsonObject &variables,
                                         bool requireConnectionSizes) {
    Prepared p;
    auto parsed = parseDocument(query);
    if (auto *e = std::get_if<GraphQLError>(&parsed)) {
        p.errors.append(*e);
        return p;
    }
    p.document = std::get<Document>(std::move(parsed));
    auto selected = selectOperation(*p.document, operationName);
    if (auto *e = std::get_if<GraphQLError>(&selected)) {
        p.errors.append(*e);
        return p;
    }
    p.operation = std::get<const Operation *>(selected);
    p.mutation = p.operation->type == QLatin1String("mutation");
    auto coerced = coerceVariables(*m_schema, *p.operation, variables);
    if (auto *e = std::get_if<GraphQLError>(&coerced)) {
        p.errors.append(*e);
        return p;
    }
    p.variables = std::get<QJsonObject>(std::move(coerced));
    p.errors = validate(*m_schema, *p.document, *p.operation, p.variables);
    if (!p.errors.isEmpty())
        return p;
    auto cost =
        requestedCost(*m_schema, *p.document, *p.operation, p.variables, requireConnectionSizes);
    if (auto *e = std::get_if<GraphQLError>(&cost)) {
        QJsonArray path{operationLabel(*p.operation)};
        e->path = path;
        p.errors.append(*e);
        return p;
    }
    p.requestedCost = std::get<int>(cost);
    return p;
}

QByteArray ShopifyApi::execute(Prepared &p, const QStringList &scopes, int &actualCost,
                               QList<GraphQLError> &errors) {
    m_context.grantedScopes = scopes;
    m_context.searchWarnings = {};
    Executor executor(*m_schema, *p.document, p.variables);
    executor.setFieldGuard([&scopes](const FieldDef &field) -> std::optional<GraphQLError> {
        if (field.requiredScope.isEmpty() || hasScope(scopes, field.requiredScope))
            return std::nullopt;
        return accessDenied(field.name, field.requiredScope);
    });
    JsonWriter out;
    executor.executeOperation(*p.operation, out);
    errors.append(executor.errors());
    // Mutations are priced by their fixed cost; queries by the objects really returned.
    actualCost = p.mutation ? p.requestedCost : std::min(p.requestedCost, executor.actualCost());
    return out.take();
}

QJsonObject ShopifyApi::costExtension(int requested, std::optional<int> actual) {
    return QJsonObject{
        {QStringLiteral("requestedQueryCost"), requested},
        {QStringLiteral("actualQueryCost"), actual ? QJsonValue(*actual) : QJsonValue()},
        {QStringLiteral("throttleStatus"),
         QJsonObject{{QStringLiteral("maximumAvailable"), m_bucket.size()},
                     {QStringLiteral("currentlyAvailable"), std::floor(m_bucket.available())},
                     {QStringLiteral("restoreRate"), m_bucket.restoreRate()}}}};
}

SandboxResponse ShopifyApi::answer(const QByteArray &data, const QList<GraphQLError> &errors,
                                   int requested, std::optional<int> actual, int status) {
    JsonWriter out;
    out.beginObject();
    if (!data.isNull()) {
        out.key(QStringLiteral("data"));
        out.raw(data);
    }
    if (!errors.isEmpty()) {
        out.key(QStringLiteral("errors"));
        out.beginArray();
        for (const GraphQLError &e : errors)
            out.value(e.toJson());
        out.endArray();
    }
    QJsonObject extensions{{QStringLiteral("cost"), costExtension(requested, actual)}};
    if (!m_context.searchWarnings.isEmpty())
        extensions.insert(QStringLiteral("search"), m_context.searchWarnings);
    out.key(QStringLiteral("extensions"));
    out.value(extensions);
    out.endObject();
    m_context.searchWarnings = {};
    return SandboxResponse::json(out.take(), status);
}

SandboxResponse ShopifyApi::throttled(int requested, std::optional<double> retryAfterSeconds) {
    GraphQLError e;
    e.message = QStringLiteral("Throttled");
    e.extensions = {{QStringLiteral("code"), QStringLiteral("THROTTLED")},
                    {QStringLiteral("documentation"), rateLimitDocs}};
    const bool http429 = m_config.throttleMode == ThrottleMode::Http429;
    SandboxResponse r = answer({}, {e}, requested, std::nullopt, http429 ? 429 : 200);
    if (http429 && retryAfterSeconds) {
        r.headers.append({"Retry-After", QByteArray::number(*retryAfterSeconds, 'g', 6)});
    } else if (http429) {
        const double missing = std::max(0.0, requested - m_bucket.available());
        const int seconds = std::max(1, int(std::ceil(missing / m_bucket.restoreRate())));
        r.headers.append({"Retry-After", QByteArray::number(seconds)});
    }
    return r;
}

SandboxResponse ShopifyApi::throttleStorm(const SandboxRequest &request, double retryAfterSeconds) {
    // The bucket is left alone: a storm is Shopify throttling regardless of it (it "may
    // temporarily reduce API rate limits"), and a client must cope with both. The answer
    // still prices the request it refuses.
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const Prepared p = prepare(body.value(QStringLiteral("query")).toString(),
                               body.value(QStringLiteral("operationName")).toString(),
                               body.value(QStringLiteral("variables")).toObject(), true);
    return throttled(p.requestedCost, retryAfterSeconds);
}

SandboxResponse ShopifyApi::graphql(const SandboxRequest &request) {
    const auto scopes = scopesFor(request);
    if (!scopes)
        return jsonResponse({{QStringLiteral("errors"),
                              QStringLiteral("[API] Invalid API key or access token (unrecognized "
                                             "login or wrong password)")}},
                            401);
    if (request.method != "POST")
        return jsonResponse(
            {{QStringLiteral("errors"), QStringLiteral("GraphQL requests must be sent with POST")}},
            405);
    const QByteArray contentType = request.header("content-type").toLower();
    QString query;
    QString operation;
    QJsonObject variables;
    if (contentType.startsWith("application/graphql")) {
        query = QString::fromUtf8(request.body);
    } else if (contentType.startsWith("application/json")) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
        if (!doc.isObject())
            return jsonResponse({{QStringLiteral("errors"),
                                  QStringLiteral("Bad Request: the body is not a JSON object (%1)")
                                      .arg(parseError.errorString())}},
                                400);
        query = doc.object().value(QStringLiteral("query")).toString();
        operation = doc.object().value(QStringLiteral("operationName")).toString();
        variables = doc.object().value(QStringLiteral("variables")).toObject();
    } else {
        return jsonResponse(
            {{QStringLiteral("errors"),
              QStringLiteral("Bad Request: Content-Type must be application/json")}},
            400);
    }
    if (query.trimmed().isEmpty())
        return jsonResponse(
            {{QStringLiteral("errors"),
              QJsonObject{{QStringLiteral("query"),
                           QStringLiteral("Required parameter missing or invalid")}}}},
            400);

    Prepared p = prepare(query, operation, variables, true);
    if (!p.errors.isEmpty())
        return answer({}, p.errors, p.requestedCost, std::nullopt);
    if (p.requestedCost > m_config.maxQueryCost) {
        GraphQLError e;
        e.message = QStringLiteral("Query cost is %1, which exceeds the single query max cost "
                                   "limit (%2).")
                        .arg(p.requestedCost)
                        .arg(m_config.maxQueryCost);
        e.extensions = {{QStringLiteral("code"), QStringLiteral("MAX_COST_EXCEEDED")},
                        {QStringLiteral("cost"), p.requestedCost},
                        {QStringLiteral("maxCost"), m_config.maxQueryCost},
                        {QStringLiteral("documentation"), rateLimitDocs}};
        return answer({}, {e}, p.requestedCost, std::nullopt);
    }
    if (!m_bucket.tryCharge(p.requestedCost))
        return throttled(p.requestedCost);
    int actual = 0;
    QList<GraphQLError> errors;
    const QByteArray data = execute(p, *scopes, actual, errors);
    m_bucket.refund(p.requestedCost - actual);
    return answer(data, errors, p.requestedCost, actual);
}

QByteArray ShopifyApi::runBulkLine(const QString &mutation, const QJsonObject &variables,
                                   const QStringList &scopes) {
    Prepared p = prepare(mutation, {}, variables, false);
    JsonWriter out;
    out.beginObject();
    QList<GraphQLError> errors = p.errors;
    if (errors.isEmpty()) {
        int actual = 0;
        const QByteArray data = execute(p, scopes, actual, errors);
        out.key(QStringLiteral("data"));
        out.raw(data);
    }
    if (!errors.isEmpty()) {
        out.key(QStringLiteral("errors"));
        out.beginArray();
        for (const GraphQLError &e : errors)
            out.value(e.toJson());
        out.endArray();
    }
    out.endObject();
    m_context.searchWarnings = {};
    return out.take();
}

SandboxResponse ShopifyApi::accessToken(const SandboxRequest &request) {
    if (request.method != "POST")
        return jsonResponse({{QStringLiteral("error"), QStringLiteral("invalid_request")},
                             {QStringLiteral("error_description"),
                              QStringLiteral("The token endpoint takes POST")}},
                            405);
    QHash<QString, QString> params;
    const QByteArray contentType = request.header("content-type").toLower();
    if (contentType.startsWith("application/json")) {
        const QJsonObject o = QJsonDocument::fromJson(request.body).object();
        for (auto it = o.begin(); it != o.end(); ++it)
            params.insert(it.key(), it.value().toString());
    } else {
        QString form = QString::fromUtf8(request.body);
        form.replace(u'+', u' ');
        const QUrlQuery q(form);
        for (const auto &[k, v] : q.queryItems(QUrl::FullyDecoded))
            params.insert(k, v);
    }
    for (const auto &[k, v] : request.query.queryItems(QUrl::FullyDecoded))
        if (!params.contains(k))
            params.insert(k, v);
    const QString grant = params.value(QStringLiteral("grant_type"));
    if (grant != QLatin1String("client_credentials"))
        return jsonResponse(
            {{QStringLiteral("error"), QStringLiteral("unsupported_grant_type")},
             {QStringLiteral("error_description"),
              QStringLiteral("grant_type must be client_credentials, got '%1'").arg(grant)}},
            400);
    if (params.value(QStringLiteral("client_id")) != m_config.clientId ||
        params.value(QStringLiteral("client_secret")) != m_config.clientSecret)
        return jsonResponse({{QStringLiteral("error"), QStringLiteral("invalid_client")},
                             {QStringLiteral("error_description"),
                              QStringLiteral("Client authentication failed: unknown client_id "
                                             "or wrong client_secret")}},
                            401);
    const QString token =
        QStringLiteral("shpat_") +
        QString::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, u'0') +
        QString::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, u'0');
    m_issuedTokens.insert(token, m_store.now().addSecs(m_config.tokenLifetimeSeconds));
    return jsonResponse({{QStringLiteral("access_token"), token},
                         {QStringLiteral("scope"), fullScopes().join(u',')},
                         {QStringLiteral("expires_in"), m_config.tokenLifetimeSeconds}},
                        200);
}

SandboxResponse ShopifyApi::bulkDownload(const SandboxRequest &request) {
    static const QRegularExpression name(QStringLiteral("^/_sandbox/bulk/(\\d+)\\.jsonl$"));
    const auto match = name.match(request.path);
    const auto data =
        match.hasMatch() ? m_bulk->result(match.captured(1).toLongLong()) : std::nullopt;
    if (!data) {
        SandboxResponse r;
        r.status = 404;
        r.contentType = "application/xml";
        r.body = "<?xml version='1.0' encoding='UTF-8'?><Error><Code>NoSuchKey</Code>"
                 "<Message>The specified key does not exist.</Message></Error>";
        return r;
    }
    SandboxResponse r;
    r.contentType = "application/jsonl";
    r.body = *data;
    return r;
}

SandboxResponse ShopifyApi::upload(const SandboxRequest &request) {
    return m_uploads->receive(request);
}

} // namespace tagdesk::sandbox

#include "shopify/shopifyclient.h"
#include "util/futures.h"

#include "shopify/bulkproductreader.h"
#include "shopify/productjson.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPromise>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

namespace tagdesk {

namespace {

// What the next page may cost: `queryBudget`, but while the bucket holds less, what it
// holds now (down to a quarter of `queryBudget`). Shopify reserves a query's requested
// cost before running it and refunds the rest after
// (shopify.dev/docs/api/usage/limits#cost-calculation): a page priced at what the bucket
// holds goes at once, where a full-sized one would wait for points it then mostly refunds
// — at the end of a listing that wait is pure loss (a page of 25 requested 877 points and
// used 177). The quarter keeps pages large enough that a store's round trip per page does
// not become the limit instead.
double pageBudget(const CostThrottle &throttle, double queryBudget) {
    if (!throttle.known())
        return queryBudget;
    return std::clamp(throttle.available(CostThrottle::Clock::now()), queryBudget / 4, queryBudget);
}

struct Texts {
    Q_DECLARE_TR_FUNCTIONS(ShopifyClient)
};

QJsonArray errorsOf(const QJsonObject &body) {
    return body.value(QLatin1String("errors")).toArray();
}

QString errorCode(const QJsonValue &error) {
    return error.toObject()
        .value(QLatin1String("extensions"))
        .toObject()
        .value(QLatin1String("code"))
        .toString();
}

// The access scope an ACCESS_DENIED error names: Shopify says "Required access:
// `write_products` access scope." in extensions.requiredAccess and in the message
// (https://shopify.dev/docs/api/usage/access-scopes). Empty when neither names one.
QString requiredScope(const QJsonObject &error) {
    static const QRegularExpression quoted(QStringLiteral("`([a-z_]+)`"));
    for (const QString &text : {error.value(QLatin1String("extensions"))
                                    .toObject()
                                    .value(QLatin1String("requiredAccess"))
                                    .toString(),
                                error.value(QLatin1String("message")).toString()}) {
        const QRegularExpressionMatch m = quoted.match(text);
        if (m.hasMatch())
            return m.captured(1);
    }
    return {};
}

Result<ProductPage> productPageFrom(const Result<QJsonObject> &data) {
    if (!data)
        return data.error();
    const QJsonObject products = data->value(QLatin1String("products")).toObject();
    const QJsonObject pageInfo = products.value(QLatin1String("pageInfo")).toObject();
    ProductPage page;
    page.hasNextPage = pageInfo.value(QLatin1String("hasNextPage")).toBool();
    page.endCursor = pageInfo.value(QLatin1String("endCursor")).toString();
    for (const QJsonValue &node : products.value(QLatin1String("nodes")).toArray()) {
        auto snapshot = productFromGraphql(node.toObject());
        if (!snapshot)
            return snapshot.error();
        page.products.append(std::move(snapshot).value());
    }
    return page;
}

// The products of a page whose images go on past the first page of them: their index on
// the page and the cursor to read on from.
QList<std::pair<qsizetype, QString>> mediaToFollow(const QJsonObject &data) {
    QList<std::pair<qsizetype, QString>> out;
    const QJsonArray nodes =
        data.value(QLatin1String("products")).toObject().value(QLatin1String("nodes")).toArray();
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        if (const QString after =
                moreMediaAfter(nodes.at(i).toObject().value(QLatin1String("media")));
            !after.isEmpty())
            out.append({i, after});
    }
    return out;
}

// A first guess at a document's cost before Shopify has told us; after that, Shopify
// reports the real cost in every answer's extensions.cost
// (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits).
constexpr double defaultCost = 50;
} // namespace

ShopifyClient::ShopifyClient(HttpClient *http, ShopifyStore store, ShopifyCredentials credentials,
                             QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_store(std::move(store))
    , m_credentials(std::move(credentials)) {
}

Result<QString> ShopifyClient::documentText(const QString &document) {
    QFile file(QStringLiteral(":/graphql/%1.graphql").arg(document));
    if (!file.open(QIODevice::ReadOnly))
        return Error::failed(Texts::tr("Tagdesk has no GraphQL document named %1").arg(document));
    QString text = QString::fromUtf8(file.readAll());
    // The same rule as tests/graphql/validate.mjs: a document gets the fragments it spreads,
    // and the fragments those spread.
    static const QRegularExpression spread(QStringLiteral("\\.\\.\\.([A-Z]\\w*)"));
    QStringList added;
    for (bool grew = true; grew;) {
        grew = false;
        for (auto it = spread.globalMatch(text); it.hasNext();) {
            const QString name = it.next().captured(1);
            QFile fragment(QStringLiteral(":/graphql/fragments/%1.graphql").arg(name));
            if (added.contains(name) || !fragment.open(QIODevice::ReadOnly))
                continue;
            added << name;
            text += QLatin1Char('\n') + QString::fromUtf8(fragment.readAll());
            grew = true;
        }
    }
    return text;
}

QFuture<Result<QString>> ShopifyClient::accessToken() {
    if (!m_credentials.usesClientCredentials()) {
        if (m_credentials.accessToken.isEmpty())
            return readyFuture(Result<QString>(Error::invalid(
                Texts::tr("No access token is set for %1: add one in Settings (or set "
                          "TAGDESK_SHOPIFY_TOKEN for scripts)")
                    .arg(m_store.domain()))));
        return readyFuture(Result<QString>(m_credentials.accessToken));
    }
    if (!m_grantedToken.isEmpty() && QDateTime::currentDateTimeUtc() < m_grantedTokenRenewAt)
        return readyFuture(Result<QString>(m_grantedToken));

    // Client-credentials grant
    // (https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/client-credentials-grant).
    HttpRequest request;
    request.method = "POST";
    request.url = m_store.accessTokenUrl();
    request.purpose = Texts::tr("getting an access token from %1").arg(m_store.domain());
    request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
    form.addQueryItem(QStringLiteral("client_id"), m_credentials.clientId);
    form.addQueryItem(QStringLiteral("client_secret"), m_credentials.clientSecret);
    request.body = form.toString(QUrl::FullyEncoded).toUtf8();
    return m_http->send(request).then(
        this, [this](const Result<HttpResponse> &answer) -> Result<QString> {
            if (!answer)
                return answer.error();
            if (answer->status == 400 || answer->status == 401)
                return Error::invalid(
                    Texts::tr("%1 refused the app's client id and secret (HTTP %2): "
                              "check them in Settings")
                        .arg(m_store.domain())
                        .arg(answer->status));
            if (!answer->isSuccess())
                return httpError(answer.value());
            const QJsonObject body = QJsonDocument::fromJson(answer->body).object();
            const QString token = body.value(QLatin1String("access_token")).toString();
            if (token.isEmpty())
                return Error::failed(Texts::tr("%1 answered the token request without a token")
                                         .arg(m_store.domain()));
            // Renew when 90% of its life has passed; a day if Shopify does not say.
            const qint64 lifetime = body.value(QLatin1String("expires_in")).toInteger(86400);
            m_grantedToken = token;
            m_grantedTokenRenewAt = QDateTime::currentDateTimeUtc().addSecs(lifetime * 9 / 10);
            return token;
        });
}

QFuture<Result<QJsonObject>> ShopifyClient::execute(const QString &document,
                                                    const QJsonObject &variables) {
    auto text = documentText(document);
    if (!text)
        return readyFuture(Result<QJsonObject>(text.error()));
    return accessToken()
        .then(this,
              [this, document, text = text.value(), variables](const Result<QString> &token) {
                  if (!token)
                      return readyFuture(Result<QJsonObject>(token.error()));
                  return send(document, text, variables, token.value());
              })
        .unwrap();
}

QFuture<Result<QJsonObject>> ShopifyClient::send(const QString &document, const QString &text,
                                                 const QJsonObject &variables,
                                                 const QString &token) {
    // A paged document's price follows its `first`; any other costs what it cost last time.
    const int first = variables.value(QLatin1String("first")).toInt();
    const auto pagePrice = first > 0 ? m_pageSizers.value(document).costOf(first) : std::nullopt;
    const double cost = pagePrice.value_or(m_learnedCost.value(document, defaultCost));
    const auto wait = m_throttle.delayBefore(cost, CostThrottle::Clock::now());

    HttpRequest request;
    request.method = "POST";
    request.url = m_store.graphqlUrl();
    request.purpose = Texts::tr("talking to %1").arg(m_store.domain());
    request.headers = {{"Content-Type", "application/json"},
                       {"Accept", "application/json"},
                       {"X-Shopify-Access-Token", token.toUtf8()}};
    request.body = QJsonDocument(QJsonObject{{QStringLiteral("query"), text},
                                             {QStringLiteral("variables"), variables}})
                       .toJson(QJsonDocument::Compact);
    request.classify = [this, document, first](const HttpResponse &r) {
        return classify(document, first, r);
    };

    auto promise = std::make_shared<QPromise<Result<QJsonObject>>>();
    promise->start();
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    const auto waiting = m_waiting.insert(m_waiting.end(), {timer, promise});
    connect(timer, &QTimer::timeout, this,
            [this, waiting, promise, request, cost, document, first] {
                waiting->timer->deleteLater();
                m_waiting.erase(waiting);
                m_throttle.reserve(cost);
                m_http->send(request).then(
                    this, [this, promise, cost, document, first](const Result<HttpResponse> &r) {
                        m_throttle.release(cost);
                        promise->addResult(r ? interpret(document, first, r.value())
                                             : Result<QJsonObject>(r.error()));
                        promise->finish();
                    });
            });
    timer->start(wait);
    return promise->future();
}

int ShopifyClient::stopWaiting() {
    const int stopped = int(m_waiting.size());
    for (Waiting &w : std::exchange(m_waiting, {})) {
        w.timer->stop();
        w.timer->deleteLater();
        w.promise->addResult(
            Error::failed(Texts::tr("Stopped before %1 was asked (waiting for its rate limit)")
                              .arg(m_store.domain())));
        w.promise->finish();
    }
    return stopped;
}

AttemptOutcome ShopifyClient::classify(const QString &document, int first,
                                       const HttpResponse &response) {
    const QJsonDocument json = QJsonDocument::fromJson(response.body);
    const QJsonObject body = json.object();
    // Every answer carries the bucket's state: pace from it.
    const QJsonObject cost =
        body.value(QLatin1String("extensions")).toObject().value(QLatin1String("cost")).toObject();
    const QJsonObject status = cost.value(QLatin1String("throttleStatus")).toObject();
    const auto now = CostThrottle::Clock::now();
    if (!status.isEmpty())
        m_throttle.update({status.value(QLatin1String("maximumAvailable")).toDouble(),
                           status.value(QLatin1String("currentlyAvailable")).toDouble(),
                           status.value(QLatin1String("restoreRate")).toDouble()},
                          now);
    const double requested = cost.value(QLatin1String("requestedQueryCost")).toDouble();
    if (requested > 0) {
        m_learnedCost.insert(document, requested);
        if (first > 0)
            m_pageSizers[document].priced(first, requested);
    }

    if (response.status == 429) {
        m_throttle.throttled(now);
        return {AttemptOutcome::Kind::HttpError, 429, {}};
    }
    if (!response.isSuccess())
        return HttpClient::classifyByStatus(response);
    if (!json.isObject())
        return {AttemptOutcome::Kind::Malformed, response.status, {}};
    for (const QJsonValue &e : errorsOf(body)) {
        if (errorCode(e) == QLatin1String("THROTTLED")) {
            // Wait until the bucket holds what this document costs.
            const double needed =
                requested > 0 ? requested : m_learnedCost.value(document, defaultCost);
            return {AttemptOutcome::Kind::Throttled, response.status,
                    m_throttle.delayBefore(needed, now)};
        }
    }
    return {AttemptOutcome::Kind::Success, response.status, {}};
}

Error ShopifyClient::httpError(const HttpResponse &r) const {
    const QString shop = m_store.domain();
    switch (r.status) {
    case 401:
        return Error::tokenRejected(
            Texts::tr("%1 refused the access token (HTTP 401). Check the token in "
                      "Settings; it may have been revoked or mistyped.")
                .arg(shop));
    case 402:
        return Error::failed(
            Texts::tr("%1 is frozen: its Shopify bill is unpaid (HTTP 402). The store "
                      "owner must settle it before Tagdesk can work.")
                .arg(shop));
    case 403:
        return Error::scopeMissing(
            Texts::tr("%1 denied access (HTTP 403): the app is not allowed to do this. "
                      "Check the app's permissions in the Shopify admin.")
                .arg(shop));
    case 404:
        return Error::notFound(
            Texts::tr("%1 has no Admin API at %2 (HTTP 404): check the store address "
                      "and the API version (%3).")
                .arg(shop, m_store.graphqlUrl().path(), m_store.apiVersion));
    case 423:
        return Error::failed(
            Texts::tr("%1 is locked (HTTP 423), e.g. for fraud review or by its "
                      "owner. Nothing can be read or written until Shopify unlocks it.")
                .arg(shop));
    case 429:
        return Error::throttled(
            Texts::tr("%1 kept asking Tagdesk to slow down (HTTP 429) after every "
                      "retry; try again in a few minutes.")
                .arg(shop));
    default:
        if (r.status >= 500)
            return Error::unavailable(
                Texts::tr("%1 had a server error (HTTP %2) after every retry; "
                          "Shopify may be having trouble, try again later.")
                    .arg(shop)
                    .arg(r.status));
        return Error::failed(Texts::tr("%1 answered HTTP %2").arg(shop).arg(r.status));
    }
}

double ShopifyClient::queryBudget() const {
    const auto bucket = m_throttle.known();
    if (!bucket || bucket->maximumAvailable <= 0)
        return m_maxQueryCost;
    return std::min(m_maxQueryCost, bucket->maximumAvailable);
}

Error ShopifyClient::tooExpensive(const QString &document, int first, const QJsonObject &error) {
    // MAX_COST_EXCEEDED gives the price and the limit in its extensions (cost, maxCost):
    // a refused page still teaches what a node costs
    // (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits).
    const QJsonObject extensions = error.value(QLatin1String("extensions")).toObject();
    const double cost = extensions.value(QLatin1String("cost")).toDouble();
    const double maxCost = extensions.value(QLatin1String("maxCost")).toDouble();
    if (maxCost > 0)
        m_maxQueryCost = maxCost;
    if (first > 0)
        m_pageSizers[document].priced(first, cost);
    if (cost <= 0 || maxCost <= 0)
        return Error::tooExpensive(
            Texts::tr("%1 refused %2 as too expensive: %3")
                .arg(m_store.domain(), document, error.value(QLatin1String("message")).toString()));
    return Error::tooExpensive(
        Texts::tr("%1 refused %2 as too expensive: it costs %3 points, more than the %4 one "
                  "query may cost there")
            .arg(m_store.domain(), document)
            .arg(cost)
            .arg(maxCost));
}

Result<QJsonObject> ShopifyClient::interpret(const QString &document, int first,
                                             const HttpResponse &response) {
    if (!response.isSuccess())
        return httpError(response);
    const QJsonObject body = QJsonDocument::fromJson(response.body).object();
    const QJsonArray errors = errorsOf(body);
    if (!errors.isEmpty()) {
        const QJsonObject error = errors.first().toObject();
        const QString code = errorCode(error);
        const QString message = error.value(QLatin1String("message")).toString();
        const QString shop = m_store.domain();
        if (code == QLatin1String("ACCESS_DENIED")) {
            const QString scope = requiredScope(error);
            return Error::scopeMissing(
                Texts::tr("%1 denied access: %2. Give the app the %3 access scope in the "
                          "Shopify admin.")
                    .arg(shop, message,
                         scope.isEmpty() ? Texts::tr("missing")
                                         : QStringLiteral("`%1`").arg(scope)),
                scope);
        }
        if (code == QLatin1String("MAX_COST_EXCEEDED"))
            return tooExpensive(document, first, error);
        if (code == QLatin1String("THROTTLED"))
            return Error::throttled(
                Texts::tr("%1 stayed throttled after every retry; try again in a "
                          "few minutes.")
                    .arg(shop));
        return Error::failed(Texts::tr("%1 refused %2: %3").arg(shop, document, message));
    }
    if (!body.value(QLatin1String("data")).isObject())
        return Error::failed(Texts::tr("%1 answered without data").arg(m_store.domain()));
    return body.value(QLatin1String("data")).toObject();
}

QFuture<Result<ShopConnection>> ShopifyClient::connectToShop() {
    return execute(QStringLiteral("AccessScopes"))
        .then(this, [this](const Result<QJsonObject> &data) -> Result<ShopConnection> {
            if (!data)
                return data.error();
            ShopConnection c;
            const QJsonObject shop = data->value(QLatin1String("shop")).toObject();
            c.shopName = shop.value(QLatin1String("name")).toString();
            c.shopId = shop.value(QLatin1String("id")).toString();
            c.domain = shop.value(QLatin1String("myshopifyDomain")).toString(m_store.domain());
            const QJsonArray scopes = data->value(QLatin1String("currentAppInstallation"))
                                          .toObject()
                                          .value(QLatin1String("accessScopes"))
                                          .toArray();
            for (const QJsonValue &s : scopes)
                c.scopes << s.toObject().value(QLatin1String("handle")).toString();
            return c;
        });
}

QFuture<Result<qint64>> ShopifyClient::countProducts(const QString &searchQuery) {
    return execute(QStringLiteral("ProductsCount"), {{QStringLiteral("query"), searchQuery}})
        .then(this, [](const Result<QJsonObject> &data) -> Result<qint64> {
            if (!data)
                return data.error();
            return data->value(QLatin1String("productsCount"))
                .toObject()
                .value(QLatin1String("count"))
                .toInteger();
        });
}

QFuture<Result<ProductPage>> ShopifyClient::productsPage(const QString &searchQuery,
                                                         const QString &after, int first) {
    const QString document = QStringLiteral("ProductsPage");
    const int size = m_pageSizers.value(document).pageSize(std::clamp(first, 1, 250),
                                                           pageBudget(m_throttle, queryBudget()));
    QJsonObject variables{{QStringLiteral("first"), size}, {QStringLiteral("query"), searchQuery}};
    if (!after.isEmpty())
        variables.insert(QStringLiteral("after"), after);
    return execute(document, variables)
        .then(this,
              [this, searchQuery, after, size,
               document](const Result<QJsonObject> &data) -> QFuture<Result<ProductPage>> {
                  if (data) {
                      auto page = productPageFrom(data);
                      if (!page)
                          return readyFuture(page);
                      QList<MoreMedia> more;
                      for (const auto &[index, cursor] : mediaToFollow(*data))
                          more.append({index, cursor});
                      return complete(std::move(page).value(), std::move(more));
                  }
                  if (data.error().code != Error::Code::TooExpensive)
                      return readyFuture(Result<ProductPage>(data.error()));
                  // The refusal priced the page, so the next try is sized to fit; it is
                  // smaller every time, so this ends at one product at the latest.
                  if (size > 1)
                      return productsPage(searchQuery, after, size - 1);
                  return readyFuture(Result<ProductPage>(Error::tooExpensive(
                      Texts::tr("%1 prices even a single product at %2 points, more than the "
                                "%3 one query may cost there: its products cannot be listed")
                          .arg(m_store.domain())
                          .arg(m_pageSizers.value(document).costOf(1).value_or(0))
                          .arg(m_maxQueryCost))));
              })
        .unwrap();
}

QFuture<Result<ProductPage>> ShopifyClient::withAllMedia(ProductPage page, QList<MoreMedia> more) {
    if (more.isEmpty())
        return readyFuture(Result<ProductPage>(std::move(page)));
    const MoreMedia next = more.takeFirst();
    const QString productId = page.products.at(next.product).id;
    return execute(QStringLiteral("ProductMedia"),
                   {{QStringLiteral("id"), productId}, {QStringLiteral("after"), next.after}})
        .then(
            this,
            [this, page = std::move(page), more = std::move(more),
             next](const Result<QJsonObject> &data) mutable -> QFuture<Result<ProductPage>> {
                if (!data)
                    return readyFuture(Result<ProductPage>(data.error()));
                const QJsonValue media =
                    data->value(QLatin1String("product")).toObject().value(QLatin1String("media"));
                appendMedia(page.products[next.product], media);
                if (const QString after = moreMediaAfter(media); !after.isEmpty())
                    more.prepend({next.product, after});
                return withAllMedia(std::move(page), std::move(more));
            })
        .unwrap();
}

QFuture<Result<ProductPage>> ShopifyClient::complete(ProductPage page, QList<MoreMedia> more) {
    return withAllMedia(std::move(page), std::move(more))
        .then(this,
              [this](const Result<ProductPage> &all) {
                  return all ? withCategoryMetafields(all.value()) : readyFuture(all);
              })
        .unwrap();
}

QFuture<Result<ProductPage>> ShopifyClient::withCategoryMetafields(ProductPage page) {
    if (!m_readsCategoryMetafields || page.products.isEmpty())
        return readyFuture(Result<ProductPage>(std::move(page)));
    QStringList ids;
    for (const ProductSnapshot &p : page.products)
        ids << p.id;
    return execute(QStringLiteral("ProductCategoryMetafields"),
                   {{QStringLiteral("ids"), QJsonArray::fromStringList(ids)}})
        .then(this,
              [this, page = std::move(page)](
                  const Result<QJsonObject> &data) mutable -> QFuture<Result<ProductPage>> {
                  if (!data)
                      return readyFuture(Result<ProductPage>(data.error()));
                  for (const QJsonValue &n : data->value(QLatin1String("nodes")).toArray()) {
                      const QJsonObject node = n.toObject();
                      for (ProductSnapshot &p : page.products) {
                          if (p.id == node.value(QLatin1String("id")).toString())
                              appendCategoryMetafields(
                                  p, node.value(QLatin1String("categoryMetafields")));
                      }
                  }
                  return withCategoryMetaobjects(std::move(page));
              })
        .unwrap();
}

QFuture<Result<ProductPage>> ShopifyClient::withCategoryMetaobjects(ProductPage page) {
    QStringList ids;
    for (const ProductSnapshot &p : page.products) {
        for (const QString &id : unreadCategoryMetaobjects(p)) {
            if (!ids.contains(id))
                ids << id;
        }
    }
    if (ids.isEmpty())
        return readyFuture(Result<ProductPage>(std::move(page)));
    return categoryMetaobjects(ids).then(
        this, [page = std::move(page)](
                  const Result<QHash<QString, CategoryMetaobject>> &entries) mutable {
            if (!entries)
                return Result<ProductPage>(entries.error());
            for (ProductSnapshot &p : page.products)
                addCategoryMetaobjects(p, entries.value());
            return Result<ProductPage>(std::move(page));
        });
}

QFuture<Result<QHash<QString, CategoryMetaobject>>>
ShopifyClient::categoryMetaobjects(QStringList ids, QHash<QString, CategoryMetaobject> found) {
    using Answer = Result<QHash<QString, CategoryMetaobject>>;
    if (ids.isEmpty())
        return readyFuture(Answer(std::move(found)));
    // nodes(ids:) takes at most 250 ids
    // (shopify.dev/docs/api/admin-graphql/latest/queries/nodes).
    const QStringList batch = ids.mid(0, 250);
    ids.remove(0, batch.size());
    return execute(QStringLiteral("CategoryMetaobjectNodes"),
                   {{QStringLiteral("ids"), QJsonArray::fromStringList(batch)}})
        .then(this,
              [this, ids = std::move(ids), found = std::move(found)](
                  const Result<QJsonObject> &data) mutable -> QFuture<Answer> {
                  if (!data) {
                      // A token without read_metaobjects cannot read them: the metafields
                      // then read as their metaobject ids, the same on every read, so the
                      // conflict check still holds; only a transient failure stops the read.
                      if (data.error().isTransient())
                          return readyFuture(Answer(data.error()));
                      return readyFuture(Answer(std::move(found)));
                  }
                  for (const QJsonValue &n : data->value(QLatin1String("nodes")).toArray()) {
                      if (n.isObject() && n.toObject().contains(QLatin1String("type"))) {
                          CategoryMetaobject e = categoryMetaobjectFrom(n.toObject());
                          found.insert(e.id, e);
                      }
                  }
                  return categoryMetaobjects(std::move(ids), std::move(found));
              })
        .unwrap();
}

QFuture<Result<std::optional<ProductSnapshot>>> ShopifyClient::product(const QString &id) {
    using Answer = Result<std::optional<ProductSnapshot>>;
    return execute(QStringLiteral("Product"), {{QStringLiteral("id"), id}})
        .then(this,
              [this](const Result<QJsonObject> &data) -> QFuture<Answer> {
                  if (!data)
                      return readyFuture(Answer(data.error()));
                  const QJsonValue node = data->value(QLatin1String("product"));
                  if (node.isNull() || node.isUndefined())
                      return readyFuture(Answer(std::optional<ProductSnapshot>()));
                  auto snapshot = productFromGraphql(node.toObject());
                  if (!snapshot)
                      return readyFuture(Answer(snapshot.error()));
                  ProductPage one;
                  one.products.append(std::move(snapshot).value());
                  QList<MoreMedia> more;
                  if (const QString after =
                          moreMediaAfter(node.toObject().value(QLatin1String("media")));
                      !after.isEmpty())
                      more.append({0, after});
                  return complete(std::move(one), std::move(more))
                      .then([](const Result<ProductPage> &page) -> Answer {
                          if (!page)
                              return page.error();
                          return std::optional<ProductSnapshot>(page->products.first());
                      });
              })
        .unwrap();
}

QFuture<Result<QList<std::optional<ProductSnapshot>>>>
ShopifyClient::products(const QStringList &ids) {
    using Answer = Result<QList<std::optional<ProductSnapshot>>>;
    return execute(QStringLiteral("ProductsByIds"),
                   {{QStringLiteral("ids"), QJsonArray::fromStringList(ids)}})
        .then(this,
              [this, ids](const Result<QJsonObject> &data) -> QFuture<Answer> {
                  if (!data)
                      return readyFuture(Answer(data.error()));
                  ProductPage found;
                  QList<MoreMedia> more;
                  for (const QJsonValue &n : data->value(QLatin1String("nodes")).toArray()) {
                      if (!n.isObject())
                          continue; // gone: answered null
                      auto snapshot = productFromGraphql(n.toObject());
                      if (!snapshot)
                          return readyFuture(Answer(snapshot.error()));
                      if (const QString after =
                              moreMediaAfter(n.toObject().value(QLatin1String("media")));
                          !after.isEmpty())
                          more.append({found.products.size(), after});
                      found.products.append(std::move(snapshot).value());
                  }
                  return complete(std::move(found), std::move(more))
                      .then([ids](const Result<ProductPage> &page) -> Answer {
                          if (!page)
                              return page.error();
                          // Matched by id, not by position: a product is never taken for another.
                          QHash<QString, qsizetype> at;
                          for (qsizetype i = 0; i < page->products.size(); ++i)
                              at.insert(page->products.at(i).id, i);
                          QList<std::optional<ProductSnapshot>> answer;
                          answer.reserve(ids.size());
                          for (const QString &id : ids) {
                              const auto it = at.constFind(id);
                              answer.append(it == at.constEnd()
                                                ? std::nullopt
                                                : std::optional(page->products.at(*it)));
                          }
                          return answer;
                      });
              })
        .unwrap();
}

} // namespace tagdesk

namespace tagdesk {

QFuture<Result<QString>> ShopifyClient::startProductsBulkQuery(const QString &searchQuery) {
    auto bulkText = documentText(QStringLiteral("BulkProductsQuery"));
    if (!bulkText)
        return readyFuture(Result<QString>(bulkText.error()));
    // The selection goes into a string literal of the bulk query: escape it as GraphQL does.
    QString escaped = searchQuery;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('"'), QLatin1String("\\\""));
    const QString query = bulkText.value().replace(QLatin1String("$SEARCH"), escaped);
    return execute(QStringLiteral("BulkProductsRun"), {{QStringLiteral("query"), query}})
        .then(this, [this](const Result<QJsonObject> &data) -> Result<QString> {
            if (!data)
                return data.error();
            const QJsonObject payload =
                data->value(QLatin1String("bulkOperationRunQuery")).toObject();
            const QJsonArray userErrors = payload.value(QLatin1String("userErrors")).toArray();
            if (!userErrors.isEmpty())
                return Error::failed(Texts::tr("%1 would not start a bulk export: %2")
                                         .arg(m_store.domain(), userErrors.first()
                                                                    .toObject()
                                                                    .value(QLatin1String("message"))
                                                                    .toString()));
            const QString id = payload.value(QLatin1String("bulkOperation"))
                                   .toObject()
                                   .value(QLatin1String("id"))
                                   .toString();
            if (id.isEmpty())
                return Error::failed(
                    Texts::tr("%1 started a bulk export without an id").arg(m_store.domain()));
            return id;
        });
}

QFuture<Result<BulkOperationStatus>> ShopifyClient::bulkOperation(const QString &id) {
    return execute(QStringLiteral("BulkOperation"), {{QStringLiteral("id"), id}})
        .then(this, [id](const Result<QJsonObject> &data) -> Result<BulkOperationStatus> {
            if (!data)
                return data.error();
            const QJsonObject op = data->value(QLatin1String("bulkOperation")).toObject();
            if (op.isEmpty())
                return Error::notFound(
                    Texts::tr("Shopify does not know the bulk export %1").arg(id));
            BulkOperationStatus s;
            s.id = id;
            s.status = op.value(QLatin1String("status")).toString();
            s.errorCode = op.value(QLatin1String("errorCode")).toString();
            s.objectCount = op.value(QLatin1String("objectCount")).toVariant().toLongLong();
            s.rootObjectCount = op.value(QLatin1String("rootObjectCount")).toVariant().toLongLong();
            s.url = QUrl(op.value(QLatin1String("url")).toString());
            return s;
        });
}

QFuture<Result<qint64>> ShopifyClient::readBulkProducts(const QUrl &url,
                                                        std::function<void(ProductSnapshot)> sink) {
    auto reader = std::make_shared<BulkProductReader>(std::move(sink), m_readsCategoryMetafields);
    HttpRequest request;
    request.url = url;
    request.purpose = Texts::tr("downloading the bulk export from %1").arg(m_store.domain());
    request.onData = [reader](QByteArrayView chunk) {
        return reader->feed(chunk);
    };
    using Answer = Result<qint64>;
    return m_http->send(request)
        .then(
            this,
            [this, reader](const Result<HttpResponse> &answer) -> QFuture<Answer> {
                if (!answer)
                    return readyFuture(Answer(answer.error()));
                if (!answer->isSuccess())
                    return readyFuture(Answer(
                        Error::failed(Texts::tr("The bulk export could not be downloaded (HTTP %1)")
                                          .arg(answer->status))));
                // What the category metafields' entries stand for, as the paged read
                // reads them, before the products are handed over.
                return categoryMetaobjects(reader->categoryMetaobjectIds())
                    .then(this,
                          [reader](
                              const Result<QHash<QString, CategoryMetaobject>> &entries) -> Answer {
                              if (!entries)
                                  return entries.error();
                              reader->setCategoryMetaobjects(entries.value());
                              if (auto finished = reader->finish(); !finished)
                                  return finished.error();
                              return reader->productsRead();
                          });
            })
        .unwrap();
}

} // namespace tagdesk

#pragma once

#include "domain/product.h"
#include "domain/shopifystore.h"
#include "net/httpclient.h"
#include "shopify/costthrottle.h"
#include "shopify/pagesizer.h"

#include <QDateTime>
#include <QFuture>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPromise>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <list>
#include <memory>
#include <optional>

namespace tagdesk {

struct BulkOperationStatus {
    QString id;
    QString status; // CREATED, RUNNING, COMPLETED, FAILED, CANCELED, EXPIRED…
    QString errorCode;
    qint64 objectCount = 0;     // every line so far: products, their images, metafields…
    qint64 rootObjectCount = 0; // the products so far
    QUrl url;                   // the JSONL result, once COMPLETED

    bool finished() const {
        return status != QLatin1String("CREATED") && status != QLatin1String("RUNNING");
    }
};

// The Shopify Admin GraphQL client. Sends the documents in resources/graphql, paces every
// request with the one CostThrottle (learning each document's cost from the answers),
// treats THROTTLED and 429 as "wait", and turns Shopify's failures into messages naming
// the cause and what to do. Returns values; stores nothing.
class ShopifyClient : public QObject {
    Q_OBJECT
public:
    ShopifyClient(HttpClient *http, ShopifyStore store, ShopifyCredentials credentials,
                  QObject *parent = nullptr);

    const ShopifyStore &store() const { return m_store; }
    const CostThrottle &throttle() const { return m_throttle; }
    // The HTTP client it sends through, for the downloads and uploads that go beside
    // GraphQL (bulk results, staged uploads).
    HttpClient *http() const { return m_http; }
    // Ends every query still waiting for the throttle with "stopped", so no timer of this
    // client is left to fire once the work that asked is gone; gives how many there were.
    // (Requests already sent are the HttpClient's: HttpClient::stopAll.)
    int stopWaiting();

    // Whether products are read with their category metafields (shopify.color-pattern, …)
    // and the taxonomy values of the metaobjects those reference: one more query or two a
    // page, so only for a job that writes them. Off by default.
    void setReadsCategoryMetafields(bool reads) { m_readsCategoryMetafields = reads; }
    bool readsCategoryMetafields() const { return m_readsCategoryMetafields; }

    // Runs one document (its file name without .graphql) and gives its `data` object.
    QFuture<Result<QJsonObject>> execute(const QString &document,
                                         const QJsonObject &variables = {});

    // Which shop this is and the token's access scopes: asked before any work on a job,
    // so that a missing scope is named before it starts, not after an hour of work.
    QFuture<Result<ShopConnection>> connectToShop();
    QFuture<Result<qint64>> countProducts(const QString &searchQuery);
    // Up to `first` products after `after`: fewer when the pages priced so far say that
    // many would cost more than one query may (or than the whole bucket holds); a page
    // Shopify refuses as too expensive (MAX_COST_EXCEEDED) is asked for again smaller,
    // down to one product, and a single product over the limit is a TooExpensive error.
    QFuture<Result<ProductPage>> productsPage(const QString &searchQuery, const QString &after,
                                              int first = 100);
    // std::nullopt if the product no longer exists.
    QFuture<Result<std::optional<ProductSnapshot>>> product(const QString &id);
    // The products `ids` in one query (nodes(ids:)), in the order asked: std::nullopt for
    // each that no longer exists. At most productsPerQuery at a time: the query is priced
    // per id.
    QFuture<Result<QList<std::optional<ProductSnapshot>>>> products(const QStringList &ids);
    // 20 products of ProductFields are priced ~700 points, within the 1,000 a single query
    // may cost (shopify.dev/docs/api/usage/limits#cost-calculation).
    static constexpr int productsPerQuery = 20;

    // Large selections: a bulk query over the products matching `searchQuery` (its id),
    // its state, and its JSONL result read product by product into `sink` (set aside on
    // disk as it streams in, so memory holds only where each product's lines are, however
    // large the catalog), each product as productsPage gives it (with its category
    // metafields and what their metaobjects stand for where those are read). Gives how
    // many products were read.
    QFuture<Result<QString>> startProductsBulkQuery(const QString &searchQuery);
    QFuture<Result<BulkOperationStatus>> bulkOperation(const QString &id);
    QFuture<Result<qint64>> readBulkProducts(const QUrl &url,
                                             std::function<void(ProductSnapshot)> sink);

    // The text of a document with the fragments it uses appended.
    static Result<QString> documentText(const QString &document);

private:
    // A product of a page whose images go on after `after`.
    struct MoreMedia {
        qsizetype product = 0;
        QString after;
    };
    // The page as a read gives it: every image (withAllMedia), then the category
    // metafields (withCategoryMetafields) — for a page, one product, or a batch by id.
    QFuture<Result<ProductPage>> complete(ProductPage page, QList<MoreMedia> more);
    // The page with every image of the products in `more`, read page by page.
    QFuture<Result<ProductPage>> withAllMedia(ProductPage page, QList<MoreMedia> more);
    // The page with its products' category metafields (when they are read), then the
    // taxonomy values of the metaobjects those reference, each in one query for the page.
    QFuture<Result<ProductPage>> withCategoryMetafields(ProductPage page);
    QFuture<Result<ProductPage>> withCategoryMetaobjects(ProductPage page);
    // The metaobjects `ids` with the taxonomy values they stand for (CategoryMetaobjectNodes,
    // as many queries as the ids take), added to `found`; by id.
    QFuture<Result<QHash<QString, CategoryMetaobject>>>
    categoryMetaobjects(QStringList ids, QHash<QString, CategoryMetaobject> found = {});
    QFuture<Result<QString>> accessToken();
    QFuture<Result<QJsonObject>> send(const QString &document, const QString &text,
                                      const QJsonObject &variables, const QString &token);
    AttemptOutcome classify(const QString &document, int first, const HttpResponse &response);
    Result<QJsonObject> interpret(const QString &document, int first, const HttpResponse &response);
    Error tooExpensive(const QString &document, int first, const QJsonObject &error);
    // What one query may cost here: Shopify's limit, and never more than the bucket holds.
    double queryBudget() const;
    Error httpError(const HttpResponse &response) const;

    HttpClient *m_http;
    ShopifyStore m_store;
    ShopifyCredentials m_credentials;
    CostThrottle m_throttle;
    QHash<QString, double> m_learnedCost;   // requestedQueryCost per document
    QHash<QString, PageSizer> m_pageSizers; // per document sent with a `first` variable
    bool m_readsCategoryMetafields = false;
    double m_maxQueryCost = PageSizer::shopifyMaxQueryCost; // as MAX_COST_EXCEEDED says
    QString m_grantedToken;                                 // from the client-credentials grant
    QDateTime m_grantedTokenRenewAt;
    // Queries waiting for the throttle before they are sent: each one's timer and promise.
    struct Waiting {
        QTimer *timer = nullptr;
        std::shared_ptr<QPromise<Result<QJsonObject>>> promise = {};
    };
    std::list<Waiting> m_waiting;
};

} // namespace tagdesk

#include "pipeline/shopsession.h"

#include "net/httpclient.h"
#include "shopify/shopifyclient.h"
#include "util/futures.h"

#include <QNetworkAccessManager>
#include <QPointer>

namespace tagdesk {

struct ShopSession::Line {
    QNetworkAccessManager network;
    HttpClient http{&network};
    QPointer<ShopifyClient> client;

    // The client, or why there is none (no store set, no token).
    QFuture<Result<ShopifyClient *>> connect(ShopSession &session) {
        if (client)
            return readyFuture(Result<ShopifyClient *>(client.data()));
        auto store = session.m_account.store();
        if (!store)
            return readyFuture(Result<ShopifyClient *>(store.error()));
        const quint64 generation = session.m_generation;
        QPointer<ShopSession> owner(&session);
        return session.m_account.credentials(store.value())
            .then(&session,
                  [this, owner, generation, store = store.value()](
                      const Result<ShopifyCredentials> &credentials) -> Result<ShopifyClient *> {
                      if (!credentials)
                          return credentials.error();
                      if (generation == owner->m_generation && !client)
                          client = new ShopifyClient(&http, store, credentials.value(), owner);
                      if (!client) // settings changed meanwhile: ask again
                          return Error::unavailable(
                              ShopSession::tr("The store settings just changed; try again"));
                      return client.data();
                  });
    }
};

ShopSession::ShopSession(Account &account, QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_line(std::make_unique<Line>()) {
}

ShopSession::~ShopSession() = default;

void ShopSession::reset() {
    ++m_generation;
    // Questions in flight keep their client until they are answered.
    if (m_line->client)
        m_line->client->deleteLater();
    m_line->client = nullptr;
    emit changed();
}

template <typename T, typename Call>
void ShopSession::ask(QObject *context, Call call, Answer<T> done) {
    QPointer<QObject> guard(context);
    m_line->connect(*this).then(context, [guard, call, done](const Result<ShopifyClient *> &c) {
        if (!c)
            return done(c.error());
        call(*c.value()).then(guard.data(), [guard, done](const Result<T> &answer) {
            if (guard)
                done(answer);
        });
    });
}

void ShopSession::countProducts(QObject *context, const QString &searchQuery, Answer<qint64> done) {
    ask<qint64>(
        context, [searchQuery](ShopifyClient &client) { return client.countProducts(searchQuery); },
        std::move(done));
}

void ShopSession::productsPage(QObject *context, const QString &searchQuery, int first,
                               Answer<ProductPage> done) {
    ask<ProductPage>(
        context,
        [searchQuery, first](ShopifyClient &client) {
            return client.productsPage(searchQuery, QString(), first);
        },
        std::move(done));
}

void ShopSession::identify(QObject *context, Answer<ShopConnection> done) {
    ask<ShopConnection>(
        context, [](ShopifyClient &client) { return client.connectToShop(); }, std::move(done));
}

std::optional<RateLimit> ShopSession::rateLimit() const {
    if (!m_line || !m_line->client)
        return std::nullopt;
    const CostThrottle &throttle = m_line->client->throttle();
    const auto status = throttle.known();
    if (!status)
        return std::nullopt;
    // What the bucket holds now: it refilled since that answer.
    return RateLimit{status->maximumAvailable, throttle.available(CostThrottle::Clock::now()),
                     status->restoreRate};
}

} // namespace tagdesk

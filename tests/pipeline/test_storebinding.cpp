// Which store a job may work with, checked by the work host (through which the desktop app
// and the CLI start every run, sync and revert), against real sandbox stores over loopback:
// a job belongs to the store it first worked with, and another store is refused, naming
// both, before a product is read or written; a token without a scope the job's places need
// is refused before the first write, naming the scope; a run goes on with a warning.
#include "pipeline/synchharness.h"
#include "pipeline/workhost.h"
#include "settings/account.h"
#include "support/qtprinters.h"

#include <QTemporaryDir>

#include <optional>

using namespace tagdesk;
using namespace tagdesk::test;

namespace {

// Generous: a slow, busy machine must never fail a test by being slow.
constexpr int patientMs = 5 * 60 * 1000;

const QString noFilesToken = QStringLiteral("shpat_no_files");

// A sandbox store named `domain`, whose shop id ends in `number`, with one more token that
// may read and write products but not files.
sandbox::SandboxConfig shop(const QString &domain, int number) {
    sandbox::SandboxConfig config;
    config.shopify.shop.domain = domain;
    config.shopify.shop.id = QStringLiteral("gid://shopify/Shop/%1").arg(number);
    config.shopify.scopedTokens.insert(
        noFilesToken, {QStringLiteral("read_products"), QStringLiteral("write_products")});
    return config;
}

// What one work on a job ended with, and what the host said once the store answered.
struct Outcome {
    WorkResult result;
    std::optional<StoreIdentity> connected;
};

class StoreBinding : public ::testing::Test {
protected:
    StoreBinding()
        : acme(realCatalog(QStringLiteral("kith-storefront-products.json")),
               shop(QStringLiteral("acme.myshopify.com"), 1))
        , other(realCatalog(QStringLiteral("kith-storefront-products.json")),
                shop(QStringLiteral("other.myshopify.com"), 2))
        , h(acme, acme.fastRetries()) {}

    // Asks a work host whose saved store is `store` for `request`, and waits for its end.
    Outcome work(SandboxFixture &store, const WorkRequest &request,
                 const QString &token = SandboxFixture::credentials().accessToken) {
        FixedAccount account(
            FixedAccount::Values{QStringLiteral("Test store"), store.server.baseUrl(), token,
                                 TaggerSettings::defaults(), images.path(), false});
        WorkHost host(*h.writer, account);
        Outcome outcome;
        bool finished = false;
        QObject::connect(
            &host, &WorkHost::connected, &host,
            [&](qint64, const StoreIdentity &identity) { outcome.connected = identity; });
        QObject::connect(&host, &WorkHost::finished, &host, [&](qint64, const WorkResult &r) {
            outcome.result = r;
            finished = true;
        });
        const Status started = host.start(request);
        EXPECT_TRUE(started.ok()) << started.error().message.toStdString();
        EXPECT_TRUE(QTest::qWaitFor([&] { return finished; }, patientMs));
        return outcome;
    }

    static WorkRequest push(qint64 jobId, const QStringList &only = {}) {
        WorkRequest request = WorkRequest::sync(WorkKind::Push, jobId, QStringLiteral("Ann"), 500);
        request.productIds = only;
        return request;
    }

    // The GraphQL operations a store received since the last call, oldest first.
    QStringList operationsSinceLast(SandboxFixture &store) {
        QStringList all;
        for (const QJsonValue &v : store.requestLog())
            all << v.toObject().value(QStringLiteral("operationName")).toString();
        QStringList fresh = all.mid(m_seen.value(&store));
        m_seen[&store] = all.size();
        fresh.removeAll(QString());
        return fresh;
    }

    ShopIdentity shopOf(qint64 jobId) { return JobRepository(*h.reader).find(jobId)->shop; }

    QTemporaryDir images;
    SandboxFixture acme;
    SandboxFixture other;
    SyncHarness h;

private:
    QHash<SandboxFixture *, qsizetype> m_seen;
};

const QString acmeShop = QStringLiteral("acme.myshopify.com (gid://shopify/Shop/1)");
const QString otherShop = QStringLiteral("other.myshopify.com (gid://shopify/Shop/2)");

} // namespace

TEST_F(StoreBinding, AJobIsBoundToTheStoreItFirstWorksWith) {
    const qint64 job = h.analysedJob(2, Destination::Tags);
    ASSERT_EQ(h.approveAll(job), 2);
    EXPECT_FALSE(shopOf(job).isKnown()) << "a new job has talked to no store yet";

    const Outcome pushed = work(acme, push(job));
    ASSERT_TRUE(pushed.result.status.ok()) << pushed.result.status.error().message.toStdString();
    EXPECT_EQ(pushed.result.report.written, 2);
    EXPECT_EQ(shopOf(job).id, QStringLiteral("gid://shopify/Shop/1"));
    EXPECT_EQ(shopOf(job).domain, QStringLiteral("acme.myshopify.com"));
    ASSERT_TRUE(pushed.connected.has_value());
    EXPECT_EQ(pushed.connected->shop.id, QStringLiteral("gid://shopify/Shop/1"));
}

TEST_F(StoreBinding, ARunASyncOrARevertAgainstAnotherStoreIsRefusedNamingBoth) {
    const qint64 job = h.analysedJob(4, Destination::Tags);
    ASSERT_EQ(h.approveAll(job), 4);
    ASSERT_TRUE(work(acme, push(job, h.productIds.mid(0, 2))).result.status.ok());
    (void)operationsSinceLast(other);

    const QString refusal =
        QStringLiteral("Job %1 belongs to %2; the saved store is %3. Switch the store in "
                       "Settings, or create a new job.")
            .arg(job)
            .arg(acmeShop, otherShop);
    const QList<WorkRequest> requests{
        push(job), WorkRequest::sync(WorkKind::Revert, job, QStringLiteral("Ann"), 500),
        WorkRequest::run(job, TaggerKind::Local)};
    for (const WorkRequest &request : requests) {
        const Outcome refused = work(other, request);
        ASSERT_FALSE(refused.result.status.ok()) << int(request.kind);
        EXPECT_EQ(refused.result.status.error().code, Error::Code::NotAllowed);
        EXPECT_EQ(refused.result.status.error().message, refusal);
        EXPECT_FALSE(refused.result.begun);
        EXPECT_FALSE(refused.connected.has_value());
        EXPECT_EQ(operationsSinceLast(other), QStringList{QStringLiteral("AccessScopes")})
            << "only who the store is was asked; nothing was read or written";
    }
    EXPECT_EQ(h.product(job, h.productIds[2]).progress.sync, SyncState::Queued);
    EXPECT_EQ(h.product(job, h.productIds[0]).progress.sync, SyncState::Pushed);
    EXPECT_EQ(shopOf(job).id, QStringLiteral("gid://shopify/Shop/1")) << "still acme's";

    // Its own store takes the rest.
    const Outcome rest = work(acme, push(job));
    ASSERT_TRUE(rest.result.status.ok()) << rest.result.status.error().message.toStdString();
    EXPECT_EQ(rest.result.report.written, 2);
}

TEST_F(StoreBinding, ASyncWhoseTokenCannotWriteAltTextNamesTheScopeBeforeAnyWrite) {
    // The job writes tags; its products were approved to have their alt text written too.
    const qint64 job = h.analysedJob(2, Destination::Tags);
    const auto approved = await(ReviewService(*h.writer).approve(
        job, {}, Destinations(Destination::Tags) | Destination::AltText, QStringLiteral("Ann")));
    ASSERT_TRUE(approved.ok()) << approved.error().message.toStdString();
    (void)operationsSinceLast(acme);

    const Outcome refused = work(acme, push(job), noFilesToken);
    ASSERT_FALSE(refused.result.status.ok());
    const Error &e = refused.result.status.error();
    EXPECT_EQ(e.code, Error::Code::ScopeMissing);
    EXPECT_EQ(e.scope, QStringLiteral("write_files"));
    EXPECT_EQ(e.message, QStringLiteral("The token for acme.myshopify.com lacks write_files, which "
                                        "writing image alt text needs. Give the app that access "
                                        "scope in the Shopify admin."));
    EXPECT_FALSE(refused.result.begun);
    EXPECT_EQ(operationsSinceLast(acme), QStringList{QStringLiteral("AccessScopes")})
        << "nothing was written, not even the tags";
    EXPECT_EQ(h.product(job, h.productIds[0]).progress.sync, SyncState::Queued);
}

TEST_F(StoreBinding, ARunWhoseTokenCannotWriteWhatTheJobWritesGoesOnWithAWarning) {
    NewJob n;
    n.name = QStringLiteral("Alt text");
    n.destinations = Destinations(Destination::Tags) | Destination::AltText;
    auto page = await(h.shopify.productsPage(QString(), QString(), 1));
    ASSERT_TRUE(page.ok() && page->products.size() == 1);
    n.selection = ProductSelection::fromProducts({page->products.first().id}).value();
    const qint64 job = await(h.jobs.create(n)).value().id;

    const Outcome run = work(acme, WorkRequest::run(job, TaggerKind::Local), noFilesToken);
    ASSERT_TRUE(run.result.status.ok()) << run.result.status.error().message.toStdString();
    ASSERT_TRUE(run.connected.has_value());
    EXPECT_TRUE(run.connected->warning.startsWith(
        QStringLiteral("The token for acme.myshopify.com lacks write_files, which writing image "
                       "alt text needs.")))
        << run.connected->warning.toStdString();
    EXPECT_TRUE(run.connected->warning.contains(QStringLiteral("syncing this job will be refused")))
        << run.connected->warning.toStdString();
    EXPECT_EQ(h.jobReader.summary(job)->tally.analysed, 1);
    EXPECT_EQ(shopOf(job).id, QStringLiteral("gid://shopify/Shop/1"));
}

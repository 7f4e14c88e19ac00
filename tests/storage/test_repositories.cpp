#include "pipeline/jobservice.h"
#include "storage/jobproductrepository.h"
#include "storage/jobrepository.h"
#include "storage/productlistrepository.h"
#include "storage/suggestionrepository.h"
#include "support/testdatabase.h"

#include <gtest/gtest.h>

using namespace tagdesk;
using namespace tagdesk::test;

namespace {
Job sampleJob(const QString &name) {
    NewJob n;
    n.name = name;
    n.selection = ProductSelection::fromQuery(QStringLiteral("tag:summer")).value();
    n.tagger = TaggerKind::Ximilar;
    n.imagesPerProduct = 3;
    n.attributes = {QStringLiteral("colour"), QStringLiteral("pattern")};
    n.destinations = Destinations(Destination::Tags) | Destination::AltText;
    return n.validated().value();
}

JobProduct product(int n) {
    JobProduct p;
    p.productId = QStringLiteral("gid://shopify/Product/%1").arg(n);
    p.position = n;
    p.title = QStringLiteral("Product %1").arg(n);
    return p;
}

// Every repository test runs on SQLite and on PostgreSQL.
class Repositories : public BackendTest {};
} // namespace

TEST_P(Repositories, JobsRoundTripEveryField) {
    JobRepository jobs(*conn);
    auto stored = jobs.insert(sampleJob(QStringLiteral("Summer")));
    ASSERT_TRUE(stored.ok()) << stored.error().message.toStdString();
    EXPECT_GT(stored->id, 0);

    auto found = jobs.find(stored->id);
    ASSERT_TRUE(found.ok());
    EXPECT_EQ(found->name, QStringLiteral("Summer"));
    EXPECT_EQ(found->selection, stored->selection);
    EXPECT_EQ(found->tagger, TaggerKind::Ximilar);
    EXPECT_EQ(found->imagesPerProduct, 3);
    EXPECT_EQ(found->attributes, stored->attributes);
    EXPECT_EQ(found->destinations, stored->destinations);
    EXPECT_FALSE(found->archived);
    EXPECT_EQ(found->createdAt, stored->createdAt);
}

TEST_P(Repositories, AJobKeepsTheStoreItIsBoundTo) {
    JobRepository jobs(*conn);
    const qint64 id = jobs.insert(sampleJob(QStringLiteral("Summer"))).value().id;
    EXPECT_FALSE(jobs.find(id)->shop.isKnown()) << "a new job belongs to no store yet";

    const ShopIdentity acme{QStringLiteral("gid://shopify/Shop/1"),
                            QStringLiteral("acme.myshopify.com")};
    ASSERT_TRUE(jobs.bindStore(id, acme).ok());
    const Job bound = jobs.find(id).value();
    EXPECT_EQ(bound.shop.id, acme.id);
    EXPECT_EQ(bound.shop.domain, acme.domain);
    EXPECT_EQ(jobs.list(false)->at(0).shop.id, acme.id);
    EXPECT_EQ(jobs.bindStore(4242, acme).error().code, Error::Code::NotFound);
}

TEST_P(Repositories, UnknownJobIsNotFoundWithItsId) {
    auto missing = JobRepository(*conn).find(4242);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, Error::Code::NotFound);
    EXPECT_TRUE(missing.error().message.contains(QStringLiteral("4242")));
    EXPECT_EQ(JobRepository(*conn).setArchived(4242, true).error().code, Error::Code::NotFound);
}

TEST_P(Repositories, ArchivedJobsAreListedSeparately) {
    JobRepository jobs(*conn);
    const qint64 a = jobs.insert(sampleJob(QStringLiteral("A"))).value().id;
    const qint64 b = jobs.insert(sampleJob(QStringLiteral("B"))).value().id;
    ASSERT_TRUE(jobs.setArchived(a, true).ok());
    ASSERT_EQ(jobs.list(false)->size(), 1);
    EXPECT_EQ(jobs.list(false)->at(0).id, b);
    ASSERT_EQ(jobs.list(true)->size(), 1);
    EXPECT_EQ(jobs.list(true)->at(0).id, a);
}

TEST_P(Repositories, ProductsKeepOrderProgressAndSnapshots) {
    const qint64 job = JobRepository(*conn).insert(sampleJob(QStringLiteral("J"))).value().id;
    JobProductRepository products(*conn);
    ASSERT_TRUE(products.addProducts(job, {product(3), product(1), product(2)}).ok());
    ASSERT_TRUE(products.addProducts(job, {product(1)}).ok()) << "adding again is harmless";

    auto listed = products.list(job);
    ASSERT_TRUE(listed.ok());
    ASSERT_EQ(listed->size(), 3);
    EXPECT_EQ(listed->at(0).productId, QStringLiteral("gid://shopify/Product/1"));

    ProductSnapshot snap;
    snap.id = QStringLiteral("gid://shopify/Product/2");
    snap.title = QStringLiteral("Renamed in Shopify");
    snap.tags = {QStringLiteral("a")};
    snap.updatedAt = QDateTime::currentDateTimeUtc();
    ASSERT_TRUE(products.setSnapshot(job, snap).ok());
    ASSERT_TRUE(products
                    .setProgress(job, snap.id,
                                 {PipelineStage::Analysed, ReviewState::Pending, SyncState::None})
                    .ok());
    ASSERT_TRUE(products
                    .setProgress(job, QStringLiteral("gid://shopify/Product/3"),
                                 {PipelineStage::Failed, ReviewState::Pending, SyncState::None},
                                 QStringLiteral("image is not a picture"))
                    .ok());

    auto two = products.find(job, snap.id);
    ASSERT_TRUE(two.ok());
    EXPECT_EQ(two->title, QStringLiteral("Renamed in Shopify"));
    ASSERT_TRUE(two->snapshot.has_value());
    EXPECT_EQ(two->snapshot->tags, snap.tags);
    EXPECT_EQ(products.find(job, QStringLiteral("gid://shopify/Product/3"))->error,
              QStringLiteral("image is not a picture"));

    auto page = products.list(job, 1, 1);
    ASSERT_EQ(page->size(), 1);
    EXPECT_EQ(page->at(0).productId, QStringLiteral("gid://shopify/Product/2"));
}

// A step reads its products a batch at a time, each batch after the last product of the
// one before (keyset paging), so the next batch can be read while the last one's products
// are still at that stage; products sharing a position follow their id.
TEST_P(Repositories, ProductsAtAStageAreReadBatchByBatchAfterTheLastOneRead) {
    const qint64 job = JobRepository(*conn).insert(sampleJob(QStringLiteral("J"))).value().id;
    JobProductRepository products(*conn);
    JobProduct samePlace = product(4);
    samePlace.position = 2;
    ASSERT_TRUE(products
                    .addProducts(job, {product(1), product(2), samePlace, product(3), product(5),
                                       product(6)})
                    .ok());
    ASSERT_TRUE(products
                    .setProgress(job, QStringLiteral("gid://shopify/Product/5"),
                                 {PipelineStage::Failed, ReviewState::Pending, SyncState::None})
                    .ok());
    const PipelineStage stage = products.find(job, product(1).productId)->progress.stage;
    const auto ids = [](const QList<JobProduct> &batch) {
        QStringList out;
        for (const JobProduct &p : batch)
            out << p.productId.section(QLatin1Char('/'), -1);
        return out;
    };
    auto first = products.inStage(job, stage, 2);
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(ids(*first), QStringList({QStringLiteral("1"), QStringLiteral("2")}));
    auto second = products.inStage(job, stage, 2, &first->last());
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(ids(*second), QStringList({QStringLiteral("4"), QStringLiteral("3")}))
        << "4 shares 2's position and comes after it by id";
    auto third = products.inStage(job, stage, 2, &second->last());
    ASSERT_TRUE(third.ok());
    EXPECT_EQ(ids(*third), QStringList({QStringLiteral("6")})) << "5 is at another stage";
    EXPECT_TRUE(products.inStage(job, stage, 2, &third->last())->isEmpty());
    // The first batch, still at that stage, is not read again.
    EXPECT_EQ(products.inStage(job, stage, 10, &first->last())->size(), 3);
}

// The fetch step stores several products in one go: fetched ones get their copy and the
// stage Fetched, one gone from the store fails with the reason, review and sync stay theirs.
TEST_P(Repositories, FetchedProductsAreStoredTogether) {
    const qint64 job = JobRepository(*conn).insert(sampleJob(QStringLiteral("J"))).value().id;
    JobProductRepository products(*conn);
    ASSERT_TRUE(products.addProducts(job, {product(1), product(2), product(3)}).ok());
    QList<JobProductRepository::Fetched> fetched;
    for (int n : {1, 2}) {
        ProductSnapshot snap;
        snap.id = product(n).productId;
        snap.title = QStringLiteral("Fetched %1").arg(n);
        snap.tags = {QStringLiteral("tag%1").arg(n)};
        JobProduct p = product(n);
        p.progress.review = n == 2 ? ReviewState::Approved : ReviewState::Pending;
        fetched.append({p, snap});
    }
    fetched.append({product(3), std::nullopt});
    ASSERT_TRUE(products.storeFetched(job, fetched, QStringLiteral("gone from the store")).ok());

    for (int n : {1, 2}) {
        auto p = products.find(job, product(n).productId);
        ASSERT_TRUE(p.ok());
        EXPECT_EQ(p->progress.stage, PipelineStage::Fetched);
        EXPECT_EQ(p->title, QStringLiteral("Fetched %1").arg(n));
        ASSERT_TRUE(p->snapshot.has_value());
        EXPECT_EQ(p->snapshot->tags, QStringList{QStringLiteral("tag%1").arg(n)});
        EXPECT_TRUE(p->error.isEmpty());
    }
    EXPECT_EQ(products.find(job, product(2).productId)->progress.review, ReviewState::Approved);
    auto gone = products.find(job, product(3).productId);
    EXPECT_EQ(gone->progress.stage, PipelineStage::Failed);
    EXPECT_EQ(gone->error, QStringLiteral("gone from the store"));
    EXPECT_FALSE(gone->snapshot.has_value());

    const auto unknown =
        products.storeFetched(job, {{product(9), std::nullopt}}, QStringLiteral("gone"));
    ASSERT_FALSE(unknown.ok());
    EXPECT_TRUE(unknown.error().message.contains(product(9).productId))
        << unknown.error().message.toStdString();
}

TEST_P(Repositories, TallyGroupsProductStatesPerJob) {
    JobRepository jobs(*conn);
    const qint64 a = jobs.insert(sampleJob(QStringLiteral("A"))).value().id;
    const qint64 b = jobs.insert(sampleJob(QStringLiteral("B"))).value().id;
    JobProductRepository products(*conn);
    ASSERT_TRUE(products.addProducts(a, {product(1), product(2), product(3)}).ok());
    ASSERT_TRUE(products.addProducts(b, {product(1)}).ok());
    ASSERT_TRUE(
        products
            .setProgress(a, product(1).productId,
                         {PipelineStage::Analysed, ReviewState::Approved, SyncState::Pushed})
            .ok());
    ASSERT_TRUE(products
                    .setProgress(a, product(2).productId,
                                 {PipelineStage::Analysed, ReviewState::Rejected, SyncState::None})
                    .ok());

    auto t = products.tally(a);
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(t->total, 3);
    EXPECT_EQ(t->synced, 1);
    EXPECT_EQ(t->rejected, 1);
    EXPECT_EQ(t->untouched, 1);
    auto all = products.tallies();
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(all->value(a), t.value());
    EXPECT_EQ(all->value(b).total, 1);
}

TEST_P(Repositories, SuggestionsAreReplacedPerProduct) {
    const qint64 job = JobRepository(*conn).insert(sampleJob(QStringLiteral("J"))).value().id;
    ASSERT_TRUE(JobProductRepository(*conn).addProducts(job, {product(1), product(2)}).ok());
    SuggestionRepository suggestions(*conn);
    const Suggestion red{
        QStringLiteral("colour"),          QStringLiteral("red"), 0.9, QStringLiteral("m1"),
        {{QStringLiteral("orange"), 0.3}}, QStringLiteral("Red")};
    const Suggestion stripes{
        QStringLiteral("pattern"), QStringLiteral("striped"), 0.6, QStringLiteral("m1"), {}, {}};
    ASSERT_TRUE(suggestions.replace(job, product(1).productId, {red, stripes}).ok());
    ASSERT_TRUE(suggestions.replace(job, product(2).productId, {red}).ok());
    ASSERT_TRUE(suggestions.replace(job, product(1).productId, {stripes}).ok());

    EXPECT_EQ(suggestions.forProduct(job, product(1).productId).value(),
              QList<Suggestion>{stripes});
    auto byProduct = suggestions.forJob(job);
    ASSERT_TRUE(byProduct.ok());
    EXPECT_EQ(byProduct->value(product(2).productId), QList<Suggestion>{red});
}

TEST_P(Repositories, ForeignKeysProtectProductsOfUnknownJobs) {
    auto added = JobProductRepository(*conn).addProducts(777, {product(1)});
    EXPECT_FALSE(added.ok());
}

TEST_P(Repositories, DeletingAJobRemovesItsProductsAndSuggestions) {
    const qint64 job = JobRepository(*conn).insert(sampleJob(QStringLiteral("J"))).value().id;
    ASSERT_TRUE(JobProductRepository(*conn).addProducts(job, {product(1)}).ok());
    ASSERT_TRUE(SuggestionRepository(*conn)
                    .replace(job, product(1).productId,
                             {{QStringLiteral("colour"), QStringLiteral("red"), 1, {}, {}, {}}})
                    .ok());
    ASSERT_TRUE(runSql(conn->db(), QStringLiteral("DELETE FROM jobs WHERE id = ?"), {job}).ok());
    auto q = runSql(
        conn->db(),
        QStringLiteral(
            "SELECT (SELECT count(*) FROM job_products) + (SELECT count(*) FROM suggestions)"));
    ASSERT_TRUE(q.ok() && q->next());
    EXPECT_EQ(q->value(0).toInt(), 0);
}

TEST_P(Repositories, ProductPagesFollowTheLastRowSeenInEveryOrder) {
    const qint64 job = JobRepository(*conn).insert(sampleJob(QStringLiteral("Pages"))).value().id;
    JobProductRepository products(*conn);
    QList<JobProduct> all;
    for (int i = 0; i < 23; ++i) {
        JobProduct p = product(i);
        p.position = i / 2; // pairs share a position: the id breaks the tie
        p.title = i % 3 == 0 ? QStringLiteral("shirt") : QStringLiteral("Shirt %1").arg(i % 5);
        p.progress = {PipelineStage::Analysed,
                      i % 4 == 0 ? ReviewState::Approved : ReviewState::Pending,
                      i % 5 == 0 ? SyncState::Queued : SyncState::None};
        all << p;
    }
    ASSERT_TRUE(products.addProducts(job, all).ok());
    for (int i = 0; i < all.size(); ++i) {
        if (i % 7 == 0) {
            ASSERT_TRUE(products.setFlagged(job, all[i].productId, true).ok());
        }
        QList<Suggestion> list;
        for (int k = 0; k < i % 3; ++k)
            list << Suggestion{
                QStringLiteral("a%1").arg(k), QStringLiteral("v"), 0.3 + (i % 4) * 0.1, {}, {}, {}};
        ASSERT_TRUE(SuggestionRepository(*conn).replace(job, all[i].productId, list).ok());
    }

    ProductListRepository list(*conn);
    for (ProductOrder order :
         {ProductOrder::Position, ProductOrder::Title, ProductOrder::Review, ProductOrder::Sync,
          ProductOrder::Suggestions, ProductOrder::LowestConfidence, ProductOrder::Flagged}) {
        for (bool descending : {false, true}) {
            for (ProductFilter filter : {ProductFilter::All, ProductFilter::Pending}) {
                SCOPED_TRACE(testing::Message()
                             << "order " << int(order) << (descending ? " desc" : "") << " filter "
                             << int(filter));
                const ProductListQuery query{job, filter, order, descending};
                auto whole = list.rows(query, {}, 1000);
                ASSERT_TRUE(whole.ok()) << whole.error().message.toStdString();
                QStringList expected;
                for (const ProductRow &r : whole.value())
                    expected << r.productId;
                EXPECT_EQ(expected, list.ids(query).value());
                QStringList paged;
                ProductCursor after;
                for (int pages = 0; pages < 30; ++pages) {
                    auto page = list.rows(query, after, 4);
                    ASSERT_TRUE(page.ok()) << page.error().message.toStdString();
                    if (page->isEmpty())
                        break;
                    for (const ProductRow &r : page.value())
                        paged << r.productId;
                    after = page->last().next;
                }
                EXPECT_EQ(paged, expected);
                EXPECT_EQ(expected.size(), list.count(query).value());
            }
        }
    }
}

TEST_P(Repositories, TheKeysetIndexReplacesThePositionIndex) {
    const QString sql = GetParam() == Backend::Sqlite
                            ? QStringLiteral("SELECT name FROM sqlite_master WHERE type = "
                                             "'index' AND tbl_name = 'job_products' ORDER BY name")
                            : QStringLiteral("SELECT indexname FROM pg_indexes WHERE tablename = "
                                             "'job_products' ORDER BY indexname");
    auto q = runSql(conn->db(), sql);
    ASSERT_TRUE(q.ok());
    QStringList names;
    while (q->next())
        names << q->value(0).toString();
    EXPECT_TRUE(names.contains(QStringLiteral("job_products_by_position_id")))
        << names.join(u' ').toStdString();
    EXPECT_FALSE(names.contains(QStringLiteral("job_products_by_position")));
}

INSTANTIATE_TEST_SUITE_P(Backends, Repositories,
                         ::testing::Values(Backend::Sqlite, Backend::Postgres),
                         [](const auto &info) { return backendName(info.param); });

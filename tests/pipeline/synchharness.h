#pragma once

// A job of real catalog products, analysed by hand (suggestions written directly), ready
// to be reviewed and pushed to an in-process sandbox store over loopback.
#include "pipeline/jobreader.h"
#include "pipeline/jobservice.h"
#include "pipeline/productchanges.h"
#include "pipeline/reviewservice.h"
#include "pipeline/sandboxfixture.h"
#include "pipeline/syncrunner.h"
#include "shopify/store.h"
#include "shopify/storejson.h"
#include "storage/jobproductrepository.h"
#include "storage/jobrepository.h"
#include "storage/suggestionrepository.h"
#include "support/storevalues.h"

#include <QJsonArray>
#include <QJsonObject>

namespace tagdesk::test {

class SyncHarness {
public:
    explicit SyncHarness(SandboxFixture &sandbox, HttpClient::Options options)
        : SyncHarness(sandbox.network, sandbox.server, options) {}

    // A sandbox that may run on another thread (storeValues() reads it directly: only
    // while it is idle).
    SyncHarness(QNetworkAccessManager &network, sandbox::SandboxServer &server,
                HttpClient::Options options)
        : m_server(server)
        , reader(db.open())
        , writer(DatabaseWriter::start(db.config()).value())
        , jobs(*writer)
        , jobReader(db.config())
        , http(&network, options)
        , shopify(&http, ShopifyStore::parse(server.baseUrl()).value(), credentials()) {}

    static ShopifyCredentials credentials() { return SandboxFixture::credentials(); }

    // A job over `count` products of the store (after the first `skip`), each fetched for
    // real and given the same suggestions, as an analysis would.
    qint64 analysedJob(int count, Destinations destinations, WriteSettings writing = {},
                       int skip = 0) {
        NewJob n;
        n.name = QStringLiteral("Sync test");
        n.destinations = destinations;
        n.writing = writing;
        const qint64 id = await(jobs.create(n)).value().id;
        auto page = await(shopify.productsPage(QString(), QString(), skip + count));
        EXPECT_TRUE(page.ok()) << (page ? "" : page.error().message.toStdString());
        QList<JobProduct> products;
        for (const ProductSnapshot &s : page->products.mid(skip)) {
            JobProduct p;
            p.jobId = id;
            p.productId = s.id;
            p.position = int(products.size());
            p.title = s.title;
            p.progress.stage = PipelineStage::Analysed;
            p.snapshot = s;
            products.append(p);
        }
        const auto seeded = await(writer->submit<bool>([=](Connection &conn) -> Result<bool> {
            JobProductRepository repo(conn);
            if (auto s = repo.addProducts(id, products); !s)
                return s.error();
            for (const JobProduct &p : products) {
                if (auto s = repo.setSnapshot(id, *p.snapshot); !s)
                    return s.error();
                if (auto s = repo.setProgress(id, p.productId, p.progress); !s)
                    return s.error();
                if (auto s = SuggestionRepository(conn).replace(id, p.productId, suggestions()); !s)
                    return s.error();
            }
            return true;
        }));
        EXPECT_TRUE(seeded.ok()) << (seeded ? "" : seeded.error().message.toStdString());
        productIds.clear();
        for (const JobProduct &p : products)
            productIds << p.productId;
        return id;
    }

    static QList<Suggestion> suggestions() {
        return {{QStringLiteral("category"), QStringLiteral("dresses"), 0.91, {}, {}, {}},
                {QStringLiteral("colour"), QStringLiteral("navy"), 0.82, {}, {}, {}},
                {QStringLiteral("pattern"), QStringLiteral("striped"), 0.64, {}, {}, {}}};
    }

    int approveAll(qint64 jobId) {
        auto approved =
            await(ReviewService(*writer).approve(jobId, {}, std::nullopt, QStringLiteral("Ann")));
        EXPECT_TRUE(approved.ok()) << (approved ? "" : approved.error().message.toStdString());
        return approved ? approved.value() : -1;
    }

    QList<ProductChange> preview(qint64 jobId) {
        auto job = JobRepository(*reader).find(jobId);
        auto changes = productchanges::preview(*reader, job.value());
        EXPECT_TRUE(changes.ok()) << (changes ? "" : changes.error().message.toStdString());
        return changes ? changes.value() : QList<ProductChange>{};
    }

    Result<SyncReport> sync(qint64 jobId, SyncRunner::Mode mode = SyncRunner::Mode::Push,
                            ShopifyClient *client = nullptr, const QStringList &only = {}) {
        SyncServices services{writer.get(), client ? client : &shopify, QStringLiteral("Ann")};
        services.bulkThreshold = bulkThreshold;
        services.bulkPollMs = 10;
        SyncRunner runner(services, jobId, mode, only);
        std::optional<Result<SyncReport>> result;
        QObject::connect(&runner, &SyncRunner::finished, &runner,
                         [&](const Result<SyncReport> &r) { result = r; });
        runner.start();
        EXPECT_TRUE(
            QTest::qWaitFor([&] { return result.has_value(); }, std::numeric_limits<int>::max()));
        return *result;
    }

    JobStatus status(qint64 jobId) { return jobReader.summary(jobId).value().status; }

    JobProduct product(qint64 jobId, const QString &id) {
        return JobProductRepository(*reader).find(jobId, id).value();
    }

    // What the store holds for a product, without the times and digests that every write
    // moves: the fields a push may touch, and the ones it must never touch.
    QJsonObject storeValues(const QString &gid) {
        const sandbox::StoreProduct *p = m_server.store().product(gid);
        EXPECT_NE(p, nullptr) << gid.toStdString();
        if (!p)
            return {};
        return comparableProduct(sandbox::productToJson(*p));
    }

    QHash<QString, QJsonObject> storeValues() {
        QHash<QString, QJsonObject> out;
        for (const QString &id : std::as_const(productIds))
            out.insert(id, storeValues(id));
        return out;
    }

    QStringList productIds;
    int bulkThreshold = 500;

private:
    sandbox::SandboxServer &m_server;

public:
    TempSqlite db;
    std::unique_ptr<Connection> reader;
    std::unique_ptr<DatabaseWriter> writer;
    JobService jobs;
    JobReader jobReader;
    HttpClient http;
    ShopifyClient shopify;
};

} // namespace tagdesk::test

// The fault matrix (issue 14): a whole job — fetch, analyse with a remote tagger (Ximilar),
// approve all, sync, revert half — run by the real tagdesk-cli against a standalone
// tagdesk-sandbox that injects one kind of fault per run, then all of them at once. After
// each run every product must be in a final state with a reason, no product may have been
// written with two different values, and the approvals must be those that were given.
//
// The catalog's size is TAGDESK_FAULT_PRODUCTS (default per run below, printed), the
// faults' seed TAGDESK_FAULT_SEED (default 14, printed), so that a failing run can be
// replayed.
#include "cli/clirunner.h"
#include "cli/sandboxprocess.h"
#include "storage/connection.h"
#include "support/qtprinters.h"
#include "support/storevalues.h"
#include "support/testdatabase.h"
#include "sync/changeplan.h"

#include <gtest/gtest.h>

#include <cctype>
#include <iostream>
#include <map>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>
#include <QSqlRecord>

using namespace tagdesk;
using namespace tagdesk::test;

namespace {

// The 1,000 products. What a fault costs is mostly waiting, so the injected 5xx
// and 429 answers ask for a short Retry-After (the client waits the longer of it and its
// own jittered backoff) and a hang is given up after 2 s. A run without faults takes ~40 s.
constexpr int defaultProducts = 1000;
constexpr int defaultSeed = 14;
// Retry-After of an injected 503 or 429, seconds: Shopify and the taggers ask for one or
// two, which would make the revert (one product at a time) of a 5xx run take many minutes.
const QString retryAfter = QStringLiteral("retryAfter=0.2");
// A hung request is given up after this long (TAGDESK_NETWORK_TIMEOUT_S): 30 s by default,
// which would make the hang runs take many minutes.
constexpr int timeoutSeconds = 2;
// Products a merchant edits in Shopify: before the sync, a field the push writes (tags)
// and one it does not (title); before the revert, tags of products about to be reverted.
constexpr int editsPerKind = 5;

int fromEnvironment(const char *name, int fallback) {
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

struct FaultRun {
    const char *name = "";
    QStringList sandboxFlags = {};
    bool remoteEdits = false;
    int products = defaultProducts; // unless TAGDESK_FAULT_PRODUCTS says otherwise
    // The push and the revert of half both go through bulk mutations (and batched reads):
    // the bulk threshold (TAGDESK_BULK_PUSH_MIN) is set to 2/5 of the products.
    bool bulkBothWays = false;
};

// Every kind of fault, one run each, then all together.
std::vector<FaultRun> faultRuns() {
    const auto on = [](const QString &services, const QString &spec) {
        QStringList flags;
        for (const QString &s : services.split(u','))
            flags << QStringLiteral("--fault") << s + u':' + spec + u',' + retryAfter;
        return flags;
    };
    const QString all = QStringLiteral("shopify,ximilar,images");
    const QStringList errors = on(all, QStringLiteral("errorRate=0.1,errorStatus=503"));
    const QStringList hangs = on(all, QStringLiteral("hang=0.05"));
    const QStringList drops = on(all, QStringLiteral("drop=0.05"));
    const QStringList malformed = on(all, QStringLiteral("malformed=0.05"));
    const QStringList storms =
        on(QStringLiteral("shopify"), QStringLiteral("stormEvery=15,stormLength=3"));
    // Ximilar answers an exhausted quota or rate with 429 and Retry-After.
    const QStringList quota =
        on(QStringLiteral("ximilar"), QStringLiteral("errorRate=0.15,errorStatus=429"));
    const QStringList mode429{QStringLiteral("--throttle-mode"), QStringLiteral("429")};
    const QStringList everything =
        on(QStringLiteral("shopify"),
           QStringLiteral("errorRate=0.1,hang=0.05,drop=0.05,malformed=0.05,stormEvery=15,"
                          "stormLength=3")) +
        on(QStringLiteral("ximilar"),
           QStringLiteral("errorRate=0.15,errorStatus=429,hang=0.05,drop=0.05,malformed=0.05")) +
        on(QStringLiteral("images"),
           QStringLiteral("errorRate=0.1,hang=0.05,drop=0.05,malformed=0.05")) +
        mode429;
    return {
        {"errors 10% 5xx", errors},
        {"hangs 5%", hangs},
        {"dropped connections 5%", drops},
        {"malformed bodies 5%", malformed},
        {"throttle storms, THROTTLED", storms},
        {"throttle storms, HTTP 429", storms + mode429},
        {"tagger quota 429 15%", quota},
        {"remote edits", {}, true},
        // Every fault at once, twice. On 1,000 products with the push and the revert of half
        // both in bulk mode. And on 64 products, one product at a time both ways: that revert
        // meets hundreds of faults one request after another (~5 requests a product), and
        // at 1,000 products (TAGDESK_FAULT_PRODUCTS) takes ~21 minutes, longer than CI's
        // other paths.
        {"all together, bulk", everything, true, defaultProducts, true},
        {"all together", everything, true, 64},
    };
}

// A run is named by its name in gtest's messages.
void PrintTo(const FaultRun &run, std::ostream *os) {
    *os << run.name;
}

std::string json(const QJsonObject &o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

// Rows of one query, each as its columns' text.
QList<QStringList> rows(const DatabaseConfig &config, const QString &sql) {
    QList<QStringList> out;
    auto conn = Connection::open(config);
    EXPECT_TRUE(conn) << sql.toStdString();
    if (!conn)
        return out;
    auto q = runSql(conn.value()->db(), sql);
    EXPECT_TRUE(q) << sql.toStdString();
    while (q && q->next()) {
        QStringList row;
        for (int i = 0; i < q->record().count(); ++i)
            row << q->value(i).toString();
        out << row;
    }
    return out;
}

class CliFaults : public ::testing::TestWithParam<FaultRun> {
protected:
    void SetUp() override {
        products = fromEnvironment("TAGDESK_FAULT_PRODUCTS", GetParam().products);
        seed = fromEnvironment("TAGDESK_FAULT_SEED", defaultSeed);
        sandbox = std::make_unique<SandboxProcess>(
            QStringList{QStringLiteral("--products"), QString::number(products),
                        QStringLiteral("--distinct-images"), QStringLiteral("--seed"),
                        QString::number(seed),
                        // A big bucket: only the injected storms throttle.
                        QStringLiteral("--bucket"), QStringLiteral("20000"),
                        QStringLiteral("--restore"), QStringLiteral("10000")} +
            GetParam().sandboxFlags);
        QProcessEnvironment &env = cli.environment();
        env.insert(QStringLiteral("TAGDESK_SHOPIFY_TOKEN"), QStringLiteral("shpat_sandbox"));
        env.insert(QStringLiteral("TAGDESK_XIMILAR_URL"), sandbox->url);
        env.insert(QStringLiteral("TAGDESK_XIMILAR_KEY"), QStringLiteral("sandbox-ximilar"));
        env.insert(QStringLiteral("TAGDESK_NETWORK_TIMEOUT_S"), QString::number(timeoutSeconds));
        if (GetParam().bulkBothWays)
            env.insert(QStringLiteral("TAGDESK_BULK_PUSH_MIN"),
                       QString::number(std::max(1, products * 2 / 5)));
        common = {QStringLiteral("--db"), db.path(), QStringLiteral("--store"), sandbox->url};
    }

    CliResult tagdesk(const QStringList &args) const { return cli.run(common + args); }

    // A command that talks to the store, run again while it stops as a whole (exit 2), as
    // a user would press Sync now again. With every fault at once about one request in three
    // fails, so now and then one fails six times in a row: the retries are spent, the
    // command stops saying the store is unreachable, and the rest wait, as they should — a
    // 1,000-product sync met three such stops. At most ten times.
    CliResult untilFinished(const QStringList &args, int &attempts) const {
        CliResult r;
        for (attempts = 1;; ++attempts) {
            r = tagdesk(args);
            if (r.exitCode != 2 || attempts == maxAttempts)
                break;
        }
        EXPECT_TRUE(r.exitCode == 0 || r.exitCode == 3) << r.describe();
        return r;
    }
    static constexpr int maxAttempts = 10;

    QHash<QString, QJsonObject> store() const {
        QHash<QString, QJsonObject> out;
        const auto all = sandbox->products();
        for (auto it = all.begin(); it != all.end(); ++it)
            out.insert(it.key(), comparableProduct(it.value()));
        return out;
    }

    QHash<QString, QJsonObject> jobProducts() const {
        const CliResult shown = tagdesk(
            {QStringLiteral("jobs"), QStringLiteral("show"), job, QStringLiteral("--json")});
        EXPECT_EQ(shown.exitCode, 0) << shown.describe();
        QHash<QString, QJsonObject> out;
        for (const QJsonValue &v :
             shown.json().object().value(QStringLiteral("products")).toArray())
            out.insert(v.toObject().value(QStringLiteral("id")).toString(), v.toObject());
        return out;
    }

    // A merchant edits `ids` in the Shopify admin: adds a tag the push is about to add (a
    // field it writes: a conflict), or changes the title (a field it does not write: kept).
    void editInShopify(const QStringList &ids, const QString &field,
                       const QHash<QString, QJsonObject> &previewed) {
        const auto now = sandbox->products();
        for (const QString &id : ids) {
            if (field == QLatin1String("tags")) {
                QJsonArray tags = now.value(id).value(QStringLiteral("tags")).toArray();
                for (const QJsonValue &tag :
                     previewed.value(id).value(QStringLiteral("tags")).toArray()) {
                    if (!tags.contains(tag)) {
                        tags.append(tag);
                        break;
                    }
                }
                sandbox->edit(id, {{QStringLiteral("tags"), tags}});
            } else {
                sandbox->edit(id, {{QStringLiteral("title"), QStringLiteral("Edited by hand")}});
            }
        }
    }

    // The job's approvals as the database holds them: product review states and every
    // attribute decision.
    QStringList approvals() const {
        QStringList out;
        for (const QStringList &r :
             rows(db.config(), QStringLiteral("SELECT product_id, review FROM job_products "
                                              "ORDER BY product_id")))
            out << r.join(u' ');
        for (const QStringList &r : rows(
                 db.config(), QStringLiteral("SELECT product_id, attribute, verdict, value FROM "
                                             "attribute_decisions ORDER BY product_id, attribute")))
            out << r.join(u' ');
        return out;
    }

    int products = 0;
    int seed = 0;
    TempSqlite db;
    CliRunner cli;
    std::unique_ptr<SandboxProcess> sandbox;
    QStringList common;
    QString job;
};

TEST_P(CliFaults, EveryProductEndsFinalWrittenOnceAndNoApprovalIsLost) {
    const FaultRun &run = GetParam();
    QElapsedTimer clock;
    clock.start();
    const auto original = store();
    ASSERT_EQ(original.size(), products) << "the sandbox grows its catalog to N ≥ 64";

    const CliResult created =
        tagdesk({QStringLiteral("jobs"), QStringLiteral("create"), QStringLiteral("--name"),
                 QStringLiteral("Faults"), QStringLiteral("--tagger"), QStringLiteral("ximilar")});
    ASSERT_EQ(created.exitCode, 0) << created.describe();
    job = QString::fromUtf8(created.out.trimmed());
    int runs = 0, syncs = 0, reverts = 0;
    untilFinished({QStringLiteral("jobs"), QStringLiteral("run"), job}, runs);

    const CliResult approved =
        tagdesk({QStringLiteral("review"), QStringLiteral("approve"), job, QStringLiteral("--all"),
                 QStringLiteral("--to"), QStringLiteral("tags,metafields,type,alt")});
    ASSERT_EQ(approved.exitCode, 0) << approved.describe();
    const QStringList given = approvals();

    // What each product becomes once its approved values are written.
    QHash<QString, QJsonObject> previewed = original;
    const CliResult preview = tagdesk(
        {QStringLiteral("review"), QStringLiteral("preview"), job, QStringLiteral("--json")});
    ASSERT_EQ(preview.exitCode, 0) << preview.describe();
    for (const QJsonValue &v : preview.json().array()) {
        const ChangePlan plan = ChangePlan::fromJson(v.toObject());
        previewed.insert(plan.productId, withPlanApplied(previewed.value(plan.productId), plan));
    }
    QStringList approvedIds;
    for (const QJsonObject &p : jobProducts())
        if (p.value(QStringLiteral("review")).toString() == QLatin1String("approved"))
            approvedIds << p.value(QStringLiteral("id")).toString();
    approvedIds.sort();
    ASSERT_GT(approvedIds.size(), 2 * editsPerKind);
    // Products whose title a merchant changed: it is kept, whatever Tagdesk writes.
    QStringList retitled;
    const QStringList tagEdited =
        run.remoteEdits ? approvedIds.mid(0, editsPerKind) : QStringList();
    if (run.remoteEdits) {
        editInShopify(tagEdited, QStringLiteral("tags"), previewed);
        retitled = approvedIds.mid(editsPerKind, editsPerKind);
        editInShopify(retitled, QStringLiteral("title"), previewed);
    }
    const auto beforeSync = store();
    const CliResult synced = untilFinished({QStringLiteral("sync"), job}, syncs);

    // Half of what was pushed is reverted; a merchant has meanwhile edited some of it.
    QStringList half;
    {
        QStringList pushed;
        const auto after = jobProducts();
        for (auto it = after.begin(); it != after.end(); ++it)
            if (it.value().value(QStringLiteral("sync")).toString() == QLatin1String("pushed"))
                pushed << it.key();
        pushed.sort();
        for (qsizetype i = 0; i < pushed.size(); i += 2)
            half << pushed.at(i);
    }
    ASSERT_FALSE(half.isEmpty()) << "nothing was pushed: " << synced.describe();
    if (run.remoteEdits) {
        editInShopify(half.mid(0, editsPerKind), QStringLiteral("title"), previewed);
        retitled << half.mid(0, editsPerKind);
    }
    const auto withTitleKept = [&](QJsonObject expected, const QString &id) {
        if (retitled.contains(id))
            expected.insert(QStringLiteral("title"), QStringLiteral("Edited by hand"));
        return expected;
    };
    const auto beforeRevert = store();
    untilFinished({QStringLiteral("revert"), job, QStringLiteral("--products"), half.join(u',')},
                  reverts);

    // Every product is in a final state, with a reason where it did not get through, and
    // holds in the store what that state says.
    const auto now = store();
    std::map<std::string, int> outcomes;
    for (const QJsonObject &p : jobProducts()) {
        const QString id = p.value(QStringLiteral("id")).toString();
        const QString stage = p.value(QStringLiteral("stage")).toString();
        const QString sync = p.value(QStringLiteral("sync")).toString();
        const QString error = p.value(QStringLiteral("error")).toString();
        const std::string name = id.toStdString();
        std::string outcome;
        if (stage == QLatin1String("skipped") || stage == QLatin1String("failed")) {
            outcome = stage == QLatin1String("skipped") ? "skipped" : "failed to analyse";
            EXPECT_FALSE(error.isEmpty()) << name << " " << outcome << " without a reason";
            EXPECT_EQ(productDifference(now.value(id), beforeSync.value(id)), "") << name;
        } else if (sync == QLatin1String("pushed") && half.contains(id) && !error.isEmpty()) {
            // A revert that failed or met a conflict leaves the product pushed, saying why;
            // its plan stays in flight, so running the revert again accepts what landed. A
            // revert is several calls (tags, metafields, alt text…): cut off part way, each
            // field holds the pushed value or the original one, never a third.
            outcome = "pushed, revert failed or in conflict";
            EXPECT_EQ(fieldsHoldingNeither(now.value(id), beforeRevert.value(id),
                                           withTitleKept(original.value(id), id)),
                      "")
                << name << " (" << error.toStdString() << ")";
        } else if (sync == QLatin1String("pushed")) {
            outcome = "synced";
            EXPECT_EQ(productDifference(now.value(id), withTitleKept(previewed.value(id), id)), "")
                << name;
        } else if (sync == QLatin1String("reverted")) {
            outcome = "synced, then reverted";
            EXPECT_EQ(productDifference(now.value(id), withTitleKept(original.value(id), id)), "")
                << name;
        } else if (sync == QLatin1String("conflict")) {
            outcome = half.contains(id) ? "conflict on revert" : "conflict on sync";
            // A conflict writes nothing: the store keeps what the merchant made it.
            EXPECT_EQ(productDifference(now.value(id),
                                        (half.contains(id) ? beforeRevert : beforeSync).value(id)),
                      "")
                << name;
        } else if (sync == QLatin1String("failed")) {
            outcome = half.contains(id) ? "failed to revert" : "failed to sync";
            EXPECT_FALSE(error.isEmpty()) << name << " " << outcome << " without a reason";
            // All of a product's values or none: never half of them.
            const QJsonObject was = (half.contains(id) ? beforeRevert : beforeSync).value(id);
            const QJsonObject goal =
                withTitleKept(half.contains(id) ? original.value(id) : previewed.value(id), id);
            EXPECT_TRUE(now.value(id) == was || now.value(id) == goal)
                << name << ": " << json(now.value(id)) << "\n was " << json(was) << "\n goal "
                << json(goal);
        } else {
            outcome = "limbo: stage " + stage.toStdString() + ", sync " + sync.toStdString();
            ADD_FAILURE() << name << " ended in " << outcome;
        }
        ++outcomes[outcome];
        if (tagEdited.contains(id)) {
            EXPECT_EQ(outcome, "conflict on sync") << name << ": a tag it writes was edited";
        }
    }

    // No product written twice with different values: its successful pushes all wrote
    // the same, as did its successful reverts.
    QHash<QString, QSet<QString>> written;
    for (const QStringList &r :
         rows(db.config(), QStringLiteral("SELECT product_id, kind, after_values FROM push_log "
                                          "WHERE outcome = 'succeeded'")))
        written[r.at(0) + u' ' + r.at(1)].insert(r.at(2));
    int writes = 0;
    for (auto it = written.begin(); it != written.end(); ++it) {
        writes += int(it.value().size());
        EXPECT_EQ(it.value().size(), 1) << it.key().toStdString() << " written differently";
    }
    EXPECT_EQ(approvals(), given) << "the approvals given are the approvals kept";

    std::map<std::string, int> injected;
    int tagsRemovedOneByOne = 0;
    for (const QJsonValue &v : sandbox->requests()) {
        const QJsonObject e = v.toObject();
        tagsRemovedOneByOne +=
            e.value(QStringLiteral("operationName")).toString() == QLatin1String("TagsRemove");
        const QString fault = e.value(QStringLiteral("fault")).toString();
        if (!fault.isEmpty())
            ++injected[QString(e.value(QStringLiteral("service")).toString() + u' ' + fault)
                           .toStdString()];
    }
    if (run.remoteEdits)
        injected["shopify remote edit (tags 5, title 10)"] = 3 * editsPerKind;
    std::cout << "[fault matrix] " << run.name << ": " << products << " products, seed " << seed
              << ", " << clock.elapsed() / 1000.0 << " s; runs " << runs << ", syncs " << syncs
              << ", reverts " << reverts << " (of " << half.size() << ")\n  injected:";
    for (const auto &[kind, n] : injected)
        std::cout << " " << kind << " " << n << ";";
    std::cout << "\n  outcomes:";
    for (const auto &[outcome, n] : outcomes)
        std::cout << " " << outcome << " " << n << ";";
    std::cout << " successful writes " << writes << "\n";
    if (!run.sandboxFlags.isEmpty()) {
        EXPECT_FALSE(injected.empty()) << "the faults were injected";
    }
    // Reverting tags one product at a time is a tagsRemove each; in bulk, none (a revert run
    // again for the few left after a stop may go one by one).
    if (run.bulkBothWays) {
        EXPECT_LT(tagsRemovedOneByOne, half.size() / 2) << "the revert went through bulk mutations";
    }
}

INSTANTIATE_TEST_SUITE_P(Matrix, CliFaults, ::testing::ValuesIn(faultRuns()),
                         [](const ::testing::TestParamInfo<FaultRun> &info) {
                             std::string name;
                             for (const char *c = info.param.name; *c; ++c)
                                 if (std::isalnum(static_cast<unsigned char>(*c)))
                                     name += *c;
                             return name;
                         });

} // namespace

// Kill at random (issue 14): a whole job — fetch, analyse, approve, sync, revert half — run
// by the real tagdesk-cli, killed with SIGKILL at random moments of its run, sync and revert
// and started again each time, must leave the store and the database exactly as the same
// job run without a kill, against a second sandbox with the same catalog.
//
// The moments are drawn from TAGDESK_KILL_SEED (a fresh seed when unset); the seed is
// printed, so that a failure can be replayed.
#include "cli/clirunner.h"
#include "cli/sandboxprocess.h"
#include "storage/connection.h"
#include "storage/jobleaserepository.h"
#include "support/qtprinters.h"
#include "support/storevalues.h"
#include "support/testdatabase.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <iostream>
#include <limits>
#include <map>
#include <optional>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace tagdesk;
using namespace tagdesk::test;

#ifndef TAGDESK_APP_PATH
#define TAGDESK_APP_PATH "" // a build without the desktop app (TAGDESK_BUILD_GUI=OFF)
#endif

namespace {

// One store (a sandbox process) and one database, and the job worked on in them.
class Workplace {
public:
    Workplace() {
        // Every answer takes a while, so that a command runs for seconds and a kill lands
        // in the middle of it (the tagger longest: a run keeps more products going than it
        // has calls, so the analysis runs at the tagger's pace).
        sandbox = std::make_unique<SandboxProcess>(
            QStringList{QStringLiteral("--catalog"),
                        testData(QStringLiteral("catalogs/kith-storefront-products.json")),
                        QStringLiteral("--bucket"), QStringLiteral("20000"),
                        QStringLiteral("--restore"), QStringLiteral("10000"),
                        QStringLiteral("--fault"), QStringLiteral("shopify:latency=100-200"),
                        QStringLiteral("--fault"), QStringLiteral("images:latency=60-120"),
                        QStringLiteral("--fault"), QStringLiteral("ximilar:latency=200-400")});
        QProcessEnvironment &env = cli.environment();
        env.insert(QStringLiteral("TAGDESK_SHOPIFY_TOKEN"), QStringLiteral("shpat_sandbox"));
        env.insert(QStringLiteral("TAGDESK_XIMILAR_URL"), sandbox->url);
        env.insert(QStringLiteral("TAGDESK_XIMILAR_KEY"), QStringLiteral("sandbox-ximilar"));
        common = {QStringLiteral("--db"), db.path(), QStringLiteral("--store"), sandbox->url};
        const CliResult created = tagdesk({QStringLiteral("jobs"), QStringLiteral("create"),
                                           QStringLiteral("--name"), QStringLiteral("Kith"),
                                           QStringLiteral("--tagger"), QStringLiteral("ximilar")});
        EXPECT_EQ(created.exitCode, 0) << created.describe();
        job = QString::fromUtf8(created.out.trimmed());
    }

    CliResult tagdesk(const QStringList &args) const { return cli.run(common + args); }

    QStringList approveAll() const {
        const CliResult r = tagdesk({QStringLiteral("review"), QStringLiteral("approve"), job,
                                     QStringLiteral("--all"), QStringLiteral("--to"),
                                     QStringLiteral("tags,metafields,type,alt")});
        EXPECT_EQ(r.exitCode, 0) << r.describe();
        // Half of the products, to be reverted later.
        QStringList ids = sandbox->products().keys();
        ids.sort();
        QStringList half;
        for (qsizetype i = 0; i < ids.size(); i += 2)
            half << ids.at(i);
        return half;
    }

    // The rows of one query, each a line of its columns' text.
    QStringList rows(const QString &sql) const {
        QStringList out;
        auto conn = Connection::open(db.config());
        if (!conn)
            return {QStringLiteral("cannot open: ") + conn.error().message};
        auto q = runSql(conn.value()->db(), sql);
        if (!q)
            return {QStringLiteral("cannot read: ") + q.error().message};
        while (q->next()) {
            QStringList row;
            for (int i = 0; i < q->record().count(); ++i)
                row << q->value(i).toString();
            out << row.join(QStringLiteral(" | "));
        }
        return out;
    }

    // What a `jobs run` is doing, as the store saw it last: listing and fetching products
    // from Shopify ("fetch"), or downloading images and asking the tagger about them
    // ("analyse": the analysis downloads the next products' images while the tagger works
    // on others, so both are that step).
    std::string runPhase() const {
        const QJsonArray log = sandbox->requests();
        const QString service =
            log.isEmpty() ? QString()
                          : log.last().toObject().value(QStringLiteral("service")).toString();
        return service == QLatin1String("ximilar") || service == QLatin1String("images") ? "analyse"
                                                                                         : "fetch";
    }

    // What the job is in the database: its summary (without its times), every product's
    // stage, review and sync state, error and suggestions, the decisions, the review log
    // and the push history (without times).
    QStringList databaseState() const {
        QJsonObject shown =
            tagdesk({QStringLiteral("jobs"), QStringLiteral("show"), job, QStringLiteral("--json")})
                .json()
                .object();
        shown.remove(QStringLiteral("createdAt"));
        shown.remove(QStringLiteral("updatedAt"));
        shown.remove(QStringLiteral("store")); // the sandbox's port differs
        QStringList out = QString::fromUtf8(QJsonDocument(shown).toJson()).split(u'\n');
        out << rows(QStringLiteral("SELECT product_id, attribute, verdict, value FROM "
                                   "attribute_decisions ORDER BY product_id, attribute"));
        out << rows(QStringLiteral("SELECT product_id, before_state, after_state FROM "
                                   "review_events ORDER BY id"));
        out << rows(QStringLiteral("SELECT product_id, kind, outcome, before_values, "
                                   "after_values, message FROM push_log "
                                   "ORDER BY product_id, kind, outcome, after_values"));
        out << rows(QStringLiteral("SELECT product_id, resolution FROM conflicts "
                                   "ORDER BY product_id"));
        out.replaceInStrings(sandbox->url, QStringLiteral("SANDBOX"));
        return out;
    }

    QHash<QString, QJsonObject> store() const {
        QHash<QString, QJsonObject> out;
        const auto products = sandbox->products();
        for (auto it = products.begin(); it != products.end(); ++it) {
            // Image URLs name the sandbox's port, which differs between the two stores.
            const QByteArray text = QJsonDocument(comparableProduct(it.value()))
                                        .toJson()
                                        .replace(sandbox->url.toUtf8(), "SANDBOX");
            out.insert(it.key(), QJsonDocument::fromJson(text).object());
        }
        return out;
    }

    TempSqlite db;
    CliRunner cli;
    std::unique_ptr<SandboxProcess> sandbox;
    QStringList common;
    QString job;
};

// TAGDESK_KILL_SEED, else a fresh seed; printed either way.
quint32 killSeed() {
    bool fixed = false;
    const int chosen = qEnvironmentVariableIntValue("TAGDESK_KILL_SEED", &fixed);
    const quint32 seed = fixed ? quint32(chosen) : QRandomGenerator::system()->bounded(1u << 30);
    std::cout << "[kill at random] seed " << seed << " (TAGDESK_KILL_SEED=" << seed
              << " replays it)\n";
    return seed;
}

// The lines only one of the two states has, each marked with its side; empty when equal.
std::string difference(const QStringList &killed, const QStringList &calm) {
    std::string out;
    for (qsizetype i = 0, j = 0; i < killed.size() || j < calm.size(); ++i, ++j) {
        if (i < killed.size() && j < calm.size() && killed.at(i) == calm.at(j))
            continue;
        out += "\n  killed:        " + killed.value(i).left(400).toStdString() +
               "\n  uninterrupted: " + calm.value(j).left(400).toStdString();
        if (out.size() > 6000)
            break;
    }
    return out;
}

// The store and the database the killed workplace ended with are the calm one's.
void expectSameEnd(const Workplace &killed, const Workplace &calm) {
    const auto expected = calm.store();
    const auto actual = killed.store();
    ASSERT_EQ(actual.size(), expected.size());
    for (auto it = expected.begin(); it != expected.end(); ++it)
        EXPECT_EQ(productDifference(actual.value(it.key()), it.value()), "")
            << it.key().toStdString();
    EXPECT_EQ(difference(killed.databaseState(), calm.databaseState()), "");
}

// The desktop app (`tagdesk`, offscreen) on a workplace's database and store, pressing
// Sync now on its job as it opens (`--sync JOB`).
class DesktopApp {
public:
    explicit DesktopApp(const Workplace &place)
        : m_place(place) {
        QProcessEnvironment env = place.cli.environment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("TAGDESK_SHOPIFY_STORE"), place.sandbox->url);
        m_process.setProcessEnvironment(env);
        m_process.start(QStringLiteral(TAGDESK_APP_PATH), {QStringLiteral("--db"), place.db.path(),
                                                           QStringLiteral("--sync"), place.job});
        EXPECT_TRUE(m_process.waitForStarted(-1));
    }
    ~DesktopApp() {
        if (m_process.state() == QProcess::Running) {
            m_process.terminate();
            if (!m_process.waitForFinished(10000))
                m_process.kill();
        }
    }

    // Until this app's sync holds the job; false if nothing is left to sync (it says so)
    // or the app ended.
    bool waitUntilSyncing() {
        const auto reader = m_place.db.open();
        bool holds = false;
        EXPECT_TRUE(QTest::qWaitFor(
            [&] {
                auto h = JobLeaseRepository(*reader).holder(m_place.job.toLongLong());
                holds = h.ok() && h.value() && h.value()->pid == m_process.processId();
                return holds || m_process.state() != QProcess::Running ||
                       m_process.readAllStandardError().contains("no approved products waiting");
            },
            std::numeric_limits<int>::max()));
        return holds;
    }

    // SIGKILL while the sync still holds the job; false if it had already let it go.
    bool kill() {
        const auto reader = m_place.db.open();
        auto h = JobLeaseRepository(*reader).holder(m_place.job.toLongLong());
        if (!h.ok() || !h.value() || h.value()->pid != m_process.processId())
            return false;
        m_process.kill();
        m_process.waitForFinished(-1);
        return true;
    }

    // Until no approved product waits or is being pushed and the job is let go.
    void syncToTheEnd() {
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                const QStringList left = m_place.rows(QStringLiteral(
                    "SELECT count(*) FROM job_products WHERE review = 'approved' AND sync NOT "
                    "IN ('pushed', 'conflict', 'failed')"));
                const auto reader = m_place.db.open();
                auto h = JobLeaseRepository(*reader).holder(m_place.job.toLongLong());
                return (left.value(0) == QLatin1String("0") && h.ok() && !h.value()) ||
                       m_process.state() != QProcess::Running;
            },
            std::numeric_limits<int>::max()));
        ASSERT_EQ(m_process.state(), QProcess::Running)
            << "the app ended: " << m_process.readAllStandardError().toStdString();
    }

private:
    const Workplace &m_place;
    QProcess m_process;
};

// Runs `args` and kills it after a random wait of `minMs` to `maxMs`; with `wanted`, the wait
// starts once `phase` says it (polled every 10 ms). Where a kill lands by a random wait
// alone depends on the machine's load (a loaded machine stays in the fetch longer), so each
// phase the test needs a kill in gets one by watching for it. Returns where the kill
// landed, as `phase` said at that moment, or nothing if the command finished first.
std::optional<std::string> killAfter(const Workplace &place, const QStringList &args,
                                     const std::optional<std::string> &wanted, int minMs, int maxMs,
                                     QRandomGenerator &random,
                                     const std::function<std::string()> &phase) {
    QProcess process;
    process.setProcessEnvironment(place.cli.environment());
    process.start(QStringLiteral(TAGDESK_CLI_PATH), place.common + args);
    EXPECT_TRUE(process.waitForStarted(-1));
    while (wanted && process.state() == QProcess::Running && phase() != *wanted)
        QTest::qWait(10);
    QTest::qWait(int(random.bounded(minMs, maxMs)));
    if (process.state() != QProcess::Running) {
        EXPECT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
        return std::nullopt;
    }
    const std::string where = phase();
    process.kill(); // SIGKILL: no chance to clean up
    process.waitForFinished(-1);
    return where;
}

// Runs `args` and kills it after a random wait, again and again, until `kills` kills
// have landed or it finished on its own; then runs it to its end. Returns where each kill
// landed, as `phase` says at the moment of the kill. The first of `needed` gets the first
// kill, and each other that no random kill reached gets a kill of its own before the end.
std::vector<std::string> killAtRandom(const Workplace &place, const QStringList &args, int kills,
                                      int minMs, int maxMs, QRandomGenerator &random,
                                      const std::function<std::string()> &phase,
                                      const std::vector<std::string> &needed = {}) {
    std::vector<std::string> landed;
    // The first phase first: later kills find the work further on.
    if (!needed.empty()) {
        if (auto where = killAfter(place, args, needed.front(), 0, minMs, random, phase))
            landed.push_back(*where);
    }
    while (int(landed.size()) < kills) {
        auto where = killAfter(place, args, std::nullopt, minMs, maxMs, random, phase);
        if (!where)
            return landed; // it finished before the kill: nothing left to interrupt
        landed.push_back(*where);
    }
    for (const std::string &wanted : needed) {
        if (std::find(landed.begin(), landed.end(), wanted) != landed.end())
            continue;
        if (auto where = killAfter(place, args, wanted, 0, maxMs / 4, random, phase))
            landed.push_back(*where);
    }
    const CliResult finish = place.tagdesk(args);
    EXPECT_EQ(finish.exitCode, 0) << finish.describe();
    return landed;
}

} // namespace

TEST(CliKills, AJobKilledAtRandomMomentsEndsLikeAnUninterruptedOne) {
    const quint32 seed = killSeed();
    QRandomGenerator random(seed);
    QElapsedTimer clock;
    clock.start();

    Workplace calm;
    const QStringList run{QStringLiteral("jobs"), QStringLiteral("run"), calm.job};
    const QStringList sync{QStringLiteral("sync"), calm.job};
    ASSERT_EQ(calm.tagdesk(run).exitCode, 0);
    const QStringList half = calm.approveAll();
    const QStringList revert{QStringLiteral("revert"), calm.job, QStringLiteral("--products"),
                             half.join(u',')};
    ASSERT_EQ(calm.tagdesk(sync).exitCode, 0);
    ASSERT_EQ(calm.tagdesk(revert).exitCode, 0);
    const double calmSeconds = clock.restart() / 1000.0;

    Workplace killed;
    ASSERT_EQ(killed.job, calm.job) << "the same job id in both databases";
    std::map<std::string, int> landed;
    const auto count = [&](const std::vector<std::string> &where) {
        for (const std::string &w : where)
            ++landed[w];
    };
    count(killAtRandom(killed, run, 8, 50, 900, random, [&] { return killed.runPhase(); },
                       {"fetch", "analyse"}));
    ASSERT_EQ(killed.approveAll(), half);
    count(killAtRandom(killed, sync, 8, 150, 700, random, [] { return std::string("sync"); }));
    count(killAtRandom(killed, revert, 6, 150, 600, random, [] { return std::string("revert"); }));
    int kills = 0;
    std::cout << "[kill at random] kills survived:";
    for (const auto &[phase, n] : landed) {
        std::cout << " " << phase << " " << n << ";";
        kills += n;
    }
    std::cout << " " << kills << " in all; uninterrupted " << calmSeconds << " s, killed "
              << clock.elapsed() / 1000.0 << " s\n";
    EXPECT_GE(kills, 20);
    for (const char *phase : {"fetch", "analyse", "sync", "revert"})
        EXPECT_GE(landed[phase], 1) << "no kill landed in " << phase;

    expectSameEnd(killed, calm);
}

// The desktop app's worker: `tagdesk --sync JOB` presses Sync now on the job; the app is
// killed while that sync holds the job, started again (Sync now again), and in the end the
// store and the push history are those of a sync the app ran without a kill.
TEST(CliKills, TheDesktopAppKilledDuringSyncNowEndsLikeAnUninterruptedSync) {
    if (QStringLiteral(TAGDESK_APP_PATH).isEmpty())
        GTEST_SKIP() << "built without the desktop app";
    const quint32 seed = killSeed();
    QRandomGenerator random(seed);
    QElapsedTimer clock;
    clock.start();
    Workplace calm;
    Workplace killed;
    for (Workplace *place : {&calm, &killed}) {
        ASSERT_EQ(
            place->tagdesk({QStringLiteral("jobs"), QStringLiteral("run"), place->job}).exitCode,
            0);
        place->approveAll();
    }
    DesktopApp(calm).syncToTheEnd();
    const double calmSeconds = clock.restart() / 1000.0;

    int kills = 0;
    for (; kills < 6; ++kills) {
        DesktopApp app(killed);
        if (!app.waitUntilSyncing())
            break; // nothing left to sync
        QTest::qWait(int(random.bounded(100, 1200)));
        if (!app.kill())
            break; // the sync ended before the kill
    }
    DesktopApp(killed).syncToTheEnd();
    std::cout << "[kill at random] desktop app killed during Sync now " << kills << " times, seed "
              << seed << "; uninterrupted " << calmSeconds << " s, killed "
              << clock.elapsed() / 1000.0 << " s\n";
    EXPECT_GE(kills, 3);

    expectSameEnd(killed, calm);
}

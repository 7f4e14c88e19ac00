#pragma once

// The desktop window as `tagdesk --demo` builds it, against an in-process sandbox store on
// a loopback port: a fresh SQLite database, the demo catalog, the local tagger, an image
// cache in a temporary folder, and settings kept away from the user's own.
#include "catalog/catalogloader.h"
#include "joblist/jobactions.h"
#include "joblist/joblistpanel.h"
#include "joblist/jobtablemodel.h"
#include "mainwindow.h"
#include "pipeline/jobservice.h"
#include "server/sandboxserver.h"
#include "settings/account.h"
#include "storage/databasewriter.h"
#include "support/testdatabase.h"

#include <gtest/gtest.h>

#include <functional>
#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <limits>
#include <memory>

namespace tagdesk::test {

// Generous: a slow, busy machine must never fail a test by being slow; a hang still
// ends, with the failure saying what never happened.
inline constexpr int patientMs = 5 * 60 * 1000;

class DesktopFixture : public ::testing::Test {
protected:
    // A token of the store that may read and write products, but not files (alt text).
    static inline const QString noFilesToken = QStringLiteral("shpat_no_files");

    void SetUp() override {
        sandboxConfig.shopify.scopedTokens.insert(
            noFilesToken, {QStringLiteral("read_products"), QStringLiteral("write_products")});
        QStandardPaths::setTestModeEnabled(true); // QSettings go to a test folder
        QSettings().clear(); // nothing a test saved (keys, templates) reaches the next
        server = std::make_unique<sandbox::SandboxServer>(sandboxConfig, sandbox::demoCatalog());
        auto port = server->start();
        ASSERT_TRUE(port.ok()) << (port ? "" : port.error().message.toStdString());
        reader = db.open();
        writer = DatabaseWriter::start(db.config()).value();
        jobs = std::make_unique<JobService>(*writer);
        TaggerSettings taggers = TaggerSettings::defaults();
        // Two analyses at once whatever the machine (a run keeps twice that many products
        // going): what a test sees of a run's pace does not depend on its cores.
        taggers.localThreads = 2;
        taggers.openAi.url = QUrl(server->baseUrl());
        taggers.openAi.key = QStringLiteral("sk-sandbox");
        taggers.openAi.model = QStringLiteral("sandbox-vision");
        account = std::make_unique<FixedAccount>(
            FixedAccount::Values{QStringLiteral("Demo store"), server->baseUrl(),
                                 sandbox::ShopifyConfig().token, taggers, images.path(), true});
    }

    void openWindow() {
        window = std::make_unique<ui::MainWindow>(
            ui::AppContext{JobReader(db.config()), jobs.get(), writer.get(), account.get()});
        window->setReloadPreferences(reloadPreferences);
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    }

    // Presses `key` on whatever has the keyboard focus, as a person at the keyboard would.
    void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        QWidget *target = QApplication::focusWidget();
        ASSERT_NE(target, nullptr) << "nothing has the keyboard focus";
        QTest::keyClick(target, key, modifiers);
    }
    // Gives `widget` the keyboard focus, as a person clicking into a window would (the
    // offscreen platform does not move the focus between windows by itself).
    void focusOn(QWidget *widget) {
        widget->window()->activateWindow();
        widget->setFocus();
        ASSERT_TRUE(
            QTest::qWaitFor([&] { return QApplication::focusWidget() == widget; }, patientMs));
    }
    // Runs the job with the local tagger in the open window until its products wait for
    // review.
    void runUntilReview(qint64 jobId) {
        window->jobActions()->runJob(jobId, TaggerKind::Local);
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                auto s = JobReader(db.config()).summary(jobId);
                return s && s->status == JobStatus::Review &&
                       !window->jobList()->model()->hasProgress(jobId);
            },
            patientMs));
    }
    void TearDown() override {
        window.reset(); // stops runs before the writer goes
        QStandardPaths::setTestModeEnabled(false);
    }

    TempSqlite db;
    QTemporaryDir images;
    sandbox::SandboxConfig sandboxConfig; // set before SetUp to change the store
    std::unique_ptr<sandbox::SandboxServer> server;
    std::unique_ptr<Connection> reader;
    std::unique_ptr<DatabaseWriter> writer;
    std::unique_ptr<JobService> jobs;
    std::unique_ptr<Account> account;
    // What the window reads again after Settings saved (main() reads Settings and the
    // environment); empty: the account keeps its preferences.
    std::function<Preferences()> reloadPreferences;
    std::unique_ptr<ui::MainWindow> window;
};

} // namespace tagdesk::test

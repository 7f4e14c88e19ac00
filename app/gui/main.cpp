// tagdesk: the desktop application. Parses the command line, opens the database, chooses
// the account (the user's store, or the demo store), and hands them to the main window;
// everything else lives in ui/ and core/.
#include "common/demostore.h"
#include "common/preferencesloader.h"
#include "deferrediconstyle.h"
#include "firstpaintprobe.h"
#include "joblist/jobactions.h"
#include "joblist/joblistpanel.h"
#include "joblist/syncactions.h"
#include "mainwindow.h"
#include "pipeline/jobdatabase.h"
#include "pipeline/jobservice.h"
#include "screenshottour.h"
#include "settings/account.h"
#include "settings/generalsettingspage.h"
#include "settings/systemkeychain.h"
#include "stallprobe.h"
#include "util/appinfo.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFontMetrics>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QTranslator>

#include <cstdio>
#include <future>

using namespace tagdesk;

namespace {

// The language chosen in Settings, else the system's.
QLocale chosenLocale() {
    const QString chosen =
        QSettings().value(QLatin1String(ui::GeneralSettingsPage::languageKey)).toString();
    return chosen.isEmpty() ? QLocale() : QLocale(chosen);
}

void installTranslations(QApplication &app) {
    const QLocale locale = chosenLocale();
    QLocale::setDefault(locale);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("tagdesk"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(own);
}

int fail(const QString &message, bool quiet) {
    std::fprintf(stderr, "tagdesk: %s\n", qPrintable(message));
    if (!quiet)
        QMessageBox::critical(nullptr, QObject::tr("Tagdesk"), message);
    return 2;
}

} // namespace

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    applyApplicationIdentity();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/tagdesk.svg")));
    installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QObject::tr(
        "Review AI image-tagging suggestions for a Shopify catalog, and sync them safely."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QObject::tr("Open the demo store (offline, in this process) with its own demo database."));
    const QCommandLineOption demoReset(
        QStringLiteral("demo-reset"),
        QObject::tr("With --demo: start the demo store, database and images afresh."));
    const QCommandLineOption db(QStringLiteral("db"),
                                QObject::tr("The job database (a file or a postgresql:// URL)."),
                                QStringLiteral("PATH"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QObject::tr("Save PNGs of each main screen into DIR (also @2x and -dark), then quit."),
        QStringLiteral("DIR"));
    const QCommandLineOption sync(
        QStringLiteral("sync"),
        QObject::tr("Start syncing job ID's approved products once the window is open, as Sync "
                    "now does (e.g. from a script, or to finish a sync that was interrupted)."),
        QStringLiteral("ID"));
    const QCommandLineOption run(
        QStringLiteral("run"),
        QObject::tr("Run (or resume) job ID once the window is open, as Run does."),
        QStringLiteral("ID"));
    parser.addOptions({demo, demoReset, db, screenshot, sync, run});
    parser.process(app);
    const bool quiet = parser.isSet(screenshot);
    const bool isDemo = parser.isSet(demo);
    // Fusion for screenshots, the same look on every machine so that they compare; else the
    // platform's. Either way its standard icons are read when first painted.
    QApplication::setStyle(new ui::DeferredIconStyle(quiet ? QStringLiteral("Fusion")
                                                           : QApplication::style()->name()));

    if (isDemo && parser.isSet(demoReset)) {
        if (auto reset = DemoStore::reset(); !reset)
            return fail(reset.error().message, quiet);
    }
    DatabaseConfig config = DatabaseConfig::sqlite(
        isDemo ? DemoStore::databasePath()
               : DatabaseConfig::defaultSqlitePath(QStringLiteral("tagdesk.sqlite")));
    if (parser.isSet(db)) {
        auto fromOption = DatabaseConfig::fromLocation(parser.value(db));
        if (!fromOption)
            return fail(fromOption.error().message, quiet);
        config = fromOption.value();
    }

    // Opening migrates the schema once, before any window exists. It runs on a thread of its
    // own while this one loads the fonts: the window's first text needs the font database,
    // which fontconfig fills by reading its configuration and every font's description
    // (about a third of the instructions Tagdesk spends before its first paint, measured
    // with callgrind, BENCHMARKS.md P7). Neither waits for the other.
    std::future<Result<std::unique_ptr<JobDatabase>>> opening =
        std::async(std::launch::async, [config] { return JobDatabase::open(config); });
    (void)QFontMetrics(QApplication::font()).height();

    // The account: the demo store keeps its token in memory, never in the real keychain.
    // What the user chose is read here, once; Settings reads it again after saving.
    const Preferences preferences = preferencesloader::load();
    std::unique_ptr<DemoStore> demoStore;
    const std::unique_ptr<SecretStore> keychain = systemKeychain();
    std::unique_ptr<Account> account;
    if (isDemo) {
        auto started = DemoStore::start();
        if (!started)
            return fail(started.error().message, quiet);
        demoStore = std::move(started).value();
        account = demoStore->account(preferences);
    } else {
        account = std::make_unique<SavedAccount>(*keychain, preferences);
    }

    auto database = opening.get();
    if (!database)
        return fail(database.error().message, quiet);
    JobService jobs(database.value()->writer());

    auto window = std::make_unique<ui::MainWindow>(ui::AppContext{
        database.value()->reader(), &jobs, &database.value()->writer(), account.get()});
    window->setReloadPreferences([] { return preferencesloader::load(); });
    std::unique_ptr<ui::ScreenshotTour> tour;
    if (parser.isSet(screenshot)) {
        tour = std::make_unique<ui::ScreenshotTour>(*window, jobs, parser.value(screenshot));
        if (demoStore)
            tour->setStoreEditor([store = demoStore.get()](const QString &productId) {
                return store->setColourAsMerchant(productId, QStringLiteral("teal"));
            });
        QObject::connect(tour.get(), &ui::ScreenshotTour::finished, &app, [&tour] {
            for (const QString &problem : tour->problems())
                std::fprintf(stderr, "tagdesk: %s\n", qPrintable(problem));
            std::fprintf(stderr, "tagdesk: wrote %d screenshots\n", int(tour->written().size()));
            QApplication::exit(tour->problems().isEmpty() ? 0 : 2);
        });
        tour->start();
    }
    if (FirstPaintProbe::wanted())
        new FirstPaintProbe(*window); // owned by the window
    if (StallProbe::wanted())
        new StallProbe(*window->workHost(), window.get()); // owned by the window
    // --sync and --run: the action on that job once the job list has been read; a run's
    // job is opened too, so that its products are seen coming in.
    struct StartAction {
        const QCommandLineOption *option;
        QAction *action;
        QString unavailable;
        bool open;
    };
    const StartAction startActions[] = {
        {&sync, window->syncActions()->sync(),
         QObject::tr("Job %1 has no approved products waiting to sync, or is busy, or does not "
                     "exist"),
         false},
        {&run, window->jobActions()->run(),
         QObject::tr("Job %1 cannot run: it is finished, busy, or does not exist"), true}};
    for (const StartAction &start : startActions) {
        if (!parser.isSet(*start.option))
            continue;
        bool isNumber = false;
        const qint64 jobId = parser.value(*start.option).toLongLong(&isNumber);
        if (!isNumber)
            return fail(QObject::tr("--%1 needs a job's number, e.g. --%1 3 (not '%2')")
                            .arg(start.option->names().constFirst(), parser.value(*start.option)),
                        quiet);
        ui::MainWindow *shown = window.get();
        QObject::connect(
            shown->jobList(), &ui::JobListPanel::loaded, shown,
            [shown, jobId, start] {
                shown->jobList()->selectJob(jobId);
                if (!start.action->isEnabled()) {
                    std::fprintf(stderr, "tagdesk: %s\n", qPrintable(start.unavailable.arg(jobId)));
                    // A probed window waits for work that will not come: a script would wait on.
                    if (StallProbe::wanted())
                        QApplication::exit(2);
                    return;
                }
                start.action->trigger();
                if (start.open)
                    shown->jobActions()->open()->trigger();
            },
            Qt::SingleShotConnection);
    }
    window->show();
    const int code = QApplication::exec();
    window.reset(); // runs stop before the writer and the demo store go
    return code;
}

// tagdesk: the desktop application. Parses the command line, opens the database, and
// hands both to the main window; everything else lives in ui/ and core/.
#include "dialogs/newjobdialog.h"
#include "joblist/joblistpanel.h"
#include "mainwindow.h"
#include "storage/databasewriter.h"
#include "storage/schema.h"
#include "util/appinfo.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

using namespace tagdesk;

namespace {

void installTranslations(QApplication &app) {
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
    auto *own = new QTranslator(&app);
    if (own->load(QLocale(), QStringLiteral("tagdesk"), QStringLiteral("_"),
                  QStringLiteral(":/i18n")))
        QApplication::installTranslator(own);
}

int fail(const QString &message, bool quiet) {
    std::fprintf(stderr, "tagdesk: %s\n", qPrintable(message));
    if (!quiet)
        QMessageBox::critical(nullptr, QObject::tr("Tagdesk"), message);
    return 2;
}

// Saves PNGs of each main screen into `folder`, then quits. Used by the tests and to
// look at the application as a user would.
void takeScreenshots(ui::MainWindow &window, const QString &folder) {
    QDir().mkpath(folder);
    auto grabAll = [&window, folder] {
        window.grab().save(QDir(folder).filePath(QStringLiteral("jobs.png")));
        ui::NewJobDialog dialog(&window);
        dialog.show();
        QApplication::processEvents();
        dialog.grab().save(QDir(folder).filePath(QStringLiteral("wizard.png")));
        QApplication::quit();
    };
    QObject::connect(
        window.jobList(), &ui::JobListPanel::loaded, &window,
        [grabAll] { QTimer::singleShot(50, grabAll); }, Qt::SingleShotConnection);
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
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QObject::tr("Open the demo store with its own demo database."));
    const QCommandLineOption db(QStringLiteral("db"),
                                QObject::tr("The job database (a file or a postgresql:// URL)."),
                                QStringLiteral("PATH"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QObject::tr("Save a PNG of each main screen into DIR, then quit."), QStringLiteral("DIR"));
    parser.addOptions({demo, db, screenshot});
    parser.process(app);
    const bool quiet = parser.isSet(screenshot);

    DatabaseConfig config = DatabaseConfig::sqlite(DatabaseConfig::defaultSqlitePath(
        parser.isSet(demo) ? QStringLiteral("demo.sqlite") : QStringLiteral("tagdesk.sqlite")));
    if (parser.isSet(db)) {
        auto fromOption = DatabaseConfig::fromLocation(parser.value(db));
        if (!fromOption)
            return fail(fromOption.error().message, quiet);
        config = fromOption.value();
    }

    // Opening migrates the schema once, before any window exists.
    auto reader = openDatabase(config);
    if (!reader)
        return fail(reader.error().message, quiet);
    auto writer = DatabaseWriter::start(config);
    if (!writer)
        return fail(writer.error().message, quiet);
    JobService jobs(*reader.value(), *writer.value());

    ui::MainWindow window({config, &jobs, parser.isSet(demo)});
    if (parser.isSet(screenshot))
        takeScreenshots(window, parser.value(screenshot));
    window.show();
    return QApplication::exec();
}

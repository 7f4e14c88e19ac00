// tagdesk-sandbox: serves the offline Shopify store and taggers on 127.0.0.1 until killed.
#include "catalog/catalogloader.h"
#include "server/commandline.h"
#include "server/sandboxserver.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace tagdesk::sandbox;

namespace {

#ifdef Q_OS_UNIX
int signalPipe[2] = {-1, -1};

void onSignal(int) {
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(signalPipe[1], &c, 1);
}

// SIGINT/SIGTERM end the event loop normally, so the state file is written on the way out.
void quitOnSignals(QCoreApplication &app) {
    if (::pipe(signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
}
#endif

int fail(const QString &message) {
    std::fprintf(stderr, "tagdesk-sandbox: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tagdesk-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TAGDESK_VERSION));

    auto options = parseSandboxArguments(QCoreApplication::arguments());
    if (!options)
        return fail(options.error().message);

    Catalog catalog;
    if (options->catalogPath.isEmpty()) {
        catalog = demoCatalog();
    } else {
        auto loaded = loadCatalogFile(options->catalogPath);
        if (!loaded)
            return fail(loaded.error().message);
        catalog = std::move(loaded).value();
    }
    if (options->products > 0)
        growCatalog(catalog, options->products);

    SandboxServer server(options->config, std::move(catalog));
    const auto port = server.start();
    if (!port)
        return fail(port.error().message);
    std::printf("listening on http://127.0.0.1:%u\n", unsigned(*port));
    std::fflush(stdout);
#ifdef Q_OS_UNIX
    quitOnSignals(app);
#endif
    return app.exec();
}

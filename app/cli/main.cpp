#include "cli.h"
#include "common/preferencesloader.h"

#include "util/appinfo.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    tagdesk::applyApplicationIdentity();
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int code =
        tagdesk::cli::run(app.arguments().mid(1), tagdesk::preferencesloader::load(), out, err);
    out.flush();
    err.flush();
    return code;
}

// P7's baseline: the least a Qt Widgets program does to show a window — a QApplication and
// an empty QMainWindow, ending at its first paint as Tagdesk does under bench_startup.
//
// With --list, the window shows what a job list is at the least instead: a QTreeWidget of
// twelve rows under a header. bench_startup reports it beside the figure, because the empty
// window draws no text before its first paint, and the first text a program draws is when
// fontconfig reads its whole configuration (FcInit: 27 M of the 60 M instructions a window
// with one label spends before its first paint, callgrind on Debian 12).
#include "firstpaintprobe.h"

#include <QApplication>
#include <QMainWindow>
#include <QTreeWidget>

int main(int argc, char **argv) {
    QApplication app(argc, argv);
    QMainWindow window;
    window.resize(1280, 800);
    if (QApplication::arguments().contains(QStringLiteral("--list"))) {
        auto *list = new QTreeWidget;
        list->setHeaderLabels({QStringLiteral("Name"), QStringLiteral("Status"),
                               QStringLiteral("Products"), QStringLiteral("Updated")});
        for (int row = 1; row <= 12; ++row)
            list->addTopLevelItem(new QTreeWidgetItem(
                {QStringLiteral("Summer catalogue %1").arg(row), QStringLiteral("Review"),
                 QStringLiteral("1,000"), QStringLiteral("2026-12-04")}));
        window.setCentralWidget(list);
    }
    if (tagdesk::FirstPaintProbe::wanted())
        new tagdesk::FirstPaintProbe(window);
    window.show();
    return QApplication::exec();
}

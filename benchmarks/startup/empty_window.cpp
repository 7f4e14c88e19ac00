// P7's baseline: the least a Qt Widgets program does to show a window — a QApplication and
// an empty QMainWindow, ending at its first paint as Tagdesk does under bench_startup.
#include "firstpaintprobe.h"

#include <QApplication>
#include <QMainWindow>

int main(int argc, char **argv) {
    QApplication app(argc, argv);
    QMainWindow window;
    window.resize(1280, 800);
    if (tagdesk::FirstPaintProbe::wanted())
        new tagdesk::FirstPaintProbe(window);
    window.show();
    return QApplication::exec();
}

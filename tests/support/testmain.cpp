// main() for the core test executables: GoogleTest first, then a QCoreApplication so
// that event loops, QSignalSpy waits and the SQL driver plugins work.
#include <gtest/gtest.h>

#include <QCoreApplication>

int main(int argc, char **argv) {
    ::testing::InitGoogleTest(&argc, argv);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("TagdeskTests"));
    return RUN_ALL_TESTS();
}

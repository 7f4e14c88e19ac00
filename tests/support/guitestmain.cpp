// main() for widget tests: GoogleTest first; when only listing tests (test discovery at
// build time) no QApplication is made, so no display is needed. Without DISPLAY the
// offscreen platform is used.
#include <gtest/gtest.h>

#include <QApplication>

int main(int argc, char **argv) {
    ::testing::InitGoogleTest(&argc, argv);
    if (::testing::GTEST_FLAG(list_tests))
        return RUN_ALL_TESTS();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("TagdeskUiTests"));
    return RUN_ALL_TESTS();
}

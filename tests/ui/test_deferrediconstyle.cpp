// The style Tagdesk runs under: the platform's (here Fusion), with standard icons read
// when first painted. What they paint, and what the widgets that ask for them early do
// with them, must be what the style alone gives.
#include "deferrediconstyle.h"

#include <gtest/gtest.h>

#include <QLineEdit>
#include <QStyleFactory>
#include <QStyleOption>
#include <QTest>
#include <QToolButton>

#include <memory>

using tagdesk::ui::DeferredIconStyle;

namespace {

const QStyle::StandardPixmap asked[] = {QStyle::SP_LineEditClearButton,
                                        QStyle::SP_ToolBarHorizontalExtensionButton,
                                        QStyle::SP_ToolBarVerticalExtensionButton,
                                        QStyle::SP_MessageBoxWarning,
                                        QStyle::SP_ArrowBack,
                                        QStyle::SP_TitleBarMenuButton};

} // namespace

TEST(DeferredIconStyle, EachStandardIconPaintsWhatTheStyleAloneGives) {
    DeferredIconStyle deferred(QStringLiteral("Fusion"));
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    ASSERT_TRUE(fusion);
    for (const QStyle::StandardPixmap pixmap : asked) {
        SCOPED_TRACE(int(pixmap));
        const QIcon late = deferred.standardIcon(pixmap);
        const QIcon now = fusion->standardIcon(pixmap);
        ASSERT_EQ(late.isNull(), now.isNull());
        EXPECT_EQ(late.availableSizes(), now.availableSizes());
        for (const int side : {16, 24, 32}) {
            const QSize size(side, side);
            EXPECT_EQ(late.actualSize(size), now.actualSize(size));
            EXPECT_EQ(late.pixmap(size).toImage(), now.pixmap(size).toImage()) << side;
            EXPECT_EQ(late.pixmap(size, QIcon::Disabled).toImage(),
                      now.pixmap(size, QIcon::Disabled).toImage())
                << side;
            EXPECT_EQ(late.pixmap(size, 2.0).toImage(), now.pixmap(size, 2.0).toImage()) << side;
        }
        const QIcon copy = late; // a copy shares the icon read, and paints the same
        EXPECT_EQ(copy.pixmap(QSize(16, 16)).toImage(), now.pixmap(QSize(16, 16)).toImage());
    }
}

// An icon asked for with an option (a menu bar asks with its own) is read with what the
// option said then, though the option is gone when the icon is painted.
TEST(DeferredIconStyle, AnIconAskedForWithAnOptionIsReadWithThatOption) {
    DeferredIconStyle deferred(QStringLiteral("Fusion"));
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    QIcon late;
    {
        QStyleOption rightToLeft;
        rightToLeft.direction = Qt::RightToLeft;
        late = deferred.standardIcon(QStyle::SP_ArrowBack, &rightToLeft);
    }
    QStyleOption rightToLeft;
    rightToLeft.direction = Qt::RightToLeft;
    const QImage expected =
        fusion->standardIcon(QStyle::SP_ArrowBack, &rightToLeft).pixmap(QSize(16, 16)).toImage();
    EXPECT_EQ(late.pixmap(QSize(16, 16)).toImage(), expected);
    EXPECT_NE(fusion->standardIcon(QStyle::SP_ArrowBack).pixmap(QSize(16, 16)).toImage(), expected)
        << "left to right, the arrow points the other way";
}

// A line edit asks for its clear button's icon when the button is enabled, and shows the
// button only once there is text: typed, the button is there, and clears the text.
TEST(DeferredIconStyle, ALineEditsClearButtonShowsWithTextAndClearsIt) {
    DeferredIconStyle deferred(QStringLiteral("Fusion"));
    QLineEdit edit;
    edit.setStyle(&deferred);
    edit.setClearButtonEnabled(true);
    edit.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&edit));
    QTest::keyClicks(&edit, QStringLiteral("summer"));
    auto *clear = edit.findChild<QToolButton *>();
    ASSERT_NE(clear, nullptr);
    ASSERT_TRUE(QTest::qWaitFor([&] { return clear->isVisible(); }));
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    EXPECT_EQ(clear->icon().pixmap(QSize(16, 16)).toImage(),
              fusion->standardIcon(QStyle::SP_LineEditClearButton).pixmap(QSize(16, 16)).toImage());
    QTest::mouseClick(clear, Qt::LeftButton);
    EXPECT_EQ(edit.text(), QString());
}

#include "deferrediconstyle.h"

#include <QApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPointer>
#include <QStyleOption>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

namespace tagdesk::ui {

namespace {

// An icon that reads its real icon the first time anything needs its pixels, sizes or
// name, and hands every question on to it. Copies share what was read.
class DeferredIconEngine : public QIconEngine {
public:
    explicit DeferredIconEngine(std::function<QIcon()> read)
        : m_state(std::make_shared<State>(State{std::move(read), std::nullopt})) {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode,
               QIcon::State state) override {
        icon().paint(painter, rect, Qt::AlignCenter, mode, state);
    }
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override {
        return icon().actualSize(size, mode, state);
    }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override {
        return icon().pixmap(size, mode, state);
    }
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override {
        return icon().availableSizes(mode, state);
    }
    QString iconName() override { return icon().name(); }
    bool isNull() override { return icon().isNull(); }
    QString key() const override { return QStringLiteral("tagdesk-deferred"); }
    QIconEngine *clone() const override { return new DeferredIconEngine(*this); }

private:
    struct State {
        std::function<QIcon()> read;
        std::optional<QIcon> icon;
    };

    const QIcon &icon() {
        if (!m_state->icon)
            m_state->icon = m_state->read();
        return *m_state->icon;
    }

    std::shared_ptr<State> m_state;
};

} // namespace

DeferredIconStyle::DeferredIconStyle(const QString &key)
    : QProxyStyle(key) {
}

QIcon DeferredIconStyle::standardIcon(StandardPixmap standardIcon, const QStyleOption *option,
                                      const QWidget *widget) const {
    // What a standard icon depends on is in QStyleOption itself (the layout direction, the
    // palette), kept as it is now; the widget may be gone by the time the icon is painted,
    // and then the style answers without it, as for an icon asked for without a widget. An
    // icon that outlives this style (the application's style replaced) asks the
    // application's style.
    std::optional<QStyleOption> asked;
    if (option)
        asked = *option;
    // (QPointer takes no pointer to const; neither is changed through it.)
    return QIcon(new DeferredIconEngine([base = QPointer<QStyle>(const_cast<QStyle *>(baseStyle())),
                                         standardIcon, asked,
                                         asker = QPointer<QWidget>(const_cast<QWidget *>(widget))] {
        const QStyle *style = base ? base.data() : QApplication::style();
        return style->standardIcon(standardIcon, asked ? &*asked : nullptr, asker.data());
    }));
}

} // namespace tagdesk::ui

#pragma once

#include <QProxyStyle>

namespace tagdesk::ui {

// The application's style, except that its standard icons are read when first painted
// rather than when asked for. Fusion (through QCommonStyle) reads some of them from PNG
// files, and the first PNG a process reads makes Qt load every image format plugin to ask
// whether one of them reads it: 14 M instructions, a tenth of Tagdesk's start before its
// first paint (callgrind; BENCHMARKS.md, P7). The widgets that ask for them while the
// window is built show them later, if ever: the menu bar's extension arrow only when the
// menus do not fit, a line edit's clear button only when there is text to clear.
class DeferredIconStyle : public QProxyStyle {
public:
    // Over the style named `key` (QStyleFactory's names, e.g. QStyle::name()).
    explicit DeferredIconStyle(const QString &key);

    QIcon standardIcon(StandardPixmap standardIcon, const QStyleOption *option = nullptr,
                       const QWidget *widget = nullptr) const override;
};

} // namespace tagdesk::ui

#include "jobview/confidencechart.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace tagdesk::ui {

ConfidenceChart::ConfidenceChart(QWidget *parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("confidenceChart"));
    setAccessibleName(tr("Confidence distribution"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    updateAccessibleDescription();
}

void ConfidenceChart::setOverview(const ConfidenceOverview &overview) {
    m_overview = overview;
    updateAccessibleDescription();
    update();
}

void ConfidenceChart::setThreshold(double threshold) {
    m_threshold = threshold;
    update();
}

QSize ConfidenceChart::sizeHint() const {
    return {fontMetrics().averageCharWidth() * 36, fontMetrics().height() * 7};
}

QSize ConfidenceChart::minimumSizeHint() const {
    return {fontMetrics().averageCharWidth() * 24, fontMetrics().height() * 7};
}

void ConfidenceChart::updateAccessibleDescription() {
    QStringList parts;
    for (int i = 0; i < 10; ++i)
        parts << tr("%1–%2%: %3")
                     .arg(i * 10)
                     .arg(i * 10 + 10)
                     .arg(QLocale().toString(m_overview.suggestionBins[size_t(i)]));
    setAccessibleDescription(parts.join(QStringLiteral("; ")));
    setToolTip(tr("Suggestions by confidence\n%1").arg(parts.join(QLatin1Char('\n'))));
}

void ConfidenceChart::paintEvent(QPaintEvent *) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm = fontMetrics();
    const QRectF area = QRectF(rect()).adjusted(4, 4, -4, -(fm.height() + 6));
    const QPalette &pal = palette();

    qint64 highest = 0;
    for (qint64 bin : m_overview.suggestionBins)
        highest = std::max(highest, bin);

    p.setPen(QPen(pal.color(QPalette::Mid), 1));
    p.drawLine(area.bottomLeft(), area.bottomRight());
    if (highest == 0) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(area, Qt::AlignCenter, tr("No suggestions yet"));
        return;
    }

    const double slot = area.width() / 10.0;
    const QColor sure = pal.color(QPalette::Highlight);
    QColor unsure = sure;
    unsure.setAlphaF(0.35);
    for (int i = 0; i < 10; ++i) {
        const double h = area.height() * double(m_overview.suggestionBins[size_t(i)]) / highest;
        const QRectF bar(area.left() + i * slot + 2, area.bottom() - h, slot - 4, h);
        p.setPen(Qt::NoPen);
        p.setBrush((i + 1) * 0.1 > m_threshold + 1e-9 ? sure : unsure);
        QPainterPath path;
        path.addRoundedRect(bar, 2, 2);
        p.drawPath(path);
    }

    // The threshold, and the axis labels 0, 50 and 100 %.
    const double x = area.left() + area.width() * std::clamp(m_threshold, 0.0, 1.0);
    p.setPen(QPen(pal.color(QPalette::Text), 1.5, Qt::DashLine));
    p.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
    p.setPen(pal.color(QPalette::Text));
    const double labelY = area.bottom() + 4;
    const QRectF labels(area.left(), labelY, area.width(), fm.height());
    p.drawText(labels, Qt::AlignLeft | Qt::AlignTop, QStringLiteral("0%"));
    p.drawText(labels, Qt::AlignHCenter | Qt::AlignTop, QStringLiteral("50%"));
    p.drawText(labels, Qt::AlignRight | Qt::AlignTop, QStringLiteral("100%"));
}

} // namespace tagdesk::ui

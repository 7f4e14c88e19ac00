#include "joblist/statusbadgedelegate.h"

#include "joblist/jobtablemodel.h"

#include <QPainter>

namespace tagdesk::ui {

QColor StatusBadgeDelegate::colourFor(JobStatus status) {
    switch (status) {
    case JobStatus::Created:
        return QColor(0x6b, 0x72, 0x80); // grey: nothing happened yet
    case JobStatus::Processing:
        return QColor(0x25, 0x63, 0xeb); // blue: working
    case JobStatus::Review:
        return QColor(0xb4, 0x53, 0x09); // amber: needs a person
    case JobStatus::ReadyToSync:
        return QColor(0x7c, 0x3a, 0xed); // violet: waiting to push
    case JobStatus::Complete:
        return QColor(0x15, 0x80, 0x3d); // green
    case JobStatus::CompleteWithErrors:
        return QColor(0xc2, 0x41, 0x0c); // orange-red
    case JobStatus::Error:
        return QColor(0xb9, 0x1c, 0x1c); // red
    }
    return Qt::gray;
}

int StatusBadgeDelegate::preferredWidth(const QFont &font) {
    const QFontMetrics fm(font);
    int widest = 0;
    for (auto s :
         {JobStatus::Created, JobStatus::Processing, JobStatus::Review, JobStatus::ReadyToSync,
          JobStatus::Complete, JobStatus::CompleteWithErrors, JobStatus::Error})
        widest = std::max(widest, fm.horizontalAdvance(jobStatusText(s)));
    return widest + 2 * (fm.height() / 2) + 20;
}

void StatusBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const {
    QStyleOptionViewItem opt;
    const QString text = paintWithoutText(painter, option, index, opt);

    const auto status = JobStatus(index.data(JobTableModel::StatusRole).toInt());
    const QColor colour = colourFor(status);
    const QFontMetrics fm(opt.font);
    const int padX = fm.height() / 2;
    const int height = fm.height() + 4;
    // A little slack: elision measures text slightly wider than horizontalAdvance.
    const int wanted = fm.horizontalAdvance(text) + 2 * padX + 4;
    QRect badge(opt.rect.left() + 4, opt.rect.center().y() - height / 2,
                std::min(wanted, opt.rect.width() - 8), height);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawRoundedRect(badge, height / 2.0, height / 2.0);
    painter->setPen(Qt::white);
    painter->setFont(opt.font);
    painter->drawText(badge.adjusted(padX, 0, -padX, 0), Qt::AlignCenter,
                      badge.width() < wanted
                          ? fm.elidedText(text, Qt::ElideRight, badge.width() - 2 * padX)
                          : text);
    painter->restore();
}

QSize StatusBadgeDelegate::sizeHint(const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(preferredWidth(option.font));
    size.setHeight(std::max(size.height(), QFontMetrics(option.font).height() + 10));
    return size;
}

} // namespace tagdesk::ui

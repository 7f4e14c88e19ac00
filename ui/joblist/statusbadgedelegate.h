#pragma once

#include "domain/jobstatus.h"
#include "joblist/selfdrawndelegate.h"

#include <QColor>

namespace tagdesk::ui {

// Paints a job status as a rounded badge: colour and text, so it reads at a glance and
// without colour alike.
class StatusBadgeDelegate : public SelfDrawnDelegate {
    Q_OBJECT
public:
    using SelfDrawnDelegate::SelfDrawnDelegate;

    static QColor colourFor(JobStatus status);
    // Wide enough for the longest status text in `font`, so no badge is ever elided.
    static int preferredWidth(const QFont &font);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace tagdesk::ui

#pragma once

#include "joblist/selfdrawndelegate.h"

namespace tagdesk::ui {

// Paints a running job's progress as a progress bar with its text ("Analysing: 40 of
// 120, about 30 s left"); busy when the total is not known yet; plain text otherwise.
class ProgressDelegate : public SelfDrawnDelegate {
    Q_OBJECT
public:
    ProgressDelegate(int progressRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    int m_progressRole;
};

} // namespace tagdesk::ui

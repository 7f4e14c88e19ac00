#pragma once

#include "domain/productlist.h"

#include <QWidget>

namespace tagdesk::ui {

// A small bar chart of how sure the tagger was across a job: how many suggestions fall
// in each tenth of confidence, with the "approve at or above" threshold marked.
class ConfidenceChart : public QWidget {
    Q_OBJECT
public:
    explicit ConfidenceChart(QWidget *parent = nullptr);

    void setOverview(const ConfidenceOverview &overview);
    void setThreshold(double threshold);
    const ConfidenceOverview &overview() const { return m_overview; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void updateAccessibleDescription();

    ConfidenceOverview m_overview;
    double m_threshold = 0.8;
};

} // namespace tagdesk::ui

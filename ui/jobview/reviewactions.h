#pragma once

#include "domain/preferences.h"
#include "pipeline/reviewservice.h"

#include <QObject>
#include <QStringList>

namespace tagdesk::ui {

// The job view's decisions: approve or reject chosen products, or approve every pending
// product whose suggestions are all at or above a confidence. Each goes through the
// ReviewService (the database writer thread); the answer arrives later as a signal, and
// nothing waits for it.
class ReviewActions : public QObject {
    Q_OBJECT
public:
    explicit ReviewActions(ReviewService &review, QObject *parent = nullptr);

    // With `destinations`, the products' values go there instead of the job's places.
    void approve(qint64 jobId, const QStringList &productIds,
                 std::optional<Destinations> destinations = std::nullopt);
    void reject(qint64 jobId, const QStringList &productIds);
    void approveAtOrAbove(qint64 jobId, double confidence);
    bool busy() const { return m_inFlight > 0; }

    // Who decides, for the review log (Preferences::reviewer).
    void setReviewer(QString reviewer) { m_reviewer = std::move(reviewer); }
    const QString &reviewer() const { return m_reviewer; }

signals:
    void busyChanged(bool busy);
    void decided(const QString &summary);
    void failed(const QString &message);

private:
    void track(QFuture<Result<int>> decision, std::function<QString(int)> describe);

    ReviewService &m_review;
    int m_inFlight = 0;
    QString m_reviewer = Preferences().reviewer;
};

} // namespace tagdesk::ui

#pragma once

#include "pipeline/jobreader.h"

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QSpinBox;
class QTabBar;
class QTableView;
class QToolButton;

namespace tagdesk {
class JobService;
class ReviewService;
} // namespace tagdesk

namespace tagdesk::ui {

class ConfidenceChart;
class SaveToDialog;
class ProductTableModel;
class ReviewActions;
class ThumbnailCache;

// One job: its products (thumbnail, title, review and sync state, suggestions, lowest
// confidence) filtered by review state, multi-selection with Approve / Reject selected,
// "Approve all at or above" with a live count, and the job's confidence chart.
class JobViewPanel : public QWidget {
    Q_OBJECT
public:
    JobViewPanel(JobReader reader, ReviewService &review, JobService &jobs, QString imageFolder,
                 QWidget *parent = nullptr);

    void openJob(const JobSummary &job);
    // Fresh facts about the open job (after the job list was read again).
    void setSummary(const JobSummary &job);
    qint64 jobId() const { return m_job.job.id; }
    ProductTableModel *model() const { return m_model; }
    // Who the decisions made here are recorded as (Preferences::reviewer).
    void setReviewer(const QString &reviewer);
    QTableView *view() const { return m_view; }
    const JobSummary &summary() const { return m_job; }
    // What the table lists: the review walks the same products in the same order.
    ProductListQuery query() const;

signals:
    void backRequested();
    // Review products one by one, from this one (Enter, double-click or Review).
    void reviewRequested(const QString &productId);
    // The job's pushes and reverts, or its conflicts with Shopify, in a window of their own.
    void historyRequested();
    void conflictsRequested();
    // The job's sync queue, in a window of its own.
    void syncRequested();
    // Decisions were saved: the job list's counts are out of date.
    void jobChanged(qint64 jobId);
    void message(const QString &text);
    void problem(const QString &text);

private:
    void buildLayout();
    void reloadOverview();
    void setFilter(int tab);
    void updateSelectionActions();
    void updateThresholdButton();
    // Where to save for the selection (Ctrl+A: the whole job), then approve it.
    void approveSelectedTo();
    // Where the whole job saves and how it writes, with the current product's before → after.
    void chooseJobWriting();
    // Reads `productId`'s review, then opens Where to save for it, as `prepare` sets it up.
    void openSaveTo(const QString &productId,
                    std::function<void(qint64 job, SaveToDialog *)> prepare);
    void showHeader();
    QStringList selectedProductIds(bool reviewableOnly) const;
    void afterDecision(const QString &summary);

    JobReader m_reader;
    JobSummary m_job;
    ThumbnailCache *m_thumbnails;
    ProductTableModel *m_model;
    ReviewActions *m_review;
    QToolButton *m_back;
    QLabel *m_title;
    QLabel *m_facts;
    QTabBar *m_filters;
    QTableView *m_view;
    QLabel *m_listMessage;
    QLabel *m_selection;
    QPushButton *m_approve;
    QPushButton *m_reject;
    QPushButton *m_approveTo;
    QPushButton *m_whereToSave;
    JobService &m_jobs;
    QPushButton *m_reviewButton;
    QPushButton *m_historyButton;
    QPushButton *m_conflictsButton;
    QPushButton *m_syncButton;
    ConfidenceChart *m_chart;
    QSpinBox *m_threshold;
    QPushButton *m_approveAbove;
    quint64 m_overviewGeneration = 0;
};

} // namespace tagdesk::ui

#pragma once

#include "domain/product.h"
#include "pipeline/jobreader.h"
#include "pipeline/workhost.h"

#include <QHash>
#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QModelIndex;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTableWidget;

namespace tagdesk::ui {

class PushHistoryModel;

// One job's pushes and reverts: when, which way, which product, who, and how it ended,
// with the focused write's before → after per field. Reverts of the selected products or
// of the whole job run on the work host, which checks each product for edits made in
// Shopify since the push before it writes anything.
class HistoryPanel : public QWidget {
    Q_OBJECT
public:
    // Asked before a revert: gives true to go on. A message box unless replaced (tests).
    using Confirmation = std::function<bool(const QString &title, const QString &question)>;

    HistoryPanel(JobReader reader, WorkHost &work, QWidget *parent = nullptr);

    void openJob(qint64 jobId);
    qint64 jobId() const { return m_jobId; }
    // Who reverts are recorded as in the push log (Preferences::reviewer).
    void setReviewer(const QString &reviewer) { m_reviewer = reviewer; }
    void setConfirmation(Confirmation confirm) { m_confirm = std::move(confirm); }

    PushHistoryModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QAction *revertSelectedAction() const { return m_revertSelected; }
    QAction *revertJobAction() const { return m_revertJob; }

public slots:
    // Reads the history (and the products' titles) again.
    void reload();
    void revertSelected();
    void revertJob();

signals:
    void message(const QString &text);
    void problem(const QString &text);
    // The history of the open job was read and is shown.
    void loaded();
    // A revert started here has finished (whatever its outcome).
    void reverted(qint64 jobId);

private:
    void buildLayout();
    void showHistory(const Result<QList<PushRecord>> &records);
    void showProducts(const Result<QList<JobProduct>> &products);
    void showDetails();
    void updateActions();
    // The products of the selected rows whose last write was a push.
    QStringList selectedProductIds() const;
    void startRevert(const QStringList &productIds, int count);
    void workFinished(qint64 jobId, const WorkResult &result);
    void reportRevert(const WorkResult &result);

    JobReader m_reader;
    WorkHost &m_work;
    PushHistoryModel *m_model;
    QSortFilterProxyModel *m_filtered;
    QLabel *m_heading;
    QLineEdit *m_filter;
    QTableView *m_view;
    QLabel *m_empty;
    QLabel *m_detailsSummary;
    QTableWidget *m_details;
    QPushButton *m_revertSelectedButton;
    QPushButton *m_revertJobButton;
    QAction *m_revertSelected;
    QAction *m_revertJob;
    QAction *m_find;
    Confirmation m_confirm;
    QString m_reviewer;
    qint64 m_jobId = 0;
    qint64 m_focusedRecord = 0;                  // kept in focus across a reload
    bool m_reverting = false;                    // a revert started here is running
    QHash<QString, ProductSnapshot> m_snapshots; // for "Alt text of image 2"
    quint64 m_historyGeneration = 0;             // answers for a job no longer shown are dropped
    quint64 m_detailGeneration = 0;
};

} // namespace tagdesk::ui

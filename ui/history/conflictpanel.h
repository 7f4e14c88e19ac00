#pragma once

#include "pipeline/jobreader.h"
#include "pipeline/workhost.h"

#include <QWidget>

class QAction;
class QLabel;
class QPushButton;
class QTableView;

namespace tagdesk::ui {

class ConflictFieldsModel;
class ConflictListModel;

// One job's open conflicts: products Shopify changed after Tagdesk read them, so nothing
// was written. The focused product shows, per field, its value when reviewed, in Shopify
// now and mine; a person keeps mine (the product is read again and queued for the next
// sync), keeps theirs (nothing is written; it counts as rejected), or keeps mine for the
// ticked fields only. The resolution runs on the work host.
class ConflictPanel : public QWidget {
    Q_OBJECT
public:
    ConflictPanel(JobReader reader, WorkHost &work, QWidget *parent = nullptr);

    void openJob(qint64 jobId);
    qint64 jobId() const { return m_jobId; }
    // Kept for symmetry with the other panels: a resolution records no name (the push that
    // follows records who pushed).
    void setReviewer(const QString &reviewer) { m_reviewer = reviewer; }
    const QString &reviewer() const { return m_reviewer; }

    ConflictListModel *model() const { return m_list; }
    ConflictFieldsModel *fieldsModel() const { return m_fields; }
    QTableView *view() const { return m_listView; }
    QTableView *fieldsView() const { return m_fieldsView; }
    QAction *keepMineAction() const { return m_keepMine; }
    QAction *keepTheirsAction() const { return m_keepTheirs; }
    QAction *keepTickedAction() const { return m_keepTicked; }

public slots:
    void reload();
    void keepMine();
    void keepTheirs();
    // Keep mine for the ticked fields of the focused product, Shopify's for the rest.
    void keepTicked();

signals:
    void message(const QString &text);
    void problem(const QString &text);
    void loaded();
    // A resolution started here has finished (whatever its outcome).
    void resolved(qint64 jobId);

private:
    void buildLayout();
    void showConflicts(qint64 jobId, quint64 generation, const Result<QList<Conflict>> &conflicts);
    void showFocused();
    void updateActions();
    QStringList selectedProductIds() const;
    void resolve(const QStringList &productIds, const ConflictChoice &choice);
    void workFinished(qint64 jobId, const WorkResult &result);

    JobReader m_reader;
    WorkHost &m_work;
    ConflictListModel *m_list;
    ConflictFieldsModel *m_fields;
    QLabel *m_heading;
    QTableView *m_listView;
    QLabel *m_focus;
    QTableView *m_fieldsView;
    QLabel *m_settleNote;
    QPushButton *m_keepMineButton;
    QPushButton *m_keepTheirsButton;
    QPushButton *m_keepTickedButton;
    QAction *m_keepMine;
    QAction *m_keepTheirs;
    QAction *m_keepTicked;
    QString m_reviewer;
    qint64 m_jobId = 0;
    QString m_focusedProduct;                        // kept in focus across a reload
    std::optional<ConflictChoice::Keep> m_resolving; // a resolution started here is running
    int m_resolvingCount = 0;
    quint64 m_generation = 0; // answers for a job no longer shown are dropped
};

} // namespace tagdesk::ui

#pragma once

#include "domain/decision.h"
#include "pipeline/jobreader.h"
#include "util/result.h"

#include <QFuture>
#include <QKeySequence>
#include <QWidget>

class QAction;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QTableView;
class QToolButton;

namespace tagdesk {
class ReviewService;
class WorkHost;
struct WorkResult;
} // namespace tagdesk

namespace tagdesk::ui {

class AttributeTableModel;
class FullImageCache;
class ImageViewer;
class ReviewQueue;
class ThumbnailCache;

// The review of one job, product by product: the photos large beside a table of what the
// store has and what the tagger suggests, the evidence for the focused suggestion, and the
// before → after a push would make. Every decision is one key and moves on (A approve,
// X reject, 1–9 pick an alternative, E edit, F flag, Ctrl+Z undo…; ? lists them all).
// Decisions go to the ReviewService at once; nothing waits for the database. Undoing a
// decision whose product is already in Shopify reverts that push first (on the work
// host, with the revert's conflict check), then takes the decision back.
class ReviewPanel : public QWidget {
    Q_OBJECT
public:
    ReviewPanel(JobReader reader, ReviewService &review, WorkHost &work, QString imageFolder,
                QWidget *parent = nullptr);

    // Reviews the products `query` lists (the job view's filter and order), starting at
    // `productId` if given.
    void openJob(const JobSummary &job, const ProductListQuery &query,
                 const QString &productId = {});
    qint64 jobId() const { return m_job.job.id; }
    void setReviewer(const QString &reviewer) { m_reviewer = reviewer; }

    ReviewQueue *queue() const { return m_queue; }
    AttributeTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    ImageViewer *images() const { return m_images; }
    // The review's keys, each a QAction named after what it does ("approveProduct"…).
    const QList<QAction *> &keyActions() const { return m_keyActions; }
    QAction *keyAction(const QString &name) const;
    // The first key of an action as a person reads it ("Shift+G"), empty if it has none.
    QString keyText(const QString &name) const;
    // Takes the keys as Settings › Keys saved them (after Settings were saved).
    void applySavedKeys();
    // Decisions sent and not yet stored.
    int decisionsInFlight() const { return m_inFlight; }
    // The text of the key sheet (? shows it in a dialog).
    QString keySheet() const;

signals:
    void backRequested();
    // Decisions were stored: the job list's and job view's counts are out of date.
    void jobChanged(qint64 jobId);
    // Every decision sent so far is stored (or failed).
    void decisionsSaved();
    void message(const QString &text);
    void problem(const QString &text);

private:
    void buildLayout();
    void createKeys();
    // The line of the commonest keys under the review, as they are set now.
    void showHint();
    QAction *addKey(const QString &name, const QString &text, const QList<QKeySequence> &keys,
                    std::function<void()> run);
    void showProduct(int position, const ProductReview &review);
    void showPosition(int position);
    void showEvidence();
    void showPreview(const ProductReview &review);
    void reorder(int choice);

    // The decisions.
    void approveProduct();
    void rejectProduct();
    // F: flag (or unflag) the product to come back to later.
    void flagProduct();
    // G: approve the product and those like it; Shift+G: approve it, reject them.
    void decideGroup(bool approveOthers);
    void loadGroup(const QString &productId);
    void showGroup();
    void chooseDestinations();
    void decideAttribute(AttributeDecision::Verdict verdict, const QString &value = {});
    // Stores a verdict on one row (shown at once, remembered for the strip and Ctrl+Z).
    void sendDecision(int row, AttributeDecision::Verdict verdict, const QString &value);
    void pickAlternative(int number);
    void editAttribute();
    void undo();
    void undoLast();
    void revertThenUndo(const QList<JobProduct> &pushed);
    void revertFinished(qint64 jobId, const WorkResult &result);
    void nextAttribute();
    // After a product's decision: the next product, or word that the list is done.
    void moveOn();
    void showKeySheet();
    bool canDecide();
    int focusedRow() const;
    // A decision for the strip and for Ctrl+Z, which takes back its `events` review events.
    void remember(const QString &productId, const QString &title, const QString &what,
                  int events = 1);
    // One decision on its way to the database: counted until stored, its product read
    // again after; a refusal is reported with `failure`. Answer: Status or Result<int>.
    template <typename Answer>
    void track(const QFuture<Answer> &saved, const QString &productId, const QString &failure);
    void stored(const QString &productId);

    JobReader m_reader;
    ReviewService &m_review;
    WorkHost &m_work;
    JobSummary m_job;
    QString m_reviewer;
    ThumbnailCache *m_thumbnails;
    FullImageCache *m_fullImages;
    ReviewQueue *m_queue;
    AttributeTableModel *m_model;
    QToolButton *m_back;
    QLabel *m_title;
    QLabel *m_position;
    QLabel *m_state;
    QComboBox *m_order;
    ImageViewer *m_images;
    QTableView *m_table;
    QLabel *m_evidence;
    QLabel *m_preview;
    QLabel *m_hint;
    QWidget *m_recent;
    QHBoxLayout *m_recentLayout;
    QList<QAction *> m_keyActions;
    int m_inFlight = 0;
    QString m_reverting; // the product whose push Ctrl+Z is reverting before its undo
    // The last decisions, newest last: what the strip shows and Ctrl+Z goes back to.
    struct Recent {
        QString productId;
        QString label;
        int events = 1; // review events the decision recorded (a group records several)
    };
    ProductGroup m_group; // the products like the current one, once read
    QString m_groupOf;    // which product m_group is about (empty while it is read)
    quint64 m_groupGeneration = 0;
    QLabel *m_groupLabel;
    QList<Recent> m_history;
};

} // namespace tagdesk::ui

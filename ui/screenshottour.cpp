#include "screenshottour.h"

#include "util/futures.h"

#include "dialogs/newjobdialog.h"
#include "joblist/jobactions.h"
#include "joblist/joblistpanel.h"
#include "joblist/jobtablemodel.h"
#include "joblist/syncactions.h"
#include "jobview/jobviewpanel.h"
#include "jobview/producttablemodel.h"
#include "mainwindow.h"
#include "pipeline/jobservice.h"
#include "review/attributetablemodel.h"
#include "review/imageviewer.h"
#include "review/reviewpanel.h"
#include "review/reviewqueue.h"
#include "review/savetodialog.h"
#include "settings/settingsdialog.h"
#include "sync/syncpanel.h"

#include <QAction>
#include <QApplication>
#include <QDeadlineTimer>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSet>
#include <QStyle>
#include <QTableView>
#include <QTimer>

namespace tagdesk::ui {

namespace {
// Long enough for a slow machine to run the demo job; the tour never hangs past it.
constexpr int patienceMs = 10 * 60 * 1000;

std::optional<JobSummary> jobNamed(MainWindow &window, const QString &name) {
    JobTableModel *model = window.jobList()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->jobAt(row)->job.name == name)
            return *model->jobAt(row);
    }
    return std::nullopt;
}
} // namespace

ScreenshotTour::ScreenshotTour(MainWindow &window, JobService &jobs, const QString &folder,
                               QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_jobs(jobs)
    , m_folder(folder) {
}

QPalette ScreenshotTour::darkPalette() {
    QPalette p;
    const QColor window(0x20, 0x22, 0x27), base(0x17, 0x19, 0x1d), text(0xe5, 0xe7, 0xeb);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x1f, 0x22, 0x28));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9c, 0xa3, 0xaf));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x2b, 0x2e, 0x35));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x3b, 0x82, 0xf6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x93, 0xc5, 0xfd));
    p.setColor(QPalette::Mid, QColor(0x4b, 0x55, 0x63));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x6b, 0x72, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x6b, 0x72, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x6b, 0x72, 0x80));
    return p;
}

void ScreenshotTour::start() {
    m_folder.mkpath(QStringLiteral("."));
    const QString demoName = tr("Summer collection");
    auto listed = std::make_shared<bool>(false);
    connect(m_window.jobList(), &JobListPanel::loaded, this, [listed] { *listed = true; });
    connect(m_window.jobList(), &JobListPanel::loadFailed, this,
            [this](const QString &message) { m_problems << message; });
    m_window.jobList()->reload(); // answers after the connection above, whatever came before
    then([this, listed, demoName](Next next) {
        waitFor([listed] { return *listed; }, tr("the job list"),
                [this, demoName, next] {
                    if (m_window.jobList()->model()->rowCount() == 0)
                        prepareDemoJob();
                    waitFor(
                        [this, demoName] {
                            if (m_preparing && m_demoJob == 0)
                                return false; // still being created
                            if (m_demoJob == 0)
                                return m_window.jobList()->model()->rowCount() > 0;
                            const auto job = jobNamed(m_window, demoName);
                            return job && job->status == JobStatus::Review &&
                                   !m_window.jobList()->model()->hasProgress(m_demoJob);
                        },
                        tr("the demo job to be analysed"), next);
                });
    });
    then([this](Next next) {
        if (m_demoJob == 0)
            return next();
        // Decide a few products, as a reviewer would, so the job shows every state.
        m_window.openJob(m_demoJob);
        QTableView *view = m_window.jobView()->view();
        waitFor(
            [view] { return view->model()->rowCount() >= 4; }, tr("the products"),
            [this, view, next] {
                view->selectionModel()->clearSelection();
                for (int row : {0, 1, 2})
                    view->selectionModel()->select(view->model()->index(row, 0),
                                                   QItemSelectionModel::Select |
                                                       QItemSelectionModel::Rows);
                m_window.jobView()
                    ->findChild<QPushButton *>(QStringLiteral("approveSelected"))
                    ->click();
                waitFor(
                    [view] {
                        return view->model()->index(0, ProductTableModel::Review).data() ==
                               reviewText(ReviewState::Approved);
                    },
                    tr("the approval"),
                    [this, view, next] {
                        view->selectionModel()->select(view->model()->index(3, 0),
                                                       QItemSelectionModel::ClearAndSelect |
                                                           QItemSelectionModel::Rows);
                        m_window.jobView()
                            ->findChild<QPushButton *>(QStringLiteral("rejectSelected"))
                            ->click();
                        waitFor(
                            [view] {
                                return view->model()->index(3, ProductTableModel::Review).data() ==
                                       reviewText(ReviewState::Rejected);
                            },
                            tr("the rejection"), next);
                    });
            });
    });
    then([this](Next next) {
        m_window.showJobList();
        m_window.jobList()->reload();
        QTimer::singleShot(600, this, [this, next] {
            shoot(&m_window, QStringLiteral("jobs"));
            next();
        });
    });
    then([this, demoName](Next next) {
        const auto job = jobNamed(m_window, demoName);
        const qint64 id = job ? job->job.id : m_window.jobList()->model()->jobAt(0)->job.id;
        m_window.jobList()->selectJob(id);
        m_window.openJob(id);
        QTableView *view = m_window.jobView()->view();
        view->selectRow(4);
        view->selectionModel()->select(view->model()->index(5, 0),
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
        // Thumbnails decode on the thread pool: give them a moment.
        QTimer::singleShot(1500, this, [this, next] {
            shoot(&m_window, QStringLiteral("job"));
            next();
        });
    });
    then([this](Next next) {
        // The review of a product still waiting for a decision, its photo decoded.
        ReviewPanel *review = m_window.reviewPanel();
        const ProductRow *row = m_window.jobView()->model()->rowAt(4);
        m_window.openReview(row ? row->productId : QString());
        waitFor(
            [review] {
                return review->queue()->current() &&
                       !review->images()->canvas()->image().isNull() &&
                       review->model()->rowCount() > 0;
            },
            tr("the review of a product"),
            [this, next] {
                // Focus the second suggestion, so its evidence shows beside the first.
                ReviewPanel *review = m_window.reviewPanel();
                if (review->model()->rowCount() > 1)
                    review->table()->setCurrentIndex(
                        review->model()->index(1, AttributeTableModel::Suggestion));
                QTimer::singleShot(300, this, [this, next] {
                    shoot(&m_window, QStringLiteral("review"));
                    next();
                });
            });
    });
    then([this](Next next) {
        // Where to save (D in the review), with its before → after.
        m_window.reviewPanel()->keyAction(QStringLiteral("saveTo"))->trigger();
        auto *dialog = m_window.reviewPanel()->findChild<SaveToDialog *>();
        if (!dialog) {
            m_problems << tr("D opened no Where to save window");
            m_window.showJobList();
            return next();
        }
        QTimer::singleShot(300, this, [this, dialog, next] {
            shoot(dialog, QStringLiteral("save"));
            dialog->reject();
            m_window.showJobList();
            next();
        });
    });
    then([this, demoName](Next next) {
        // The sync queue with the demo job's approved products, then Sync now from it.
        const auto job = jobNamed(m_window, demoName);
        if (!job)
            return next();
        const qint64 id = job->job.id;
        m_window.jobList()->selectJob(id);
        m_window.openJob(id);
        QDialog *window = m_window.showSync();
        auto *panel = window->findChild<SyncPanel *>();
        waitFor(
            [panel] {
                return panel->model()->rowCount() > 0 && panel->syncNowAction()->isEnabled();
            },
            tr("the sync queue"),
            [this, window, panel, id, next] {
                QTimer::singleShot(300, this, [this, window, panel, id, next] {
                    shoot(window, QStringLiteral("sync"));
                    panel->syncNowAction()->trigger();
                    waitFor([this, id] { return !m_window.workHost()->isBusy(id); }, tr("the sync"),
                            [window, next] {
                                window->close();
                                next();
                            });
                });
            });
    });
    then([this, demoName](Next next) {
        // The job's history once its approved products are synced to the demo store.
        const auto job = jobNamed(m_window, demoName);
        if (!job)
            return next();
        m_window.openJob(job->job.id);
        QDialog *history = m_window.showHistory();
        auto *table = history->findChild<QTableView *>(QStringLiteral("historyTable"));
        waitFor([table] { return table && table->model()->rowCount() > 0; }, tr("the history"),
                [this, history, table, next] {
                    if (table)
                        table->selectRow(0);
                    QTimer::singleShot(300, this, [this, history, next] {
                        shoot(history, QStringLiteral("history"));
                        history->close();
                        next();
                    });
                });
    });
    then([this, demoName](Next next) {
        // A conflict: a product is approved, a merchant edits it in the store, the sync
        // finds the change and writes nothing.
        const auto job = jobNamed(m_window, demoName);
        if (!job || !m_editInStore)
            return next();
        const qint64 id = job->job.id;
        ProductTableModel *products = m_window.jobView()->model();
        int pending = -1;
        for (int row = 0; row < products->rowCount() && pending < 0; ++row) {
            if (ReviewState(products->index(row, 0).data(ProductTableModel::ReviewRole).toInt()) ==
                ReviewState::Pending)
                pending = row;
        }
        if (pending < 0) {
            m_problems << tr("No product waits for review: no conflict to show");
            return next();
        }
        const QString productId = products->rowAt(pending)->productId;
        const QString name = job->job.name;
        m_window.jobView()->view()->selectRow(pending);
        m_window.jobView()->findChild<QPushButton *>(QStringLiteral("approveSelected"))->click();
        waitFor(
            [this, id] {
                return m_window.jobList()->currentJob() &&
                       m_window.jobList()->currentJob()->tally.waitingToSync > 0;
            },
            tr("the approval"),
            [this, id, name, productId, next] {
                if (const Status edited = m_editInStore(productId); !edited) {
                    m_problems << edited.error().message;
                    return next();
                }
                (void)m_window.syncActions()->syncJob(id, name);
                waitFor([this, id] { return !m_window.workHost()->isBusy(id); }, tr("the sync"),
                        [this, id, next] {
                            m_window.openJob(id);
                            QDialog *window = m_window.showConflicts();
                            auto *table =
                                window->findChild<QTableView *>(QStringLiteral("conflictTable"));
                            waitFor([table] { return table && table->model()->rowCount() > 0; },
                                    tr("the conflict"),
                                    [this, window, table, next] {
                                        table->selectRow(0);
                                        QTimer::singleShot(300, this, [this, window, next] {
                                            shoot(window, QStringLiteral("conflict"));
                                            window->close();
                                            m_window.showJobList();
                                            next();
                                        });
                                    });
                        });
            });
    });
    then([this](Next next) {
        NewJobDialog *dialog = m_window.showNewJobDialog();
        m_dialog = dialog;
        dialog->findChild<QLineEdit *>(QStringLiteral("jobName"))->setText(tr("Autumn knitwear"));
        auto *count = dialog->findChild<QLabel *>(QStringLiteral("productCount"));
        waitFor(
            [count] { return count->text().contains(QRegularExpression(QStringLiteral("\\d"))); },
            tr("the product count"),
            [this, next] {
                shoot(m_dialog, QStringLiteral("wizard"));
                m_dialog->close();
                next();
            });
    });
    then([this](Next next) {
        SettingsDialog *dialog = m_window.showSettingsDialog();
        m_dialog = dialog;
        dialog->findChild<QPushButton *>(QStringLiteral("testConnection"))->click();
        auto *result = dialog->findChild<QLabel *>(QStringLiteral("testResult"));
        waitFor(
            [result] {
                return result->text().contains(QStringLiteral("write")) ||
                       result->text().contains(QStringLiteral("✘"));
            },
            tr("the connection test"),
            [this, next] {
                shoot(m_dialog, QStringLiteral("settings"));
                m_dialog->close();
                next();
            });
    });
    then([this](Next) {
        // The conflict needs an edit in the store; NAME, NAME@2x and NAME-dark each.
        const int screens = m_editInStore ? 9 : 8, variants = 3;
        if (m_written.size() != screens * variants)
            m_problems << tr("Wrote %1 screenshots instead of %2")
                              .arg(m_written.size())
                              .arg(screens * variants);
        emit finished();
    });
    runNext();
}

void ScreenshotTour::runNext() {
    if (m_steps.empty())
        return;
    Step step = std::move(m_steps.front());
    m_steps.pop_front();
    step([this] { QTimer::singleShot(0, this, &ScreenshotTour::runNext); });
}

void ScreenshotTour::waitFor(std::function<bool()> ready, const QString &what, Next next) {
    auto deadline = std::make_shared<QDeadlineTimer>(patienceMs);
    auto timer = new QTimer(this);
    timer->setInterval(100);
    connect(timer, &QTimer::timeout, this, [this, timer, ready, what, next, deadline] {
        if (!ready() && !deadline->hasExpired())
            return;
        if (!ready())
            m_problems << tr("Gave up waiting for %1").arg(what);
        timer->deleteLater();
        next();
    });
    timer->start();
}

void ScreenshotTour::prepareDemoJob() {
    m_preparing = true;
    NewJob summer;
    summer.name = tr("Summer collection");
    summer.tagger = TaggerKind::Local;
    // The category too, so the tour shows a Shopify category beside the store's.
    summer.destinations = defaultDestinations() | Destination::Category;
    NewJob dresses;
    dresses.name = tr("Dresses for the autumn catalogue");
    dresses.selection = ProductSelection::fromQuery(QStringLiteral("product_type:Dress")).value();
    dresses.tagger = TaggerKind::OpenAi;
    dresses.imagesPerProduct = 2;
    m_jobs.create(dresses);
    whenFinished(this, m_jobs.create(summer), [this](const Result<Job> &job) {
        if (!job) {
            m_problems << job.error().message;
            return;
        }
        m_demoJob = job->id;
        m_window.jobActions()->jobCreated(job.value(), true);
    });
}

void ScreenshotTour::shoot(QWidget *widget, const QString &name) {
    const auto grabAt = [widget](qreal ratio) {
        QImage image(widget->size() * ratio, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(ratio);
        image.fill(widget->palette().color(QPalette::Window));
        widget->render(&image);
        return image;
    };
    save(grabAt(1), name + QStringLiteral(".png"));
    save(grabAt(2), name + QStringLiteral("@2x.png"));
    const QPalette light = QApplication::palette();
    QApplication::setPalette(darkPalette());
    QApplication::processEvents();
    save(grabAt(1), name + QStringLiteral("-dark.png"));
    QApplication::setPalette(light);
    QApplication::processEvents();
}

namespace {
// A picture of a screen has text, lines and controls: many colours. A blank or unpainted
// one has a few at most.
bool looksBlank(const QImage &image) {
    QSet<QRgb> colours;
    for (int y = 0; y < image.height() && colours.size() < 16; y += 7) {
        for (int x = 0; x < image.width() && colours.size() < 16; x += 7)
            colours.insert(image.pixel(x, y));
    }
    return colours.size() < 16;
}
} // namespace

void ScreenshotTour::save(const QImage &image, const QString &file) {
    const QString path = m_folder.filePath(file);
    if (image.width() < 300 || image.height() < 200 || looksBlank(image)) {
        m_problems << tr("%1 is not a picture of the screen (%2×%3, next to no colours)")
                          .arg(file)
                          .arg(image.width())
                          .arg(image.height());
        return;
    }
    if (image.save(path))
        m_written << path;
    else
        m_problems << tr("Could not write %1").arg(path);
}

} // namespace tagdesk::ui

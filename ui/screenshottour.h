#pragma once

#include <QDir>
#include <QObject>
#include <QPalette>
#include <QStringList>

#include "util/result.h"

#include <deque>
#include <functional>

class QWidget;

namespace tagdesk {
class JobService;
}

namespace tagdesk::ui {

class MainWindow;

// `tagdesk --demo --screenshot DIR`: walks through the main screens as a user would —
// the job list, a job in review, the review of one product, Where to save, the sync queue,
// the job's history once its approved products are synced, a conflict with an edit made in
// the store meanwhile, the New job dialog, Settings — and
// saves each as NAME.png, NAME@2x.png (rendered at twice the pixel density) and
// NAME-dark.png (in a dark palette), each checked to be a real picture (not blank). On an empty
// database it first creates a demo job and runs it, so the screens show real data. Nothing waits by
// blocking: each step starts when the window shows what it needs.
class ScreenshotTour : public QObject {
    Q_OBJECT
public:
    ScreenshotTour(MainWindow &window, JobService &jobs, const QString &folder,
                   QObject *parent = nullptr);

    void start();
    // How the tour makes a change in the store after Tagdesk read a product, as a merchant
    // would (the demo store), to show a conflict; without it there is no conflict screen.
    void setStoreEditor(std::function<Status(const QString &productId)> edit) {
        m_editInStore = std::move(edit);
    }
    // The files written so far, and what went wrong (empty if nothing).
    const QStringList &written() const { return m_written; }
    const QStringList &problems() const { return m_problems; }

    static QPalette darkPalette();

signals:
    void finished();

private:
    using Next = std::function<void()>;
    using Step = std::function<void(Next)>;

    void then(Step step) { m_steps.push_back(std::move(step)); }
    void runNext();
    // Calls `next` once `ready` holds (checked every 100 ms), or notes a problem after a
    // long while and calls it anyway, so the tour always ends.
    void waitFor(std::function<bool()> ready, const QString &what, Next next);
    void prepareDemoJob();
    void shoot(QWidget *widget, const QString &name);
    void save(const QImage &image, const QString &file);

    MainWindow &m_window;
    JobService &m_jobs;
    QDir m_folder;
    std::deque<Step> m_steps;
    QStringList m_written;
    QStringList m_problems;
    qint64 m_demoJob = 0;
    bool m_preparing = false;
    QWidget *m_dialog = nullptr;
    std::function<Status(const QString &)> m_editInStore;
};

} // namespace tagdesk::ui

#include "joblist/syncactions.h"

#include "icons.h"
#include "joblist/joblistpanel.h"
#include "joblist/jobtablemodel.h"
#include "jobview/reviewactions.h"
#include "pipeline/csvexport.h"
#include "settings/accountsettings.h"
#include "storage/jobrepository.h"
#include "storage/schema.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>
#include <QWidget>

namespace tagdesk::ui {

SyncActions::SyncActions(JobListPanel &panel, ShopSession &shop, DatabaseWriter &writer,
                         DatabaseConfig database, QWidget *window)
    : QObject(window)
    , m_panel(panel)
    , m_shop(shop)
    , m_writer(writer)
    , m_database(std::move(database))
    , m_window(window)
    , m_sync(new QAction(appIcon("sync"), tr("&Sync now"), window))
    , m_export(new QAction(appIcon("export"), tr("&Export CSV…"), window)) {
    m_sync->setObjectName(QStringLiteral("syncAction"));
    m_sync->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_sync->setToolTip(tr("Push the job's approved products to Shopify, checking each for "
                          "changes made there first"));
    m_export->setObjectName(QStringLiteral("exportAction"));
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_export->setToolTip(tr("Write the job as a spreadsheet (Shopify's product CSV columns)"));
    for (QAction *a : {m_sync, m_export}) {
        a->setShortcutContext(Qt::WindowShortcut);
        window->addAction(a);
    }
    m_choosePath = [this](const QString &suggested) {
        return QFileDialog::getSaveFileName(m_window, tr("Export job as CSV"), suggested,
                                            tr("CSV files (*.csv)"));
    };
    connect(m_sync, &QAction::triggered, this, &SyncActions::syncCurrent);
    connect(m_export, &QAction::triggered, this, &SyncActions::exportCurrent);
    connect(&m_panel, &JobListPanel::currentJobChanged, this, &SyncActions::updateActions);
    connect(&m_panel, &JobListPanel::loaded, this, &SyncActions::updateActions);
    updateActions();
}

SyncActions::~SyncActions() = default;

void SyncActions::updateActions() {
    const auto job = m_panel.currentJob();
    const bool busy = m_runner || m_connecting;
    m_sync->setEnabled(job && !busy && job->tally.waitingToSync > 0);
    m_export->setEnabled(job.has_value());
}

void SyncActions::syncCurrent() {
    const auto job = m_panel.currentJob();
    if (!job || m_runner || m_connecting)
        return;
    const qint64 jobId = job->job.id;
    const QString name = job->job.name;
    m_connecting = true;
    updateActions();
    m_panel.model()->setProgress(jobId, {JobProgress::Phase::Starting});
    m_shop.client().then(this, [this, jobId, name](const Result<ShopifyClient *> &client) {
        m_connecting = false;
        if (!client) {
            m_panel.model()->clearProgress(jobId);
            updateActions();
            return emit problem(tr("“%1” was not synced: %2").arg(name, client.error().message));
        }
        startSync(jobId, name, client.value());
    });
}

void SyncActions::startSync(qint64 jobId, const QString &name, ShopifyClient *client) {
    m_syncingJob = jobId;
    SyncServices services{&m_writer, client, ReviewActions::reviewer()};
    services.bulkThreshold = accountsettings::bulkPushMin();
    m_runner = std::make_unique<SyncRunner>(services, jobId, SyncRunner::Mode::Push);
    connect(m_runner.get(), &SyncRunner::progress, this, [this, jobId](qint64 done, qint64 total) {
        JobProgress p;
        p.phase = JobProgress::Phase::Pushing;
        p.done = done;
        p.total = total;
        m_panel.model()->setProgress(jobId, p);
    });
    connect(m_runner.get(), &SyncRunner::finished, this,
            [this, jobId, name](const Result<SyncReport> &report) {
                m_panel.model()->clearProgress(jobId);
                // Not deleted inside its own signal.
                m_runner.release()->deleteLater();
                m_syncingJob = 0;
                if (!report) {
                    emit problem(tr("“%1” stopped syncing: %2").arg(name, report.error().message));
                } else if (report->stoppedBy) {
                    emit problem(tr("“%1”: %2 pushed; %3 wait for the next sync (%4)")
                                     .arg(name)
                                     .arg(report->written)
                                     .arg(report->waiting)
                                     .arg(report->stoppedBy->message));
                } else if (!report->clean()) {
                    emit problem(tr("“%1”: %2 pushed, %3 in conflict, %4 failed.\n\n%5")
                                     .arg(name)
                                     .arg(report->written)
                                     .arg(report->conflicts)
                                     .arg(report->failed)
                                     .arg(report->problems.mid(0, 10).join(QLatin1Char('\n'))));
                } else {
                    emit message(tr("“%1”: %n product(s) pushed to Shopify", nullptr,
                                    report->written + report->unchanged)
                                     .arg(name));
                }
                emit synced(jobId);
                m_panel.reload();
                updateActions();
            });
    m_runner->start();
}

void SyncActions::exportCurrent() {
    const auto job = m_panel.currentJob();
    if (!job)
        return;
    QString suggested = job->job.name;
    suggested.replace(QRegularExpression(QStringLiteral("[^\\w\\- ]+")), QStringLiteral("_"));
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = m_choosePath(QDir(folder).filePath(suggested + QStringLiteral(".csv")));
    if (path.isEmpty())
        return;
    const qint64 jobId = job->job.id;
    const DatabaseConfig database = m_database;
    QtConcurrent::run([database, jobId, path]() -> Result<int> {
        auto conn = openDatabase(database);
        if (!conn)
            return conn.error();
        auto found = JobRepository(*conn.value()).find(jobId);
        if (!found)
            return found.error();
        return csvexport::writeFile(*conn.value(), found.value(), path);
    }).then(this, [this, path](const Result<int> &rows) {
        if (!rows)
            return emit problem(tr("The export failed: %1").arg(rows.error().message));
        emit message(tr("Wrote %n product(s) to %1", nullptr, rows.value())
                         .arg(QDir::toNativeSeparators(path)));
        emit exported(path);
    });
}

} // namespace tagdesk::ui

#include "pipeline/syncrecorder.h"

#include "storage/jobproductrepository.h"
#include "storage/pushlogrepository.h"
#include "sync/productfields.h"

#include <QCoreApplication>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(SyncRunner)
};

ProductProgress withSync(const ProductChange &change, SyncState state) {
    return {change.product.progress.stage, change.product.progress.review, state};
}
} // namespace

QString describeFields(const QStringList &keys, const ProductSnapshot *product) {
    QStringList names;
    for (const QString &k : keys)
        names << productfields::describe(k, product);
    return names.join(QStringLiteral(", "));
}

SyncRecorder::SyncRecorder(SyncContext &sync, QObject *parent)
    : SyncStep(sync, parent) {
}

void SyncRecorder::markInFlight(const ProductChange &change, std::function<void()> then) {
    const ChangePlan inFlight = change.plan;
    const qint64 jobId = m_sync.jobId;
    const QString productId = change.product.productId;
    const ProductProgress progress = withSync(change, m_sync.direction.inFlight());
    store(
        [jobId, productId, progress, inFlight](Connection &conn) -> Status {
            JobProductRepository products(conn);
            if (auto s = products.setPushPlan(jobId, productId, inFlight.toJson()); !s)
                return s;
            return products.setProgress(jobId, productId, progress);
        },
        std::move(then));
}

PushRecord SyncRecorder::logEntry(const ProductChange &change, PushRecord::Outcome outcome,
                                  const QString &message) const {
    PushRecord record;
    record.jobId = m_sync.jobId;
    record.productId = change.product.productId;
    record.kind = m_sync.direction.logKind();
    record.at = QDateTime::currentDateTimeUtc();
    record.who = m_sync.services.who;
    record.before = change.plan.before;
    record.after = change.plan.after;
    record.outcome = outcome;
    record.message = message;
    return record;
}

void SyncRecorder::noteProblem(const ProductChange &change, const QString &message) {
    m_sync.report.problems << QStringLiteral("%1 (%2): %3")
                                  .arg(change.product.productId, change.product.title, message);
}

void SyncRecorder::succeeded(const ProductChange &change,
                             const std::optional<ProductSnapshot> &readBack,
                             const QJsonArray &answers) {
    PushRecord record =
        logEntry(change, PushRecord::Outcome::Succeeded,
                 change.plan.isEmpty() ? Texts::tr("Nothing to change") : QString());
    record.shopifyAnswer = {{QStringLiteral("mutations"), answers}};
    // Revert compares against this: nobody has touched the product since our push.
    record.updatedAtAfter =
        readBack ? readBack->updatedAt
                 : (m_sync.direction.pushing() ? m_sync.direction.expectedUpdatedAt(change)
                                               : QDateTime());
    const ProductProgress done = withSync(change, m_sync.direction.done());
    if (change.plan.isEmpty())
        ++m_sync.report.unchanged;
    else
        ++m_sync.report.written;
    store(
        [record, done](Connection &conn) -> Status {
            if (auto logged = PushLogRepository(conn).append(record); !logged)
                return logged.error();
            JobProductRepository products(conn);
            if (auto s = products.setPushPlan(record.jobId, record.productId, {}); !s)
                return s;
            return products.setProgress(record.jobId, record.productId, done, QString());
        },
        m_sync.advance);
}

QString SyncRecorder::conflictMessage(const ProductSnapshot &remote,
                                      const QStringList &changedKeys) const {
    if (!changedKeys.isEmpty())
        return Texts::tr("Changed in Shopify since %1: %2; nothing was written")
            .arg(m_sync.direction.since(), describeFields(changedKeys, &remote));
    return Texts::tr("Shopify refused a metafield write because it changed meanwhile; "
                     "the rest was not written");
}

void SyncRecorder::conflicted(const ProductChange &change, const ProductSnapshot &remote,
                              const QStringList &changedKeys) {
    Conflict conflict;
    conflict.jobId = m_sync.jobId;
    conflict.productId = change.product.productId;
    conflict.detectedAt = QDateTime::currentDateTimeUtc();
    conflict.snapshotValues = change.plan.before;
    conflict.remoteValues = productfields::read(remote, change.plan.before.keys());
    conflict.approvedValues = change.plan.after;
    conflict.snapshotValues.insert(QStringLiteral("updatedAt"),
                                   toDbTime(m_sync.direction.expectedUpdatedAt(change)));
    conflict.remoteValues.insert(QStringLiteral("updatedAt"), toDbTime(remote.updatedAt));

    const QString message = conflictMessage(remote, changedKeys);
    ++m_sync.report.conflicts;
    noteProblem(change, message);
    PushRecord record = logEntry(change, PushRecord::Outcome::Conflict, message);
    record.shopifyAnswer = {{QStringLiteral("remote"), conflict.remoteValues}};
    const ProductProgress state = withSync(change, m_sync.direction.afterConflict());
    store(
        [conflict, record, state, message](Connection &conn) -> Status {
            PushLogRepository log(conn);
            if (auto s = log.recordConflict(conflict); !s)
                return s;
            if (auto logged = log.append(record); !logged)
                return logged.error();
            return JobProductRepository(conn).setProgress(record.jobId, record.productId, state,
                                                          message);
        },
        m_sync.advance);
}

void SyncRecorder::failed(const ProductChange &change, const QString &message) {
    ++m_sync.report.failed;
    noteProblem(change, message);
    const PushRecord record = logEntry(change, PushRecord::Outcome::Failed, message);
    const ProductProgress state = withSync(change, m_sync.direction.afterFailure());
    store(
        [record, state](Connection &conn) -> Status {
            if (auto logged = PushLogRepository(conn).append(record); !logged)
                return logged.error();
            // The plan in flight (if any) stays: part of it may be in Shopify, and a retry
            // must accept those values as ours.
            return JobProductRepository(conn).setProgress(record.jobId, record.productId, state,
                                                          record.message);
        },
        m_sync.advance);
}

void SyncRecorder::waitForFiles(const ProductChange &change, const QStringList &altKeys,
                                const ProductSnapshot &now) {
    QStringList states;
    for (const QString &key : altKeys) {
        for (const MediaImage &image : now.media) {
            if (image.id == productfields::mediaOf(key))
                states << QStringLiteral("%1 (%2)").arg(productfields::describe(key, &now),
                                                        image.status);
        }
    }
    const QString message =
        Texts::tr("Shopify is still processing %n image(s); their alt text waits for the next "
                  "sync, the rest is written: %1",
                  nullptr, int(altKeys.size()))
            .arg(states.join(QStringLiteral(", ")));
    ++m_sync.report.waiting;
    noteProblem(change, message);
    const qint64 jobId = m_sync.jobId;
    const QString productId = change.product.productId;
    const ProductProgress queued = change.product.progress;
    store(
        [jobId, productId, queued, message](Connection &conn) -> Status {
            // The plan stays in flight: the next sync accepts what was written as ours.
            return JobProductRepository(conn).setProgress(jobId, productId, queued, message);
        },
        m_sync.advance);
}

void SyncRecorder::putBack(const QList<ProductChange> &changes, std::function<void()> then) {
    const qint64 jobId = m_sync.jobId;
    QList<std::pair<QString, ProductProgress>> back;
    for (const ProductChange &c : changes)
        back.append({c.product.productId, c.product.progress});
    store(
        [jobId, back](Connection &conn) -> Status {
            JobProductRepository products(conn);
            for (const auto &[id, progress] : back) {
                if (auto s = products.setProgress(jobId, id, progress); !s)
                    return s;
            }
            return {};
        },
        std::move(then));
}

} // namespace tagdesk

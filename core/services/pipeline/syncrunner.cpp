#include "pipeline/syncrunner.h"

#include "shopify/bulkmutation.h"
#include "shopify/productwriter.h"
#include "storage/jobproductrepository.h"
#include "storage/jobrepository.h"
#include "storage/pushlogrepository.h"
#include "sync/productfields.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(SyncRunner)
};

struct Loaded {
    Job job;
    QList<ProductChange> changes;
};

QString fieldList(const QStringList &keys, const ProductSnapshot *product) {
    QStringList names;
    for (const QString &k : keys)
        names << productfields::describe(k, product);
    return names.join(QStringLiteral(", "));
}
} // namespace

SyncRunner::SyncRunner(SyncServices services, qint64 jobId, Mode mode, QStringList productIds,
                       QObject *parent)
    : QObject(parent)
    , m_s(std::move(services))
    , m_jobId(jobId)
    , m_mode(mode)
    , m_productIds(std::move(productIds)) {
}

SyncState SyncRunner::inFlightState() const {
    return pushing() ? SyncState::Pushing : SyncState::Reverting;
}

SyncState SyncRunner::doneState() const {
    return pushing() ? SyncState::Pushed : SyncState::Reverted;
}

void SyncRunner::start() {
    const qint64 jobId = m_jobId;
    const Mode mode = m_mode;
    const QStringList ids = m_productIds;
    m_s.writer
        ->submit<Loaded>([jobId, mode, ids](Connection &conn) -> Result<Loaded> {
            auto job = JobRepository(conn).find(jobId);
            if (!job)
                return job.error();
            // A run killed mid-write left its product "pushing": it goes back to the queue
            // with its plan, and is checked against both the old and the new values.
            if (auto reset = JobProductRepository(conn).resetInterruptedSync(jobId); !reset)
                return reset.error();
            auto changes = mode == Mode::Push ? productchanges::toPush(conn, job.value(), ids)
                                              : productchanges::toRevert(conn, job.value(), ids);
            if (!changes)
                return changes.error();
            return Loaded{job.value(), changes.value()};
        })
        .then(this, [this](const Result<Loaded> &loaded) {
            if (!loaded) {
                m_finished = true;
                emit finished(loaded.error());
                return;
            }
            m_job = loaded->job;
            m_changes = loaded->changes;
            m_bulk = pushing() && m_changes.size() >= m_s.bulkThreshold;
            emit progress(0, m_changes.size());
            next();
        });
}

void SyncRunner::cancel() {
    m_cancelled = true;
}

void SyncRunner::store(std::function<Status(Connection &)> task, std::function<void()> then) {
    m_s.writer
        ->submit<bool>([task = std::move(task)](Connection &conn) -> Result<bool> {
            if (auto s = task(conn); !s)
                return s.error();
            return true;
        })
        .then(this, [this, then = std::move(then)](const Result<bool> &r) {
            if (!r) {
                m_finished = true;
                emit finished(r.error());
                return;
            }
            then();
        });
}

void SyncRunner::next() {
    if (m_finished)
        return;
    if (m_index > 0)
        emit progress(m_index, m_changes.size());
    if (m_index < m_changes.size() && m_cancelled) {
        m_report.waiting += int(m_changes.size() - m_index);
        m_report.stoppedBy = Error::failed(Texts::tr("Cancelled"));
        m_index = m_changes.size();
    }
    if (m_index >= m_changes.size())
        return m_bulk && !m_checked.isEmpty() ? writeInBulk() : finish();
    const ProductChange &change = m_changes.at(m_index);
    if (!change.plan.isWritable())
        return failed(change, Texts::tr("Not written, Shopify would refuse it: %1")
                                  .arg(change.plan.problems.join(QStringLiteral("; "))));
    if (change.plan.isEmpty())
        return succeeded(change, std::nullopt, {});
    m_s.shopify->product(change.product.productId)
        .then(this, [this, change](const Result<std::optional<ProductSnapshot>> &remote) {
            if (!remote) {
                if (remote.error().code == Error::Code::Unavailable)
                    return unreachable(remote.error());
                return failed(change, remote.error().message);
            }
            if (!remote.value())
                return failed(change, Texts::tr("The product no longer exists in Shopify"));
            check(change, *remote.value());
        });
}

void SyncRunner::check(const ProductChange &change, const ProductSnapshot &remote) {
    const ChangePlan &plan = change.plan;
    QStringList changed;
    bool updatedAtMoved = false;
    if (change.resumed) {
        // An interrupted write: each field may hold the value before or the value written.
        for (auto it = plan.before.begin(); it != plan.before.end(); ++it) {
            const QJsonValue now = productfields::read(remote, it.key());
            if (!productfields::same(it.key(), it.value(), now) &&
                !productfields::same(it.key(), plan.after.value(it.key()), now))
                changed << it.key();
        }
    } else {
        changed = productfields::differing(plan.before, remote);
        const QDateTime expected =
            pushing() ? change.product.snapshot->updatedAt : change.undoing->updatedAtAfter;
        updatedAtMoved = expected.isValid() && remote.updatedAt != expected;
    }
    if (!changed.isEmpty() || updatedAtMoved)
        return conflicted(change, remote, changed, updatedAtMoved);

    ChangePlan inFlight = plan;
    const qint64 jobId = m_jobId;
    const QString productId = change.product.productId;
    const ProductProgress progress{change.product.progress.stage, change.product.progress.review,
                                   inFlightState()};
    store(
        [jobId, productId, progress, inFlight](Connection &conn) -> Status {
            JobProductRepository products(conn);
            if (auto s = products.setPushPlan(jobId, productId, inFlight.toJson()); !s)
                return s;
            return products.setProgress(jobId, productId, progress);
        },
        [this, change, remote] {
            if (!m_bulk)
                return write(change, remote);
            m_checked.append({change, remote, {}, {}, std::nullopt});
            advance();
        });
}

void SyncRunner::write(const ProductChange &change, const ProductSnapshot &remote) {
    const ProductWrites writes = writesFor(change.plan, remote, m_job.writing);
    const auto mutations = productwriter::mutationsFor(change.product.productId, writes);
    productwriter::apply(m_s.shopify, mutations)
        .then(this, [this, change, remote](const Result<QJsonArray> &answers) {
            if (answers) {
                verify(change, answers.value());
                return;
            }
            const Error &e = answers.error();
            if (e.code == Error::Code::NotAllowed) // compare-and-set refused: changed meanwhile
                return conflicted(change, remote, {}, false);
            if (e.code == Error::Code::Unavailable)
                return backToQueue(change, e);
            failed(change, e.message);
        });
}

void SyncRunner::backToQueue(const ProductChange &change, const Error &why) {
    if (m_settling >= 0) // bulk: unreachable() puts this one back with the rest
        return unreachable(why);
    // Part of the plan may be written: it stays in flight, and the product goes back to
    // the queue for the next sync to finish.
    const qint64 jobId = m_jobId;
    const QString productId = change.product.productId;
    const ProductProgress back = change.product.progress;
    store(
        [jobId, productId, back](Connection &conn) -> Status {
            return JobProductRepository(conn).setProgress(jobId, productId, back);
        },
        [this, why] { unreachable(why); });
}

void SyncRunner::verify(const ProductChange &change, const QJsonArray &answers) {
    m_s.shopify->product(change.product.productId)
        .then(this, [this, change, answers](const Result<std::optional<ProductSnapshot>> &back) {
            if (!back && back.error().code == Error::Code::Unavailable)
                return backToQueue(change, back.error());
            if (!back)
                return failed(
                    change,
                    Texts::tr("Written, but reading it back failed: %1").arg(back.error().message));
            if (!back.value())
                return failed(change, Texts::tr("The product vanished from Shopify while it "
                                                "was written"));
            const QStringList missing = productfields::differing(change.plan.after, *back.value());
            if (!missing.isEmpty())
                return failed(change, Texts::tr("Shopify accepted the write but did not apply "
                                                "it: %1 still differ")
                                          .arg(fieldList(missing, &*back.value())));
            succeeded(change, back.value(), answers);
        });
}

PushRecord SyncRunner::logEntry(const ProductChange &change, PushRecord::Outcome outcome,
                                const QString &message) const {
    PushRecord record;
    record.jobId = m_jobId;
    record.productId = change.product.productId;
    record.kind = pushing() ? PushRecord::Kind::Push : PushRecord::Kind::Revert;
    record.at = QDateTime::currentDateTimeUtc();
    record.who = m_s.who;
    record.before = change.plan.before;
    record.after = change.plan.after;
    record.outcome = outcome;
    record.message = message;
    return record;
}

void SyncRunner::noteProblem(const ProductChange &change, const QString &message) {
    m_report.problems << QStringLiteral("%1 (%2): %3")
                             .arg(change.product.productId, change.product.title, message);
}

void SyncRunner::succeeded(const ProductChange &change,
                           const std::optional<ProductSnapshot> &readBack,
                           const QJsonArray &answers) {
    PushRecord record =
        logEntry(change, PushRecord::Outcome::Succeeded,
                 change.plan.isEmpty() ? Texts::tr("Nothing to change") : QString());
    record.shopifyAnswer = {{QStringLiteral("mutations"), answers}};
    // Revert compares against this: nobody has touched the product since our push.
    record.updatedAtAfter =
        readBack ? readBack->updatedAt
                 : (pushing() && change.product.snapshot ? change.product.snapshot->updatedAt
                                                         : QDateTime());
    const ProductProgress done{change.product.progress.stage, change.product.progress.review,
                               doneState()};
    if (change.plan.isEmpty())
        ++m_report.unchanged;
    else
        ++m_report.written;
    store(
        [record, done](Connection &conn) -> Status {
            if (auto logged = PushLogRepository(conn).append(record); !logged)
                return logged.error();
            JobProductRepository products(conn);
            if (auto s = products.setPushPlan(record.jobId, record.productId, {}); !s)
                return s;
            return products.setProgress(record.jobId, record.productId, done, QString());
        },
        [this] { advance(); });
}

void SyncRunner::conflicted(const ProductChange &change, const ProductSnapshot &remote,
                            const QStringList &changedKeys, bool updatedAtMoved) {
    Conflict conflict;
    conflict.jobId = m_jobId;
    conflict.productId = change.product.productId;
    conflict.detectedAt = QDateTime::currentDateTimeUtc();
    conflict.snapshotValues = change.plan.before;
    conflict.remoteValues = productfields::read(remote, change.plan.before.keys());
    conflict.approvedValues = change.plan.after;
    const QDateTime expected =
        pushing() ? change.product.snapshot->updatedAt
                  : (change.undoing ? change.undoing->updatedAtAfter : QDateTime());
    conflict.snapshotValues.insert(QStringLiteral("updatedAt"), toDbTime(expected));
    conflict.remoteValues.insert(QStringLiteral("updatedAt"), toDbTime(remote.updatedAt));

    QString message;
    if (!changedKeys.isEmpty())
        message = Texts::tr("Changed in Shopify since %1: %2; nothing was written")
                      .arg(pushing() ? Texts::tr("it was fetched") : Texts::tr("Tagdesk's push"),
                           fieldList(changedKeys, &remote));
    else if (updatedAtMoved)
        message = Texts::tr("Edited in Shopify since %1 (updated %2); nothing was written")
                      .arg(pushing() ? Texts::tr("it was fetched") : Texts::tr("Tagdesk's push"),
                           remote.updatedAt.toString(Qt::ISODate));
    else
        message = Texts::tr("Shopify refused a metafield write because it changed meanwhile; "
                            "the rest was not written");
    ++m_report.conflicts;
    noteProblem(change, message);
    PushRecord record = logEntry(change, PushRecord::Outcome::Conflict, message);
    record.shopifyAnswer = {{QStringLiteral("remote"), conflict.remoteValues}};
    // A push conflict waits for a person; a revert conflict leaves the push in place.
    const ProductProgress state{change.product.progress.stage, change.product.progress.review,
                                pushing() ? SyncState::Conflict : SyncState::Pushed};
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
        [this] { advance(); });
}

void SyncRunner::failed(const ProductChange &change, const QString &message) {
    ++m_report.failed;
    noteProblem(change, message);
    const PushRecord record = logEntry(change, PushRecord::Outcome::Failed, message);
    const ProductProgress state{change.product.progress.stage, change.product.progress.review,
                                pushing() ? SyncState::Failed : SyncState::Pushed};
    store(
        [record, state](Connection &conn) -> Status {
            if (auto logged = PushLogRepository(conn).append(record); !logged)
                return logged.error();
            // The plan in flight (if any) stays: part of it may be in Shopify, and a retry
            // must accept those values as ours.
            return JobProductRepository(conn).setProgress(record.jobId, record.productId, state,
                                                          record.message);
        },
        [this] { advance(); });
}

void SyncRunner::unreachable(const Error &error) {
    if (m_settling >= 0) { // bulk, reading back: the rest stay in flight for the next sync
        m_report.waiting += int(m_checked.size() - m_settling);
        m_report.stoppedBy = error;
        m_checked = m_checked.mid(m_settling);
        m_settling = -1;
        return requeueBulk();
    }
    m_report.waiting += int(m_changes.size() - m_index);
    m_report.stoppedBy = error;
    if (m_bulk && !m_checked.isEmpty()) {
        m_report.waiting += int(m_checked.size());
        return requeueBulk();
    }
    finish();
}

void SyncRunner::advance() {
    if (m_settling >= 0) {
        ++m_settling;
        return settleBulk();
    }
    ++m_index;
    next();
}

namespace {
// The order writes are sent in, one bulk mutation each.
const QStringList bulkDocuments{QStringLiteral("TagsAdd"),       QStringLiteral("TagsRemove"),
                                QStringLiteral("MetafieldsSet"), QStringLiteral("MetafieldsDelete"),
                                QStringLiteral("ProductUpdate"), QStringLiteral("FileUpdate")};
} // namespace

void SyncRunner::writeInBulk() {
    for (Checked &c : m_checked)
        c.mutations = productwriter::mutationsFor(
            c.change.product.productId, writesFor(c.change.plan, c.remote, m_job.writing));
    runBulkKind(0);
}

void SyncRunner::runBulkKind(int kind) {
    if (kind >= bulkDocuments.size()) {
        m_settling = 0;
        return settleBulk();
    }
    const QString &document = bulkDocuments.at(kind);
    QList<QJsonObject> lines;
    QList<std::pair<qsizetype, QString>> owners; // checked index, payload name, per line
    for (qsizetype i = 0; i < m_checked.size(); ++i) {
        if (m_checked.at(i).error)
            continue; // refused earlier: nothing more is sent for it
        for (const ShopifyMutation &m : m_checked.at(i).mutations) {
            if (m.document == document) {
                lines.append(m.variables);
                owners.append({i, m.payload});
            }
        }
    }
    if (lines.isEmpty())
        return runBulkKind(kind + 1);
    bulkmutation::run(m_s.shopify, document, lines, m_s.bulkPollMs)
        .then(this, [this, kind, owners](const Result<QList<QJsonObject>> &results) {
            if (!results) {
                if (results.error().code == Error::Code::Unavailable) {
                    m_report.waiting += int(m_checked.size());
                    m_report.stoppedBy = results.error();
                    return requeueBulk();
                }
                for (const auto &[index, payload] : owners)
                    m_checked[index].error = results.error();
                return runBulkKind(kind + 1);
            }
            for (qsizetype line = 0; line < owners.size(); ++line) {
                const auto &[index, payloadName] = owners.at(line);
                const QJsonObject data = results->at(line);
                Checked &c = m_checked[index];
                if (c.error)
                    continue;
                if (data.contains(QLatin1String("errors"))) {
                    c.error = Error::failed(
                        Texts::tr("Shopify did not run %1 for it in the bulk update: %2")
                            .arg(payloadName,
                                 QString::fromUtf8(
                                     QJsonDocument(data.value(QLatin1String("errors")).toArray())
                                         .toJson(QJsonDocument::Compact))));
                    continue;
                }
                const QJsonObject payload = data.value(payloadName).toObject();
                if (auto refused = productwriter::refusal(payloadName, payload))
                    c.error = *refused;
                else
                    c.answers.append(QJsonObject{{payloadName, payload}});
            }
            runBulkKind(kind + 1);
        });
}

void SyncRunner::settleBulk() {
    if (m_settling >= m_checked.size())
        return finish();
    if (m_settling > 0)
        emit progress(m_settling, m_checked.size());
    const Checked &c = m_checked.at(m_settling);
    if (!c.error)
        return verify(c.change, c.answers);
    if (c.error->code == Error::Code::NotAllowed)
        return conflicted(c.change, c.remote, {}, false);
    failed(c.change, c.error->message);
}

void SyncRunner::requeueBulk() {
    // In flight, perhaps partly written: back to the queue with their plans, so the next
    // sync accepts what was written as ours.
    const qint64 jobId = m_jobId;
    QList<std::pair<QString, ProductProgress>> back;
    for (const Checked &c : std::as_const(m_checked))
        back.append({c.change.product.productId, c.change.product.progress});
    m_checked.clear();
    store(
        [jobId, back](Connection &conn) -> Status {
            JobProductRepository products(conn);
            for (const auto &[id, progress] : back) {
                if (auto s = products.setProgress(jobId, id, progress); !s)
                    return s;
            }
            return {};
        },
        [this] { finish(); });
}

void SyncRunner::finish() {
    if (m_finished)
        return;
    m_finished = true;
    emit finished(m_report);
}

} // namespace tagdesk

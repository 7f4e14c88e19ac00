#include "pipeline/syncrunner.h"

#include "pipeline/bulkpushwriter.h"
#include "pipeline/productsync.h"
#include "pipeline/syncrecorder.h"
#include "pipeline/syncstep.h"
#include "storage/jobproductrepository.h"
#include "storage/jobrepository.h"
#include "sync/productfields.h"
#include "util/futures.h"

#include <QCoreApplication>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(SyncRunner)
};

struct Loaded {
    Job job;
    QList<ProductChange> changes;
};

Result<Loaded> loadQueue(Connection &conn, qint64 jobId, SyncRunner::Mode mode,
                         const QStringList &ids) {
    auto job = JobRepository(conn).find(jobId);
    if (!job)
        return job.error();
    // A run killed mid-write left its product "pushing": it goes back to the
    // queue with its plan, and is checked against both the old and the new
    // values.
    if (auto reset = JobProductRepository(conn).resetInterruptedSync(jobId); !reset)
        return reset.error();
    auto changes = mode == SyncRunner::Mode::Push
                       ? productchanges::toPush(conn, job.value(), ids)
                       : productchanges::toRevert(conn, job.value(), ids);
    if (!changes)
        return changes.error();
    return Loaded{job.value(), changes.value()};
}
} // namespace

SyncRunner::SyncRunner(SyncServices services, qint64 jobId, Mode mode, QStringList productIds,
                       QObject *parent)
    : QObject(parent)
    , m_jobId(jobId)
    , m_productIds(std::move(productIds))
    , m_sync(std::make_unique<SyncContext>(std::move(services), jobId, mode)) {
    m_sync->advance = [this] {
        advance();
    };
    m_sync->unreachable = [this](const Error &error) {
        unreachable(error);
    };
    m_sync->lostInFlight = [this](const ProductChange &change, const Error &error) {
        lostInFlight(change, error);
    };
    m_sync->storeFailed = [this](const Error &error) {
        m_sync->finished = true;
        emit finished(error);
    };
    m_recorder = std::make_unique<SyncRecorder>(*m_sync);
    m_product = std::make_unique<ProductSync>(*m_sync, *m_recorder);
    m_bulkWriter = std::make_unique<BulkPushWriter>(*m_sync);
}

SyncRunner::~SyncRunner() = default;

void SyncRunner::start() {
    load();
}

void SyncRunner::cancel() {
    m_cancelled = true;
}

void SyncRunner::load() {
    const qint64 jobId = m_jobId;
    const Mode mode = m_sync->direction.pushing() ? Mode::Push : Mode::Revert;
    const QStringList ids = m_productIds;
    whenFinished(
        this, m_sync->services.writer->submit<Loaded>([jobId, mode, ids](Connection &conn) {
            return loadQueue(conn, jobId, mode, ids);
        }),
        [this](const Result<Loaded> &loaded) {
            if (!loaded)
                return m_sync->storeFailed(loaded.error());
            m_sync->job = loaded->job;
            m_changes = loaded->changes;
            // Category metafields need their metaobjects found (or made) and the category
            // written before them, product by product: the bulk mode's one mutation per kind
            // of write does neither, so such a push goes product by product.
            const bool categoryMetafields =
                std::any_of(m_changes.begin(), m_changes.end(), [](const ProductChange &c) {
                    const QStringList keys = c.plan.before.keys() + c.plan.after.keys();
                    return c.destinations.testFlag(Destination::CategoryMetafields) ||
                           std::any_of(keys.begin(), keys.end(), [](const QString &k) {
                               return !productfields::categoryMetafieldOf(k).isEmpty();
                           });
                });
            // The conflict check and the read-back compare them: read with the product.
            m_sync->services.shopify->setReadsCategoryMetafields(categoryMetafields);
            // A large revert goes the same way as a large push: its plans are pushes of the
            // values the push replaced.
            m_bulk = !categoryMetafields && m_changes.size() >= m_sync->services.bulkThreshold;
            // A bulk sync checks every product before it writes any: in batches.
            if (m_bulk) {
                QStringList checked;
                for (const ProductChange &c : std::as_const(m_changes)) {
                    if (c.plan.isWritable() && !c.plan.isEmpty())
                        checked << c.product.productId;
                }
                m_sync->reads->expect(checked);
            }
            emit progress(0, m_changes.size());
            next();
        });
}

void SyncRunner::next() {
    if (m_sync->finished)
        return;
    if (m_index > 0)
        emit progress(m_index, m_changes.size());
    if (m_index < m_changes.size() && m_cancelled) {
        m_sync->report.waiting += int(m_changes.size() - m_index);
        m_sync->report.stoppedBy = Error::failed(Texts::tr("Cancelled"));
        m_index = m_changes.size();
    }
    if (m_index >= m_changes.size()) {
        if (m_bulk && m_bulkWriter->size() > 0)
            return m_bulkWriter->write([this] {
                // Every product the bulk mutations wrote is read back: in batches.
                QStringList written;
                for (qsizetype i = 0; i < m_bulkWriter->size(); ++i) {
                    if (!m_bulkWriter->at(i).error)
                        written << m_bulkWriter->at(i).change.product.productId;
                }
                m_sync->reads->expect(written);
                m_settling = 0;
                settleBulk();
            });
        return finish();
    }
    const ProductChange &change = m_changes.at(m_index);
    if (!change.plan.isWritable())
        return m_recorder->failed(change,
                                  Texts::tr("Not written, Shopify would refuse it: %1")
                                      .arg(change.plan.problems.join(QStringLiteral("; "))));
    if (change.plan.isEmpty())
        return m_recorder->succeeded(change, std::nullopt, {});
    m_product->check(change, [this](const ProductChange &c, const ProductSnapshot &remote) {
        writable(c, remote);
    });
}

void SyncRunner::writable(const ProductChange &change, const ProductSnapshot &remote) {
    if (!m_bulk)
        return m_product->write(change, remote);
    m_bulkWriter->add(change, remote);
    advance();
}

void SyncRunner::settleBulk() {
    if (m_settling >= m_bulkWriter->size())
        return finish();
    if (m_settling > 0)
        emit progress(m_settling, m_bulkWriter->size());
    const BulkPushWriter::Checked &c = m_bulkWriter->at(m_settling);
    if (!c.error)
        return m_product->verify(c.change, c.answers);
    if (c.error->code == Error::Code::NotAllowed)
        return m_recorder->conflicted(c.change, c.remote, {});
    m_recorder->failed(c.change, c.error->message);
}

void SyncRunner::advance() {
    if (m_settling >= 0) {
        ++m_settling;
        return settleBulk();
    }
    ++m_index;
    next();
}

void SyncRunner::unreachable(const Error &error) {
    SyncReport &report = m_sync->report;
    report.stoppedBy = error;
    // In flight, perhaps partly written: back to the queue with their plans, so
    // the next sync accepts what was written as ours.
    if (m_settling >= 0) { // bulk, reading back: the rest stay in flight for the next sync
        report.waiting += int(m_bulkWriter->size() - m_settling);
        const QList<ProductChange> back = m_bulkWriter->takeFrom(m_settling);
        m_settling = -1;
        return m_recorder->putBack(back, [this] { finish(); });
    }
    report.waiting += int(m_changes.size() - m_index);
    if (m_bulk && m_bulkWriter->size() > 0) {
        report.waiting += int(m_bulkWriter->size());
        return m_recorder->putBack(m_bulkWriter->takeFrom(0), [this] { finish(); });
    }
    finish();
}

void SyncRunner::lostInFlight(const ProductChange &change, const Error &error) {
    if (m_settling >= 0) // bulk: unreachable() puts this one back with the rest
        return unreachable(error);
    // Part of the plan may be written: it stays in flight, and the product goes
    // back to the queue for the next sync to finish.
    m_recorder->putBack({change}, [this, error] { unreachable(error); });
}

void SyncRunner::finish() {
    if (m_sync->finished)
        return;
    m_sync->finished = true;
    emit finished(m_sync->report);
}

} // namespace tagdesk

#include "pipeline/productsync.h"

#include "shopify/productwriter.h"
#include "sync/productfields.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(SyncRunner)
};

// Shopify's answers for the push log, with the metaobjects this sync created for the product
// (a revert deletes those Tagdesk made).
QJsonArray withCreated(QJsonArray answers, const QStringList &created) {
    if (!created.isEmpty())
        answers.append(QJsonObject{
            {QStringLiteral("createdMetaobjects"), QJsonArray::fromStringList(created)}});
    return answers;
}

// The plan's new values as sent: alt text of images Shopify is still processing is not.
QJsonObject sentValues(const ChangePlan &plan, const ProductSnapshot &now) {
    QJsonObject sent = plan.after;
    for (const QString &key : productfields::altsNotReady(plan.after, now))
        sent.remove(key);
    return sent;
}
} // namespace

ProductSync::ProductSync(SyncContext &sync, SyncRecorder &recorder, QObject *parent)
    : SyncStep(sync, parent)
    , m_recorder(recorder)
    , m_metaobjects(std::make_unique<MetaobjectResolver>(sync.services.shopify)) {
}

void ProductSync::check(
    const ProductChange &change,
    std::function<void(const ProductChange &, const ProductSnapshot &)> writable) {
    m_sync.reads->product(change.product.productId)
        .then(this, [this, change, writable = std::move(writable)](
                        const Result<std::optional<ProductSnapshot>> &remote) {
            if (m_sync.finished)
                return;
            if (!remote) {
                if (stopsTheSync(remote.error()))
                    return m_sync.unreachable(remote.error());
                return m_recorder.failed(change, remote.error().message);
            }
            if (!remote.value())
                return m_recorder.failed(change,
                                         Texts::tr("The product no longer exists in Shopify"));
            compare(change, *remote.value(), writable);
        });
}

void ProductSync::compare(
    const ProductChange &change, const ProductSnapshot &remote,
    std::function<void(const ProductChange &, const ProductSnapshot &)> writable) {
    const ChangePlan &plan = change.plan;
    // Only the fields this plan writes are compared: updatedAt moves for edits Tagdesk
    // does not touch (inventory, the title, other apps), and those must not stop a push.
    QStringList changed;
    if (change.resumed) {
        // An interrupted write: each field may hold the value before or the value written.
        for (auto it = plan.before.begin(); it != plan.before.end(); ++it) {
            const QJsonValue now = productfields::read(remote, it.key());
            if (it.key() != productfields::tags &&
                !productfields::same(it.key(), it.value(), now) &&
                !productfields::same(it.key(), plan.after.value(it.key()), now))
                changed << it.key();
        }
    } else {
        changed = productfields::differingWritten(plan.before, plan.after, remote);
    }
    if (!changed.isEmpty())
        return m_recorder.conflicted(change, remote, changed);
    m_recorder.markInFlight(
        change, [change, remote, writable = std::move(writable)] { writable(change, remote); });
}

void ProductSync::write(const ProductChange &change, const ProductSnapshot &remote) {
    const ProductWrites writes = writesFor(change.plan, remote, m_sync.job.writing);
    if (writes.categoryMetafieldsToSet.isEmpty())
        return send(change, remote, writes, {});
    resolveCategoryMetafields(
        change, remote, writes,
        [this, change, remote, writes](const Result<QHash<QString, QStringList>> &references) {
            if (m_sync.finished)
                return;
            if (references)
                return send(change, remote, writes, references.value());
            if (stopsTheSync(references.error()))
                return m_sync.lostInFlight(change, references.error());
            m_recorder.failed(change, references.error().message);
        });
}

void ProductSync::resolveCategoryMetafields(
    const ProductChange &change, const ProductSnapshot &remote, const ProductWrites &writes,
    std::function<void(const Result<QHash<QString, QStringList>> &)> done,
    QHash<QString, QStringList> resolved) {
    if (resolved.size() == writes.categoryMetafieldsToSet.size())
        return done(resolved);
    const auto &next = writes.categoryMetafieldsToSet.at(resolved.size());
    // The entries the product had when the job read it come first: a revert puts back the
    // very ones it referenced; then those it has now.
    QList<CategoryMetaobject> preferred = remote.categoryMetaobjects;
    if (change.product.snapshot)
        preferred = change.product.snapshot->categoryMetaobjects + preferred;
    m_metaobjects->resolve(next.attributeHandle, next.taxonomyValueIds, preferred)
        .then(this, [this, change, remote, writes, done = std::move(done), resolved,
                     key = next.key](const Result<QStringList> &ids) mutable {
            if (m_sync.finished)
                return;
            if (!ids)
                return done(ids.error());
            resolved.insert(key, ids.value());
            resolveCategoryMetafields(change, remote, writes, std::move(done), resolved);
        });
}

void ProductSync::send(const ProductChange &change, const ProductSnapshot &remote,
                       const ProductWrites &writes, const QHash<QString, QStringList> &references) {
    auto mutations = productwriter::mutationsFor(change.product.productId, writes, references);
    // Revert: the entries Tagdesk created that nothing in the job references any more go
    // once the product no longer references them.
    for (const QString &id : change.metaobjectsToDelete)
        mutations.append({QStringLiteral("MetaobjectDelete"),
                          QStringLiteral("metaobjectDelete"),
                          {{QStringLiteral("id"), id}}});
    // The entries this sync created that the product now references: the push log keeps
    // them, so a revert knows which entries are Tagdesk's to delete.
    QStringList created;
    for (const QStringList &ids : references) {
        for (const QString &id : ids) {
            if (m_metaobjects->created().contains(id) && !created.contains(id))
                created << id;
        }
    }
    productwriter::apply(m_sync.services.shopify, mutations)
        .then(this, [this, change, remote, created](const Result<QJsonArray> &answers) {
            if (m_sync.finished)
                return;
            if (answers)
                return verify(change, withCreated(answers.value(), created));
            const Error &e = answers.error();
            if (e.code == Error::Code::NotAllowed) // compare-and-set refused
                return recheckAfterRefusal(change, remote);
            if (stopsTheSync(e))
                return m_sync.lostInFlight(change, e);
            settleFailedWrite(change, e, created);
        });
}

void ProductSync::settleFailedWrite(const ProductChange &change, const Error &error,
                                    const QStringList &created) {
    // A call can fail after Shopify ran it: its answer was lost or garbled and the retry
    // was refused, or a later call of the plan failed after the earlier ones landed. What
    // the store holds decides: a plan that landed whole is a write done (the history keeps
    // the error), anything less is the failure it was — never "failed" over values that
    // are in the store. (The fault matrix's all-together run found a revert recorded as
    // failed while Shopify held every reverted value.)
    m_sync.reads->product(change.product.productId)
        .then(this,
              [this, change, error, created](const Result<std::optional<ProductSnapshot>> &back) {
                  if (m_sync.finished)
                      return;
                  if (!back && stopsTheSync(back.error()))
                      return m_sync.lostInFlight(change, back.error());
                  if (!back || !back.value() || !landedWhole(change.plan, **back))
                      return m_recorder.failed(change, error.message);
                  readBack(change,
                           withCreated({QJsonObject{{QStringLiteral("answerLost"), error.message}}},
                                       created),
                           back);
              });
}

void ProductSync::recheckAfterRefusal(const ProductChange &change, const ProductSnapshot &remote) {
    // Either someone changed the metafield since it was read, or an earlier attempt of this
    // very write landed and only its answer was lost: a cut or garbled answer is sent again
    // by the retry policy, with the digest the first attempt made stale (the fault matrix's
    // malformed-body run found such products ending in conflict with their own values).
    // So the product is read again and checked as an interrupted write: a field holding
    // the value written is this write's, anything else is a conflict. Once only.
    if (change.recheckedAfterRefusal)
        return m_recorder.conflicted(change, remote, {});
    ProductChange again = change;
    again.resumed = true;
    again.recheckedAfterRefusal = true;
    check(again, [this](const ProductChange &c, const ProductSnapshot &now) { write(c, now); });
}

void ProductSync::verify(const ProductChange &change, const QJsonArray &answers) {
    m_sync.reads->product(change.product.productId)
        .then(this, [this, change, answers](const Result<std::optional<ProductSnapshot>> &back) {
            if (m_sync.finished)
                return;
            readBack(change, answers, back);
        });
}

bool ProductSync::landedWhole(const ChangePlan &plan, const ProductSnapshot &now) {
    return productfields::differingWritten(sentValues(plan, now), plan.before, now).isEmpty();
}

void ProductSync::readBack(const ProductChange &change, const QJsonArray &answers,
                           const Result<std::optional<ProductSnapshot>> &back) {
    if (!back && stopsTheSync(back.error()))
        return m_sync.lostInFlight(change, back.error());
    if (!back)
        return m_recorder.failed(
            change, Texts::tr("Written, but reading it back failed: %1").arg(back.error().message));
    if (!back.value())
        return m_recorder.failed(
            change, Texts::tr("The product vanished from Shopify while it was written"));
    const ProductSnapshot &now = *back.value();
    const QStringList missing =
        productfields::differingWritten(sentValues(change.plan, now), change.plan.before, now);
    if (!missing.isEmpty())
        return m_recorder.failed(change, Texts::tr("Shopify accepted the write but did not apply "
                                                   "it: %1 still differ")
                                             .arg(describeFields(missing, &now)));
    // Alt text of images Shopify is still processing was not sent: it waits.
    if (const QStringList notReady = productfields::altsNotReady(change.plan.after, now);
        !notReady.isEmpty())
        return m_recorder.waitForFiles(change, notReady, now);
    m_recorder.succeeded(change, back.value(), answers);
}

} // namespace tagdesk

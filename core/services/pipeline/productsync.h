#pragma once

#include "pipeline/syncrecorder.h"
#include "shopify/metaobjectresolver.h"

#include <memory>

namespace tagdesk {

// One product's push (or revert), step by step: re-read it and check it against the plan,
// write the plan, read it back. Each outcome is recorded through the recorder.
class ProductSync : public SyncStep {
public:
    ProductSync(SyncContext &sync, SyncRecorder &recorder, QObject *parent = nullptr);

    // Reads the product; if it changed since the snapshot (since our push, for a revert)
    // that is recorded as a conflict; otherwise the plan is marked in flight, then
    // `writable` with the product as Shopify has it now.
    void check(const ProductChange &change,
               std::function<void(const ProductChange &, const ProductSnapshot &)> writable);
    // Writes the plan call by call, then reads it back.
    void write(const ProductChange &change, const ProductSnapshot &remote);
    // Reads the product back: a write Shopify accepted but did not apply is a failure.
    void verify(const ProductChange &change, const QJsonArray &answers);

    // The entries of taxonomy values created by this sync (for the push log of each product
    // that references one).
    const MetaobjectResolver &metaobjects() const { return *m_metaobjects; }

private:
    // A compare-and-set refused: the product is checked again as an interrupted write.
    void recheckAfterRefusal(const ProductChange &change, const ProductSnapshot &remote);
    // Finds (or creates) the store's metaobjects for each category metafield of `writes`,
    // one after the other, then `done` with them by metafield key.
    void
    resolveCategoryMetafields(const ProductChange &change, const ProductSnapshot &remote,
                              const ProductWrites &writes,
                              std::function<void(const Result<QHash<QString, QStringList>> &)> done,
                              QHash<QString, QStringList> resolved = {});
    void send(const ProductChange &change, const ProductSnapshot &remote,
              const ProductWrites &writes, const QHash<QString, QStringList> &references);
    void compare(const ProductChange &change, const ProductSnapshot &remote,
                 std::function<void(const ProductChange &, const ProductSnapshot &)> writable);
    void readBack(const ProductChange &change, const QJsonArray &answers,
                  const Result<std::optional<ProductSnapshot>> &back);
    // A write failed: the product is read back, and a plan that landed whole anyway (an
    // answer lost after Shopify ran the call) is recorded as written, the rest as failed.
    // `created`: the metaobjects this sync created for it, for the push log.
    void settleFailedWrite(const ProductChange &change, const Error &error,
                           const QStringList &created);
    // Every field the plan writes holds its new value in `now`.
    static bool landedWhole(const ChangePlan &plan, const ProductSnapshot &now);

    SyncRecorder &m_recorder;
    std::unique_ptr<MetaobjectResolver> m_metaobjects;
};

} // namespace tagdesk

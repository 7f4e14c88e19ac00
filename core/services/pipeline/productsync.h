#pragma once

#include "pipeline/syncrecorder.h"

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

private:
    void compare(const ProductChange &change, const ProductSnapshot &remote,
                 std::function<void(const ProductChange &, const ProductSnapshot &)> writable);
    void readBack(const ProductChange &change, const QJsonArray &answers,
                  const Result<std::optional<ProductSnapshot>> &back);

    SyncRecorder &m_recorder;
};

} // namespace tagdesk

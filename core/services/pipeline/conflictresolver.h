#pragma once

#include "domain/conflictchoice.h"
#include "shopify/shopifyclient.h"
#include "storage/databasewriter.h"

#include <QFuture>
#include <QStringList>

#include <optional>

namespace tagdesk {

// Settles conflicts, and puts failed pushes back in the queue.
class ConflictResolver {
public:
    ConflictResolver(DatabaseWriter &writer, ShopifyClient *shopify)
        : m_writer(writer)
        , m_shopify(shopify) {}

    // A push's conflict — Keep mine: the product is re-read, that becomes its snapshot (so
    // their unrelated edits stay and the conflict check passes against what they did), and
    // it is queued again. Keep theirs: nothing is written; the product counts as rejected
    // (undoable). A revert's conflict — Keep mine: the revert goes ahead at the next Revert,
    // over the values Shopify has now; Keep theirs: the push and their edit stay.
    // Gives how many products were settled.
    QFuture<Result<int>> resolve(qint64 jobId, const QStringList &productIds,
                                 const ConflictChoice &choice);

    // Failed pushes — only these products' if any are named — go back to the queue; the
    // plan in flight, if any, is kept.
    static QFuture<Result<int>> requeueFailed(DatabaseWriter &writer, qint64 jobId,
                                              const QStringList &productIds = {});

private:
    DatabaseWriter &m_writer;
    ShopifyClient *m_shopify;
};

} // namespace tagdesk

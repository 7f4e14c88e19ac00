#pragma once

#include "domain/productlist.h"
#include "storage/connection.h"

namespace tagdesk {

// The job view's reads of a job's products: pages of rows (with each product's suggestion
// count, lowest confidence and first image), filtered and sorted by the database so they
// cover every product, and the job's confidence overview. Reads only.
class ProductListRepository {
public:
    explicit ProductListRepository(Connection &conn)
        : m_conn(conn) {}

    // Up to `limit` rows after `after`: found through the index, not by skipping the rows
    // before, so the last page of a big job costs what the first does.
    Result<QList<ProductRow>> rows(const ProductListQuery &query, const ProductCursor &after,
                                   int limit);
    Result<qint64> count(const ProductListQuery &query);
    // Every listed product's id, in the query's order: the review panel's queue.
    Result<QStringList> ids(const ProductListQuery &query);
    Result<ConfidenceOverview> confidenceOverview(qint64 jobId);
    // The products waiting for review that got the same suggestions as `productId`, or
    // share one of its photos.
    Result<ProductGroup> group(qint64 jobId, const QString &productId);

private:
    Connection &m_conn;
};

} // namespace tagdesk

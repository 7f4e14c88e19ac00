#pragma once

#include "pipeline/jobreader.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace tagdesk::ui {

class ThumbnailCache;

// A job's products for the job view, read a page at a time as the view scrolls
// (fetchMore), so a job of 100,000 products opens at once. Pages are read on the thread
// pool; the model only ever holds plain rows. Sorting and filtering are done by the
// database, so they cover every product, not only the loaded ones.
class ProductTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // Message: why the product failed (Shopify's words for a push); the job view shows it as
    // the row's tooltip, the sync panel as a column.
    enum Column { Title, Review, Sync, Suggestions, LowestConfidence, Message, ColumnCount };
    enum Role { ProductIdRole = Qt::UserRole + 1, ReviewRole, SyncRole };

    ProductTableModel(JobReader reader, ThumbnailCache *thumbnails, QObject *parent = nullptr);

    // Shows another job, filter or order: starts again from the first page.
    void setQuery(const ProductListQuery &query);
    const ProductListQuery &query() const { return m_query; }
    // Reads what is shown again (after decisions), keeping rows in place where they stay.
    void refresh();
    // How many products match the filter in all (not only the loaded ones); -1 until known.
    qint64 totalCount() const { return m_total; }
    bool isLoading() const { return m_loading; }
    void setPageSize(int rows) { m_pageSize = rows; }
    const ProductRow *rowAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order) override;

signals:
    void loaded();
    void loadFailed(const QString &message);

private:
    void showRefreshed(const QList<ProductRow> &rows, qint64 total);
    void thumbnailReady(const QString &sha256);
    void failed(const QString &message);

    JobReader m_reader;
    ThumbnailCache *m_thumbnails;
    ProductListQuery m_query;
    QList<ProductRow> m_rows;
    QHash<QString, QList<int>> m_rowsByImage;
    qint64 m_total = -1;
    int m_pageSize = JobReader::defaultPageSize;
    bool m_loading = false;
    quint64 m_generation = 0; // answers for a superseded query are dropped
};

} // namespace tagdesk::ui

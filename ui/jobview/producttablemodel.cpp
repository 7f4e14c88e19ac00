#include "jobview/producttablemodel.h"

#include "util/futures.h"

#include "icons.h"
#include "jobview/thumbnailcache.h"

#include <QLocale>

namespace tagdesk::ui {

namespace {
ProductOrder orderFor(int column) {
    switch (column) {
    case ProductTableModel::Title:
        return ProductOrder::Title;
    case ProductTableModel::Review:
        return ProductOrder::Review;
    case ProductTableModel::Sync:
        return ProductOrder::Sync;
    case ProductTableModel::Suggestions:
        return ProductOrder::Suggestions;
    case ProductTableModel::LowestConfidence:
        return ProductOrder::LowestConfidence;
    }
    return ProductOrder::Position;
}

QString reviewCell(const ProductRow &r) {
    if (r.progress.stage != PipelineStage::Analysed && r.progress.review == ReviewState::Pending)
        // Not reviewable yet (or failed): say where it is instead.
        return stageText(r.progress.stage);
    return reviewText(r.progress.review);
}
} // namespace

ProductTableModel::ProductTableModel(JobReader reader, ThumbnailCache *thumbnails, QObject *parent)
    : QAbstractTableModel(parent)
    , m_reader(std::move(reader))
    , m_thumbnails(thumbnails) {
    if (m_thumbnails)
        connect(m_thumbnails, &ThumbnailCache::thumbnailReady, this,
                &ProductTableModel::thumbnailReady);
}

void ProductTableModel::setQuery(const ProductListQuery &query) {
    const quint64 generation = ++m_generation;
    beginResetModel();
    m_query = query;
    m_rows.clear();
    m_rowsByImage.clear();
    m_total = -1;
    m_loading = true;
    endResetModel();
    whenFinished(this, m_reader.inBackground(&JobReader::productCount, m_query),
                 [this, generation](const Result<qint64> &count) {
                     if (generation != m_generation)
                         return;
                     m_loading = false;
                     if (!count)
                         return failed(count.error().message);
                     m_total = count.value();
                     if (m_total > 0)
                         fetchMore({});
                     else
                         emit loaded();
                 });
}

void ProductTableModel::refresh() {
    const quint64 generation = ++m_generation;
    m_loading = true;
    const int wanted = std::max(int(m_rows.size()), m_pageSize);
    whenFinished(
        this, m_reader.inBackground(&JobReader::productCount, m_query),
        [this, generation, wanted](const Result<qint64> &count) {
            if (generation != m_generation)
                return;
            if (!count) {
                m_loading = false;
                return failed(count.error().message);
            }
            whenFinished(
                this,
                m_reader.inBackground(&JobReader::productRows, m_query, ProductCursor{}, wanted),
                [this, generation, total = count.value()](const Result<QList<ProductRow>> &rows) {
                    if (generation != m_generation)
                        return;
                    if (!rows) {
                        m_loading = false;
                        return failed(rows.error().message);
                    }
                    showRefreshed(rows.value(), total);
                    m_loading = false;
                    emit loaded();
                });
        });
}

void ProductTableModel::showRefreshed(const QList<ProductRow> &rows, qint64 total) {
    const bool sameRows =
        rows.size() == m_rows.size() && std::equal(m_rows.begin(), m_rows.end(), rows.begin(),
                                                   [](const ProductRow &a, const ProductRow &b) {
                                                       return a.productId == b.productId;
                                                   });
    if (sameRows) {
        m_rows = rows;
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
    } else {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    }
    m_rowsByImage.clear();
    for (int i = 0; i < m_rows.size(); ++i)
        m_rowsByImage[m_rows[i].thumbnailSha256].append(i);
    m_total = total;
}

const ProductRow *ProductTableModel::rowAt(int row) const {
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int ProductTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProductTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

bool ProductTableModel::canFetchMore(const QModelIndex &parent) const {
    return !parent.isValid() && !m_loading && m_total > m_rows.size();
}

void ProductTableModel::fetchMore(const QModelIndex &parent) {
    if (parent.isValid() || m_loading || m_total <= m_rows.size())
        return;
    m_loading = true;
    const quint64 generation = m_generation;
    whenFinished(
        this,
        m_reader.inBackground(&JobReader::productRows, m_query,
                              m_rows.isEmpty() ? ProductCursor{} : m_rows.last().next, m_pageSize),
        [this, generation](const Result<QList<ProductRow>> &page) {
            if (generation != m_generation)
                return;
            if (!page) {
                m_loading = false;
                return failed(page.error().message);
            }
            // Still loading until the rows are in: views ask for more while they go in.
            if (page->isEmpty()) {
                m_total = m_rows.size(); // fewer than counted: products went away meanwhile
            } else {
                const int first = int(m_rows.size());
                beginInsertRows({}, first, first + int(page->size()) - 1);
                for (const ProductRow &r : page.value()) {
                    m_rowsByImage[r.thumbnailSha256].append(int(m_rows.size()));
                    m_rows.append(r);
                }
                endInsertRows();
            }
            m_loading = false;
            emit loaded();
        });
}

void ProductTableModel::sort(int column, Qt::SortOrder order) {
    ProductListQuery q = m_query;
    q.order = orderFor(column);
    q.descending = order == Qt::DescendingOrder;
    if (q != m_query)
        setQuery(q);
}

QVariant ProductTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProductRow &r = m_rows[index.row()];
    switch (role) {
    case ProductIdRole:
        return r.productId;
    case ReviewRole:
        return int(r.progress.review);
    case SyncRole:
        return int(r.progress.sync);
    case Qt::DecorationRole:
        if (index.column() != Title || !m_thumbnails)
            return {};
        if (QPixmap p = m_thumbnails->thumbnail(r.thumbnailSha256); !p.isNull())
            return p;
        return appIcon("image-missing");
    case Qt::ToolTipRole:
        if (!r.error.isEmpty())
            return r.error;
        return index.column() == Title ? r.productId : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == Suggestions || index.column() == LowestConfidence)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case Title: {
            const QString title = r.title.isEmpty() ? r.productId : r.title;
            // ⚑: flagged in the review, to come back to later.
            return r.flagged ? QStringLiteral("⚑ ") + title : title;
        }
        case Review:
            return reviewCell(r);
        case Sync:
            return syncText(r.progress.sync);
        case Suggestions:
            return QLocale().toString(r.suggestions);
        case LowestConfidence:
            return r.lowestConfidence
                       ? QLocale().toString(*r.lowestConfidence * 100, 'f', 0) + QLatin1Char('%')
                       : QStringLiteral("–");
        case Message:
            return r.error;
        }
        return {};
    default:
        return {};
    }
}

QVariant ProductTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title:
        return tr("Product");
    case Review:
        return tr("Review");
    case Sync:
        return tr("Sync");
    case Suggestions:
        return tr("Suggestions");
    case LowestConfidence:
        return tr("Lowest confidence");
    case Message:
        return tr("Message");
    }
    return {};
}

void ProductTableModel::thumbnailReady(const QString &sha256) {
    for (int row : m_rowsByImage.value(sha256))
        emit dataChanged(index(row, Title), index(row, Title), {Qt::DecorationRole});
}

void ProductTableModel::failed(const QString &message) {
    emit loadFailed(message);
}

} // namespace tagdesk::ui

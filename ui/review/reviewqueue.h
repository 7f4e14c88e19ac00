#pragma once

#include "pipeline/jobreader.h"

#include <QHash>
#include <QObject>
#include <QSet>

namespace tagdesk::ui {

class FullImageCache;

// The products a review walks through, in the chosen order, and the one in view. Reads
// each product's review on the thread pool and keeps the current one, the few before it
// and the next few ready (their images decoded too), so moving on shows a product at once.
class ReviewQueue : public QObject {
    Q_OBJECT
public:
    // How many products ahead are read and decoded before they are asked for.
    static constexpr int prefetchAhead = 3;

    ReviewQueue(JobReader reader, FullImageCache &images, QObject *parent = nullptr);

    // Lists the query's products (in the background); `startAt` is shown first if listed.
    void open(const ProductListQuery &query, const QString &startAt = {});
    const ProductListQuery &query() const { return m_query; }
    bool isListed() const { return m_listed; }

    int count() const { return int(m_ids.size()); }
    int position() const { return m_position; } // -1 when nothing is in view
    QString currentId() const { return m_ids.value(m_position); }
    // The product in view, if it has been read.
    const ProductReview *current() const;

    void go(int position);
    void goTo(const QString &productId);
    void next() { go(m_position + 1); }
    void previous() { go(m_position - 1); }
    // A decision on the product is on its way to the database: until it is stored, reads
    // of the product are dropped (they would show the state before it).
    void beginChange(const QString &productId);
    // A decision begun with beginChange was stored (or failed): once none is left on its
    // way, the product is read again and shown again if it is in view. Until then it keeps
    // the review it had, so keys go on working on it.
    void invalidate(const QString &productId);

signals:
    void listed(int count);
    // The product at `position` is in view and read (again).
    void currentChanged(int position, const tagdesk::ProductReview &review);
    // The position moved; the product may still be loading.
    void positionChanged(int position);
    void failed(const QString &message);

private:
    void load(const QString &productId);
    void prefetch();
    void forgetFarAway();

    JobReader m_reader;
    FullImageCache &m_images;
    ProductListQuery m_query;
    QStringList m_ids;
    QHash<QString, int> m_index; // position by id
    bool m_listed = false;
    int m_position = -1;
    QHash<QString, ProductReview> m_ready;
    QSet<QString> m_loading;
    QSet<QString> m_stale;          // changed while it was being read: read again when it arrives
    QHash<QString, int> m_changing; // decisions on their way, by product
    quint64 m_generation = 0;
};

} // namespace tagdesk::ui

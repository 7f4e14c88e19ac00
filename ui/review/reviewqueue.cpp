#include "review/reviewqueue.h"

#include "util/futures.h"

#include "review/fullimagecache.h"

namespace tagdesk::ui {

ReviewQueue::ReviewQueue(JobReader reader, FullImageCache &images, QObject *parent)
    : QObject(parent)
    , m_reader(std::move(reader))
    , m_images(images) {
}

void ReviewQueue::open(const ProductListQuery &query, const QString &startAt) {
    const quint64 generation = ++m_generation;
    m_query = query;
    m_listed = false;
    m_ids.clear();
    m_index.clear();
    m_ready.clear();
    m_loading.clear();
    m_stale.clear();
    m_changing.clear();
    m_position = -1;
    whenFinished(this, m_reader.inBackground(&JobReader::productIds, query),
                 [this, generation, startAt](const Result<QStringList> &ids) {
                     if (generation != m_generation)
                         return;
                     if (!ids)
                         return emit failed(ids.error().message);
                     m_ids = ids.value();
                     m_index.reserve(m_ids.size());
                     for (int i = 0; i < m_ids.size(); ++i)
                         m_index.insert(m_ids.at(i), i);
                     m_listed = true;
                     emit listed(count());
                     go(m_index.value(startAt, 0));
                 });
}

const ProductReview *ReviewQueue::current() const {
    const auto it = m_ready.constFind(currentId());
    return it == m_ready.constEnd() ? nullptr : &*it;
}

void ReviewQueue::go(int position) {
    if (m_ids.isEmpty()) {
        m_position = -1;
        emit positionChanged(-1);
        return;
    }
    position = std::clamp(position, 0, int(m_ids.size()) - 1);
    const bool moved = position != m_position;
    m_position = position;
    if (moved)
        emit positionChanged(position);
    if (const ProductReview *ready = current())
        emit currentChanged(position, *ready);
    else
        load(currentId());
    prefetch();
    forgetFarAway();
}

void ReviewQueue::goTo(const QString &productId) {
    if (const auto at = m_index.constFind(productId); at != m_index.constEnd())
        go(*at);
}

void ReviewQueue::beginChange(const QString &productId) {
    ++m_changing[productId];
}

void ReviewQueue::invalidate(const QString &productId) {
    if (auto it = m_changing.find(productId); it != m_changing.end() && --*it <= 0)
        m_changing.erase(it);
    if (m_changing.contains(productId))
        return; // another decision follows: read once it is stored
    const int at = m_index.value(productId, -1);
    const bool near = at >= m_position - 2 && at <= m_position + prefetchAhead + 1;
    if (!near) {
        m_ready.remove(productId);
        return;
    }
    if (m_loading.contains(productId))
        m_stale.insert(productId);
    else
        load(productId);
}

void ReviewQueue::load(const QString &productId) {
    if (productId.isEmpty() || m_loading.contains(productId))
        return;
    m_loading.insert(productId);
    const quint64 generation = m_generation;
    whenFinished(this, m_reader.inBackground(&JobReader::productReview, m_query.jobId, productId),
                 [this, generation, productId](const Result<ProductReview> &review) {
                     if (generation != m_generation)
                         return;
                     m_loading.remove(productId);
                     if (m_changing.contains(productId))
                         return; // read before a decision was stored; invalidate reads it again
                     if (m_stale.remove(productId)) {
                         if (m_index.contains(productId))
                             load(productId);
                         return;
                     }
                     if (!review) {
                         if (productId == currentId())
                             emit failed(review.error().message);
                         return;
                     }
                     m_ready.insert(productId, review.value());
                     QStringList shas;
                     for (const ReviewImage &image : review->images)
                         shas << image.sha256;
                     m_images.prefetch(shas);
                     if (productId == currentId())
                         emit currentChanged(m_position, review.value());
                 });
}

void ReviewQueue::prefetch() {
    for (int i = 1; i <= prefetchAhead; ++i) {
        const QString id = m_ids.value(m_position + i);
        if (!id.isEmpty() && !m_ready.contains(id))
            load(id);
    }
    const QString before = m_ids.value(m_position - 1);
    if (!before.isEmpty() && !m_ready.contains(before))
        load(before);
}

void ReviewQueue::forgetFarAway() {
    // A long review keeps only what is near: memory stays flat over 100,000 products.
    for (auto it = m_ready.begin(); it != m_ready.end();) {
        const int at = m_index.value(it.key(), -1);
        if (at < m_position - 2 || at > m_position + prefetchAhead + 1)
            it = m_ready.erase(it);
        else
            ++it;
    }
}

} // namespace tagdesk::ui

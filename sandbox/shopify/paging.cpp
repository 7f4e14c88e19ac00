#include "shopify/paging.h"

#include "shopify/gid.h"

#include <QJsonDocument>

#include <algorithm>

namespace tagdesk::sandbox {

using graphql::ConnectionPage;
using graphql::GraphQLError;
using graphql::ObjectRef;

QString encodeCursor(qint64 lastId, const QString &lastValue) {
    const QJsonObject o{{QStringLiteral("last_id"), double(lastId)},
                        {QStringLiteral("last_value"), lastValue}};
    return QString::fromLatin1(QJsonDocument(o).toJson(QJsonDocument::Compact).toBase64());
}

std::optional<Cursor> decodeCursor(const QString &cursor) {
    const auto decoded =
        QByteArray::fromBase64Encoding(cursor.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded);
    if (!doc.isObject() || !doc.object().value(QStringLiteral("last_id")).isDouble())
        return std::nullopt;
    return Cursor{qint64(doc.object().value(QStringLiteral("last_id")).toDouble()),
                  doc.object().value(QStringLiteral("last_value")).toString()};
}

namespace {

GraphQLError pagingError(const QString &message) {
    GraphQLError e;
    e.message = message;
    e.extensions = {{QStringLiteral("code"), QStringLiteral("BAD_REQUEST")}};
    return e;
}

} // namespace

std::variant<PageRequest, GraphQLError> PageRequest::fromArgs(const QJsonObject &args,
                                                              bool unbounded) {
    PageRequest r;
    r.unbounded = unbounded;
    if (args.value(QStringLiteral("first")).isDouble())
        r.first = args.value(QStringLiteral("first")).toInt();
    if (args.value(QStringLiteral("last")).isDouble())
        r.last = args.value(QStringLiteral("last")).toInt();
    r.after = args.value(QStringLiteral("after")).toString();
    r.before = args.value(QStringLiteral("before")).toString();
    r.reverse = args.value(QStringLiteral("reverse")).toBool();
    if (r.first && r.last)
        return pagingError(QStringLiteral("Passing both `first` and `last` to paginate "
                                          "the connection is not supported."));
    if (!unbounded && !r.first && !r.last)
        return pagingError(QStringLiteral("you must provide one of first or last"));
    for (const auto &n : {r.first, r.last})
        if (n && (*n < 0 || *n > 250))
            return pagingError(
                QStringLiteral("The requested page size of %1 is outside the allowed range "
                               "of 0 to 250.")
                    .arg(*n));
    for (const QString *c : {&r.after, &r.before})
        if (!c->isEmpty() && !decodeCursor(*c))
            return pagingError(QStringLiteral("Invalid cursor for current pagination sort."));
    return r;
}

std::variant<ConnectionPage, GraphQLError> pageProducts(ShopifyStore &store, ProductOrder order,
                                                        const ProductSearch &search,
                                                        const PageRequest &request) {
    const std::vector<qsizetype> &sorted = store.ordered(order);
    const qsizetype n = qsizetype(sorted.size());
    // Logical positions run in the order the client sees (reversed if asked).
    auto at = [&](qsizetype pos) -> qsizetype {
        return request.reverse ? sorted[size_t(n - 1 - pos)] : sorted[size_t(pos)];
    };
    auto keyOf = [&](qsizetype index) {
        const StoreProduct &p = store.productAt(index);
        return std::make_pair(ShopifyStore::sortValue(p, order), legacyId(p.id));
    };
    // Where a cursor's product sits in ascending key order: the first key >= it (lower)
    // and the first key > it (upper).
    auto bounds = [&](const Cursor &c) {
        const auto probe = std::make_pair(
            order == ProductOrder::Id ? QStringLiteral("%1").arg(c.lastId, 20, 10, QLatin1Char('0'))
                                      : c.lastValue,
            c.lastId);
        auto upper = std::upper_bound(sorted.begin(), sorted.end(), probe,
                                      [&](const auto &p, qsizetype idx) { return p < keyOf(idx); });
        auto lower = std::lower_bound(sorted.begin(), sorted.end(), probe,
                                      [&](qsizetype idx, const auto &p) { return keyOf(idx) < p; });
        return std::make_pair(qsizetype(lower - sorted.begin()), qsizetype(upper - sorted.begin()));
    };
    // Logical position of the first product after `cursor` in client order.
    auto positionAfter = [&](const Cursor &c) -> qsizetype {
        const auto [lower, upper] = bounds(c);
        return request.reverse ? n - lower : upper;
    };
    // Logical position of the cursor's product itself (items before it are < this).
    auto positionBefore = [&](const Cursor &c) -> qsizetype {
        const auto [lower, upper] = bounds(c);
        return request.reverse ? n - upper : lower;
    };
    auto matches = [&](qsizetype pos) {
        return search.matches(store.productAt(at(pos)));
    };

    qsizetype begin = 0;
    qsizetype end = n;
    if (!request.after.isEmpty())
        begin = positionAfter(*decodeCursor(request.after));
    if (!request.before.isEmpty())
        end = std::min(end, positionBefore(*decodeCursor(request.before)));

    QList<qsizetype> picked; // logical positions
    bool more = false;
    if (request.last && !request.first) {
        const int want = *request.last;
        qsizetype pos = end - 1;
        for (; pos >= begin; --pos) {
            if (!matches(pos))
                continue;
            if (picked.size() == want) {
                more = true;
                break;
            }
            picked.prepend(pos);
        }
    } else {
        const qsizetype want = request.first ? *request.first : n;
        qsizetype pos = begin;
        for (; pos < end; ++pos) {
            if (!matches(pos))
                continue;
            if (picked.size() == want) {
                more = true;
                break;
            }
            picked.append(pos);
        }
    }
    ConnectionPage page;
    page.nodes.reserve(picked.size());
    page.cursors.reserve(picked.size());
    for (qsizetype pos : picked) {
        const StoreProduct &p = store.productAt(at(pos));
        page.nodes.append(ObjectRef{QStringLiteral("Product"), &p});
        page.cursors.append(encodeCursor(legacyId(p.id), order == ProductOrder::Id
                                                             ? QString::number(legacyId(p.id))
                                                             : ShopifyStore::sortValue(p, order)));
    }
    // Whether anything matches on the other side of the page (scan stops at the first).
    auto anyMatch = [&](qsizetype from, qsizetype to, int step) {
        for (qsizetype pos = from; pos != to; pos += step)
            if (matches(pos))
                return true;
        return false;
    };
    if (request.last && !request.first) {
        page.hasPreviousPage = more;
        page.hasNextPage = !request.before.isEmpty() && end < n && anyMatch(end, n, 1);
    } else {
        page.hasNextPage = more;
        page.hasPreviousPage = !request.after.isEmpty() && begin > 0 && anyMatch(begin - 1, -1, -1);
    }
    return page;
}

ConnectionPage pageList(const QList<ObjectRef> &items, const QList<qint64> &ids,
                        const PageRequest &request) {
    const qsizetype n = items.size();
    auto at = [&](qsizetype pos) {
        return request.reverse ? n - 1 - pos : pos;
    };
    qsizetype begin = 0;
    qsizetype end = n;
    if (auto c = decodeCursor(request.after))
        begin = std::clamp<qsizetype>(c->lastValue.toLongLong() + 1, 0, n);
    if (auto c = decodeCursor(request.before))
        end = std::clamp<qsizetype>(c->lastValue.toLongLong(), 0, n);
    if (end < begin)
        end = begin;
    qsizetype from = begin;
    qsizetype to = end;
    if (request.first)
        to = std::min(end, begin + *request.first);
    else if (request.last)
        from = std::max(begin, end - *request.last);
    ConnectionPage page;
    for (qsizetype pos = from; pos < to; ++pos) {
        page.nodes.append(items.at(at(pos)));
        page.cursors.append(encodeCursor(ids.at(at(pos)), QString::number(pos)));
    }
    page.hasNextPage = to < end || (end < n && !request.before.isEmpty());
    page.hasPreviousPage = from > begin || begin > 0;
    return page;
}

} // namespace tagdesk::sandbox

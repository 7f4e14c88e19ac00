#include "catalogloader.h"

#include "gids.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tagdesk::sandbox {
namespace {

// One past the largest id number in use, so grown products never collide with the seed.
struct NextIds {
    qint64 product = 1;
    qint64 media = 1;
    qint64 metafield = 1;

    explicit NextIds(const Catalog &catalog) {
        const auto bump = [](qint64 &next, const QString &gid) {
            next = std::max(next, gidNumber(gid).value_or(0) + 1);
        };
        for (const StoreProduct &seed : catalog.products) {
            bump(product, seed.id);
            for (const StoreImage &image : seed.media) {
                bump(media, image.mediaId);
                bump(media, image.imageId);
            }
            for (const StoreMetafield &field : seed.metafields)
                bump(metafield, field.id);
        }
    }
};

} // namespace

void growCatalog(Catalog &catalog, int n) {
    const qsizetype seedCount = catalog.products.size();
    if (seedCount == 0 || n <= seedCount)
        return;

    NextIds next(catalog);
    catalog.products.reserve(n);
    for (qsizetype index = seedCount; index < n; ++index) {
        // A copy shares the seed's strings (Qt's implicit sharing): only the fields changed
        // below take new memory, and photos are shared by name, never by bytes.
        StoreProduct product = catalog.products.at(index % seedCount);
        const QString number = QString::number(index + 1);
        product.id = shopifyGid(u"Product"_s, next.product++);
        product.handle = product.handle + u'-' + number;
        product.title = product.title + u" (Style "_s + number + u')';
        for (StoreImage &image : product.media) {
            const qint64 mediaNumber = next.media++;
            image.mediaId = shopifyGid(u"MediaImage"_s, mediaNumber);
            image.imageId = shopifyGid(u"ImageSource"_s, mediaNumber);
        }
        for (StoreMetafield &metafield : product.metafields)
            metafield.id = shopifyGid(u"Metafield"_s, next.metafield++);
        catalog.products.append(std::move(product));
    }
}

} // namespace tagdesk::sandbox

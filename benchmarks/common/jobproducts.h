// The products benchmark jobs are filled with: analysed linen shirts with one image each,
// numbered from `first` so that several jobs of one database never share an id.
#pragma once

#include "domain/product.h"

#include <QList>

namespace bench {

inline QList<tagdesk::JobProduct> analysedShirts(int count, int first = 0) {
    QList<tagdesk::JobProduct> products;
    products.reserve(count);
    for (int i = 0; i < count; ++i) {
        tagdesk::JobProduct p;
        p.productId = QStringLiteral("gid://shopify/Product/%1").arg(first + i + 1);
        p.position = i;
        p.title = QStringLiteral("Linen shirt %1").arg(i);
        p.progress.stage = tagdesk::PipelineStage::Analysed;
        tagdesk::ProductSnapshot s;
        s.id = p.productId;
        s.title = p.title;
        s.productType = QStringLiteral("Shirts");
        s.tags = {QStringLiteral("summer"), QStringLiteral("linen")};
        s.media = {{QStringLiteral("gid://shopify/MediaImage/%1").arg(first + i + 1),
                    {},
                    QString(),
                    0,
                    0}};
        p.snapshot = s;
        products.append(p);
    }
    return products;
}

} // namespace bench

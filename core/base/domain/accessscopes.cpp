#include "domain/accessscopes.h"

#include <QCoreApplication>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(AccessScopes)
};
} // namespace

QList<RequiredScope> requiredScopes(Destinations destinations, StoreAccess access) {
    QList<RequiredScope> scopes{{QStringLiteral("read_products"), Texts::tr("reading products")}};
    if (access == StoreAccess::Read)
        return scopes;
    // Tags, metafields, the product type and the description are written on the product.
    scopes.append({QStringLiteral("write_products"), Texts::tr("writing products")});
    // Alt text is written on the product's media with fileUpdate. Whether write_products
    // alone is enough for a product's own media is not documented: both are checked.
    if (destinations.testFlag(Destination::AltText))
        scopes.append({QStringLiteral("write_files"), Texts::tr("writing image alt text")});
    // Category metafields reference the store's metaobjects, which Tagdesk reads (to find the
    // entry of a taxonomy value) and creates when missing: metaobjects need read_metaobjects
    // and metaobjectCreate write_metaobjects
    // (shopify.dev/docs/api/admin-graphql/latest/mutations/metaobjectCreate).
    if (destinations.testFlag(Destination::CategoryMetafields)) {
        scopes.append({QStringLiteral("read_metaobjects"),
                       Texts::tr("reading metaobjects for category metafields")});
        scopes.append({QStringLiteral("write_metaobjects"),
                       Texts::tr("creating metaobjects for category metafields")});
    }
    return scopes;
}

bool scopeGranted(const QStringList &granted, const QString &handle) {
    if (granted.contains(handle))
        return true;
    static const QLatin1String read("read_");
    return handle.startsWith(read) &&
           granted.contains(QStringLiteral("write_") + handle.mid(read.size()));
}

QList<RequiredScope> missingScopes(const QList<RequiredScope> &required,
                                   const QStringList &granted) {
    QList<RequiredScope> missing;
    for (const RequiredScope &scope : required) {
        if (!scopeGranted(granted, scope.handle))
            missing.append(scope);
    }
    return missing;
}

Error scopeMissingError(const QString &shopDomain, const RequiredScope &missing) {
    return Error::scopeMissing(Texts::tr("The token for %1 lacks %2, which %3 needs. Give the "
                                         "app that access scope in the Shopify admin.")
                                   .arg(shopDomain, missing.handle, missing.purpose),
                               missing.handle);
}

} // namespace tagdesk

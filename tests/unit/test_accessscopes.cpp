// The one list of the access scopes a job needs, and the one check of which store a job
// belongs to.
#include "domain/accessscopes.h"
#include "domain/job.h"

#include <gtest/gtest.h>

using namespace tagdesk;

namespace {
QStringList handles(const QList<RequiredScope> &scopes) {
    QStringList out;
    for (const RequiredScope &s : scopes)
        out << s.handle;
    return out;
}
} // namespace

TEST(AccessScopes, ARunReadsAndASyncWritesWhatTheJobsPlacesNeed) {
    const Destinations tags(Destination::Tags);
    const Destinations alt = tags | Destination::AltText;
    EXPECT_EQ(handles(requiredScopes(alt, StoreAccess::Read)),
              QStringList{QStringLiteral("read_products")});
    EXPECT_EQ(handles(requiredScopes(tags, StoreAccess::Write)),
              (QStringList{QStringLiteral("read_products"), QStringLiteral("write_products")}));
    EXPECT_EQ(handles(requiredScopes(alt, StoreAccess::Write)),
              (QStringList{QStringLiteral("read_products"), QStringLiteral("write_products"),
                           QStringLiteral("write_files")}));
}

TEST(AccessScopes, CategoryMetafieldsNeedTheMetaobjectScopesBeforeAnyWrite) {
    const Destinations category =
        Destinations(Destination::Category) | Destination::CategoryMetafields;
    EXPECT_EQ(handles(requiredScopes(category, StoreAccess::Read)),
              QStringList{QStringLiteral("read_products")});
    EXPECT_EQ(
        handles(requiredScopes(category, StoreAccess::Write)),
        (QStringList{QStringLiteral("read_products"), QStringLiteral("write_products"),
                     QStringLiteral("read_metaobjects"), QStringLiteral("write_metaobjects")}));
    // write_metaobjects grants the read; a token with the read only still lacks the write.
    const QStringList readOnly{QStringLiteral("write_products"),
                               QStringLiteral("read_metaobjects")};
    const auto missing = missingScopes(requiredScopes(category, StoreAccess::Write), readOnly);
    ASSERT_EQ(missing.size(), 1);
    EXPECT_EQ(missing.first().handle, QStringLiteral("write_metaobjects"));
    EXPECT_TRUE(
        missingScopes(requiredScopes(category, StoreAccess::Write),
                      {QStringLiteral("write_products"), QStringLiteral("write_metaobjects")})
            .isEmpty());
}

TEST(AccessScopes, AWriteScopeGrantsItsReadScopeOnly) {
    const QStringList granted{QStringLiteral("write_products")};
    EXPECT_TRUE(scopeGranted(granted, QStringLiteral("read_products")));
    EXPECT_TRUE(scopeGranted(granted, QStringLiteral("write_products")));
    EXPECT_FALSE(scopeGranted(granted, QStringLiteral("read_files")));
    EXPECT_FALSE(scopeGranted({QStringLiteral("read_products")}, QStringLiteral("write_products")));
    const auto missing = missingScopes(
        requiredScopes(Destinations(Destination::AltText), StoreAccess::Write), granted);
    ASSERT_EQ(missing.size(), 1);
    EXPECT_EQ(scopeMissingError(QStringLiteral("acme.myshopify.com"), missing.first()).message,
              QStringLiteral("The token for acme.myshopify.com lacks write_files, which writing "
                             "image alt text needs. Give the app that access scope in the "
                             "Shopify admin."));
}

TEST(JobStore, AJobWorksWithItsOwnStoreOrAnyWhileItHasNone) {
    Job job;
    job.id = 12;
    const ShopIdentity acme{QStringLiteral("gid://shopify/Shop/1"),
                            QStringLiteral("acme.myshopify.com")};
    const ShopIdentity other{QStringLiteral("gid://shopify/Shop/2"),
                             QStringLiteral("other.myshopify.com")};
    EXPECT_TRUE(job.checkStore(other).ok()) << "not bound yet";
    job.shop = acme;
    EXPECT_TRUE(job.checkStore(acme).ok());
    EXPECT_TRUE(job.checkStore({acme.id, QStringLiteral("renamed.myshopify.com")}).ok())
        << "the id decides";
    const Status refused = job.checkStore(other);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, Error::Code::NotAllowed);
    EXPECT_EQ(refused.error().message,
              QStringLiteral("Job 12 belongs to acme.myshopify.com (gid://shopify/Shop/1); the "
                             "saved store is other.myshopify.com (gid://shopify/Shop/2). Switch "
                             "the store in Settings, or create a new job."));
}

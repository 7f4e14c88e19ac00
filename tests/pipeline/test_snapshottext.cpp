// Every product of the real catalogs in tests/data/catalogs, read from the sandbox over
// loopback as a run fetches it, stored as text and read back (support/snapshotreference.h).
#include "pipeline/sandboxfixture.h"
#include "support/snapshotreference.h"

using namespace tagdesk;
using namespace tagdesk::test;

namespace {

class SnapshotText : public ::testing::TestWithParam<const char *> {};

TEST_P(SnapshotText, EveryProductOfARealCatalogReadsBackAsTheReferenceText) {
    const sandbox::Catalog catalog = realCatalog(QString::fromLatin1(GetParam()));
    ASSERT_FALSE(catalog.products.isEmpty());
    SandboxFixture sandbox(catalog, roomyBucket());
    HttpClient http(&sandbox.network, sandbox.fastRetries());
    ShopifyCredentials token;
    token.accessToken = QStringLiteral("shpat_sandbox");
    ShopifyClient shopify(&http, sandbox.store(), token);

    QStringList ids;
    for (const sandbox::StoreProduct &p : catalog.products)
        ids << p.id;
    int checked = 0;
    for (qsizetype from = 0; from < ids.size(); from += ShopifyClient::productsPerQuery) {
        const auto answer = await(shopify.products(ids.mid(from, ShopifyClient::productsPerQuery)));
        ASSERT_TRUE(answer.ok()) << answer.error().message.toStdString();
        for (const std::optional<ProductSnapshot> &s : answer.value()) {
            ASSERT_TRUE(s.has_value());
            expectStoredTextReadsBack(*s);
            ++checked;
        }
    }
    EXPECT_EQ(checked, catalog.products.size());
}

INSTANTIATE_TEST_SUITE_P(RealCatalogs, SnapshotText,
                         ::testing::Values("allovin-admin-graphql-products-164.json",
                                           "devstore-admin-rest-products.json",
                                           "easybuyadmin-admin-graphql-products-response.json",
                                           "hadesculture-storefront-products.json",
                                           "kith-storefront-products.json"));

} // namespace

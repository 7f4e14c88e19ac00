#include "domain/destination.h"
#include "domain/job.h"
#include "domain/product.h"
#include "domain/selection.h"
#include "domain/shopifystore.h"
#include "domain/suggestion.h"
#include "domain/urlsafety.h"
#include "support/snapshotreference.h"
#include "util/htmltokens.h"

#include <QJsonArray>

#include <gtest/gtest.h>

using namespace tagdesk;

TEST(ProductSelection, AcceptsGidsAndBareNumbers) {
    auto s = ProductSelection::fromProducts(
        {QStringLiteral("gid://shopify/Product/12"), QStringLiteral(" 34 "), QStringLiteral("12")});
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->productIds, (QStringList{QStringLiteral("gid://shopify/Product/12"),
                                          QStringLiteral("gid://shopify/Product/34")}));
    EXPECT_EQ(s->shopifySearchQuery(), QStringLiteral("id:12 OR id:34"));
}

TEST(ProductSelection, RefusesMalformedIdsNamingThem) {
    auto s = ProductSelection::fromProducts({QStringLiteral("gid://shopify/Collection/1")});
    ASSERT_FALSE(s.ok());
    EXPECT_TRUE(s.error().message.contains(QStringLiteral("gid://shopify/Collection/1")));
    EXPECT_EQ(s.error().code, Error::Code::InvalidInput);
    EXPECT_FALSE(ProductSelection::fromCollection(QStringLiteral("abc")).ok());
    EXPECT_FALSE(ProductSelection::fromQuery(QStringLiteral("   ")).ok());
}

TEST(ProductSelection, BuildsShopifySearchQueries) {
    EXPECT_EQ(ProductSelection::allActive().shopifySearchQuery(), QStringLiteral("status:active"));
    EXPECT_EQ(ProductSelection::fromCollection(QStringLiteral("gid://shopify/Collection/99"))
                  ->shopifySearchQuery(),
              QStringLiteral("collection_id:99"));
    EXPECT_EQ(ProductSelection::fromQuery(QStringLiteral(" tag:summer "))->shopifySearchQuery(),
              QStringLiteral("tag:summer"));
}

TEST(ProductSelection, RoundTripsThroughJson) {
    for (const auto &s :
         {ProductSelection::allActive(),
          ProductSelection::fromQuery(QStringLiteral("product_type:Dress")).value(),
          ProductSelection::fromCollection(QStringLiteral("7")).value(),
          ProductSelection::fromProducts({QStringLiteral("1"), QStringLiteral("2")}).value()}) {
        auto back = ProductSelection::fromJson(s.toJson());
        ASSERT_TRUE(back.ok());
        EXPECT_EQ(back.value(), s);
    }
}

TEST(Destinations, ParseTheCliWords) {
    auto d = destinationsFromKeys(QStringLiteral("tags, metafields,type,alt,description"));
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(destinationsToKeys(d.value()),
              QStringLiteral("tags,metafields,type,alt,description"));
    auto bad = destinationsFromKeys(QStringLiteral("tags,colour"));
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(bad.error().message.contains(QStringLiteral("colour")));
    EXPECT_FALSE(destinationsFromKeys(QString()).ok());
    auto category = destinationsFromKeys(QStringLiteral("category-metafields,category"));
    ASSERT_TRUE(category.ok());
    EXPECT_EQ(category.value(),
              Destinations(Destination::Category) | Destination::CategoryMetafields);
    EXPECT_EQ(destinationsToKeys(allDestinations()),
              QStringLiteral("tags,metafields,type,alt,description,category,category-metafields"));
    EXPECT_EQ(destinationText(Destination::CategoryMetafields),
              QStringLiteral("Category metafields"));
}

TEST(NewJob, ValidatesNameImagesAndAttributes) {
    NewJob j;
    j.name = QStringLiteral("  Spring   dresses ");
    auto ok = j.validated();
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(ok->name, QStringLiteral("Spring dresses"));

    j.name = QString();
    EXPECT_FALSE(j.validated().ok());
    j.name = QStringLiteral("x");
    j.imagesPerProduct = 0;
    EXPECT_FALSE(j.validated().ok());
    j.imagesPerProduct = Job::maxImagesPerProduct + 1;
    EXPECT_FALSE(j.validated().ok());
    j.imagesPerProduct = 2;
    j.attributes = {QStringLiteral("colour"), QStringLiteral("flavour")};
    auto bad = j.validated();
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(bad.error().message.contains(QStringLiteral("flavour")));
}

TEST(ProductSnapshot, RoundTripsEveryWritableField) {
    ProductSnapshot s;
    s.id = QStringLiteral("gid://shopify/Product/1");
    s.handle = QStringLiteral("red-dress");
    s.title = QStringLiteral("Red dress");
    s.vendor = QStringLiteral("ACME");
    s.productType = QStringLiteral("Dress");
    s.status = QStringLiteral("ACTIVE");
    s.descriptionHtml = QStringLiteral("<p>Soft & light</p>");
    s.tags = {QStringLiteral("summer"), QStringLiteral("colour:red")};
    s.media = {{QStringLiteral("gid://shopify/MediaImage/5"),
                QUrl(QStringLiteral("https://cdn.example/a.jpg")), QStringLiteral("front"), 400,
                600}};
    s.metafields = {{QStringLiteral("tagdesk"), QStringLiteral("colour"),
                     QStringLiteral("single_line_text_field"), QStringLiteral("red"),
                     QStringLiteral("abc")}};
    s.updatedAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
    auto back = ProductSnapshot::fromJson(s.toJson());
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back.value(), s);
    ASSERT_NE(back->metafield(QStringLiteral("tagdesk"), QStringLiteral("colour")), nullptr);
    EXPECT_FALSE(ProductSnapshot::fromJson(QJsonObject{}).ok());
}

TEST(ProductSnapshot, KeepsAnImagesRenditionForAnalysisAndFallsBackToTheOriginal) {
    ProductSnapshot s;
    s.id = QStringLiteral("gid://shopify/Product/1");
    MediaImage image{QStringLiteral("gid://shopify/MediaImage/5"),
                     QUrl(QStringLiteral("https://cdn.example/a.jpg?v=1")), QStringLiteral("front"),
                     2048, 2048};
    image.analysisUrl = QUrl(QStringLiteral("https://cdn.example/a.jpg?v=1&width=800&height=800"));
    s.media = {image};
    auto back = ProductSnapshot::fromJson(s.toJson());
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back.value(), s);
    EXPECT_EQ(back->media.first().urlForAnalysis(), image.analysisUrl);

    // A snapshot stored before renditions were asked for: its original is analysed.
    QJsonObject older = s.toJson();
    QJsonArray media = older.value(QStringLiteral("media")).toArray();
    QJsonObject first = media.first().toObject();
    first.remove(QStringLiteral("analysisUrl"));
    media.replace(0, first);
    older.insert(QStringLiteral("media"), media);
    auto old = ProductSnapshot::fromJson(older);
    ASSERT_TRUE(old.ok());
    EXPECT_TRUE(old->media.first().analysisUrl.isEmpty());
    EXPECT_EQ(old->media.first().urlForAnalysis(), image.url);
}

TEST(Suggestion, RoundTripsWithAlternatives) {
    Suggestion s{QStringLiteral("colour"),
                 QStringLiteral("red"),
                 0.91,
                 QStringLiteral("gid://shopify/MediaImage/5"),
                 {{QStringLiteral("orange"), 0.4}},
                 QStringLiteral("Red")};
    EXPECT_EQ(Suggestion::fromJson(s.toJson()), s);
}

TEST(ProgressKeys, RoundTrip) {
    for (auto s : {PipelineStage::Pending, PipelineStage::Fetching, PipelineStage::Fetched,
                   PipelineStage::Analysing, PipelineStage::Analysed, PipelineStage::Failed})
        EXPECT_EQ(stageFromKey(stageKey(s)), s);
    for (auto s :
         {SyncState::None, SyncState::Queued, SyncState::Pushing, SyncState::Pushed,
          SyncState::Failed, SyncState::Conflict, SyncState::Reverting, SyncState::Reverted})
        EXPECT_EQ(syncFromKey(syncKey(s)), s);
    EXPECT_FALSE(reviewFromKey(QStringLiteral("maybe")).has_value());
}

TEST(HtmlTokens, SpellingsOfTheSameHtmlAreTheSameAndOthersAreNot) {
    EXPECT_TRUE(sameHtml(QStringLiteral("<p class='a' id=b>Caf&eacute; &amp; co</p>\n\n<p>x</p>"),
                         QStringLiteral("<P ID=\"b\" CLASS=\"a\">Café &#38; co</P><p>x</p>")));
    EXPECT_TRUE(sameHtml(QStringLiteral("<p>a<br/>b</p>"), QStringLiteral("<p>a<br>b</p>")));
    EXPECT_FALSE(sameHtml(QStringLiteral("<p>a b</p>"), QStringLiteral("<p>a  b</p>")))
        << "text itself is kept as written";
    EXPECT_FALSE(sameHtml(QStringLiteral("<p class=\"a\">x</p>"), QStringLiteral("<p>x</p>")));
    EXPECT_FALSE(sameHtml(QStringLiteral("<p>x</p>"), QStringLiteral("<div>x</div>")));
    EXPECT_EQ(htmlFromTokens(htmlTokens(QStringLiteral("<p title='say \"hi\"' class=x>1 < 2</p>"))),
              QStringLiteral("<p class=\"x\" title=\"say &quot;hi&quot;\">1 &lt; 2</p>"));
    EXPECT_EQ(htmlFromTokens(htmlTokens(QStringLiteral("<!-- kept --> <p>a</p>"))),
              QStringLiteral("<!-- kept --><p>a</p>"));
}

TEST(ShopifyStore, TakesAShopNameOrItsMyshopifyAddressInAnySpelling) {
    for (const char *input : {"acme", " Acme ", "acme.myshopify.com", "https://acme.myshopify.com",
                              "https://ACME.myshopify.com/admin/products?x=1"}) {
        auto store = ShopifyStore::parse(QString::fromUtf8(input));
        ASSERT_TRUE(store.ok()) << input << ": " << store.error().message.toStdString();
        EXPECT_EQ(store->domain(), QStringLiteral("acme.myshopify.com")) << input;
        EXPECT_EQ(store->graphqlUrl().scheme(), QStringLiteral("https")) << input;
    }
    auto local = ShopifyStore::parse(QStringLiteral("http://127.0.0.1:8123"));
    ASSERT_TRUE(local.ok()) << "the sandbox, on this computer";
    EXPECT_EQ(local->domain(), QStringLiteral("127.0.0.1:8123"));
}

TEST(ShopifyStore, RefusesAMalformedAddressOrAnotherHostNamingTheProblem) {
    const struct {
        const char *input;
        const char *says;
    } refused[] = {
        {"", "No store address"},
        {"my shop!", "not a store address"},
        {"https://", "not a store address"},
        {"acme..myshopify.com", "not a store address"},
        {"shop_name.myshopify.com", "characters a store's host name cannot have"},
        {"www.acme-clothing.com", "not a myshopify.com address"},
        {"https://myshopify.com", "not a myshopify.com address"},
        {"https://acme.myshopify.com.evil.example", "not a myshopify.com address"},
        {"http://acme.myshopify.com", "plain http"},
        {"ftp://acme.myshopify.com", "not an http(s) address"},
    };
    for (const auto &[input, says] : refused) {
        auto store = ShopifyStore::parse(QString::fromUtf8(input));
        ASSERT_FALSE(store.ok()) << "accepted '" << input << "'";
        EXPECT_EQ(store.error().code, Error::Code::InvalidInput) << input;
        EXPECT_TRUE(store.error().message.contains(QString::fromUtf8(says)))
            << input << ": " << store.error().message.toStdString();
    }
}

TEST(UrlSafety, ARedirectNeverDowngradesNorTakesCredentialsToAnotherHost) {
    const QUrl shop(QStringLiteral("https://acme.myshopify.com/admin/api/2026-01/graphql.json"));
    const auto check = [&](const char *to, bool credentials) {
        return checkRedirect(shop, QUrl(QString::fromUtf8(to)), credentials);
    };
    EXPECT_TRUE(check("https://acme.myshopify.com/admin/api/2026-04/graphql.json", true).ok());
    EXPECT_TRUE(check("https://ACME.myshopify.com:443/other", true).ok()) << "the same origin";
    EXPECT_TRUE(check("https://cdn.shopify.com/s/files/x.jpg", false).ok());
    EXPECT_FALSE(check("https://evil.example/collect", true).ok());
    EXPECT_FALSE(check("https://acme.myshopify.com:8443/x", true).ok()) << "another port";
    EXPECT_FALSE(check("http://acme.myshopify.com/x", false).ok()) << "https to http";
    EXPECT_FALSE(check("ftp://acme.myshopify.com/x", false).ok());
    const Status refused = check("https://evil.example/collect", true);
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("evil.example")));
}

TEST(ProductSnapshot, StoredTextReadsBackAsTheReferenceTextWithEveryKindOfField) {
    // Nothing but an id: empty strings and lists, no category, no update time.
    ProductSnapshot bare;
    bare.id = QStringLiteral("gid://shopify/Product/1");
    test::expectStoredTextReadsBack(bare);

    ProductSnapshot s;
    s.id = QStringLiteral("gid://shopify/Product/2");
    s.handle = QStringLiteral("robe-d-été");
    s.title = QStringLiteral("Robe « été » \"rouge\" \\ 夏のドレス 👗");
    s.vendor = QStringLiteral("Ünïcødé\tVendor\nLine\r\b\f") + QChar(0x01) + QChar(0x1f);
    s.productType = QString();
    s.category = {QStringLiteral("gid://shopify/TaxonomyCategory/aa-1-4"),
                  QStringLiteral("Apparel & Accessories > Clothing > Dresses"), true};
    s.status = QStringLiteral("ACTIVE");
    s.descriptionHtml = QStringLiteral("<p class=\"x\">Lin</p>\n<script>/* </script> */");
    s.tags = {QStringLiteral("summer"), QString(), QStringLiteral("été, rouge")};
    MediaImage image{QStringLiteral("gid://shopify/MediaImage/5"),
                     QUrl(QStringLiteral("https://cdn.example/a b.jpg?v=1&x=é")),
                     QStringLiteral("alt \"front\""), 2048, 1536};
    image.status = QStringLiteral("PROCESSING");
    image.analysisUrl = QUrl(QStringLiteral("https://cdn.example/a.jpg?v=1&width=768"));
    s.media = {image, MediaImage{}};
    s.metafields = {{QStringLiteral("tagdesk"), QStringLiteral("colour"),
                     QStringLiteral("single_line_text_field"), QStringLiteral("rot/grün"),
                     QStringLiteral("abc")},
                    {QStringLiteral("shopify"), QStringLiteral("color-pattern"),
                     QStringLiteral("list.metaobject_reference"),
                     QStringLiteral("[\"gid://shopify/Metaobject/1\"]"), QString()}};
    s.categoryMetaobjects = {{QStringLiteral("gid://shopify/Metaobject/1"),
                              QStringLiteral("shopify--color-pattern"),
                              QStringLiteral("blue"),
                              {QStringLiteral("gid://shopify/TaxonomyValue/2")}},
                             {QStringLiteral("gid://shopify/Metaobject/3"),
                              QStringLiteral("shopify--fabric"),
                              QString(),
                              {}}};
    s.updatedAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
    test::expectStoredTextReadsBack(s);
}

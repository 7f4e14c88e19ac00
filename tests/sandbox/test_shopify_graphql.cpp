// The GraphQL subset the sandbox parses and executes, and Shopify's wording of errors.
#include "graphql/parser.h"
#include "shopifytestsupport.h"

#include <gtest/gtest.h>

using namespace tagdesk::sandbox;
using namespace Qt::StringLiterals;
using namespace tagdesk::sandbox::test;
using tagdesk::sandbox::graphql::Document;
using tagdesk::sandbox::graphql::GraphQLError;
using tagdesk::sandbox::graphql::Selection;
using tagdesk::sandbox::graphql::Value;

namespace {

Document parsed(const QString &text) {
    auto r = graphql::parseDocument(text);
    if (auto *e = std::get_if<GraphQLError>(&r)) {
        ADD_FAILURE() << qPrintable(e->message);
        return {};
    }
    return std::get<Document>(r);
}

GraphQLError parseError(const QString &text) {
    auto r = graphql::parseDocument(text);
    if (!std::holds_alternative<GraphQLError>(r))
        ADD_FAILURE() << "parsed without error: " << qPrintable(text);
    return std::holds_alternative<GraphQLError>(r) ? std::get<GraphQLError>(r) : GraphQLError{};
}

} // namespace

TEST(ShopifyGraphqlParser, ReadsOperationsVariablesAliasesAndFragments) {
    const Document doc =
        parsed(QStringLiteral("query Page($first: Int = 10, $q: String!) {\n"
                              "  list: products(first: $first, query: $q, sortKey: UPDATED_AT) {\n"
                              "    nodes { id ...Bits ... on Product { title } }\n"
                              "  }\n"
                              "}\n"
                              "fragment Bits on Product { handle }\n"));
    ASSERT_EQ(doc.operations.size(), 1);
    const auto &op = doc.operations.first();
    EXPECT_EQ(op.type, u"query"_s);
    EXPECT_EQ(op.name, u"Page"_s);
    ASSERT_EQ(op.variables.size(), 2);
    EXPECT_EQ(op.variables.at(0).type, u"Int"_s);
    ASSERT_TRUE(op.variables.at(0).defaultValue.has_value());
    EXPECT_EQ(op.variables.at(0).defaultValue->text, u"10"_s);
    EXPECT_EQ(op.variables.at(1).type, u"String!"_s);
    const Selection &list = op.selections.first();
    EXPECT_EQ(list.alias, u"list"_s);
    EXPECT_EQ(list.name, u"products"_s);
    ASSERT_EQ(list.arguments.size(), 3);
    EXPECT_EQ(list.arguments.at(2).value.kind, Value::Kind::Enum);
    const auto &nodes = list.selections.first().selections;
    ASSERT_EQ(nodes.size(), 3);
    EXPECT_EQ(nodes.at(1).kind, Selection::Kind::FragmentSpread);
    EXPECT_EQ(nodes.at(2).kind, Selection::Kind::InlineFragment);
    EXPECT_EQ(nodes.at(2).typeCondition, u"Product"_s);
    EXPECT_TRUE(doc.fragments.contains(u"Bits"_s));
}

TEST(ShopifyGraphqlParser, DecodesStringEscapesBlockStringsListsAndObjects) {
    const Document doc = parsed(QStringLiteral(
        "mutation { a(s: \"tab\\tquote\\\" \\u00e9\", l: [1, 2.5, true, null, X], "
        "o: {k: \"v\", n: {m: []}}, b: \"\"\"\n    first\n      second \\\"\"\" end\n    \"\"\") "
        "{ x } }"));
    const auto &args = doc.operations.first().selections.first().arguments;
    EXPECT_EQ(args.at(0).value.text, QStringLiteral("tab\tquote\" \u00e9"));
    ASSERT_EQ(args.at(1).value.items.size(), 5);
    EXPECT_EQ(args.at(1).value.items.at(1).kind, Value::Kind::Float);
    EXPECT_EQ(args.at(1).value.items.at(3).kind, Value::Kind::Null);
    EXPECT_EQ(args.at(1).value.items.at(4).kind, Value::Kind::Enum);
    EXPECT_EQ(args.at(2).value.fields.at(1).second.fields.first().second.kind, Value::Kind::List);
    EXPECT_EQ(args.at(3).value.text, QStringLiteral("first\n  second \"\"\" end"));
}

TEST(ShopifyGraphqlParser, ReportsSyntaxErrorsWithLineAndColumn) {
    const GraphQLError e = parseError(QStringLiteral("query {\n  products(first: 1) {\n    }\n}"));
    EXPECT_EQ(e.message, QStringLiteral("Parse error on \"}\" (RCURLY) at [3, 5]"));
    ASSERT_EQ(e.locations.size(), 1);
    EXPECT_EQ(e.locations.first().line, 3);
    EXPECT_EQ(e.locations.first().column, 5);
    EXPECT_EQ(parseError(QStringLiteral("{ products(first: 1) { nodes { id }")).message,
              QStringLiteral("Unexpected end of document"));
    EXPECT_TRUE(parseError(QStringLiteral("{ a(s: \"unterminated) }"))
                    .message.startsWith(QStringLiteral("Parse error on")));
}

class ShopifyGraphqlErrors : public SandboxFixture {
protected:
    void SetUp() override { start(); }

    QJsonObject onlyError(const QString &query, const QJsonObject &variables = {}) {
        const HttpResult r = graphql(query, variables);
        EXPECT_EQ(r.status, 200);
        EXPECT_FALSE(r.json().contains(QStringLiteral("data"))) << r.body.constData();
        EXPECT_EQ(r.errors().size(), 1) << r.body.constData();
        EXPECT_TRUE(r.json()
                        .value(QStringLiteral("extensions"))
                        .toObject()
                        .contains(QStringLiteral("cost")));
        return r.errors().first().toObject();
    }
};

TEST_F(ShopifyGraphqlErrors, UnknownFieldIsNamedAsShopifyWordsIt) {
    const QJsonObject e =
        onlyError(QStringLiteral("query Page { products(first: 2) { nodes { id colour } } }"));
    EXPECT_EQ(e.value(QStringLiteral("message")).toString(),
              QStringLiteral("Field 'colour' doesn't exist on type 'Product'"));
    EXPECT_EQ(at(e, {"extensions", "code"}).toString(), QStringLiteral("undefinedField"));
    EXPECT_EQ(e.value(QStringLiteral("path")).toArray(),
              (QJsonArray{QStringLiteral("query Page"), QStringLiteral("products"),
                          QStringLiteral("nodes"), QStringLiteral("colour")}));
    EXPECT_EQ(at(e, {"locations", "0", "column"}).toInt(), 46);
}

TEST_F(ShopifyGraphqlErrors, UnknownRootFieldsAndMutationsAreErrorsNotAnswers) {
    EXPECT_EQ(onlyError(QStringLiteral("{ orders(first: 1) { nodes { id } } }"))
                  .value(QStringLiteral("message"))
                  .toString(),
              QStringLiteral("Field 'orders' doesn't exist on type 'QueryRoot'"));
    EXPECT_EQ(onlyError(QStringLiteral("mutation { productDelete(input: {id: \"x\"}) { "
                                       "deletedProductId } }"))
                  .value(QStringLiteral("message"))
                  .toString(),
              QStringLiteral("Field 'productDelete' doesn't exist on type 'Mutation'"));
}

TEST_F(ShopifyGraphqlErrors, UnknownArgumentMissingArgumentAndWrongLiteral) {
    EXPECT_EQ(onlyError(QStringLiteral("{ products(first: 1, colour: \"red\") { nodes { id } } }"))
                  .value(QStringLiteral("message"))
                  .toString(),
              QStringLiteral("Field 'products' doesn't accept argument 'colour'"));
    EXPECT_EQ(
        onlyError(QStringLiteral("{ product { id } }")).value(QStringLiteral("message")).toString(),
        QStringLiteral("Field 'product' is missing required arguments: id"));
    EXPECT_EQ(onlyError(QStringLiteral("{ products(first: \"ten\") { nodes { id } } }"))
                  .value(QStringLiteral("message"))
                  .toString(),
              QStringLiteral("Argument 'first' on Field 'products' has an invalid value "
                             "(\"ten\"). Expected type 'Int'."));
}

TEST_F(ShopifyGraphqlErrors, SelectionsMustMatchTheFieldType) {
    EXPECT_EQ(onlyError(QStringLiteral("{ products(first: 1) { nodes { seo } } }"))
                  .value(QStringLiteral("message"))
                  .toString(),
              QStringLiteral("Field must have selections (field 'seo' returns SEO! but has no "
                             "selections. Did you mean 'seo { ... }'?)"));
    EXPECT_EQ(onlyError(QStringLiteral("{ products(first: 1) { nodes { title { x } } } }"))
                  .value(QStringLiteral("message"))
                  .toString(),
              QStringLiteral("Selections can't be made on scalars (field 'title' returns String! "
                             "but has selections [x])"));
}

TEST_F(ShopifyGraphqlErrors, VariablesAndOperationsAreChecked) {
    EXPECT_EQ(onlyError(QStringLiteral("query Q { product(id: $id) { id } }"))
                  .value(QStringLiteral("message"))
                  .toString(),
              QStringLiteral("Variable $id is used by Q but not declared"));
    EXPECT_EQ(onlyError(QStringLiteral("query Q($id: ID!) { product(id: $id) { id } }"))
                  .value(QStringLiteral("message"))
                  .toString(),
              QStringLiteral("Variable $id of type ID! was provided invalid value"));
    EXPECT_EQ(
        onlyError(QStringLiteral("mutation U($p: ProductUpdateInput!) { productUpdate(product: "
                                 "$p) { product { id } } }"),
                  QJsonObject{{QStringLiteral("p"),
                               QJsonObject{{QStringLiteral("id"), QStringLiteral("x")},
                                           {QStringLiteral("colour"), QStringLiteral("red")}}}})
            .value(QStringLiteral("message"))
            .toString(),
        QStringLiteral("Variable $p of type ProductUpdateInput! was provided invalid value for "
                       "colour (Field is not defined on ProductUpdateInput)"));
    EXPECT_EQ(onlyError(QStringLiteral("query A { shop { name } } query B { shop { name } }"))
                  .value(QStringLiteral("message"))
                  .toString(),
              QStringLiteral("An operation name is required"));
    EXPECT_EQ(onlyError(QStringLiteral("{ products(first: 1) { nodes { ...Missing } } }"))
                  .value(QStringLiteral("message"))
                  .toString(),
              QStringLiteral("Fragment Missing was used, but not defined"));
    EXPECT_EQ(onlyError(QStringLiteral("{ products(first: 1) { nodes { ... on Collection { "
                                       "title } } } }"))
                  .value(QStringLiteral("message"))
                  .toString(),
              QStringLiteral("Fragment on Collection can't be spread inside Product"));
}

TEST_F(ShopifyGraphqlErrors, ParseErrorsComeBackWithTheirLocation) {
    const QJsonObject e = onlyError(QStringLiteral("query {\n  shop { name }\n  }}"));
    EXPECT_EQ(e.value(QStringLiteral("message")).toString(),
              QStringLiteral("Parse error on \"}\" (RCURLY) at [3, 4]"));
    EXPECT_EQ(at(e, {"locations", "0", "line"}).toInt(), 3);
}

TEST_F(ShopifyGraphqlErrors, AnswersExactlyTheFieldsAskedInSelectionOrder) {
    const HttpResult r = graphql(
        QStringLiteral(
            "query ($id: ID!, $n: Int = 1) { p: product(id: $id) { __typename title handle "
            "m: media(first: $n) { edges { cursor node { __typename id ... on MediaImage { image { "
            "width } } } } } ...More } } fragment More on Product { vendor title }"),
        QJsonObject{{QStringLiteral("id"), QStringLiteral("gid://shopify/Product/1001")}});
    ASSERT_EQ(r.status, 200);
    EXPECT_TRUE(r.errors().isEmpty()) << r.body.constData();
    EXPECT_TRUE(r.body.contains(
        "{\"data\":{\"p\":{\"__typename\":\"Product\",\"title\":\"Dress number 0\",\"handle\":"
        "\"product-0\",\"m\":{\"edges\":[{\"cursor\":"))
        << r.body.constData();
    const QJsonObject p = r.data().value(QStringLiteral("p")).toObject();
    EXPECT_EQ(p.keys().size(), 5); // __typename, title, handle, m, vendor (title merged)
    EXPECT_EQ(at(p, {"m", "edges", "0", "node", "__typename"}).toString(),
              QStringLiteral("MediaImage"));
    EXPECT_EQ(at(p, {"m", "edges", "0", "node", "image", "width"}).toInt(), 400);
    EXPECT_EQ(at(p, {"m", "edges"}).toArray().size(), 1);
}

TEST_F(ShopifyGraphqlErrors, RequestsThatAreNotGraphqlAre400) {
    QNetworkRequest request(QUrl(server->graphqlUrl()));
    request.setRawHeader("X-Shopify-Access-Token", "shpat_sandbox");
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("text/plain"));
    EXPECT_EQ(finish(nam.post(request, QByteArray("{ shop { name } }"))).status, 400);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    const HttpResult noQuery = finish(nam.post(request, QByteArray("{}")));
    EXPECT_EQ(noQuery.status, 400);
    EXPECT_EQ(at(noQuery.json(), {"errors", "query"}).toString(),
              QStringLiteral("Required parameter missing or invalid"));
    EXPECT_EQ(finish(nam.post(request, QByteArray("not json"))).status, 400);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/graphql"));
    EXPECT_TRUE(finish(nam.post(request, QByteArray("{ shop { name } }"))).errors().isEmpty());
}

TEST_F(ShopifyGraphqlErrors, ArgumentsTheSandboxCannotHonourAreErrorsNotIgnored) {
    const HttpResult r = graphql(QStringLiteral(
        "{ products(first: 5, savedSearchId: \"gid://shopify/SavedSearch/1\") { nodes { id } } }"));
    EXPECT_TRUE(r.data().value(QStringLiteral("products")).isNull());
    EXPECT_EQ(at(r.errors(), {"0", "message"}).toString(),
              QStringLiteral("The sandbox does not support the 'savedSearchId' argument"));
    EXPECT_EQ(at(r.errors(), {"0", "path"}).toArray(), QJsonArray{QStringLiteral("products")});
    const HttpResult sorted = graphql(
        QStringLiteral("{ products(first: 5, sortKey: INVENTORY_TOTAL) { nodes { id } } }"));
    EXPECT_EQ(at(sorted.errors(), {"0", "message"}).toString(),
              QStringLiteral("The sandbox cannot sort products by INVENTORY_TOTAL"));
}

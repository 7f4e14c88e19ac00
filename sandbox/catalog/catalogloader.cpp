#include "catalogloader.h"

#include "catalogbuilder.h"
#include "graphqlproductreader.h"
#include "jsonfields.h"
#include "restproductreader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace tagdesk::sandbox {
namespace {

enum class ProductFormat { Rest, Graphql };

struct ProductList {
    QJsonArray products;
    ProductFormat format;
};

const QString kExpectedShapes =
    u"expected a products.json ({\"products\":[…]}) or GraphQL product nodes "
    "([…] or {\"data\":{\"products\":{\"edges\"|\"nodes\":…}}})"_s;

QString firstGraphqlError(const QJsonObject &answer) {
    const QJsonArray errors = answer.value(u"errors"_s).toArray();
    return errors.isEmpty() ? QString() : errors.first().toObject().value(u"message"_s).toString();
}

// Finds the product list in any of the accepted shapes.
Result<ProductList> findProducts(const QJsonDocument &document) {
    if (document.isArray())
        return ProductList{document.array(), ProductFormat::Graphql};

    const QJsonObject root = document.object();
    if (root.value(u"products"_s).isArray())
        return ProductList{root.value(u"products"_s).toArray(), ProductFormat::Rest};
    if (root.value(u"product"_s).isObject())
        return ProductList{QJsonArray{root.value(u"product"_s)}, ProductFormat::Rest};
    // The `data` of a GraphQL answer saved without its envelope.
    if (root.value(u"products"_s).isObject())
        return ProductList{connectionNodes(root.value(u"products"_s)), ProductFormat::Graphql};

    if (root.contains(u"data"_s) || root.contains(u"errors"_s)) {
        const QJsonObject data = root.value(u"data"_s).toObject();
        if (data.value(u"products"_s).isObject())
            return ProductList{connectionNodes(data.value(u"products"_s)), ProductFormat::Graphql};
        if (data.value(u"product"_s).isObject())
            return ProductList{QJsonArray{data.value(u"product"_s)}, ProductFormat::Graphql};
        if (const QString error = firstGraphqlError(root); !error.isEmpty())
            return Error::invalid(u"it is a GraphQL answer with errors and no products: "_s +
                                  error);
        return Error::invalid(u"it is a GraphQL answer without data.products; "_s +
                              kExpectedShapes);
    }
    if (root.value(u"edges"_s).isArray() || root.value(u"nodes"_s).isArray())
        return ProductList{connectionNodes(root), ProductFormat::Graphql};

    const QStringList keys = root.keys();
    return Error::invalid(u"%1, but found an object with %2"_s.arg(
        kExpectedShapes,
        keys.isEmpty() ? u"no fields"_s : u"the fields "_s + keys.mid(0, 5).join(u", "_s)));
}

} // namespace

Result<Catalog> parseCatalog(const QByteArray &json, const QString &sourceName) {
    const auto failure = [&sourceName](const QString &problem) {
        return Error::invalid(sourceName + u": "_s + problem);
    };
    if (json.trimmed().isEmpty())
        return failure(u"the file is empty"_s);

    // Files saved by Windows tools may start with a UTF-8 byte order mark.
    const QByteArray text = json.startsWith("\xEF\xBB\xBF") ? json.mid(3) : json;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failure(
            u"not JSON (%1 at byte %2)"_s.arg(parseError.errorString()).arg(parseError.offset));

    const Result<ProductList> found = findProducts(document);
    if (!found)
        return failure(found.error().message);
    if (found->products.isEmpty())
        return failure(u"it contains no products"_s);

    CatalogBuilder builder;
    for (qsizetype index = 0; index < found->products.size(); ++index) {
        const QJsonValue value = found->products.at(index);
        const QString where = u"product %1"_s.arg(index + 1);
        if (!value.isObject())
            return failure(where + u" is not a JSON object"_s);
        const QJsonObject object = value.toObject();
        const bool rest = found->format == ProductFormat::Rest || looksLikeRestProduct(object);
        const Result<ProductDraft> draft =
            rest ? readRestProduct(object) : readGraphqlProduct(object);
        if (!draft)
            return failure(where + u": "_s + draft.error().message);
        if (const Status added = builder.add(*draft); !added)
            return failure(where + u": "_s + added.error().message);
    }
    return builder.take();
}

Result<Catalog> loadCatalogFile(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::notFound(u"Cannot read the catalog %1: %2"_s.arg(path, file.errorString()));
    return parseCatalog(file.readAll(), path);
}

} // namespace tagdesk::sandbox

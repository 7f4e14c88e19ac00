#include "domain/job.h"

#include "domain/attribute.h"

#include <QCoreApplication>

namespace tagdesk {

Result<Job> NewJob::validated() const {
    const QString trimmed = name.simplified();
    if (trimmed.isEmpty())
        return Error::invalid(QCoreApplication::translate("NewJob", "A job needs a name"));
    if (trimmed.size() > Job::maxNameLength)
        return Error::invalid(
            QCoreApplication::translate("NewJob", "The job name is longer than %1 characters")
                .arg(Job::maxNameLength));
    if (imagesPerProduct < 1 || imagesPerProduct > Job::maxImagesPerProduct)
        return Error::invalid(QCoreApplication::translate(
                                  "NewJob", "Images per product must be between 1 and %1 (got %2)")
                                  .arg(Job::maxImagesPerProduct)
                                  .arg(imagesPerProduct));
    for (const QString &a : attributes) {
        if (!attributes::isKnown(a))
            return Error::invalid(
                QCoreApplication::translate("NewJob", "Unknown attribute '%1' (known: %2)")
                    .arg(a, attributes::known().join(QStringLiteral(", "))));
    }
    if (!writing.tagTemplate.contains(QLatin1String("{value}")))
        return Error::invalid(QCoreApplication::translate(
                                  "NewJob", "The tag template \"%1\" has no {value} placeholder")
                                  .arg(writing.tagTemplate));
    if (writing.productTypeFrom != attributes::category &&
        writing.productTypeFrom != attributes::subcategory)
        return Error::invalid(QCoreApplication::translate(
                                  "NewJob", "The product type comes from category or subcategory, "
                                            "not '%1'")
                                  .arg(writing.productTypeFrom));
    // The product query reads back metafields of this one namespace (its cost grows with
    // every namespace read), so a push elsewhere could not be checked.
    if (writing.metafieldNamespace != WriteSettings().metafieldNamespace)
        return Error::invalid(
            QCoreApplication::translate("NewJob", "Metafields are written in the namespace \"%1\"; "
                                                  "\"%2\" is not supported yet")
                .arg(WriteSettings().metafieldNamespace, writing.metafieldNamespace));
    static const QStringList textTypes{QStringLiteral("single_line_text_field"),
                                       QStringLiteral("multi_line_text_field"),
                                       QStringLiteral("list.single_line_text_field")};
    QStringList types = writing.metafieldTypes.values();
    types << writing.metafieldType;
    for (const QString &type : types) {
        if (!textTypes.contains(type))
            return Error::invalid(
                QCoreApplication::translate("NewJob",
                                            "Attribute values are text: a metafield type of %1, "
                                            "not '%2'")
                    .arg(textTypes.join(QStringLiteral(", ")), type));
    }
    Job job;
    job.name = trimmed;
    job.selection = selection;
    job.tagger = tagger;
    job.imagesPerProduct = imagesPerProduct;
    job.attributes = attributes;
    job.destinations = destinations;
    job.writing = writing;
    return job;
}

} // namespace tagdesk

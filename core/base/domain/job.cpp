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
    if (const Status valid = writing.validate(); !valid)
        return valid.error();
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

Status Job::checkStore(const ShopIdentity &store) const {
    // The id decides: a shop keeps its id whatever its name or domain become.
    if (!shop.isKnown() || shop.id == store.id)
        return {};
    return Error::notAllowed(
        QCoreApplication::translate("Job", "Job %1 belongs to %2; the saved store is %3. Switch "
                                           "the store in Settings, or create a new job.")
            .arg(id)
            .arg(shop.describe(), store.describe()));
}

} // namespace tagdesk

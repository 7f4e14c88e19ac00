#pragma once

#include "shopify/shopifyclient.h"

#include <QJsonObject>
#include <QList>

namespace tagdesk {

// One mutation run by Shopify over many sets of variables as a bulk operation: the
// variables are uploaded as JSONL to a staged target, bulkOperationRunMutation runs the
// document once per line, and the result file gives each line's answer. Costs a few
// points however many lines, where one call per product costs ten points each.
namespace bulkmutation {

// Each line's `data` object (e.g. {"tagsAdd": {...}}), in the order of `variables`; a
// line Shopify did not answer gets an object with an "errors" array instead.
QFuture<Result<QList<QJsonObject>>> run(ShopifyClient *client, const QString &document,
                                        const QList<QJsonObject> &variables, int pollMs = 1000);

// The body of a multipart/form-data upload: every parameter in order, the file last
// (the order staged upload targets require).
QByteArray multipartBody(const QList<std::pair<QString, QString>> &parameters,
                         const QByteArray &file, const QByteArray &boundary);

} // namespace bulkmutation
} // namespace tagdesk

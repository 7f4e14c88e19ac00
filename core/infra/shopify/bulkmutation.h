#pragma once

#include "shopify/shopifyclient.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace tagdesk {

// One mutation run by Shopify over many sets of variables as a bulk operation: the
// variables are uploaded as JSONL to a staged target, bulkOperationRunMutation runs the
// document once per line, and the result file gives each line's answer. Costs a few
// points however many lines, where one call per product costs ten points each.
namespace bulkmutation {

// Each line's `data` object (e.g. {"tagsAdd": {...}}), in the order of `variables`; a
// line Shopify answered with errors gets an object with its "errors" array instead. A
// results file that does not answer every line is downloaded again, then is an error.
QFuture<Result<QList<QJsonObject>>> run(ShopifyClient *client, const QString &document,
                                        const QList<QJsonObject> &variables, int pollMs = 1000);

// A results file read: one JSON line per line of variables, each with the __lineNumber it
// answers. nullopt when a line is not answered (a file cut short, or not a results file).
std::optional<QList<QJsonObject>> parseResults(const QByteArray &body, qsizetype lines);

// The body of a multipart/form-data upload: every parameter in order, the file last
// (the order staged upload targets require).
QByteArray multipartBody(const QList<std::pair<QString, QString>> &parameters,
                         const QByteArray &file, const QByteArray &boundary);

} // namespace bulkmutation
} // namespace tagdesk

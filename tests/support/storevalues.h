#pragma once

#include "domain/writesettings.h"
#include "sync/changeplan.h"

#include <QJsonObject>

#include <string>

namespace tagdesk::test {

// A sandbox product as GET /_sandbox/products gives it, without what every write moves
// (updatedAt, metafield times and digests), tags sorted, metafields as "ns.key" → [type,
// value]: two stores compare equal exactly when their products hold the same values.
QJsonObject comparableProduct(const QJsonObject &sandboxProduct);

// The comparable product `before` becomes once `plan` is written.
QJsonObject withPlanApplied(QJsonObject before, const ChangePlan &plan,
                            const WriteSettings &writing = {});

// The fields two comparable products differ in, each with both values; empty when equal.
std::string productDifference(const QJsonObject &actual, const QJsonObject &expected);

// The values of `actual` that are neither `one`'s nor `other`'s, field by field (each
// metafield and each image on its own), with all three; empty when every field holds one
// of the two — what a write of several calls may leave when a call fails part way.
std::string fieldsHoldingNeither(const QJsonObject &actual, const QJsonObject &one,
                                 const QJsonObject &other);

} // namespace tagdesk::test

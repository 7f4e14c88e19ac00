#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace tagdesk::sandbox {

// Small readers for the JSON shapes Shopify uses in all its formats.

// The items of a GraphQL connection, whichever way it was written: {"nodes":[…]},
// {"edges":[{"node":…}]}, or already a plain array.
QJsonArray connectionNodes(const QJsonValue &connection);

// A string field; numbers are turned into their decimal text (REST ids are numbers).
QString stringField(const QJsonObject &object, const QString &key);

// An ISO 8601 timestamp in UTC, or an invalid QDateTime when absent or unreadable.
QDateTime timestampField(const QJsonObject &object, const QString &key);

} // namespace tagdesk::sandbox

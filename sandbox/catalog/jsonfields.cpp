#include "jsonfields.h"

using namespace Qt::StringLiterals;

namespace tagdesk::sandbox {

QJsonArray connectionNodes(const QJsonValue &connection) {
    if (connection.isArray())
        return connection.toArray();
    const QJsonObject object = connection.toObject();
    if (object.value(u"nodes"_s).isArray())
        return object.value(u"nodes"_s).toArray();
    QJsonArray nodes;
    const QJsonArray edges = object.value(u"edges"_s).toArray();
    for (const QJsonValue &edge : edges)
        nodes.append(edge.toObject().value(u"node"_s));
    return nodes;
}

QString stringField(const QJsonObject &object, const QString &key) {
    const QJsonValue value = object.value(key);
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toInteger());
    return {};
}

QDateTime timestampField(const QJsonObject &object, const QString &key) {
    const QDateTime parsed = QDateTime::fromString(object.value(key).toString(), Qt::ISODate);
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

} // namespace tagdesk::sandbox

#include "taggers/ximilaranswer.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace tagdesk::ximilar {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(XimilarTagger)
};

const QLatin1String kTopCategory("Top Category");

bool isTagList(const QJsonValue &value) {
    const QJsonArray list = value.toArray();
    return !list.isEmpty() && list.first().isObject() &&
           list.first().toObject().value(QLatin1String("name")).isString();
}

void appendTags(QList<ProviderLabel> &labels, const QString &feature, const QJsonArray &tags) {
    for (const QJsonValue &tag : tags) {
        const QJsonObject t = tag.toObject();
        const QString name = t.value(QLatin1String("name")).toString();
        if (!name.isEmpty())
            labels.append({feature, name, t.value(QLatin1String("prob")).toDouble()});
    }
}

// Features of one object (or of a `/v2/tags` record), in Ximilar's order.
void appendFeatures(QList<ProviderLabel> &labels, const QJsonObject &tags,
                    const QJsonArray &topCategory) {
    for (auto it = tags.begin(); it != tags.end(); ++it)
        if (it.key() != kTopCategory)
            appendTags(labels, it.key(), it.value().toArray());
    const bool hasCategory = tags.value(QLatin1String("Category")).toArray().size() > 0;
    const QJsonArray top = topCategory.isEmpty() ? tags.value(kTopCategory).toArray() : topCategory;
    if (!hasCategory)
        appendTags(labels, kTopCategory, top);
}

double weight(const QJsonObject &object) {
    const double area = object.value(QLatin1String("area")).toDouble(1.0);
    const double prob = object.value(QLatin1String("prob")).toDouble(1.0);
    return area * prob;
}
} // namespace

int recordStatusCode(const QJsonObject &record) {
    const QJsonObject status = record.value(QLatin1String("_status")).toObject();
    return status.isEmpty() ? 200 : status.value(QLatin1String("code")).toInt(200);
}

Result<QList<ProviderLabel>> recordLabels(const QJsonObject &record) {
    const int code = recordStatusCode(record);
    if (code < 200 || code > 299) {
        const QString text = record.value(QLatin1String("_status"))
                                 .toObject()
                                 .value(QLatin1String("text"))
                                 .toString();
        return Error::failed(
            Texts::tr("Ximilar could not read this image (%1: %2)").arg(code).arg(text));
    }

    QList<ProviderLabel> labels;
    const QJsonArray objects = record.value(QLatin1String("_objects")).toArray();
    if (!objects.isEmpty()) {
        QJsonObject main = objects.first().toObject();
        for (const QJsonValue &o : objects)
            if (weight(o.toObject()) > weight(main))
                main = o.toObject();
        appendFeatures(labels, main.value(QLatin1String("_tags")).toObject(),
                       main.value(kTopCategory).toArray());
    } else if (record.value(QLatin1String("_tags")).isObject()) {
        appendFeatures(labels, record.value(QLatin1String("_tags")).toObject(), {});
    }
    for (auto it = record.begin(); it != record.end(); ++it)
        if (!it.key().startsWith(QLatin1Char('_')) && it.key() != kTopCategory &&
            isTagList(it.value()))
            appendTags(labels, it.key(), it.value().toArray());
    return labels;
}

QList<QJsonObject> records(const QJsonObject &envelope) {
    QList<QJsonObject> out;
    for (const QJsonValue &r : envelope.value(QLatin1String("records")).toArray())
        out.append(r.toObject());
    return out;
}

} // namespace tagdesk::ximilar

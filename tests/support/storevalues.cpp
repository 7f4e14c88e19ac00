#include "support/storevalues.h"

#include "sync/productfields.h"
#include "util/htmltokens.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tagdesk::test {

namespace {
// Descriptions compare as Shopify keeps them: by their HTML, not its spelling.
QJsonValue comparableHtml(const QJsonValue &html) {
    return htmlFromTokens(htmlTokens(html.toString()));
}
} // namespace

QJsonObject comparableProduct(const QJsonObject &sandboxProduct) {
    QJsonObject o = sandboxProduct;
    o.remove(QStringLiteral("updatedAt"));
    if (o.contains(productfields::description))
        o.insert(productfields::description, comparableHtml(o.value(productfields::description)));
    QStringList tags;
    for (const QJsonValue &t : o.value(QStringLiteral("tags")).toArray())
        tags << t.toString();
    o.insert(QStringLiteral("tags"), productfields::sortedTags(tags));
    QJsonObject metafields;
    for (const QJsonValue &v : o.value(QStringLiteral("metafields")).toArray()) {
        const QJsonObject m = v.toObject();
        metafields.insert(
            m.value(QStringLiteral("namespace")).toString() + QLatin1Char('.') +
                m.value(QStringLiteral("key")).toString(),
            QJsonArray{m.value(QStringLiteral("type")), m.value(QStringLiteral("value"))});
    }
    o.insert(QStringLiteral("metafields"), metafields);
    return o;
}

QJsonObject withPlanApplied(QJsonObject values, const ChangePlan &plan,
                            const WriteSettings &writing) {
    QJsonObject metafields = values.value(QStringLiteral("metafields")).toObject();
    QJsonArray media = values.value(QStringLiteral("media")).toArray();
    for (auto it = plan.after.begin(); it != plan.after.end(); ++it) {
        const QString key = it.key();
        if (key == productfields::tags) {
            values.insert(QStringLiteral("tags"), it.value());
        } else if (key == productfields::productType) {
            values.insert(key, it.value());
        } else if (key == productfields::description) {
            values.insert(key, comparableHtml(it.value()));
        } else if (const auto [ns, mkey] = productfields::metafieldOf(key); !ns.isEmpty()) {
            const QString name = ns + QLatin1Char('.') + mkey;
            if (it.value().isNull())
                metafields.remove(name);
            else
                metafields.insert(name, QJsonArray{metafields.contains(name)
                                                       ? metafields.value(name).toArray().at(0)
                                                       : QJsonValue(writing.metafieldTypeFor(mkey)),
                                                   it.value()});
        } else if (const QString id = productfields::mediaOf(key); !id.isEmpty()) {
            for (qsizetype i = 0; i < media.size(); ++i) {
                QJsonObject m = media.at(i).toObject();
                if (m.value(QStringLiteral("id")).toString() == id) {
                    m.insert(QStringLiteral("alt"), it.value());
                    media[i] = m;
                }
            }
        }
    }
    values.insert(QStringLiteral("metafields"), metafields);
    values.insert(QStringLiteral("media"), media);
    return values;
}

std::string productDifference(const QJsonObject &actual, const QJsonObject &expected) {
    std::string out;
    QStringList keys = actual.keys() + expected.keys();
    keys.removeDuplicates();
    for (const QString &key : keys) {
        if (actual.value(key) == expected.value(key))
            continue;
        const auto text = [&](const QJsonObject &o) {
            return QJsonDocument(QJsonObject{{key, o.value(key)}})
                .toJson(QJsonDocument::Compact)
                .toStdString();
        };
        out += "\n  is        " + text(actual) + "\n  should be " + text(expected);
    }
    return out;
}

namespace {
// A comparable product's values one by one: its metafields by "ns.key", its images by id.
QHash<QString, QJsonValue> fieldByField(const QJsonObject &product) {
    QHash<QString, QJsonValue> out;
    for (auto it = product.begin(); it != product.end(); ++it) {
        if (it.key() == QLatin1String("metafields")) {
            const QJsonObject metafields = it.value().toObject();
            for (auto m = metafields.begin(); m != metafields.end(); ++m)
                out.insert(QStringLiteral("metafield ") + m.key(), m.value());
        } else if (it.key() == QLatin1String("media")) {
            for (const QJsonValue &image : it.value().toArray())
                out.insert(QStringLiteral("image ") +
                               image.toObject().value(QStringLiteral("id")).toString(),
                           image);
        } else {
            out.insert(it.key(), it.value());
        }
    }
    return out;
}
} // namespace

std::string fieldsHoldingNeither(const QJsonObject &actual, const QJsonObject &one,
                                 const QJsonObject &other) {
    const auto now = fieldByField(actual);
    const auto a = fieldByField(one);
    const auto b = fieldByField(other);
    QStringList keys = now.keys() + a.keys() + b.keys();
    keys.removeDuplicates();
    keys.sort();
    const auto text = [](const QJsonValue &v) {
        return QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).toStdString();
    };
    std::string out;
    for (const QString &key : std::as_const(keys)) {
        const QJsonValue value = now.value(key);
        if (value == a.value(key) || value == b.value(key))
            continue;
        out += "\n  " + key.toStdString() + " is " + text(value) + ", neither " +
               text(a.value(key)) + " nor " + text(b.value(key));
    }
    return out;
}

} // namespace tagdesk::test

#include "sync/productfields.h"

#include "domain/taxonomyvocabulary.h"
#include "util/htmltokens.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace tagdesk::productfields {

namespace {
const QLatin1String metafieldPrefix("metafield:");
const QLatin1String altPrefix("alt:");
const QLatin1String categoryMetafieldPrefix("categorymetafield:");

struct Texts {
    Q_DECLARE_TR_FUNCTIONS(ProductFields)
};
} // namespace

QString metafield(const QString &ns, const QString &key) {
    return metafieldPrefix + ns + QLatin1Char('.') + key;
}

QString alt(const QString &mediaId) {
    return altPrefix + mediaId;
}

QString categoryMetafield(const QString &attributeHandle) {
    return categoryMetafieldPrefix + attributeHandle;
}

QString categoryMetafieldOf(const QString &fieldKey) {
    return fieldKey.startsWith(categoryMetafieldPrefix)
               ? fieldKey.mid(categoryMetafieldPrefix.size())
               : QString();
}

QJsonArray categoryValueIds(const ProductSnapshot &product, const QString &metaobjectIds) {
    QStringList ids;
    for (const QJsonValue &v : QJsonDocument::fromJson(metaobjectIds.toUtf8()).array()) {
        const QString id = v.toString();
        if (const CategoryMetaobject *m = product.categoryMetaobject(id);
            m && !m->taxonomyValueIds.isEmpty())
            ids << m->taxonomyValueIds;
        else
            ids << id;
    }
    ids.removeDuplicates();
    std::sort(ids.begin(), ids.end());
    return QJsonArray::fromStringList(ids);
}

std::pair<QString, QString> metafieldOf(const QString &fieldKey) {
    if (!fieldKey.startsWith(metafieldPrefix))
        return {};
    const QString rest = fieldKey.mid(metafieldPrefix.size());
    const qsizetype dot = rest.indexOf(QLatin1Char('.'));
    if (dot <= 0)
        return {};
    return {rest.left(dot), rest.mid(dot + 1)};
}

QString mediaOf(const QString &fieldKey) {
    return fieldKey.startsWith(altPrefix) ? fieldKey.mid(altPrefix.size()) : QString();
}

QJsonArray sortedTags(const QStringList &tags) {
    QStringList sorted = tags;
    std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) {
        const int c = QString::compare(a, b, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a < b;
    });
    return QJsonArray::fromStringList(sorted);
}

QJsonValue read(const ProductSnapshot &product, const QString &fieldKey) {
    if (fieldKey == tags)
        return sortedTags(product.tags);
    if (fieldKey == productType)
        return product.productType;
    if (fieldKey == description)
        return product.descriptionHtml;
    if (fieldKey == category)
        return product.category.isEmpty() ? QJsonValue(QJsonValue::Null)
                                          : QJsonValue(product.category.id);
    if (const auto [ns, key] = metafieldOf(fieldKey); !ns.isEmpty()) {
        const Metafield *m = product.metafield(ns, key);
        return m ? QJsonValue(m->value) : QJsonValue(QJsonValue::Null);
    }
    if (const QString attribute = categoryMetafieldOf(fieldKey); !attribute.isEmpty()) {
        const Metafield *m = product.metafield(vocabulary::categoryMetafieldNamespace,
                                               vocabulary::categoryMetafieldKey(attribute));
        return m ? QJsonValue(categoryValueIds(product, m->value)) : QJsonValue(QJsonValue::Null);
    }
    if (const QString media = mediaOf(fieldKey); !media.isEmpty()) {
        for (const MediaImage &image : product.media) {
            if (image.id == media)
                return image.alt;
        }
    }
    return QJsonValue::Null;
}

QJsonObject read(const ProductSnapshot &product, const QStringList &fieldKeys) {
    QJsonObject out;
    for (const QString &key : fieldKeys)
        out.insert(key, read(product, key));
    return out;
}

bool same(const QString &fieldKey, const QJsonValue &a, const QJsonValue &b) {
    // Shopify keeps a description in its editor's form (quoting, entities, whitespace
    // between tags), so what was written comes back spelled otherwise.
    if (fieldKey == description && a.isString() && b.isString())
        return sameHtml(a.toString(), b.toString());
    const bool valueSet = !categoryMetafieldOf(fieldKey).isEmpty();
    if (fieldKey != tags && !(valueSet && a.isArray() && b.isArray()))
        return a == b;
    QStringList left, right;
    for (const QJsonValue &v : a.toArray())
        left << v.toString();
    for (const QJsonValue &v : b.toArray())
        right << v.toString();
    if (valueSet) { // taxonomy value ids: exact, as a set
        left.removeDuplicates();
        right.removeDuplicates();
        std::sort(left.begin(), left.end());
        std::sort(right.begin(), right.end());
        return left == right;
    }
    return sortedTags(left) == sortedTags(right);
}

QStringList differing(const QJsonObject &expected, const ProductSnapshot &product) {
    QStringList out;
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        if (!same(it.key(), it.value(), read(product, it.key())))
            out << it.key();
    }
    return out;
}

namespace {
QStringList tagList(const QJsonValue &value) {
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out << v.toString();
    return out;
}
} // namespace

QStringList changedTags(const QJsonValue &before, const QJsonValue &after) {
    const QStringList from = tagList(before);
    const QStringList to = tagList(after);
    QStringList out;
    for (const QString &t : to) {
        if (!from.contains(t, Qt::CaseInsensitive) && !out.contains(t, Qt::CaseInsensitive))
            out << t;
    }
    for (const QString &t : from) {
        if (!to.contains(t, Qt::CaseInsensitive) && !out.contains(t, Qt::CaseInsensitive))
            out << t;
    }
    return out;
}

QStringList differingWritten(const QJsonObject &expected, const QJsonObject &from,
                             const ProductSnapshot &product) {
    QStringList out;
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        if (it.key() != tags) {
            if (!same(it.key(), it.value(), read(product, it.key())))
                out << it.key();
            continue;
        }
        const QStringList wanted = tagList(it.value());
        for (const QString &t : changedTags(from.value(tags), it.value())) {
            if (wanted.contains(t, Qt::CaseInsensitive) !=
                product.tags.contains(t, Qt::CaseInsensitive)) {
                out << it.key();
                break;
            }
        }
    }
    return out;
}

QStringList altsNotReady(const QJsonObject &fields, const ProductSnapshot &product) {
    QStringList out;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QString media = mediaOf(it.key());
        if (media.isEmpty())
            continue;
        for (const MediaImage &image : product.media) {
            if (image.id == media && !image.isReady())
                out << it.key();
        }
    }
    return out;
}

QString describe(const QString &fieldKey, const ProductSnapshot *product) {
    if (fieldKey == tags)
        return Texts::tr("Tags");
    if (fieldKey == productType)
        return Texts::tr("Product type");
    if (fieldKey == description)
        return Texts::tr("Description");
    if (fieldKey == category)
        return Texts::tr("Product category");
    if (const auto [ns, key] = metafieldOf(fieldKey); !ns.isEmpty())
        return Texts::tr("Metafield %1.%2").arg(ns, key);
    if (const QString attribute = categoryMetafieldOf(fieldKey); !attribute.isEmpty()) {
        const TaxonomyAttribute *a = StandardTaxonomy::instance().attribute(attribute);
        return Texts::tr("Category metafield %1").arg(a ? a->name : attribute);
    }
    const QString media = mediaOf(fieldKey);
    if (product) {
        for (qsizetype i = 0; i < product->media.size(); ++i) {
            if (product->media.at(i).id == media)
                return Texts::tr("Alt text of image %1").arg(i + 1);
        }
    }
    return Texts::tr("Alt text of %1").arg(media);
}

} // namespace tagdesk::productfields

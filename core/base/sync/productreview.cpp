#include "sync/productreview.h"

#include "domain/attribute.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace tagdesk {

namespace {

QString listItemsJoined(const QString &value) {
    const QJsonDocument doc = QJsonDocument::fromJson(value.toUtf8());
    if (!doc.isArray())
        return value;
    QStringList items;
    for (const QJsonValue &item : doc.array())
        items << item.toVariant().toString();
    return items.join(QStringLiteral(", "));
}

// The value in a tag the template made for `attribute`, if `tag` is one.
std::optional<QString> valueInTag(const QString &tagTemplate, const QString &attribute,
                                  const QString &tag) {
    const qsizetype at = tagTemplate.indexOf(QLatin1String("{value}"));
    if (at < 0)
        return std::nullopt;
    QString prefix = tagTemplate.left(at).trimmed();
    QString suffix = tagTemplate.mid(at + 7).trimmed();
    prefix.replace(QLatin1String("{attribute}"), attribute);
    suffix.replace(QLatin1String("{attribute}"), attribute);
    if (prefix.isEmpty() && suffix.isEmpty())
        return std::nullopt; // a bare "{value}" tag says nothing about which attribute
    if (tag.size() <= prefix.size() + suffix.size() ||
        !tag.startsWith(prefix, Qt::CaseInsensitive) || !tag.endsWith(suffix, Qt::CaseInsensitive))
        return std::nullopt;
    return tag.mid(prefix.size(), tag.size() - prefix.size() - suffix.size());
}

void addAlternative(QList<Alternative> &list, const QString &exclude, const Alternative &a) {
    if (a.value.isEmpty() || a.value.compare(exclude, Qt::CaseInsensitive) == 0)
        return;
    const auto same = std::find_if(list.begin(), list.end(), [&](const Alternative &b) {
        return b.value.compare(a.value, Qt::CaseInsensitive) == 0;
    });
    if (same == list.end())
        list.append(a);
    else
        same->confidence = std::max(same->confidence, a.confidence);
}

} // namespace

QString AttributeReview::valueToWrite() const {
    switch (verdict) {
    case AttributeDecision::Verdict::Rejected:
        return {};
    case AttributeDecision::Verdict::Edited:
        return editedValue;
    case AttributeDecision::Verdict::Accepted:
        // The value accepted, even if a later analysis suggests another.
        return editedValue.isEmpty() ? suggestion.value : editedValue;
    case AttributeDecision::Verdict::Pending:
        break;
    }
    return suggestion.value;
}

bool AttributeReview::changesCurrent() const {
    const QString value = valueToWrite().trimmed();
    return !value.isEmpty() && value.compare(current.trimmed(), Qt::CaseInsensitive) != 0;
}

int ProductReview::rowOf(const QString &attribute) const {
    for (qsizetype i = 0; i < attributes.size(); ++i) {
        if (attributes.at(i).attribute == attribute)
            return int(i);
    }
    return -1;
}

bool ProductReview::fullyDecided() const {
    return std::all_of(attributes.begin(), attributes.end(), [](const AttributeReview &a) {
        return a.verdict != AttributeDecision::Verdict::Pending;
    });
}

QString currentAttributeValue(const ProductSnapshot &snapshot, const QString &attribute,
                              const WriteSettings &writing) {
    if (attribute == attributes::shopifyCategory)
        return snapshot.category.fullName;
    if (attribute == writing.productTypeFrom && !snapshot.productType.isEmpty())
        return snapshot.productType;
    if (const Metafield *m =
            snapshot.metafield(writing.metafieldNamespace, metafieldKeyFor(attribute)))
        return m->type.startsWith(QLatin1String("list.")) ? listItemsJoined(m->value) : m->value;
    for (const QString &tag : snapshot.tags) {
        if (auto value = valueInTag(writing.tagTemplate, attribute, tag))
            return *value;
    }
    return {};
}

QString categoryProblem(const ProductSnapshot &snapshot, const QString &suggestedFullName) {
    const ProductCategory &current = snapshot.category;
    if (current.isEmpty())
        return suggestedFullName.isEmpty()
                   ? QString()
                   : QCoreApplication::translate("ProductReview", "No category in Shopify");
    if (current.archived)
        return QCoreApplication::translate(
                   "ProductReview",
                   "The category “%1” is archived in Shopify's taxonomy; choose a current one")
            .arg(current.fullName);
    if (suggestedFullName.isEmpty())
        return {};
    // Categories are paths: "A > B" is an ancestor of "A > B > C". A broader or narrower
    // category than the one suggested is consistent with the images.
    const auto within = [](const QString &path, const QString &prefix) {
        return path.compare(prefix, Qt::CaseInsensitive) == 0 ||
               path.startsWith(prefix + QStringLiteral(" > "), Qt::CaseInsensitive);
    };
    if (within(current.fullName, suggestedFullName) || within(suggestedFullName, current.fullName))
        return {};
    return QCoreApplication::translate("ProductReview",
                                       "In Shopify it is “%1”; the images suggest “%2”")
        .arg(current.fullName, suggestedFullName);
}

ProductReview buildProductReview(const JobProduct &product, const QList<ReviewImage> &images,
                                 const QList<Suggestion> &suggestions,
                                 const QList<AttributeDecision> &decisions,
                                 Destinations destinations, const WriteSettings &writing,
                                 const ChangePlan &plan) {
    ProductReview review;
    review.product = product;
    review.images = images;
    std::sort(review.images.begin(), review.images.end(),
              [](const ReviewImage &a, const ReviewImage &b) { return a.position < b.position; });
    review.destinations = destinations;
    review.writing = writing;
    review.plan = plan;

    // One row per attribute with its best suggestion; the other images' values become
    // alternatives (approvedValues picks the same best one).
    QList<QList<Suggestion>> byAttribute;
    for (const Suggestion &s : suggestions) {
        if (s.value.isEmpty())
            continue;
        const int row = review.rowOf(s.attribute);
        if (row < 0) {
            AttributeReview a;
            a.attribute = s.attribute;
            a.suggestion = s;
            review.attributes.append(a);
            byAttribute.append({s});
        } else {
            byAttribute[row].append(s);
            if (s.confidence > review.attributes[row].suggestion.confidence)
                review.attributes[row].suggestion = s;
        }
    }
    for (qsizetype row = 0; row < review.attributes.size(); ++row) {
        AttributeReview &a = review.attributes[row];
        for (const Suggestion &s : byAttribute.at(row)) {
            if (!(s == a.suggestion))
                addAlternative(a.alternatives, a.suggestion.value, {s.value, s.confidence});
            for (const Alternative &alt : s.alternatives)
                addAlternative(a.alternatives, a.suggestion.value, alt);
        }
        std::stable_sort(
            a.alternatives.begin(), a.alternatives.end(),
            [](const Alternative &x, const Alternative &y) { return x.confidence > y.confidence; });
    }
    for (const AttributeDecision &d : decisions) {
        const bool carriesValue =
            d.verdict == AttributeDecision::Verdict::Edited ||
            (d.verdict == AttributeDecision::Verdict::Accepted && !d.value.trimmed().isEmpty());
        int row = review.rowOf(d.attribute);
        if (row < 0) {
            if (!carriesValue)
                continue; // a rejection of a suggestion that is gone
            AttributeReview added;
            added.attribute = d.attribute;
            review.attributes.append(added);
            row = int(review.attributes.size()) - 1;
        }
        review.attributes[row].verdict = d.verdict;
        if (carriesValue)
            review.attributes[row].editedValue = d.value;
    }
    if (product.snapshot) {
        const int category = review.rowOf(attributes::shopifyCategory);
        review.categoryProblem = categoryProblem(
            *product.snapshot,
            category < 0 ? QString() : review.attributes[category].suggestion.value);
        for (AttributeReview &a : review.attributes) {
            a.current = currentAttributeValue(*product.snapshot, a.attribute, writing);
            const QString value =
                a.valueToWrite().isEmpty() ? a.suggestion.value : a.valueToWrite();
            if (value.isEmpty())
                continue;
            // The fields this value alone would change: the one planner decides, so the
            // column says what the sync will do.
            const ChangePlan alone =
                planChange(*product.snapshot, {{a.attribute, value}}, destinations, writing);
            a.fieldKeys = alone.after.keys();
        }
    }
    return review;
}

} // namespace tagdesk

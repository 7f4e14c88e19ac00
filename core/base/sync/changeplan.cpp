#include "sync/changeplan.h"

#include "domain/attribute.h"
#include "domain/standardtaxonomy.h"
#include "domain/taxonomyvocabulary.h"
#include "sync/productfields.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace tagdesk {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(ChangePlan)
};

const QString blockStart = QStringLiteral("<div data-tagdesk=\"attributes\">");
const QString blockEnd = QStringLiteral("</div>");

QString tagFor(const WriteSettings &s, const QString &attribute, const QString &value) {
    QString tag = s.tagTemplate;
    tag.replace(QLatin1String("{attribute}"), attribute);
    tag.replace(QLatin1String("{value}"), value);
    return tag.trimmed();
}

// Tags an earlier push of `attribute` would have written: the template with any value.
QRegularExpression earlierTagPattern(const WriteSettings &s, const QString &attribute) {
    QString pattern = QRegularExpression::escape(s.tagTemplate.trimmed());
    pattern.replace(QRegularExpression::escape(QStringLiteral("{attribute}")),
                    QRegularExpression::escape(attribute));
    pattern.replace(QRegularExpression::escape(QStringLiteral("{value}")), QStringLiteral(".+"));
    return QRegularExpression(QLatin1Char('^') + pattern + QLatin1Char('$'),
                              QRegularExpression::CaseInsensitiveOption);
}

bool containsTag(const QStringList &tags, const QString &tag) {
    return tags.contains(tag, Qt::CaseInsensitive);
}

bool isListType(const QString &type) {
    return type.startsWith(QLatin1String("list."));
}

// The items of a list value: "navy, white" is two colours. Empty and repeated items go.
QStringList listItems(const QString &value) {
    QStringList items;
    for (const QString &part : value.split(QLatin1Char(','))) {
        const QString item = part.trimmed();
        if (!item.isEmpty() && !items.contains(item, Qt::CaseInsensitive))
            items << item;
    }
    return items;
}

// `value` in the form a metafield of `type` stores: Shopify takes every value as a string,
// a list type's as a JSON array of its items
// (shopify.dev/docs/apps/build/custom-data/metafields/list-of-data-types).
QString metafieldValue(const QString &type, const QString &value) {
    if (!isListType(type))
        return value;
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(listItems(value))).toJson(QJsonDocument::Compact));
}

// Why `value` cannot go into a metafield of `type`, or empty.
QString metafieldValueProblem(const QString &ns, const QString &key, const QString &type,
                              const QString &value) {
    if (!WriteSettings::textMetafieldTypes().contains(type))
        return Texts::tr("Metafield %1.%2 holds %3 in Shopify, and Tagdesk writes text: "
                         "choose another namespace for this job, or leave metafields out")
            .arg(ns, key, type);
    if (type == QLatin1String("single_line_text_field") && value.contains(QLatin1Char('\n')))
        return Texts::tr("Metafield %1.%2 takes a single line of text").arg(ns, key);
    if (isListType(type) && listItems(value).size() > shopifylimits::maxListMetafieldItems)
        return Texts::tr("The list metafield %1.%2 would have %3 items; Shopify allows %4")
            .arg(ns, key)
            .arg(listItems(value).size())
            .arg(shopifylimits::maxListMetafieldItems);
    return {};
}

QString capitalised(QString text) {
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

QString descriptionWithBlock(const QString &description, const QList<ApprovedValue> &values) {
    QString items;
    for (const ApprovedValue &v : values)
        items +=
            QStringLiteral("<li><strong>%1:</strong> %2</li>")
                .arg(attributes::displayName(v.attribute).toHtmlEscaped(), v.value.toHtmlEscaped());
    const QString block =
        blockStart + QStringLiteral("<ul>") + items + QStringLiteral("</ul>") + blockEnd;
    // A later push replaces the block an earlier one appended instead of adding another.
    static const QRegularExpression earlier(
        QRegularExpression::escape(QStringLiteral("<div data-tagdesk=\"attributes\">")) +
            QStringLiteral("<ul>.*?</ul></div>"),
        QRegularExpression::DotMatchesEverythingOption);
    QString out = description;
    if (out.contains(earlier))
        return out.replace(earlier, block);
    if (!out.isEmpty() && !out.endsWith(QLatin1Char('\n')))
        out += QLatin1Char('\n');
    return out + block;
}

void change(ChangePlan &plan, const ProductSnapshot &snapshot, const QString &key,
            const QJsonValue &value) {
    const QJsonValue before = productfields::read(snapshot, key);
    if (productfields::same(key, before, value)) {
        plan.after.remove(key);
        plan.before.remove(key);
        return;
    }
    plan.before.insert(key, before);
    plan.after.insert(key, value);
}

void planTags(ChangePlan &plan, const ProductSnapshot &snapshot, const QList<ApprovedValue> &values,
              const WriteSettings &s) {
    QStringList tags = snapshot.tags;
    for (const ApprovedValue &v : values) {
        const QString tag = tagFor(s, v.attribute, v.value);
        const QRegularExpression earlier = earlierTagPattern(s, v.attribute);
        const bool hasOne = std::any_of(tags.begin(), tags.end(), [&](const QString &t) {
            return earlier.match(t).hasMatch();
        });
        if (s.onlyFillEmpty && hasOne)
            continue;
        if (s.replaceEarlierTags)
            tags.removeIf([&](const QString &t) {
                return earlier.match(t).hasMatch() && t.compare(tag, Qt::CaseInsensitive) != 0;
            });
        if (!containsTag(tags, tag))
            tags << tag;
        if (tag.isEmpty())
            plan.problems << Texts::tr("The tag for %1 is empty").arg(v.attribute);
        if (tag.size() > shopifylimits::maxTagLength)
            plan.problems << Texts::tr("The tag \"%1…\" is %2 characters long; Shopify allows %3")
                                 .arg(tag.left(40))
                                 .arg(tag.size())
                                 .arg(shopifylimits::maxTagLength);
        if (tag.contains(QLatin1Char(',')))
            plan.problems << Texts::tr(
                                 "The tag \"%1\" contains a comma, which Shopify reads as two tags")
                                 .arg(tag);
    }
    // The tags the user asked to remove go, and only those.
    tags.removeIf([&](const QString &t) { return s.removeTags.contains(t, Qt::CaseInsensitive); });
    if (tags.size() > shopifylimits::maxTags)
        plan.problems << Texts::tr("The product would have %1 tags; Shopify allows %2")
                             .arg(tags.size())
                             .arg(shopifylimits::maxTags);
    change(plan, snapshot, productfields::tags, productfields::sortedTags(tags));
}

void planMetafields(ChangePlan &plan, const ProductSnapshot &snapshot,
                    const QList<ApprovedValue> &values, const WriteSettings &s) {
    if (s.metafieldNamespace.size() < 3 || s.metafieldNamespace.size() > 255)
        plan.problems << Texts::tr("The metafield namespace \"%1\" must be 3 to 255 characters")
                             .arg(s.metafieldNamespace);
    for (const ApprovedValue &v : values) {
        const QString key = metafieldKeyFor(v.attribute);
        if (key.size() < 2) {
            plan.problems << Texts::tr("\"%1\" cannot be a metafield key (2 to 64 characters)")
                                 .arg(v.attribute);
            continue;
        }
        const Metafield *existing = snapshot.metafield(s.metafieldNamespace, key);
        if (s.onlyFillEmpty && existing && !existing->value.isEmpty())
            continue;
        // A metafield that exists keeps its type, and takes the value in that type's form
        // (Shopify refuses a type change, and a list value that is not a JSON array).
        const QString type = existing ? existing->type : s.metafieldTypeFor(v.attribute);
        if (const QString problem = metafieldValueProblem(s.metafieldNamespace, key, type, v.value);
            !problem.isEmpty()) {
            plan.problems << problem;
            continue;
        }
        change(plan, snapshot, productfields::metafield(s.metafieldNamespace, key),
               metafieldValue(type, v.value));
    }
}

// product.category takes a category id of Shopify's Standard Product Taxonomy
// (ProductUpdateInput.category: shopify.dev/docs/api/admin-graphql/latest/input-objects/
// ProductUpdateInput); the value approved is the category's full name, as reviewed.
void planCategory(ChangePlan &plan, const ProductSnapshot &snapshot,
                  const QList<ApprovedValue> &values, const WriteSettings &s) {
    if (s.onlyFillEmpty && !snapshot.category.isEmpty())
        return;
    const StandardTaxonomy &taxonomy = StandardTaxonomy::instance();
    for (const ApprovedValue &v : values) {
        if (v.attribute != attributes::shopifyCategory)
            continue;
        const TaxonomyCategory *category = taxonomy.categoryByFullName(v.value);
        if (!category)
            category = taxonomy.categoryById(v.value.trimmed());
        if (!category) {
            plan.problems << Texts::tr("\"%1\" is not a category of Shopify's Standard Product "
                                       "Taxonomy (%2)")
                                 .arg(v.value, taxonomy.version());
            continue;
        }
        change(plan, snapshot, productfields::category, category->id);
    }
}

// The category the product will be in: the one this plan writes, else its own.
const TaxonomyCategory *plannedCategory(const ChangePlan &plan, const ProductSnapshot &snapshot) {
    const QJsonValue planned = plan.after.value(productfields::category);
    const QString id =
        plan.after.contains(productfields::category) ? planned.toString() : snapshot.category.id;
    return id.isEmpty() ? nullptr : StandardTaxonomy::instance().categoryById(id);
}

// Category metafields: each approved value whose attribute is a taxonomy attribute of the
// product's category becomes that attribute's metafield, as taxonomy value ids (the store's
// metaobjects for them are found when it is written). The approved value replaces what the
// metafield held rather than joining it: the review settled what the attribute is, and an
// older entry left beside it (a merchant's guess, an earlier push) would contradict it; the
// push log keeps the old list for a revert. Colour is the one attribute a garment often
// has several of ("navy, white"): each colour is a value of the list, as many as a list
// metafield takes (shopifylimits::maxListMetafieldItems). The others take their one value.
// A value that cannot be written there (no category, an attribute the category lacks, a
// label without a taxonomy value) is left out with a note the preview shows: it still goes
// wherever else the job writes it (a tag), and the product's other values are pushed.
void planCategoryMetafields(ChangePlan &plan, const ProductSnapshot &snapshot,
                            const QList<ApprovedValue> &values, const WriteSettings &s) {
    const TaxonomyCategory *category = plannedCategory(plan, snapshot);
    QHash<QString, QStringList> wanted; // attribute handle → taxonomy value ids
    QStringList order;
    for (const ApprovedValue &v : values) {
        if (vocabulary::taxonomyAttribute(v.attribute).isEmpty())
            continue; // length, fit, style…: no category metafield takes them
        const QStringList labels =
            v.attribute == attributes::colour ? listItems(v.value) : QStringList{v.value.trimmed()};
        for (const QString &label : labels) {
            const ValueMatch match = vocabulary::matchValue(v.attribute, label);
            if (!match.matched()) {
                plan.notes << Texts::tr("%1 \"%2\" has no Shopify value for a category "
                                        "metafield")
                                  .arg(attributes::displayName(v.attribute), label);
                continue;
            }
            const TaxonomyAttribute *attribute =
                StandardTaxonomy::instance().attribute(match.attributeHandle);
            const QString attributeName = attribute ? attribute->name : match.attributeHandle;
            if (!category) {
                plan.notes << Texts::tr("%1 \"%2\" cannot go into a category metafield: "
                                        "the product has no category")
                                  .arg(attributeName, match.value.name);
                continue;
            }
            if (!category->attributeHandles.contains(match.attributeHandle)) {
                plan.notes << Texts::tr("%1 is not an attribute of %2 (for \"%3\")")
                                  .arg(attributeName, category->name(), match.value.name);
                continue;
            }
            if (!wanted.contains(match.attributeHandle))
                order << match.attributeHandle;
            QStringList &ids = wanted[match.attributeHandle];
            if (!ids.contains(match.value.id))
                ids << match.value.id;
        }
    }
    for (const QString &handle : std::as_const(order)) {
        const QString key = productfields::categoryMetafield(handle);
        const QJsonValue held = productfields::read(snapshot, key);
        if (s.onlyFillEmpty && !held.isNull() && !held.toArray().isEmpty())
            continue;
        QStringList ids = wanted.value(handle);
        if (ids.size() > shopifylimits::maxListMetafieldItems)
            plan.problems << Texts::tr("The category metafield of %1 would list %2 values; "
                                       "Shopify allows %3")
                                 .arg(handle)
                                 .arg(ids.size())
                                 .arg(shopifylimits::maxListMetafieldItems);
        std::sort(ids.begin(), ids.end());
        change(plan, snapshot, key, QJsonArray::fromStringList(ids));
    }
}

void planProductType(ChangePlan &plan, const ProductSnapshot &snapshot,
                     const QList<ApprovedValue> &values, const WriteSettings &s) {
    if (s.onlyFillEmpty && !snapshot.productType.isEmpty())
        return;
    for (const ApprovedValue &v : values) {
        if (v.attribute == s.productTypeFrom)
            change(plan, snapshot, productfields::productType, capitalised(v.value));
    }
}

void planAltTexts(ChangePlan &plan, const ProductSnapshot &snapshot,
                  const QList<ApprovedValue> &values, const WriteSettings &s) {
    QHash<QString, QString> fill{{QStringLiteral("title"), snapshot.title}};
    for (const ApprovedValue &v : values)
        fill.insert(v.attribute, v.value);
    const QString alt = fillTemplate(s.altTemplate, fill);
    for (const MediaImage &image : snapshot.media) {
        if (s.onlyFillEmpty && !image.alt.isEmpty())
            continue;
        if (alt.size() > shopifylimits::maxAltLength)
            plan.problems << Texts::tr("The alt text is %1 characters long; Shopify allows %2")
                                 .arg(alt.size())
                                 .arg(shopifylimits::maxAltLength);
        change(plan, snapshot, productfields::alt(image.id), alt);
    }
}

void planDescription(ChangePlan &plan, const ProductSnapshot &snapshot,
                     const QList<ApprovedValue> &values, const WriteSettings &s) {
    if (s.onlyFillEmpty && !snapshot.descriptionHtml.trimmed().isEmpty())
        return;
    change(plan, snapshot, productfields::description,
           descriptionWithBlock(snapshot.descriptionHtml, values));
}
} // namespace

QString metafieldKeyFor(const QString &attribute) {
    QString key = attribute.toLower();
    static const QRegularExpression invalid(QStringLiteral("[^a-z0-9_-]+"));
    key.replace(invalid, QStringLiteral("_"));
    return key.left(64);
}

QList<ApprovedValue> approvedValues(const QList<Suggestion> &suggestions,
                                    const QList<AttributeDecision> &decisions) {
    QList<ApprovedValue> out;
    QHash<QString, qsizetype> index;
    QHash<QString, double> confidence;
    for (const Suggestion &s : suggestions) {
        if (s.value.isEmpty())
            continue;
        if (const auto it = index.constFind(s.attribute); it != index.constEnd()) {
            if (s.confidence > confidence.value(s.attribute)) {
                out[*it].value = s.value;
                confidence.insert(s.attribute, s.confidence);
            }
            continue;
        }
        index.insert(s.attribute, out.size());
        confidence.insert(s.attribute, s.confidence);
        out.append({s.attribute, s.value});
    }
    for (const AttributeDecision &d : decisions) {
        const auto it = index.constFind(d.attribute);
        switch (d.verdict) {
        case AttributeDecision::Verdict::Rejected:
            if (it != index.constEnd())
                out[*it].value.clear();
            break;
        case AttributeDecision::Verdict::Accepted:
            // The value the reviewer saw and accepted stays, whatever a later analysis
            // suggests (an acceptance recorded without its value follows the suggestion).
            if (d.value.trimmed().isEmpty())
                break;
            [[fallthrough]];
        case AttributeDecision::Verdict::Edited:
            if (it != index.constEnd()) {
                out[*it].value = d.value;
            } else {
                index.insert(d.attribute, out.size());
                out.append({d.attribute, d.value});
            }
            break;
        case AttributeDecision::Verdict::Pending:
            break;
        }
    }
    out.removeIf([](const ApprovedValue &v) { return v.value.trimmed().isEmpty(); });
    return out;
}

QString fillTemplate(const QString &text, const QHash<QString, QString> &values) {
    static const QRegularExpression placeholder(QStringLiteral("\\{([A-Za-z0-9_]+)\\}"));
    QString out;
    qsizetype last = 0;
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        out += values.value(m.captured(1));
        last = m.capturedEnd();
    }
    out += text.mid(last);
    // What an empty placeholder leaves behind: doubled spaces, a dangling dash.
    static const QRegularExpression spaces(QStringLiteral("\\s{2,}"));
    static const QRegularExpression danglingDash(QStringLiteral("(^\\s*[–-]\\s*)|(\\s*[–-]\\s*$)"));
    out.replace(spaces, QStringLiteral(" "));
    out.replace(danglingDash, QString());
    return out.trimmed();
}

ChangePlan planChange(const ProductSnapshot &snapshot, const QList<ApprovedValue> &allValues,
                      Destinations destinations, const WriteSettings &settings) {
    ChangePlan plan;
    plan.productId = snapshot.id;
    if (allValues.isEmpty())
        return plan;
    // The Shopify category is written to product.category only: as a tag or a metafield
    // its full name would repeat what the category already says.
    QList<ApprovedValue> values = allValues;
    values.removeIf(
        [](const ApprovedValue &v) { return v.attribute == attributes::shopifyCategory; });
    if (destinations.testFlag(Destination::Category))
        planCategory(plan, snapshot, allValues, settings);
    // After the category: the metafields follow the category the product will be in.
    if (destinations.testFlag(Destination::CategoryMetafields))
        planCategoryMetafields(plan, snapshot, values, settings);
    if (destinations.testFlag(Destination::Tags))
        planTags(plan, snapshot, values, settings);
    if (destinations.testFlag(Destination::Metafields))
        planMetafields(plan, snapshot, values, settings);
    if (destinations.testFlag(Destination::ProductType))
        planProductType(plan, snapshot, values, settings);
    if (destinations.testFlag(Destination::AltText))
        planAltTexts(plan, snapshot, values, settings);
    if (destinations.testFlag(Destination::Description))
        planDescription(plan, snapshot, values, settings);
    plan.problems.removeDuplicates();
    plan.notes.removeDuplicates();
    return plan;
}

ChangePlan ChangePlan::reversed() const {
    ChangePlan r;
    r.productId = productId;
    r.before = after;
    r.after = before;
    return r;
}

QJsonObject ChangePlan::toJson() const {
    return {{QStringLiteral("productId"), productId},
            {QStringLiteral("before"), before},
            {QStringLiteral("after"), after},
            {QStringLiteral("problems"), QJsonArray::fromStringList(problems)},
            {QStringLiteral("notes"), QJsonArray::fromStringList(notes)}};
}

ChangePlan ChangePlan::fromJson(const QJsonObject &json) {
    ChangePlan p;
    p.productId = json.value(QStringLiteral("productId")).toString();
    p.before = json.value(QStringLiteral("before")).toObject();
    p.after = json.value(QStringLiteral("after")).toObject();
    for (const QJsonValue &v : json.value(QStringLiteral("problems")).toArray())
        p.problems << v.toString();
    for (const QJsonValue &v : json.value(QStringLiteral("notes")).toArray())
        p.notes << v.toString();
    return p;
}

bool ProductWrites::isEmpty() const {
    return tagsToAdd.isEmpty() && tagsToRemove.isEmpty() && metafieldsToSet.isEmpty() &&
           categoryMetafieldsToSet.isEmpty() && metafieldsToDelete.isEmpty() && !productType &&
           !descriptionHtml && !category && altTexts.isEmpty();
}

ProductWrites writesFor(const ChangePlan &plan, const ProductSnapshot &current,
                        const WriteSettings &settings) {
    ProductWrites w;
    for (auto it = plan.after.begin(); it != plan.after.end(); ++it) {
        const QString &key = it.key();
        const QJsonValue value = it.value();
        if (key == productfields::tags) {
            // Only the tags this plan adds or removes: a tag someone else added or removed
            // meanwhile stays as they left it.
            QStringList target;
            for (const QJsonValue &t : value.toArray())
                target << t.toString();
            for (const QString &t : productfields::changedTags(plan.before.value(key), value)) {
                if (containsTag(target, t) && !containsTag(current.tags, t))
                    w.tagsToAdd << t;
                if (!containsTag(target, t)) {
                    for (const QString &held : current.tags) {
                        if (held.compare(t, Qt::CaseInsensitive) == 0)
                            w.tagsToRemove << held;
                    }
                }
            }
        } else if (productfields::same(key, productfields::read(current, key), value)) {
            // Already so (an interrupted push got this far): nothing to send.
            continue;
        } else if (key == productfields::productType) {
            w.productType = value.toString();
        } else if (key == productfields::description) {
            w.descriptionHtml = value.toString();
        } else if (key == productfields::category) {
            w.category = value;
        } else if (const QString attribute = productfields::categoryMetafieldOf(key);
                   !attribute.isEmpty()) {
            const QString mkey = vocabulary::categoryMetafieldKey(attribute);
            const Metafield *existing =
                current.metafield(vocabulary::categoryMetafieldNamespace, mkey);
            if (value.isNull()) {
                if (existing)
                    w.metafieldsToDelete.append({vocabulary::categoryMetafieldNamespace, mkey});
                continue;
            }
            ProductWrites::CategoryMetafieldWrite m{attribute, mkey, {}, std::nullopt};
            for (const QJsonValue &id : value.toArray())
                m.taxonomyValueIds << id.toString();
            if (existing)
                m.compareDigest = existing->compareDigest;
            w.categoryMetafieldsToSet.append(m);
        } else if (const auto [ns, mkey] = productfields::metafieldOf(key); !ns.isEmpty()) {
            const Metafield *existing = current.metafield(ns, mkey);
            if (value.isNull()) {
                if (existing)
                    w.metafieldsToDelete.append({ns, mkey});
                continue;
            }
            ProductWrites::MetafieldWrite m{
                ns, mkey, existing ? existing->type : settings.metafieldTypeFor(mkey),
                value.toString(), std::nullopt};
            if (existing)
                m.compareDigest = existing->compareDigest;
            w.metafieldsToSet.append(m);
        } else if (const QString media = productfields::mediaOf(key); !media.isEmpty()) {
            if (productfields::altsNotReady({{key, value}}, current).isEmpty())
                w.altTexts.append({media, value.toString()});
        }
    }
    return w;
}

} // namespace tagdesk

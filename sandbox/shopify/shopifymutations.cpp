// The write side of the sandbox's Shopify schema: the mutations Tagdesk sends, with
// Shopify's payload shapes, userErrors and limits.
#include "shopify/bulkoperations.h"
#include "shopify/categorymetafields.h"
#include "shopify/gid.h"
#include "shopify/sandboxtaxonomy.h"
#include "shopify/shopifyschema.h"
#include "shopify/stageduploads.h"
#include "shopify/store.h"

#include <QJsonDocument>
#include <QSet>

namespace tagdesk::sandbox {

using namespace graphql;

namespace {

constexpr int maxTags = 250;
constexpr int maxTagLength = 255;
constexpr int maxAltLength = 512;
constexpr int maxMetafieldsPerCall = 25;
constexpr int maxListMetafieldItems = 128;

struct UserErrors {
    QString type;
    QList<Resolved> list;

    void add(const QStringList &field, const QString &message, const QString &code = {},
             int elementIndex = -1) {
        list.append(userError(type, field, message, code, elementIndex));
    }
    bool any() const { return !list.isEmpty(); }
    Resolved resolved() const { return Resolved::listOf(list); }
};

Resolved payload(const QString &type, std::initializer_list<std::pair<QString, Resolved>> fields) {
    Record r;
    for (const auto &[k, v] : fields)
        r.insert(k, v);
    return Resolved::objectOf(type, r);
}

// Shopify trims tags, drops empty ones and keeps one of each regardless of case.
QStringList normalisedTags(const QStringList &tags) {
    QStringList out;
    QSet<QString> seen;
    for (const QString &t : tags) {
        const QString trimmed = t.trimmed();
        if (trimmed.isEmpty() || seen.contains(trimmed.toLower()))
            continue;
        seen.insert(trimmed.toLower());
        out.append(trimmed);
    }
    return out;
}

// tagsAdd accepts a list, or comma-separated tags in one string.
QStringList tagsArgument(const QJsonValue &v) {
    QStringList out;
    const QJsonArray items = v.isArray() ? v.toArray() : QJsonArray{v};
    for (const QJsonValue &item : items)
        out.append(item.toString().split(u','));
    return normalisedTags(out);
}

void checkTags(const QStringList &tags, const QStringList &field, UserErrors &errors) {
    if (tags.size() > maxTags)
        errors.add(field, QStringLiteral("Tags cannot be more than %1").arg(maxTags));
    for (const QString &t : tags)
        if (t.size() > maxTagLength) {
            errors.add(field, QStringLiteral("Tag \"%1…\" is too long (maximum is %2 characters)")
                                  .arg(t.left(20))
                                  .arg(maxTagLength));
            break;
        }
}

const QStringList &metafieldBaseTypes() {
    static const QStringList types{QStringLiteral("single_line_text_field"),
                                   QStringLiteral("multi_line_text_field"),
                                   QStringLiteral("rich_text_field"),
                                   QStringLiteral("number_integer"),
                                   QStringLiteral("number_decimal"),
                                   QStringLiteral("boolean"),
                                   QStringLiteral("json"),
                                   QStringLiteral("date"),
                                   QStringLiteral("date_time"),
                                   QStringLiteral("url"),
                                   QStringLiteral("color"),
                                   QStringLiteral("rating"),
                                   QStringLiteral("weight"),
                                   QStringLiteral("volume"),
                                   QStringLiteral("dimension"),
                                   QStringLiteral("money"),
                                   QStringLiteral("link"),
                                   QStringLiteral("id"),
                                   QStringLiteral("product_reference"),
                                   QStringLiteral("collection_reference"),
                                   QStringLiteral("file_reference"),
                                   QStringLiteral("metaobject_reference"),
                                   QStringLiteral("mixed_reference"),
                                   QStringLiteral("page_reference"),
                                   QStringLiteral("variant_reference"),
                                   QStringLiteral("product_taxonomy_value_reference")};
    return types;
}

// Why `value` is not a valid `type` value, or empty.
QString metafieldValueProblem(const QString &type, const QString &value) {
    const bool list = type.startsWith(QLatin1String("list."));
    const QString base = list ? type.mid(5) : type;
    if (!metafieldBaseTypes().contains(base))
        return QStringLiteral("Type '%1' is not a valid metafield type").arg(type);
    if (list) {
        const QJsonDocument doc = QJsonDocument::fromJson(value.toUtf8());
        if (!doc.isArray())
            return QStringLiteral("Value must be a JSON array for a %1 metafield").arg(type);
        if (doc.array().size() > maxListMetafieldItems)
            return QStringLiteral("Value has %1 items; a list metafield holds at most %2")
                .arg(doc.array().size())
                .arg(maxListMetafieldItems);
        return {};
    }
    if (base == QLatin1String("single_line_text_field") && value.contains(u'\n'))
        return QStringLiteral("Value must be a single line of text");
    if (base == QLatin1String("number_integer")) {
        bool ok = false;
        value.toLongLong(&ok);
        if (!ok)
            return QStringLiteral("Value must be an integer");
    }
    if (base == QLatin1String("number_decimal")) {
        bool ok = false;
        value.toDouble(&ok);
        if (!ok)
            return QStringLiteral("Value must be a decimal number");
    }
    if (base == QLatin1String("boolean") && value != QLatin1String("true") &&
        value != QLatin1String("false"))
        return QStringLiteral("Value must be true or false");
    if (base == QLatin1String("json") &&
        QJsonDocument::fromJson(QByteArray("[" + value.toUtf8() + "]")).isNull())
        return QStringLiteral("Value must be valid JSON");
    return {};
}

bool isWellFormedDigest(const QString &digest) {
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    return hex.match(digest).hasMatch();
}

const StoreMetafield *existingMetafield(const StoreProduct &p, const QString &ns,
                                        const QString &key) {
    for (const StoreMetafield &m : p.metafields)
        if (m.ns == ns && m.key == key)
            return &m;
    return nullptr;
}

const QString appNamespace = QStringLiteral("app--sandbox");

void addProductUpdate(Schema &s, ShopContext &ctx) {
    s.field(
         s.mutationType, QStringLiteral("productUpdate"), QStringLiteral("ProductUpdatePayload"),
         [&ctx](const ResolveInfo &i) {
             UserErrors errors{QStringLiteral("UserError"), {}};
             const QJsonObject in = i.args.value(QStringLiteral("product")).toObject();
             auto fail = [&] {
                 return payload(QStringLiteral("ProductUpdatePayload"),
                                {{QStringLiteral("product"), Resolved::null()},
                                 {QStringLiteral("userErrors"), errors.resolved()}});
             };
             const qsizetype index = ctx.store.indexOf(in.value(QStringLiteral("id")).toString());
             if (!in.contains(QStringLiteral("id"))) {
                 errors.add({QStringLiteral("id")}, QStringLiteral("Product id is required"));
                 return fail();
             }
             if (index < 0) {
                 errors.add({QStringLiteral("id")}, QStringLiteral("Product does not exist"));
                 return fail();
             }
             if (!i.args.value(QStringLiteral("media")).isNull() &&
                 !i.args.value(QStringLiteral("media")).isUndefined())
                 errors.add({QStringLiteral("media")},
                            QStringLiteral("The sandbox cannot create media"));
             for (const char *unsupported :
                  {"templateSuffix", "giftCardTemplateSuffix", "requiresSellingPlan"})
                 if (in.contains(QString::fromLatin1(unsupported)))
                     errors.add({QStringLiteral("product"), QString::fromLatin1(unsupported)},
                                QStringLiteral("The sandbox store does not support %1")
                                    .arg(QString::fromLatin1(unsupported)));
             if (in.contains(QStringLiteral("title")) &&
                 in.value(QStringLiteral("title")).toString().trimmed().isEmpty())
                 errors.add({QStringLiteral("title")}, QStringLiteral("Title can't be blank"));
             if (in.contains(QStringLiteral("handle")) &&
                 in.value(QStringLiteral("handle")).toString().trimmed().isEmpty())
                 errors.add({QStringLiteral("handle")}, QStringLiteral("Handle can't be blank"));
             // category: a TaxonomyCategory id, or null to remove it.
             const StoreProduct &current = ctx.store.productAt(index);
             const bool setsCategory = in.contains(QStringLiteral("category"));
             const QString category =
                 setsCategory ? in.value(QStringLiteral("category")).toString() : current.category;
             QString categoryGid = category;
             QStringList conflicting;
             if (setsCategory && !category.isEmpty()) {
                 const ServedCategory *c = SandboxTaxonomy::instance().category(category);
                 if (!c)
                     errors.add({QStringLiteral("category")},
                                QStringLiteral("Category does not exist"));
                 else
                     categoryGid = c->id;
             }
             if (setsCategory) {
                 // Shopify's deleteConflictingConstrainedMetafields: "Whether to delete
                 // metafields whose constraints don't match the product's category"
                 // (https://shopify.dev/docs/api/admin-graphql/latest/input-objects/ProductUpdateInput).
                 conflicting = conflictingCategoryMetafields(current, categoryGid);
                 if (!conflicting.isEmpty() &&
                     !in.value(QStringLiteral("deleteConflictingConstrainedMetafields")).toBool())
                     errors.add({QStringLiteral("category")},
                                QStringLiteral("The product has metafields the new category does "
                                               "not have (%1); set "
                                               "deleteConflictingConstrainedMetafields to delete "
                                               "them")
                                    .arg(conflicting.join(QStringLiteral(", "))));
             }
             QStringList tags;
             if (in.contains(QStringLiteral("tags"))) {
                 tags = tagsArgument(in.value(QStringLiteral("tags")));
                 checkTags(tags, {QStringLiteral("tags")}, errors);
             }
             const QJsonArray metafields = in.value(QStringLiteral("metafields")).toArray();
             for (qsizetype k = 0; k < metafields.size(); ++k) {
                 const QJsonObject m = metafields.at(k).toObject();
                 const QStringList field{QStringLiteral("metafields"), QString::number(k)};
                 if (m.value(QStringLiteral("key")).toString().isEmpty())
                     errors.add(field + QStringList{QStringLiteral("key")},
                                QStringLiteral("Key can't be blank"));
                 const QString type = m.value(QStringLiteral("type")).toString();
                 if (!type.isEmpty()) {
                     const QString problem =
                         metafieldValueProblem(type, m.value(QStringLiteral("value")).toString());
                     if (!problem.isEmpty())
                         errors.add(field + QStringList{QStringLiteral("value")}, problem);
                 }
                 if (m.value(QStringLiteral("namespace")).toString() == categoryMetafieldNamespace)
                     if (auto why = categoryMetafieldProblem(
                             ctx.store, categoryGid, m.value(QStringLiteral("key")).toString(),
                             type, m.value(QStringLiteral("value")).toString()))
                         errors.add(field + QStringList{why->field}, why->message);
             }
             for (const char *list : {"collectionsToJoin", "collectionsToLeave"})
                 for (const QJsonValue &c : in.value(QString::fromLatin1(list)).toArray())
                     if (!ctx.store.collection(c.toString()))
                         errors.add(
                             {QString::fromLatin1(list)},
                             QStringLiteral("Collection %1 does not exist").arg(c.toString()));
             if (errors.any())
                 return fail();

             StoreProduct &p = ctx.store.mutableProductAt(index);
             const StoreProduct before = p;
             auto text = [&](const char *name, QString &target) {
                 if (in.contains(QString::fromLatin1(name)))
                     target = in.value(QString::fromLatin1(name)).toString();
             };
             text("title", p.title);
             text("handle", p.handle);
             text("descriptionHtml", p.descriptionHtml);
             p.descriptionHtml = editorForm(p.descriptionHtml);
             text("productType", p.productType);
             text("vendor", p.vendor);
             text("status", p.status);
             if (setsCategory) {
                 p.category = categoryGid;
                 p.metafields.removeIf([&](const StoreMetafield &m) {
                     return conflicting.contains(m.ns + u'.' + m.key);
                 });
             }
             if (in.contains(QStringLiteral("tags")))
                 p.tags = tags;
             const QJsonObject seo = in.value(QStringLiteral("seo")).toObject();
             if (seo.contains(QStringLiteral("title")))
                 ctx.store.setMetafield(p, QStringLiteral("global"), QStringLiteral("title_tag"),
                                        QStringLiteral("single_line_text_field"),
                                        seo.value(QStringLiteral("title")).toString());
             if (seo.contains(QStringLiteral("description")))
                 ctx.store.setMetafield(p, QStringLiteral("global"),
                                        QStringLiteral("description_tag"),
                                        QStringLiteral("multi_line_text_field"),
                                        seo.value(QStringLiteral("description")).toString());
             for (const QJsonValue &v : metafields) {
                 const QJsonObject m = v.toObject();
                 ctx.store.setMetafield(p,
                                        m.value(QStringLiteral("namespace")).toString(appNamespace),
                                        m.value(QStringLiteral("key")).toString(),
                                        m.value(QStringLiteral("type")).toString(),
                                        m.value(QStringLiteral("value")).toString());
             }
             for (const QJsonValue &c : in.value(QStringLiteral("collectionsToJoin")).toArray())
                 if (!p.collectionIds.contains(c.toString()))
                     p.collectionIds.append(c.toString());
             for (const QJsonValue &c : in.value(QStringLiteral("collectionsToLeave")).toArray())
                 p.collectionIds.removeAll(c.toString());
             if (!(before == p))
                 ctx.store.touch(index);
             return payload(QStringLiteral("ProductUpdatePayload"),
                            {{QStringLiteral("product"), productObject(p)},
                             {QStringLiteral("userErrors"), errors.resolved()}});
         },
         {{QStringLiteral("product"), QStringLiteral("ProductUpdateInput")},
          {QStringLiteral("media"), QStringLiteral("[CreateMediaInput!]")}})
        .requiredScope = QStringLiteral("write_products");
}

void addTags(Schema &s, ShopContext &ctx, const QString &name, bool add) {
    const QString payloadType =
        add ? QStringLiteral("TagsAddPayload") : QStringLiteral("TagsRemovePayload");
    s.record(payloadType);
    s.field(payloadType, QStringLiteral("node"), QStringLiteral("Node"));
    s.field(payloadType, QStringLiteral("userErrors"), QStringLiteral("[UserError!]!"));
    s.field(
         s.mutationType, name, payloadType,
         [&ctx, add, payloadType](const ResolveInfo &i) {
             UserErrors errors{QStringLiteral("UserError"), {}};
             const QString id = i.args.value(QStringLiteral("id")).toString();
             const qsizetype index = ctx.store.indexOf(id);
             const QStringList tags = tagsArgument(i.args.value(QStringLiteral("tags")));
             if (index < 0)
                 errors.add({QStringLiteral("id")},
                            gidKind(id) == QLatin1String("Product")
                                ? QStringLiteral("Product does not exist")
                                : QStringLiteral("The id must be a Product id in the sandbox"));
             if (add)
                 checkTags(tags, {QStringLiteral("tags")}, errors);
             if (errors.any())
                 return payload(payloadType, {{QStringLiteral("node"), Resolved::null()},
                                              {QStringLiteral("userErrors"), errors.resolved()}});
             StoreProduct &p = ctx.store.mutableProductAt(index);
             QStringList updated = p.tags;
             bool changed = false;
             for (const QString &t : tags) {
                 auto same = [&](const QString &existing) {
                     return existing.compare(t, Qt::CaseInsensitive) == 0;
                 };
                 const bool present = std::any_of(updated.begin(), updated.end(), same);
                 if (add && !present) {
                     updated.append(t);
                     changed = true;
                 } else if (!add && present) {
                     updated.removeIf(same);
                     changed = true;
                 }
             }
             if (add && updated.size() > maxTags) {
                 errors.add({QStringLiteral("tags")},
                            QStringLiteral("Tags cannot be more than %1").arg(maxTags));
                 return payload(payloadType, {{QStringLiteral("node"), Resolved::null()},
                                              {QStringLiteral("userErrors"), errors.resolved()}});
             }
             if (changed) {
                 p.tags = updated;
                 ctx.store.touch(index);
             }
             return payload(payloadType, {{QStringLiteral("node"), productObject(p)},
                                          {QStringLiteral("userErrors"), errors.resolved()}});
         },
         {{QStringLiteral("id"), QStringLiteral("ID!")},
          {QStringLiteral("tags"), QStringLiteral("[String!]!")}})
        .requiredScope = QStringLiteral("write_products");
}

void addMetafieldsSet(Schema &s, ShopContext &ctx) {
    s.record(QStringLiteral("MetafieldsSetPayload"));
    s.field(QStringLiteral("MetafieldsSetPayload"), QStringLiteral("metafields"),
            QStringLiteral("[Metafield!]"));
    s.field(QStringLiteral("MetafieldsSetPayload"), QStringLiteral("userErrors"),
            QStringLiteral("[MetafieldsSetUserError!]!"));
    s.field(
         s.mutationType, QStringLiteral("metafieldsSet"), QStringLiteral("MetafieldsSetPayload"),
         [&ctx](const ResolveInfo &i) {
             UserErrors errors{QStringLiteral("MetafieldsSetUserError"), {}};
             const QJsonArray inputs = i.args.value(QStringLiteral("metafields")).toArray();
             auto fail = [&] {
                 return payload(QStringLiteral("MetafieldsSetPayload"),
                                {{QStringLiteral("metafields"), Resolved::null()},
                                 {QStringLiteral("userErrors"), errors.resolved()}});
             };
             if (inputs.size() > maxMetafieldsPerCall) {
                 errors.add({QStringLiteral("metafields")},
                            QStringLiteral("Exceeded the maximum metafields input limit of %1.")
                                .arg(maxMetafieldsPerCall),
                            QStringLiteral("LESS_THAN_OR_EQUAL_TO"));
                 return fail();
             }
             // Validate everything first: the call is atomic.
             for (qsizetype k = 0; k < inputs.size(); ++k) {
                 const QJsonObject in = inputs.at(k).toObject();
                 const int idx = int(k);
                 auto field = [&](const char *name) {
                     return QStringList{QStringLiteral("metafields"), QString::number(k),
                                        QString::fromLatin1(name)};
                 };
                 const StoreProduct *owner =
                     ctx.store.product(in.value(QStringLiteral("ownerId")).toString());
                 if (!owner) {
                     errors.add(field("ownerId"), QStringLiteral("Owner does not exist."),
                                QStringLiteral("INVALID"), idx);
                     continue;
                 }
                 const QString ns = in.value(QStringLiteral("namespace")).toString(appNamespace);
                 const QString key = in.value(QStringLiteral("key")).toString();
                 const QString value = in.value(QStringLiteral("value")).toString();
                 if (ns.size() < 3)
                     errors.add(field("namespace"),
                                QStringLiteral("Namespace is too short (minimum is 3 characters)"),
                                QStringLiteral("TOO_SHORT"), idx);
                 else if (ns.size() > 255)
                     errors.add(field("namespace"),
                                QStringLiteral("Namespace is too long (maximum is 255 characters)"),
                                QStringLiteral("TOO_LONG"), idx);
                 if (key.size() < 2)
                     errors.add(field("key"),
                                QStringLiteral("Key is too short (minimum is 2 characters)"),
                                QStringLiteral("TOO_SHORT"), idx);
                 else if (key.size() > 64)
                     errors.add(field("key"),
                                QStringLiteral("Key is too long (maximum is 64 characters)"),
                                QStringLiteral("TOO_LONG"), idx);
                 const StoreMetafield *existing = existingMetafield(*owner, ns, key);
                 QString type = in.value(QStringLiteral("type")).toString();
                 if (type.isEmpty() && existing)
                     type = existing->type;
                 if (type.isEmpty()) {
                     errors.add(field("type"), QStringLiteral("Type can't be blank"),
                                QStringLiteral("BLANK"), idx);
                 } else if (existing && type != existing->type) {
                     errors.add(field("type"),
                                QStringLiteral("Type '%1' does not match the existing metafield's "
                                               "type '%2'")
                                    .arg(type, existing->type),
                                QStringLiteral("INVALID_TYPE"), idx);
                 } else if (const QString problem = metafieldValueProblem(type, value);
                            !problem.isEmpty()) {
                     errors.add(field(problem.startsWith(QLatin1String("Type")) ? "type" : "value"),
                                problem,
                                problem.startsWith(QLatin1String("Type"))
                                    ? QStringLiteral("INVALID_TYPE")
                                    : QStringLiteral("INVALID_VALUE"),
                                idx);
                 }
                 if (ns == categoryMetafieldNamespace && !type.isEmpty())
                     if (auto why =
                             categoryMetafieldProblem(ctx.store, owner->category, key, type, value))
                         errors.add(field(why->field.toLatin1().constData()), why->message,
                                    why->code, idx);
                 if (in.contains(QStringLiteral("compareDigest"))) {
                     const QJsonValue digest = in.value(QStringLiteral("compareDigest"));
                     if (!digest.isNull() && !isWellFormedDigest(digest.toString())) {
                         errors.add(field("compareDigest"),
                                    QStringLiteral("The compareDigest is invalid."),
                                    QStringLiteral("INVALID_COMPARE_DIGEST"), idx);
                     } else if (digest.isNull() ? existing != nullptr
                                                : (!existing ||
                                                   compareDigest(*existing) != digest.toString())) {
                         errors.add(field("compareDigest"),
                                    QStringLiteral("The resource has been updated since it was "
                                                   "loaded. Try again with an updated "
                                                   "`compareDigest` value."),
                                    ctx.staleDigestAnswer(), idx);
                     }
                 }
             }
             if (errors.any())
                 return fail();
             QList<std::pair<qsizetype, std::pair<QString, QString>>> written;
             QSet<qsizetype> touched;
             for (const QJsonValue &v : inputs) {
                 const QJsonObject in = v.toObject();
                 const qsizetype index =
                     ctx.store.indexOf(in.value(QStringLiteral("ownerId")).toString());
                 StoreProduct &p = ctx.store.mutableProductAt(index);
                 const QString ns = in.value(QStringLiteral("namespace")).toString(appNamespace);
                 const QString key = in.value(QStringLiteral("key")).toString();
                 if (ctx.store.setMetafield(p, ns, key, in.value(QStringLiteral("type")).toString(),
                                            in.value(QStringLiteral("value")).toString()))
                     touched.insert(index);
                 written.append({index, {ns, key}});
             }
             for (qsizetype index : std::as_const(touched))
                 ctx.store.touch(index);
             QList<Resolved> result;
             for (const auto &[index, nk] : written) {
                 const StoreProduct &p = ctx.store.productAt(index);
                 result.append(Resolved::objectOf(
                     QStringLiteral("Metafield"),
                     MetafieldRef{&p, existingMetafield(p, nk.first, nk.second)}));
             }
             return payload(QStringLiteral("MetafieldsSetPayload"),
                            {{QStringLiteral("metafields"), Resolved::listOf(result)},
                             {QStringLiteral("userErrors"), errors.resolved()}});
         },
         {{QStringLiteral("metafields"), QStringLiteral("[MetafieldsSetInput!]!")}})
        .requiredScope = QStringLiteral("write_products");
}

void addMetafieldsDelete(Schema &s, ShopContext &ctx) {
    s.record(QStringLiteral("MetafieldIdentifier"));
    s.field(QStringLiteral("MetafieldIdentifier"), QStringLiteral("key"),
            QStringLiteral("String!"));
    s.field(QStringLiteral("MetafieldIdentifier"), QStringLiteral("namespace"),
            QStringLiteral("String!"));
    s.field(QStringLiteral("MetafieldIdentifier"), QStringLiteral("ownerId"),
            QStringLiteral("ID!"));
    s.record(QStringLiteral("MetafieldsDeletePayload"));
    s.field(QStringLiteral("MetafieldsDeletePayload"), QStringLiteral("deletedMetafields"),
            QStringLiteral("[MetafieldIdentifier]"));
    s.field(QStringLiteral("MetafieldsDeletePayload"), QStringLiteral("userErrors"),
            QStringLiteral("[UserError!]!"));
    s.field(s.mutationType, QStringLiteral("metafieldsDelete"),
            QStringLiteral("MetafieldsDeletePayload"),
            [&ctx](const ResolveInfo &i) {
                UserErrors errors{QStringLiteral("UserError"), {}};
                const QJsonArray inputs = i.args.value(QStringLiteral("metafields")).toArray();
                if (inputs.isEmpty())
                    errors.add({QStringLiteral("metafields")},
                               QStringLiteral("At least one metafield must be specified."));
                for (qsizetype k = 0; k < inputs.size(); ++k) {
                    if (!ctx.store.product(
                            inputs.at(k).toObject().value(QStringLiteral("ownerId")).toString()))
                        errors.add({QStringLiteral("metafields"), QString::number(k),
                                    QStringLiteral("ownerId")},
                                   QStringLiteral("Owner does not exist."));
                }
                if (errors.any())
                    return payload(QStringLiteral("MetafieldsDeletePayload"),
                                   {{QStringLiteral("deletedMetafields"), Resolved::null()},
                                    {QStringLiteral("userErrors"), errors.resolved()}});
                // Shopify: a metafield that does not exist still succeeds, as null.
                QList<Resolved> deleted;
                for (const QJsonValue &v : inputs) {
                    const QJsonObject in = v.toObject();
                    const QString owner = in.value(QStringLiteral("ownerId")).toString();
                    const QString ns = in.value(QStringLiteral("namespace")).toString();
                    const QString key = in.value(QStringLiteral("key")).toString();
                    const qsizetype index = ctx.store.indexOf(owner);
                    StoreProduct &p = ctx.store.mutableProductAt(index);
                    const qsizetype removed = p.metafields.removeIf(
                        [&](const StoreMetafield &m) { return m.ns == ns && m.key == key; });
                    if (removed == 0) {
                        deleted.append(Resolved::null());
                        continue;
                    }
                    ctx.store.touch(index);
                    deleted.append(payload(QStringLiteral("MetafieldIdentifier"),
                                           {{QStringLiteral("key"), Resolved::value(key)},
                                            {QStringLiteral("namespace"), Resolved::value(ns)},
                                            {QStringLiteral("ownerId"), Resolved::value(owner)}}));
                }
                return payload(QStringLiteral("MetafieldsDeletePayload"),
                               {{QStringLiteral("deletedMetafields"), Resolved::listOf(deleted)},
                                {QStringLiteral("userErrors"), errors.resolved()}});
            },
            {{QStringLiteral("metafields"), QStringLiteral("[MetafieldIdentifierInput!]!")}})
        .requiredScope = QStringLiteral("write_products");
}

void addFileUpdate(Schema &s, ShopContext &ctx) {
    s.record(QStringLiteral("FileUpdatePayload"));
    s.field(QStringLiteral("FileUpdatePayload"), QStringLiteral("files"),
            QStringLiteral("[File!]"));
    s.field(QStringLiteral("FileUpdatePayload"), QStringLiteral("userErrors"),
            QStringLiteral("[FilesUserError!]!"));
    s.field(
         s.mutationType, QStringLiteral("fileUpdate"), QStringLiteral("FileUpdatePayload"),
         [&ctx](const ResolveInfo &i) {
             UserErrors errors{QStringLiteral("FilesUserError"), {}};
             const QJsonArray inputs = i.args.value(QStringLiteral("files")).toArray();
             if (inputs.size() > 250)
                 errors.add({QStringLiteral("files")},
                            QStringLiteral("Too many files: at most 250 per call"),
                            QStringLiteral("TOO_MANY_ARGUMENTS"));
             for (qsizetype k = 0; k < inputs.size(); ++k) {
                 const QJsonObject in = inputs.at(k).toObject();
                 const QStringList base{QStringLiteral("files"), QString::number(k)};
                 const QString id = in.value(QStringLiteral("id")).toString();
                 const auto found = ctx.store.findMedia(id);
                 if (!found)
                     errors.add(base + QStringList{QStringLiteral("id")},
                                QStringLiteral("File id %1 does not exist.").arg(id),
                                QStringLiteral("FILE_DOES_NOT_EXIST"));
                 else if (ctx.store.productAt(found->product).media.at(found->media).status !=
                          QLatin1String("READY"))
                     // Only READY files can be updated
                     // (shopify.dev/docs/api/admin-graphql/latest/mutations/fileUpdate).
                     errors.add(base + QStringList{QStringLiteral("id")},
                                QStringLiteral("The file is not in the READY state."),
                                QStringLiteral("NON_READY_STATE"));
                 if (in.value(QStringLiteral("alt")).toString().size() > maxAltLength)
                     errors.add(base + QStringList{QStringLiteral("alt")},
                                QStringLiteral("The alt value exceeds the maximum limit of %1 "
                                               "characters.")
                                    .arg(maxAltLength),
                                QStringLiteral("ALT_VALUE_LIMIT_EXCEEDED"));
                 for (const char *unsupported : {"filename", "originalSource", "previewImageSource",
                                                 "referencesToAdd", "referencesToRemove"})
                     if (in.contains(QString::fromLatin1(unsupported)))
                         errors.add(base + QStringList{QString::fromLatin1(unsupported)},
                                    QStringLiteral("The sandbox only updates alt text; %1 is not "
                                                   "supported")
                                        .arg(QString::fromLatin1(unsupported)),
                                    QStringLiteral("INVALID"));
             }
             if (errors.any())
                 return payload(QStringLiteral("FileUpdatePayload"),
                                {{QStringLiteral("files"), Resolved::null()},
                                 {QStringLiteral("userErrors"), errors.resolved()}});
             QList<Resolved> files;
             for (const QJsonValue &v : inputs) {
                 const QJsonObject in = v.toObject();
                 const auto loc = *ctx.store.findMedia(in.value(QStringLiteral("id")).toString());
                 StoreProduct &p = ctx.store.mutableProductAt(loc.product);
                 StoreImage &image = p.media[loc.media];
                 if (in.contains(QStringLiteral("alt")) &&
                     image.alt != in.value(QStringLiteral("alt")).toString()) {
                     image.alt = in.value(QStringLiteral("alt")).toString();
                     ctx.store.touch(loc.product);
                 }
                 files.append(mediaObject(p, image));
             }
             return payload(QStringLiteral("FileUpdatePayload"),
                            {{QStringLiteral("files"), Resolved::listOf(files)},
                             {QStringLiteral("userErrors"), errors.resolved()}});
         },
         {{QStringLiteral("files"), QStringLiteral("[FileUpdateInput!]!")}})
        .requiredScope = QStringLiteral("write_files");
}

void addBulkMutations(Schema &s, ShopContext &ctx) {
    for (const char *t : {"BulkOperationRunQueryPayload", "BulkOperationRunMutationPayload",
                          "BulkOperationCancelPayload"}) {
        s.record(QString::fromLatin1(t));
        s.field(QString::fromLatin1(t), QStringLiteral("bulkOperation"),
                QStringLiteral("BulkOperation"));
    }
    s.field(QStringLiteral("BulkOperationRunQueryPayload"), QStringLiteral("userErrors"),
            QStringLiteral("[BulkOperationUserError!]!"));
    s.field(QStringLiteral("BulkOperationRunMutationPayload"), QStringLiteral("userErrors"),
            QStringLiteral("[BulkMutationUserError!]!"));
    s.field(QStringLiteral("BulkOperationCancelPayload"), QStringLiteral("userErrors"),
            QStringLiteral("[UserError!]!"));

    auto started = [&ctx](const QString &payloadType, const QString &errorType,
                          const BulkOperations::StartResult &r) {
        UserErrors errors{errorType, {}};
        if (!r.error.isEmpty())
            errors.add(r.field, r.error, r.code);
        return payload(payloadType,
                       {{QStringLiteral("bulkOperation"),
                         r.id.isEmpty() ? Resolved::null() : bulkOperationObject(ctx, r.id)},
                        {QStringLiteral("userErrors"), errors.resolved()}});
    };
    s.field(s.mutationType, QStringLiteral("bulkOperationRunQuery"),
            QStringLiteral("BulkOperationRunQueryPayload"),
            [&ctx, started](const ResolveInfo &i) {
                return started(
                    QStringLiteral("BulkOperationRunQueryPayload"),
                    QStringLiteral("BulkOperationUserError"),
                    ctx.bulk->startQuery(i.args.value(QStringLiteral("query")).toString(),
                                         ctx.grantedScopes,
                                         i.args.value(QStringLiteral("groupObjects")).toBool()));
            },
            {{QStringLiteral("groupObjects"), QStringLiteral("Boolean!"), false},
             {QStringLiteral("query"), QStringLiteral("String!")}});
    s.field(s.mutationType, QStringLiteral("bulkOperationRunMutation"),
            QStringLiteral("BulkOperationRunMutationPayload"),
            [&ctx, started](const ResolveInfo &i) {
                return started(QStringLiteral("BulkOperationRunMutationPayload"),
                               QStringLiteral("BulkMutationUserError"),
                               ctx.bulk->startMutation(
                                   i.args.value(QStringLiteral("mutation")).toString(),
                                   i.args.value(QStringLiteral("stagedUploadPath")).toString(),
                                   ctx.grantedScopes));
            },
            {{QStringLiteral("clientIdentifier"), QStringLiteral("String")},
             {QStringLiteral("mutation"), QStringLiteral("String!")},
             {QStringLiteral("stagedUploadPath"), QStringLiteral("String!")}})
        .requiredScope = QStringLiteral("write_products");
    s.field(s.mutationType, QStringLiteral("bulkOperationCancel"),
            QStringLiteral("BulkOperationCancelPayload"),
            [&ctx](const ResolveInfo &i) {
                UserErrors errors{QStringLiteral("UserError"), {}};
                const QString id = i.args.value(QStringLiteral("id")).toString();
                const QString problem = ctx.bulk->cancel(id);
                if (!problem.isEmpty())
                    errors.add({QStringLiteral("id")}, problem);
                return payload(QStringLiteral("BulkOperationCancelPayload"),
                               {{QStringLiteral("bulkOperation"), bulkOperationObject(ctx, id)},
                                {QStringLiteral("userErrors"), errors.resolved()}});
            },
            {{QStringLiteral("id"), QStringLiteral("ID!")}});

    s.record(QStringLiteral("StagedUploadsCreatePayload"));
    s.field(QStringLiteral("StagedUploadsCreatePayload"), QStringLiteral("stagedTargets"),
            QStringLiteral("[StagedMediaUploadTarget!]"));
    s.field(QStringLiteral("StagedUploadsCreatePayload"), QStringLiteral("userErrors"),
            QStringLiteral("[UserError!]!"));
    s.record(QStringLiteral("StagedMediaUploadTarget"));
    s.field(QStringLiteral("StagedMediaUploadTarget"), QStringLiteral("url"),
            QStringLiteral("URL"));
    s.field(QStringLiteral("StagedMediaUploadTarget"), QStringLiteral("resourceUrl"),
            QStringLiteral("URL"));
    s.field(QStringLiteral("StagedMediaUploadTarget"), QStringLiteral("parameters"),
            QStringLiteral("[StagedUploadParameter!]!"));
    s.record(QStringLiteral("StagedUploadParameter"));
    s.field(QStringLiteral("StagedUploadParameter"), QStringLiteral("name"),
            QStringLiteral("String!"));
    s.field(QStringLiteral("StagedUploadParameter"), QStringLiteral("value"),
            QStringLiteral("String!"));
    s.field(
        s.mutationType, QStringLiteral("stagedUploadsCreate"),
        QStringLiteral("StagedUploadsCreatePayload"),
        [&ctx](const ResolveInfo &i) {
            UserErrors errors{QStringLiteral("UserError"), {}};
            const QJsonArray inputs = i.args.value(QStringLiteral("input")).toArray();
            for (qsizetype k = 0; k < inputs.size(); ++k) {
                const QJsonObject in = inputs.at(k).toObject();
                if (in.value(QStringLiteral("resource")).toString() !=
                    QLatin1String("BULK_MUTATION_VARIABLES"))
                    errors.add(
                        {QStringLiteral("input"), QString::number(k), QStringLiteral("resource")},
                        QStringLiteral("The sandbox stages BULK_MUTATION_VARIABLES "
                                       "uploads only"));
            }
            if (errors.any())
                return payload(QStringLiteral("StagedUploadsCreatePayload"),
                               {{QStringLiteral("stagedTargets"), Resolved::null()},
                                {QStringLiteral("userErrors"), errors.resolved()}});
            QList<Resolved> targets;
            for (const QJsonValue &v : inputs) {
                const QJsonObject in = v.toObject();
                const StagedUploads::Target t = ctx.uploads->create(
                    in.value(QStringLiteral("filename")).toString(),
                    in.value(QStringLiteral("mimeType")).toString(),
                    in.value(QStringLiteral("httpMethod")).toString(QStringLiteral("PUT")),
                    ctx.baseUrl);
                QList<Resolved> params;
                for (const auto &[name, value] : t.parameters) {
                    Record p;
                    p.insert(QStringLiteral("name"), Resolved::value(name));
                    p.insert(QStringLiteral("value"), Resolved::value(value));
                    params.append(Resolved::objectOf(QStringLiteral("StagedUploadParameter"), p));
                }
                Record target;
                target.insert(QStringLiteral("url"), Resolved::value(t.url));
                target.insert(QStringLiteral("resourceUrl"), t.resourceUrl.isEmpty()
                                                                 ? Resolved::null()
                                                                 : Resolved::value(t.resourceUrl));
                target.insert(QStringLiteral("parameters"), Resolved::listOf(params));
                targets.append(
                    Resolved::objectOf(QStringLiteral("StagedMediaUploadTarget"), target));
            }
            return payload(QStringLiteral("StagedUploadsCreatePayload"),
                           {{QStringLiteral("stagedTargets"), Resolved::listOf(targets)},
                            {QStringLiteral("userErrors"), errors.resolved()}});
        },
        {{QStringLiteral("input"), QStringLiteral("[StagedUploadInput!]!")}});
}

} // namespace

void addShopifyMutations(Schema &s, ShopContext &ctx) {
    s.object(s.mutationType);
    for (const char *t : {"UserError", "MetafieldsSetUserError", "FilesUserError",
                          "BulkOperationUserError", "BulkMutationUserError"}) {
        const QString type = QString::fromLatin1(t);
        s.record(type);
        s.field(type, QStringLiteral("field"), QStringLiteral("[String!]"));
        s.field(type, QStringLiteral("message"), QStringLiteral("String!"));
    }
    s.field(QStringLiteral("MetafieldsSetUserError"), QStringLiteral("code"),
            QStringLiteral("MetafieldsSetUserErrorCode"));
    s.field(QStringLiteral("MetafieldsSetUserError"), QStringLiteral("elementIndex"),
            QStringLiteral("Int"));
    s.field(QStringLiteral("FilesUserError"), QStringLiteral("code"),
            QStringLiteral("FilesErrorCode"));
    s.field(QStringLiteral("BulkOperationUserError"), QStringLiteral("code"),
            QStringLiteral("BulkOperationUserErrorCode"));
    s.field(QStringLiteral("BulkMutationUserError"), QStringLiteral("code"),
            QStringLiteral("BulkMutationErrorCode"));
    s.record(QStringLiteral("ProductUpdatePayload"));
    s.field(QStringLiteral("ProductUpdatePayload"), QStringLiteral("product"),
            QStringLiteral("Product"));
    s.field(QStringLiteral("ProductUpdatePayload"), QStringLiteral("userErrors"),
            QStringLiteral("[UserError!]!"));

    addProductUpdate(s, ctx);
    addTags(s, ctx, QStringLiteral("tagsAdd"), true);
    addTags(s, ctx, QStringLiteral("tagsRemove"), false);
    addMetafieldsSet(s, ctx);
    addMetafieldsDelete(s, ctx);
    addFileUpdate(s, ctx);
    addBulkMutations(s, ctx);
}

} // namespace tagdesk::sandbox

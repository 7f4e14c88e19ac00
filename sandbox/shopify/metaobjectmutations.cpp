// metaobjectCreate, metaobjectUpsert and metaobjectDelete with Shopify's payloads and
// MetaobjectUserError codes (Admin API 2026-01). They need write_metaobjects. Which `field`
// path each error carries is the sandbox's reading of the schema, not checked against a
// real store.
#include "shopify/gid.h"
#include "shopify/metaobjects.h"
#include "shopify/shopifyschema.h"
#include "shopify/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace tagdesk::sandbox {

using namespace graphql;

namespace {

const QString writeScope = QStringLiteral("write_metaobjects");
const QString errorType = QStringLiteral("MetaobjectUserError");

struct Errors {
    QList<Resolved> list;

    void add(const QStringList &field, const QString &message, const QString &code,
             int elementIndex = -1, const QString &elementKey = {}) {
        Resolved e = userError(errorType, field, message, code, elementIndex);
        auto *record = std::any_cast<Record>(&e.object.source);
        if (record)
            record->insert(QStringLiteral("elementKey"),
                           elementKey.isEmpty() ? Resolved::null() : Resolved::value(elementKey));
        if (record && elementIndex < 0)
            record->insert(QStringLiteral("elementIndex"), Resolved::null());
        list.append(e);
    }
    void add(const QList<MetaobjectProblem> &problems) {
        for (const MetaobjectProblem &p : problems)
            add(p.field, p.message, p.code, p.elementIndex, p.elementKey);
    }
    bool any() const { return !list.isEmpty(); }
};

Resolved payload(const QString &type, const QString &objectField, Resolved object,
                 const Errors &errors) {
    Record r;
    r.insert(objectField, std::move(object));
    r.insert(QStringLiteral("userErrors"), Resolved::listOf(errors.list));
    return Resolved::objectOf(type, r);
}

// The definition of `type`; for a type with none, nullptr and UNDEFINED_OBJECT_TYPE on
// `field`, the argument that named the type.
const MetaobjectDefinitionSpec *definitionOf(const QString &type, const QStringList &field,
                                             Errors &errors) {
    const MetaobjectDefinitionSpec *d = Metaobjects::definition(type);
    if (!d)
        errors.add(field,
                   QStringLiteral("No metaobject definition exists for type \"%1\"").arg(type),
                   QStringLiteral("UNDEFINED_OBJECT_TYPE"));
    return d;
}

QList<StoreMetaobjectField> fieldsArgument(const QJsonObject &input) {
    QList<StoreMetaobjectField> out;
    for (const QJsonValue &v : input.value(QStringLiteral("fields")).toArray())
        out.append({v.toObject().value(QStringLiteral("key")).toString(),
                    v.toObject().value(QStringLiteral("value")).toString()});
    return out;
}

bool validHandle(const QString &handle) {
    static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9_-]*$"));
    return handle.size() <= 255 && re.match(handle).hasMatch();
}

void checkCapabilities(const QJsonObject &input, Errors &errors) {
    const QJsonValue c = input.value(QStringLiteral("capabilities"));
    if (!c.isUndefined() && !c.isNull())
        errors.add({QStringLiteral("metaobject"), QStringLiteral("capabilities")},
                   QStringLiteral("The sandbox's standard definitions have no capabilities "
                                  "enabled"),
                   QStringLiteral("CAPABILITY_NOT_ENABLED"));
}

void checkHandle(const Metaobjects &store, const QString &type, const QString &handle,
                 const QString &ownId, Errors &errors) {
    const QStringList field{QStringLiteral("metaobject"), QStringLiteral("handle")};
    if (!validHandle(handle)) {
        errors.add(field, QStringLiteral("Handle is invalid"), QStringLiteral("INVALID"));
        return;
    }
    const StoreMetaobject *other = store.byHandle(type, handle);
    if (other && other->id != ownId)
        errors.add(field, QStringLiteral("Handle has already been taken"), QStringLiteral("TAKEN"));
}

// Drops a deleted entry from every product's metaobject reference metafields, so no
// product points at it any more.
void dropReferences(ShopifyStore &store, const QString &id) {
    for (qsizetype k = 0; k < store.productCount(); ++k) {
        const StoreProduct &p = store.productAt(k);
        bool refers = false;
        for (const StoreMetafield &m : p.metafields)
            refers = refers || (m.type.contains(QLatin1String("metaobject_reference")) &&
                                m.value.contains(id));
        if (!refers)
            continue;
        StoreProduct &w = store.mutableProductAt(k);
        for (qsizetype j = w.metafields.size() - 1; j >= 0; --j) {
            StoreMetafield &m = w.metafields[j];
            if (m.type == QLatin1String("metaobject_reference") && m.value == id) {
                w.metafields.removeAt(j);
            } else if (m.type == QLatin1String("list.metaobject_reference")) {
                QJsonArray kept;
                for (const QJsonValue &v : QJsonDocument::fromJson(m.value.toUtf8()).array())
                    if (v.toString() != id)
                        kept.append(v);
                if (kept.isEmpty())
                    w.metafields.removeAt(j);
                else
                    store.setMetafield(
                        w, m.ns, m.key, m.type,
                        QString::fromUtf8(QJsonDocument(kept).toJson(QJsonDocument::Compact)));
            }
        }
        store.touch(k);
    }
}

void addCreate(Schema &s, ShopContext &ctx) {
    const QString P = QStringLiteral("MetaobjectCreatePayload");
    s.field(s.mutationType, QStringLiteral("metaobjectCreate"), P,
            [&ctx, P](const ResolveInfo &i) {
                Errors errors;
                const QJsonObject in = i.args.value(QStringLiteral("metaobject")).toObject();
                const QString type = in.value(QStringLiteral("type")).toString();
                const MetaobjectDefinitionSpec *d = definitionOf(
                    type, {QStringLiteral("metaobject"), QStringLiteral("type")}, errors);
                if (!d)
                    return payload(P, QStringLiteral("metaobject"), Resolved::null(), errors);
                const QList<StoreMetaobjectField> fields = fieldsArgument(in);
                checkCapabilities(in, errors);
                errors.add(Metaobjects::checkFields(*d, fields, {QStringLiteral("metaobject")}));
                errors.add(Metaobjects::checkRequired(*d, fields, {QStringLiteral("metaobject")}));
                const Metaobjects &all = ctx.store.metaobjects();
                QString handle = in.value(QStringLiteral("handle")).toString().trimmed();
                if (in.value(QStringLiteral("handle")).isString())
                    checkHandle(all, type, handle, {}, errors);
                if (errors.any())
                    return payload(P, QStringLiteral("metaobject"), Resolved::null(), errors);
                if (handle.isEmpty()) {
                    StoreMetaobject probe;
                    probe.type = type;
                    probe.fields = fields;
                    handle = all.freeHandle(type, Metaobjects::displayName(probe));
                }
                const StoreMetaobject &m =
                    ctx.store.mutableMetaobjects().create(type, handle, fields, ctx.store.now());
                ctx.store.noteWrite();
                return payload(P, QStringLiteral("metaobject"),
                               Resolved::objectOf(QStringLiteral("Metaobject"), &m), errors);
            },
            {{QStringLiteral("metaobject"), QStringLiteral("MetaobjectCreateInput!")}})
        .requiredScope = writeScope;
}

void addUpsert(Schema &s, ShopContext &ctx) {
    const QString P = QStringLiteral("MetaobjectUpsertPayload");
    s.field(s.mutationType, QStringLiteral("metaobjectUpsert"), P,
            [&ctx, P](const ResolveInfo &i) {
                Errors errors;
                const QJsonObject h = i.args.value(QStringLiteral("handle")).toObject();
                const QJsonObject in = i.args.value(QStringLiteral("metaobject")).toObject();
                const QString type = h.value(QStringLiteral("type")).toString();
                const MetaobjectDefinitionSpec *d =
                    definitionOf(type, {QStringLiteral("handle"), QStringLiteral("type")}, errors);
                if (!d)
                    return payload(P, QStringLiteral("metaobject"), Resolved::null(), errors);
                const Metaobjects &all = ctx.store.metaobjects();
                const QString lookup = h.value(QStringLiteral("handle")).toString().trimmed();
                const StoreMetaobject *existing = all.byHandle(type, lookup);
                const QString handle = in.value(QStringLiteral("handle")).isString()
                                           ? in.value(QStringLiteral("handle")).toString().trimmed()
                                           : lookup;
                const QList<StoreMetaobjectField> changes = fieldsArgument(in);
                checkCapabilities(in, errors);
                checkHandle(all, type, handle, existing ? existing->id : QString(), errors);
                errors.add(Metaobjects::checkFields(*d, changes, {QStringLiteral("metaobject")}));
                const QList<StoreMetaobjectField> fields =
                    existing ? Metaobjects::merged(existing->fields, changes) : changes;
                errors.add(Metaobjects::checkRequired(*d, fields, {QStringLiteral("metaobject")}));
                if (errors.any())
                    return payload(P, QStringLiteral("metaobject"), Resolved::null(), errors);
                Metaobjects &writable = ctx.store.mutableMetaobjects();
                const StoreMetaobject &m =
                    existing ? writable.update(existing->id, handle, fields, ctx.store.now())
                             : writable.create(type, handle, fields, ctx.store.now());
                ctx.store.noteWrite();
                return payload(P, QStringLiteral("metaobject"),
                               Resolved::objectOf(QStringLiteral("Metaobject"), &m), errors);
            },
            {{QStringLiteral("handle"), QStringLiteral("MetaobjectHandleInput!")},
             {QStringLiteral("metaobject"), QStringLiteral("MetaobjectUpsertInput!")}})
        .requiredScope = writeScope;
}

void addDelete(Schema &s, ShopContext &ctx) {
    const QString P = QStringLiteral("MetaobjectDeletePayload");
    s.field(s.mutationType, QStringLiteral("metaobjectDelete"), P,
            [&ctx, P](const ResolveInfo &i) {
                Errors errors;
                const QString id = i.args.value(QStringLiteral("id")).toString();
                if (!ctx.store.metaobjects().byId(id)) {
                    errors.add({QStringLiteral("id")}, QStringLiteral("Record not found"),
                               QStringLiteral("RECORD_NOT_FOUND"));
                    return payload(P, QStringLiteral("deletedId"), Resolved::null(), errors);
                }
                ctx.store.mutableMetaobjects().remove(id);
                dropReferences(ctx.store, id);
                ctx.store.noteWrite();
                return payload(P, QStringLiteral("deletedId"), Resolved::value(id), errors);
            },
            {{QStringLiteral("id"), QStringLiteral("ID!")}})
        .requiredScope = writeScope;
}

} // namespace

void addMetaobjectMutations(Schema &s, ShopContext &ctx) {
    s.record(errorType);
    s.field(errorType, QStringLiteral("field"), QStringLiteral("[String!]"));
    s.field(errorType, QStringLiteral("message"), QStringLiteral("String!"));
    s.field(errorType, QStringLiteral("code"), QStringLiteral("MetaobjectUserErrorCode"));
    s.field(errorType, QStringLiteral("elementIndex"), QStringLiteral("Int"));
    s.field(errorType, QStringLiteral("elementKey"), QStringLiteral("String"));
    for (const char *p : {"MetaobjectCreatePayload", "MetaobjectUpsertPayload"}) {
        s.record(QString::fromLatin1(p));
        s.field(QString::fromLatin1(p), QStringLiteral("metaobject"), QStringLiteral("Metaobject"));
        s.field(QString::fromLatin1(p), QStringLiteral("userErrors"),
                QStringLiteral("[MetaobjectUserError!]!"));
    }
    s.record(QStringLiteral("MetaobjectDeletePayload"));
    s.field(QStringLiteral("MetaobjectDeletePayload"), QStringLiteral("deletedId"),
            QStringLiteral("ID"));
    s.field(QStringLiteral("MetaobjectDeletePayload"), QStringLiteral("userErrors"),
            QStringLiteral("[MetaobjectUserError!]!"));
    addCreate(s, ctx);
    addUpsert(s, ctx);
    addDelete(s, ctx);
}

} // namespace tagdesk::sandbox

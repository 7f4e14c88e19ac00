#include "shopify/metaobjects.h"

#include "shopify/gid.h"
#include "shopify/sandboxtaxonomy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace tagdesk::sandbox {

namespace {

// The standard definitions' fields.
//
// shopify--color-pattern: label, color (hex), image, color_taxonomy_reference (1–4 base
// colours: taxonomy values of attribute `color`) and pattern_taxonomy_reference (one
// taxonomy value of attribute `pattern`); label and the two references required. Shopify's
// page
// https://shopify.dev/docs/apps/build/product-merchandising/products-and-collections/metafield-linked
// says these entries hold "the color name, hex code, and taxonomy references"; the keys
// themselves are what public client code sends to real stores, not read on a Shopify page,
// and the 1–4 limit is unverified.
//
// Every other attribute (shopify--fabric, shopify--neckline, …): label and
// taxonomy_reference (one value of that attribute), both required — unverified.
QList<MetaobjectDefinitionSpec> makeDefinitions() {
    QList<MetaobjectDefinitionSpec> out;
    const SandboxTaxonomy &taxonomy = SandboxTaxonomy::instance();
    int n = 0;
    for (const TaxonomyAttribute &a : StandardTaxonomy::instance().attributes()) {
        MetaobjectDefinitionSpec d;
        d.id = gidFor(u"MetaobjectDefinition", ++n);
        d.type = QStringLiteral("shopify--") + categoryMetafieldKey(a.handle);
        d.name = a.handle == QLatin1String("color") ? QStringLiteral("Color") : a.name;
        d.attributeHandle = a.handle;
        d.fields.append({QStringLiteral("label"), QStringLiteral("Label"),
                         QStringLiteral("single_line_text_field"), true});
        if (a.handle == QLatin1String("color")) {
            d.fields.append(
                {QStringLiteral("color"), QStringLiteral("Color"), QStringLiteral("color"), false});
            d.fields.append({QStringLiteral("image"), QStringLiteral("Image"),
                             QStringLiteral("file_reference"), false});
            d.fields.append({QStringLiteral("color_taxonomy_reference"),
                             QStringLiteral("Base color"),
                             QStringLiteral("list.product_taxonomy_value_reference"), true,
                             QStringLiteral("color"), 4});
            if (taxonomy.attribute(QStringLiteral("pattern")))
                d.fields.append({QStringLiteral("pattern_taxonomy_reference"),
                                 QStringLiteral("Base pattern"),
                                 QStringLiteral("product_taxonomy_value_reference"), true,
                                 QStringLiteral("pattern"), 1});
        } else {
            d.fields.append(
                {QStringLiteral("taxonomy_reference"), QStringLiteral("Taxonomy reference"),
                 QStringLiteral("product_taxonomy_value_reference"), true, a.handle, 1});
        }
        out.append(d);
    }
    return out;
}

MetaobjectProblem problem(const QStringList &field, const QString &message, const QString &code,
                          int index = -1, const QString &key = {}) {
    return MetaobjectProblem{field, message, code, index, key};
}

// Why `value` is not a value of field `spec`, or empty.
QString valueProblem(const MetaobjectFieldSpec &spec, const QString &value) {
    const SandboxTaxonomy &taxonomy = SandboxTaxonomy::instance();
    if (spec.type == QLatin1String("single_line_text_field"))
        return value.contains(u'\n') ? QStringLiteral("Value must be a single line of text")
                                     : QString();
    if (spec.type == QLatin1String("color")) {
        static const QRegularExpression hex(QStringLiteral("^#[0-9A-Fa-f]{6}$"));
        return hex.match(value).hasMatch() || value.isEmpty()
                   ? QString()
                   : QStringLiteral("Value must be a hex color code like #1F3A93");
    }
    if (spec.type == QLatin1String("file_reference"))
        return value.isEmpty() || gidKind(value) == QLatin1String("MediaImage") ||
                       gidKind(value) == QLatin1String("GenericFile")
                   ? QString()
                   : QStringLiteral("Value must be a file id");
    const bool list = spec.type.startsWith(QLatin1String("list."));
    QStringList ids;
    if (list) {
        const QJsonDocument doc = QJsonDocument::fromJson(value.toUtf8());
        if (!doc.isArray())
            return QStringLiteral("Value must be a JSON array of taxonomy value ids");
        for (const QJsonValue &v : doc.array())
            ids.append(v.toString());
        if (ids.isEmpty() || ids.size() > spec.maxItems)
            return QStringLiteral("Value must list 1 to %1 taxonomy values").arg(spec.maxItems);
    } else {
        ids.append(value);
    }
    for (const QString &id : std::as_const(ids)) {
        QString attribute;
        if (!taxonomy.value(id, &attribute))
            return QStringLiteral("Value %1 is not a product taxonomy value id").arg(id);
        if (attribute != spec.taxonomyAttribute)
            return QStringLiteral("Value %1 is not a value of the taxonomy attribute '%2'")
                .arg(id, spec.taxonomyAttribute);
    }
    return {};
}

} // namespace

const MetaobjectFieldSpec *MetaobjectDefinitionSpec::field(const QString &key) const {
    for (const MetaobjectFieldSpec &f : fields)
        if (f.key == key)
            return &f;
    return nullptr;
}

Metaobjects::Metaobjects(QList<StoreMetaobject> entries)
    : m_entries(std::move(entries)) {
    reindex();
}

void Metaobjects::reindex() {
    m_byId.clear();
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        m_byId.insert(m_entries.at(i).id, i);
        m_next = std::max(m_next, legacyId(m_entries.at(i).id) + 1);
    }
}

const QList<MetaobjectDefinitionSpec> &Metaobjects::definitions() {
    static const QList<MetaobjectDefinitionSpec> all = makeDefinitions();
    return all;
}

const MetaobjectDefinitionSpec *Metaobjects::definition(const QString &type) {
    for (const MetaobjectDefinitionSpec &d : definitions())
        if (d.type == type)
            return &d;
    return nullptr;
}

const StoreMetaobject *Metaobjects::byId(const QString &id) const {
    auto it = m_byId.constFind(id);
    return it == m_byId.cend() ? nullptr : &m_entries.at(*it);
}

const StoreMetaobject *Metaobjects::byHandle(const QString &type, const QString &handle) const {
    for (const StoreMetaobject &m : m_entries)
        if (m.type == type && m.handle == handle)
            return &m;
    return nullptr;
}

QList<const StoreMetaobject *> Metaobjects::ofType(const QString &type) const {
    QList<const StoreMetaobject *> out;
    for (const StoreMetaobject &m : m_entries)
        if (m.type == type)
            out.append(&m);
    return out;
}

QString Metaobjects::displayName(const StoreMetaobject &entry) {
    const MetaobjectDefinitionSpec *d = definition(entry.type);
    const QString name = d ? entry.field(d->displayNameKey) : QString();
    return name.isEmpty() ? entry.handle : name;
}

QList<MetaobjectProblem> Metaobjects::checkFields(const MetaobjectDefinitionSpec &definition,
                                                  const QList<StoreMetaobjectField> &fields,
                                                  const QStringList &path) {
    QList<MetaobjectProblem> out;
    QSet<QString> seen;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        const StoreMetaobjectField &f = fields.at(i);
        const QStringList where = path + QStringList{QStringLiteral("fields"), QString::number(i)};
        if (seen.contains(f.key)) {
            out.append(problem(where, QStringLiteral("Field \"%1\" is given twice").arg(f.key),
                               QStringLiteral("DUPLICATE_FIELD_INPUT"), int(i), f.key));
            continue;
        }
        seen.insert(f.key);
        const MetaobjectFieldSpec *spec = definition.field(f.key);
        if (!spec) {
            out.append(problem(where,
                               QStringLiteral("Field definition \"%1\" does not exist on %2")
                                   .arg(f.key, definition.type),
                               QStringLiteral("UNDEFINED_OBJECT_FIELD"), int(i), f.key));
            continue;
        }
        if (f.value.isEmpty())
            continue; // a required field left empty is OBJECT_FIELD_REQUIRED (checkRequired)
        if (const QString why = valueProblem(*spec, f.value); !why.isEmpty())
            out.append(problem(where, why, QStringLiteral("INVALID_VALUE"), int(i), f.key));
    }
    return out;
}

QList<MetaobjectProblem> Metaobjects::checkRequired(const MetaobjectDefinitionSpec &definition,
                                                    const QList<StoreMetaobjectField> &fields,
                                                    const QStringList &path) {
    QList<MetaobjectProblem> out;
    for (const MetaobjectFieldSpec &spec : definition.fields) {
        if (!spec.required)
            continue;
        const bool present = std::any_of(fields.begin(), fields.end(), [&](const auto &f) {
            return f.key == spec.key && !f.value.trimmed().isEmpty();
        });
        if (!present)
            out.append(problem(path + QStringList{QStringLiteral("fields")},
                               QStringLiteral("Field \"%1\" is required").arg(spec.key),
                               QStringLiteral("OBJECT_FIELD_REQUIRED"), -1, spec.key));
    }
    return out;
}

QList<StoreMetaobjectField> Metaobjects::merged(QList<StoreMetaobjectField> fields,
                                                const QList<StoreMetaobjectField> &changes) {
    for (const StoreMetaobjectField &c : changes) {
        auto it = std::find_if(fields.begin(), fields.end(),
                               [&](const StoreMetaobjectField &f) { return f.key == c.key; });
        if (it != fields.end())
            it->value = c.value;
        else
            fields.append(c);
    }
    return fields;
}

QString Metaobjects::freeHandle(const QString &type, const QString &displayName) const {
    static const QRegularExpression notWord(QStringLiteral("[^a-z0-9]+"));
    QString base = displayName.toLower().replace(notWord, QStringLiteral("-"));
    while (base.startsWith(u'-'))
        base.remove(0, 1);
    while (base.endsWith(u'-'))
        base.chop(1);
    if (base.isEmpty())
        base = type.section(QStringLiteral("--"), -1);
    QString handle = base;
    for (int n = 1; byHandle(type, handle); ++n)
        handle = base + u'-' + QString::number(n);
    return handle;
}

const StoreMetaobject &Metaobjects::create(const QString &type, const QString &handle,
                                           const QList<StoreMetaobjectField> &fields,
                                           const QDateTime &at) {
    StoreMetaobject m;
    m.id = gidFor(u"Metaobject", m_next++);
    m.type = type;
    m.handle = handle;
    m.fields = fields;
    m.createdAt = at;
    m.updatedAt = at;
    m_entries.append(m);
    m_byId.insert(m.id, m_entries.size() - 1);
    return m_entries.last();
}

const StoreMetaobject &Metaobjects::update(const QString &id, const QString &handle,
                                           const QList<StoreMetaobjectField> &fields,
                                           const QDateTime &at) {
    StoreMetaobject &m = m_entries[m_byId.value(id)];
    if (m.handle != handle || m.fields != fields) {
        m.handle = handle;
        m.fields = fields;
        m.updatedAt = at > m.updatedAt ? at : m.updatedAt.addMSecs(1);
    }
    return m;
}

bool Metaobjects::remove(const QString &id) {
    auto it = m_byId.constFind(id);
    if (it == m_byId.cend())
        return false;
    m_entries.removeAt(*it);
    reindex();
    return true;
}

} // namespace tagdesk::sandbox

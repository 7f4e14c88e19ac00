#include "shopify/sandboxtaxonomy.h"

#include <QSet>

namespace tagdesk::sandbox {

namespace {

const QString kPrefix = QStringLiteral("gid://shopify/TaxonomyCategory/");

QString shortId(const QString &id) {
    return id.startsWith(kPrefix) ? id.mid(kPrefix.size()) : id;
}

} // namespace

const QString SandboxTaxonomy::archivedCategoryId =
    QStringLiteral("gid://shopify/TaxonomyCategory/aa-1-2");

const SandboxTaxonomy &SandboxTaxonomy::instance() {
    static const SandboxTaxonomy taxonomy;
    return taxonomy;
}

SandboxTaxonomy::SandboxTaxonomy() {
    const StandardTaxonomy &standard = StandardTaxonomy::instance();
    ServedCategory root;
    root.id = kPrefix + QStringLiteral("aa");
    root.name = root.fullName = QStringLiteral("Apparel & Accessories");
    m_categories.append(root);
    for (const TaxonomyCategory &c : standard.categories()) {
        ServedCategory s;
        s.id = c.id;
        s.name = c.name();
        s.fullName = c.fullName;
        s.attributeHandles = c.attributeHandles;
        m_categories.append(s);
    }
    ServedCategory archived;
    archived.id = archivedCategoryId;
    archived.name = QStringLiteral("Baby & Toddler Clothing");
    archived.fullName =
        QStringLiteral("Apparel & Accessories > Clothing > Baby & Toddler Clothing");
    if (const TaxonomyCategory *clothing = standard.categoryById(QStringLiteral("aa-1")))
        archived.attributeHandles = clothing->attributeHandles;
    archived.archived = true;
    m_categories.append(archived);

    for (qsizetype i = 0; i < m_categories.size(); ++i)
        m_byShortId.insert(shortId(m_categories.at(i).id), i);
    for (ServedCategory &c : m_categories) {
        const QString sid = shortId(c.id);
        c.level = int(sid.count(u'-')) + 1;
        const qsizetype dash = sid.lastIndexOf(u'-');
        if (dash > 0)
            c.parentId = kPrefix + sid.left(dash);
        for (QString p = c.parentId; !p.isEmpty();) {
            c.ancestorIds.append(p);
            const QString ps = shortId(p);
            const qsizetype d = ps.lastIndexOf(u'-');
            p = d > 0 ? kPrefix + ps.left(d) : QString();
        }
    }
    for (const ServedCategory &c : std::as_const(m_categories))
        if (!c.archived && !c.parentId.isEmpty())
            if (auto it = m_byShortId.constFind(shortId(c.parentId)); it != m_byShortId.cend())
                m_categories[*it].childrenIds.append(c.id);
    for (const TaxonomyAttribute &a : standard.attributes())
        for (const TaxonomyValue &v : a.values)
            m_values.insert(v.id, &v);
}

const ServedCategory *SandboxTaxonomy::category(const QString &id) const {
    auto it = m_byShortId.constFind(shortId(id.trimmed()));
    return it == m_byShortId.cend() ? nullptr : &m_categories.at(*it);
}

const ServedCategory *SandboxTaxonomy::listed(const QString &id) const {
    const ServedCategory *c = category(id);
    return c && !c->archived ? c : nullptr;
}

QList<const ServedCategory *> SandboxTaxonomy::roots() const {
    QList<const ServedCategory *> out;
    for (const ServedCategory &c : m_categories)
        if (c.parentId.isEmpty() && !c.archived)
            out.append(&c);
    return out;
}

QList<const ServedCategory *> SandboxTaxonomy::search(const QString &words) const {
    QList<const ServedCategory *> out;
    for (const TaxonomyCategory *c : StandardTaxonomy::instance().searchCategories(words))
        if (const ServedCategory *s = listed(c->id))
            out.append(s);
    // The root the subset leaves out, matched the same way (every word in its full name).
    const ServedCategory &root = m_categories.first();
    const QStringList parts = words.split(u' ', Qt::SkipEmptyParts);
    if (!parts.isEmpty() && std::all_of(parts.begin(), parts.end(), [&](const QString &w) {
            return root.fullName.contains(w, Qt::CaseInsensitive);
        }))
        out.prepend(&root);
    return out;
}

QList<const ServedCategory *> SandboxTaxonomy::childrenOf(const QString &id) const {
    QList<const ServedCategory *> out;
    if (const ServedCategory *c = listed(id))
        for (const QString &child : c->childrenIds)
            out.append(category(child));
    return out;
}

QList<const ServedCategory *> SandboxTaxonomy::descendantsOf(const QString &id) const {
    QList<const ServedCategory *> out;
    for (const ServedCategory *child : childrenOf(id)) {
        out.append(child);
        out.append(descendantsOf(child->id));
    }
    return out;
}

QList<const ServedCategory *> SandboxTaxonomy::siblingsOf(const QString &id) const {
    const ServedCategory *c = listed(id);
    if (!c)
        return {};
    QList<const ServedCategory *> out = c->parentId.isEmpty() ? roots() : childrenOf(c->parentId);
    out.removeAll(c);
    return out;
}

const TaxonomyAttribute *SandboxTaxonomy::attribute(const QString &handle) const {
    return StandardTaxonomy::instance().attribute(handle);
}

QString SandboxTaxonomy::attributeId(const QString &handle) const {
    if (const TaxonomyAttribute *a = attribute(handle))
        return a->id;
    return QStringLiteral("gid://shopify/TaxonomyAttribute/") + handle;
}

const TaxonomyValue *SandboxTaxonomy::value(const QString &valueId,
                                            QString *attributeHandle) const {
    const TaxonomyValue *v = m_values.value(valueId.trimmed());
    if (attributeHandle)
        *attributeHandle = v ? StandardTaxonomy::instance().attributeOfValue(v->id) : QString();
    return v;
}

QString categoryMetafieldKey(const QString &attributeHandle) {
    return attributeHandle == QLatin1String("color") ? QStringLiteral("color-pattern")
                                                     : attributeHandle;
}

QString attributeForMetafieldKey(const QString &key) {
    return key == QLatin1String("color-pattern") ? QStringLiteral("color") : key;
}

} // namespace tagdesk::sandbox

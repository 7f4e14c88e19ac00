#include "domain/standardtaxonomy.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace tagdesk {

namespace {

const QLatin1String kCategoryPrefix("gid://shopify/TaxonomyCategory/");
const QLatin1String kNameSeparator(" > ");
// Six levels, "Apparel & Accessories > … > Bolero Jackets": depth 5 counting the top as 0.
constexpr int kDeepestLevel = 6;

QString shortCategoryId(const QString &id) {
    const QString trimmed = id.trimmed();
    return trimmed.startsWith(kCategoryPrefix) ? trimmed.mid(kCategoryPrefix.size()) : trimmed;
}

QByteArray readResource(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QList<TaxonomyCategory> readCategories(const QByteArray &tsv, QStringList &problems) {
    QList<TaxonomyCategory> categories;
    int lineNumber = 0;
    for (const QByteArray &rawLine : tsv.split('\n')) {
        ++lineNumber;
        const QString line = QString::fromUtf8(rawLine).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList columns = QString::fromUtf8(rawLine).split(QLatin1Char('\t'));
        if (columns.size() != 3 || columns[0].trimmed().isEmpty() ||
            columns[1].trimmed().isEmpty()) {
            problems << QStringLiteral("categories line %1 is not 'id, full name, handles'")
                            .arg(lineNumber);
            continue;
        }
        TaxonomyCategory category;
        category.id = kCategoryPrefix + columns[0].trimmed();
        category.fullName = columns[1].trimmed();
        category.attributeHandles =
            columns[2].trimmed().split(QLatin1Char(','), Qt::SkipEmptyParts);
        categories.append(category);
    }
    return categories;
}

QList<TaxonomyAttribute> readAttributes(const QJsonArray &array, QStringList &problems) {
    QList<TaxonomyAttribute> attributes;
    for (const QJsonValue &entry : array) {
        const QJsonObject object = entry.toObject();
        TaxonomyAttribute attribute{object.value(QStringLiteral("id")).toString(),
                                    object.value(QStringLiteral("name")).toString(),
                                    object.value(QStringLiteral("handle")).toString(),
                                    {}};
        for (const QJsonValue &valueEntry : object.value(QStringLiteral("values")).toArray()) {
            const QJsonObject v = valueEntry.toObject();
            TaxonomyValue value{v.value(QStringLiteral("id")).toString(),
                                v.value(QStringLiteral("name")).toString(),
                                v.value(QStringLiteral("handle")).toString()};
            if (value.id.isEmpty() || value.name.isEmpty() || value.handle.isEmpty())
                problems << QStringLiteral("a value of '%1' lacks its id, name or handle")
                                .arg(attribute.handle);
            else
                attribute.values.append(value);
        }
        if (attribute.id.isEmpty() || attribute.handle.isEmpty() || attribute.values.isEmpty())
            problems << QStringLiteral("attribute '%1' lacks its id, handle or values")
                            .arg(attribute.handle);
        else
            attributes.append(attribute);
    }
    return attributes;
}

} // namespace

QString TaxonomyCategory::name() const {
    return fullName.section(kNameSeparator, -1);
}

QString TaxonomyCategory::shortId() const {
    return shortCategoryId(id);
}

int TaxonomyCategory::depth() const {
    return int(shortId().count(QLatin1Char('-'))) + 1;
}

QString TaxonomyCategory::parentId() const {
    const QString own = shortId();
    const qsizetype lastDash = own.lastIndexOf(QLatin1Char('-'));
    return lastDash < 0 ? QString() : kCategoryPrefix + own.left(lastDash);
}

const StandardTaxonomy &StandardTaxonomy::instance() {
    static const StandardTaxonomy taxonomy =
        fromData(readResource(QStringLiteral(":/taxonomy/categories.tsv")),
                 readResource(QStringLiteral(":/taxonomy/attributes.json")));
    return taxonomy;
}

StandardTaxonomy StandardTaxonomy::fromData(const QByteArray &categoriesTsv,
                                            const QByteArray &attributesJson) {
    StandardTaxonomy taxonomy;
    taxonomy.m_categories = readCategories(categoriesTsv, taxonomy.m_problems);
    if (taxonomy.m_categories.isEmpty())
        taxonomy.m_problems << QStringLiteral("no categories");

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(attributesJson, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        taxonomy.m_problems << QStringLiteral("the attributes are not a JSON object");
    const QJsonObject root = document.object();
    taxonomy.m_version = root.value(QStringLiteral("version")).toString();
    taxonomy.m_attributes =
        readAttributes(root.value(QStringLiteral("attributes")).toArray(), taxonomy.m_problems);
    for (const TaxonomyAttribute &attribute : std::as_const(taxonomy.m_attributes))
        for (const TaxonomyValue &value : attribute.values)
            taxonomy.m_attributeOfValue.insert(value.id, attribute.handle);

    taxonomy.indexCategories();
    taxonomy.inheritMissingAttributes();
    return taxonomy;
}

void StandardTaxonomy::indexCategories() {
    for (qsizetype i = 0; i < m_categories.size(); ++i) {
        const TaxonomyCategory &category = m_categories.at(i);
        if (m_categoryById.contains(category.shortId()))
            m_problems << QStringLiteral("category %1 is listed twice").arg(category.id);
        m_categoryById.insert(category.shortId(), i);
        m_categoryByFullName.insert(category.fullName.toLower(), i);
    }
}

// The data has no attribute handles for the depth-5 (deepest) children of Baby & Children's
// Coats & Jackets (resources/taxonomy/README.md, known gaps). Such a child uses its parent's,
// marked attributesInherited: they are the nearest handles known, though not checked (in the data,
// 256 of the 440 children with handles have all of their parent's). Shallower categories
// without handles keep none, as their parents are too general to stand in for them.
void StandardTaxonomy::inheritMissingAttributes() {
    for (TaxonomyCategory &category : m_categories) {
        if (!category.attributeHandles.isEmpty() || category.depth() != kDeepestLevel)
            continue;
        if (const TaxonomyCategory *parent = categoryById(category.parentId());
            parent && !parent->attributeHandles.isEmpty()) {
            category.attributeHandles = parent->attributeHandles;
            category.attributesInherited = true;
        }
    }
}

const TaxonomyCategory *StandardTaxonomy::categoryById(const QString &id) const {
    const auto found = m_categoryById.constFind(shortCategoryId(id));
    return found == m_categoryById.cend() ? nullptr : &m_categories.at(*found);
}

const TaxonomyCategory *StandardTaxonomy::categoryByFullName(const QString &fullName) const {
    const auto found = m_categoryByFullName.constFind(fullName.trimmed().toLower());
    return found == m_categoryByFullName.cend() ? nullptr : &m_categories.at(*found);
}

QList<const TaxonomyCategory *> StandardTaxonomy::searchCategories(const QString &words) const {
    const QStringList wanted = words.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (wanted.isEmpty())
        return {};
    auto containsAll = [&](const QString &text) {
        const QString lower = text.toLower();
        return std::all_of(wanted.cbegin(), wanted.cend(),
                           [&](const QString &word) { return lower.contains(word); });
    };
    QList<const TaxonomyCategory *> found;
    for (const TaxonomyCategory &category : m_categories)
        if (containsAll(category.fullName))
            found.append(&category);
    std::stable_sort(found.begin(), found.end(), [&](const auto *a, const auto *b) {
        const bool aByName = containsAll(a->name());
        const bool bByName = containsAll(b->name());
        if (aByName != bByName)
            return aByName;
        if (a->depth() != b->depth())
            return a->depth() < b->depth();
        return a->fullName < b->fullName;
    });
    return found;
}

QList<const TaxonomyCategory *> StandardTaxonomy::nearbyCategories(const QString &id,
                                                                   int limit) const {
    const TaxonomyCategory *own = categoryById(id);
    if (!own)
        return {};
    QList<const TaxonomyCategory *> found{own};
    auto addChildrenOf = [&](const QString &parentId) {
        for (const TaxonomyCategory &category : m_categories)
            if (category.parentId() == parentId && !found.contains(&category))
                found.append(&category);
    };
    addChildrenOf(own->id);
    addChildrenOf(own->parentId());
    if (const TaxonomyCategory *parent = categoryById(own->parentId())) {
        found.append(parent);
        addChildrenOf(parent->parentId());
    }
    return found.mid(0, limit);
}

const TaxonomyAttribute *StandardTaxonomy::attribute(const QString &handle) const {
    for (const TaxonomyAttribute &attribute : m_attributes)
        if (attribute.handle == handle)
            return &attribute;
    return nullptr;
}

const TaxonomyValue *StandardTaxonomy::value(const QString &attributeHandle,
                                             const QString &nameOrHandle) const {
    const TaxonomyAttribute *owner = attribute(attributeHandle);
    if (!owner)
        return nullptr;
    const QString wanted = nameOrHandle.trimmed();
    for (const TaxonomyValue &value : owner->values)
        if (value.handle == wanted || value.name.compare(wanted, Qt::CaseInsensitive) == 0)
            return &value;
    return nullptr;
}

QString StandardTaxonomy::attributeOfValue(const QString &valueId) const {
    return m_attributeOfValue.value(valueId);
}

QString StandardTaxonomy::readableName(const QString &id) const {
    if (id.startsWith(QLatin1String("gid://shopify/TaxonomyCategory/"))) {
        const TaxonomyCategory *c = categoryById(id);
        return c ? c->fullName : id;
    }
    if (id.startsWith(QLatin1String("gid://shopify/TaxonomyValue/"))) {
        const QString handle = attributeOfValue(id);
        if (const TaxonomyAttribute *a = handle.isEmpty() ? nullptr : attribute(handle)) {
            for (const TaxonomyValue &v : a->values) {
                if (v.id == id)
                    return v.name;
            }
        }
    }
    return id;
}

bool StandardTaxonomy::isValueAllowed(const QString &categoryId, const QString &valueId) const {
    const TaxonomyCategory *category = categoryById(categoryId);
    const QString attributeHandle = attributeOfValue(valueId);
    return category && !attributeHandle.isEmpty() &&
           category->attributeHandles.contains(attributeHandle);
}

} // namespace tagdesk

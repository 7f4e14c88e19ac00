#pragma once

#include "catalog/storeproduct.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace tagdesk::sandbox {

// One field of a metaobject definition (MetaobjectFieldDefinition).
struct MetaobjectFieldSpec {
    QString key = {};
    QString name = {};
    QString type =
        {}; // a metafield type: single_line_text_field, list.product_taxonomy_value_reference…
    bool required = false;
    // Taxonomy value references: the attribute the values must belong to, and how many a
    // list field takes.
    QString taxonomyAttribute = {};
    int maxItems = 1;
};

// A metaobject definition (MetaobjectDefinition). The sandbox has the standard definitions
// behind category metafields, one for each taxonomy attribute whose values it carries:
// type `shopify--<metafield key>` (shopify--color-pattern, shopify--fabric, …).
struct MetaobjectDefinitionSpec {
    QString id = {};   // gid://shopify/MetaobjectDefinition/N
    QString type = {}; // shopify--color-pattern
    QString name = {}; // Color
    QString displayNameKey = QStringLiteral("label");
    QString attributeHandle = {}; // the taxonomy attribute its entries stand for: color
    QList<MetaobjectFieldSpec> fields = {};

    const MetaobjectFieldSpec *field(const QString &key) const;
};

// Why a metaobject write is refused: a MetaobjectUserError.
struct MetaobjectProblem {
    QStringList field = {};
    QString message = {};
    QString code = {};
    int elementIndex = -1;
    QString elementKey = {};
};

// The store's metaobject entries, by id and by (type, handle).
class Metaobjects {
public:
    explicit Metaobjects(QList<StoreMetaobject> entries = {});

    static const QList<MetaobjectDefinitionSpec> &definitions();
    static const MetaobjectDefinitionSpec *definition(const QString &type);

    const QList<StoreMetaobject> &entries() const { return m_entries; }
    const StoreMetaobject *byId(const QString &id) const;
    const StoreMetaobject *byHandle(const QString &type, const QString &handle) const;
    QList<const StoreMetaobject *> ofType(const QString &type) const;
    // Its definition's display-name field (label), or the handle when that is empty.
    static QString displayName(const StoreMetaobject &entry);

    // Checks `fields` (the input, in order) for a definition: unknown keys, repeated keys,
    // values that are not of the field's type. `path` prefixes each error's `field`.
    static QList<MetaobjectProblem> checkFields(const MetaobjectDefinitionSpec &definition,
                                                const QList<StoreMetaobjectField> &fields,
                                                const QStringList &path);
    // Every required field of the definition has a value in `fields` (a whole entry).
    static QList<MetaobjectProblem> checkRequired(const MetaobjectDefinitionSpec &definition,
                                                  const QList<StoreMetaobjectField> &fields,
                                                  const QStringList &path);
    // `fields` with `changes` applied (a changed key replaced, a new one added).
    static QList<StoreMetaobjectField> merged(QList<StoreMetaobjectField> fields,
                                              const QList<StoreMetaobjectField> &changes);
    // A handle made from a display name, unique within its type: "Navy Blue" → navy-blue,
    // then navy-blue-1, …
    QString freeHandle(const QString &type, const QString &displayName) const;

    const StoreMetaobject &create(const QString &type, const QString &handle,
                                  const QList<StoreMetaobjectField> &fields, const QDateTime &at);
    // Replaces an entry's handle and fields; returns it.
    const StoreMetaobject &update(const QString &id, const QString &handle,
                                  const QList<StoreMetaobjectField> &fields, const QDateTime &at);
    bool remove(const QString &id);

    qint64 nextNumber() const { return m_next; }
    void setNextNumber(qint64 n) { m_next = std::max(m_next, n); }

private:
    void reindex();

    QList<StoreMetaobject> m_entries;
    QHash<QString, qsizetype> m_byId;
    qint64 m_next = 1;
};

} // namespace tagdesk::sandbox

#include "pipeline/csvexport.h"

#include "domain/attribute.h"
#include "domain/standardtaxonomy.h"
#include "domain/taxonomyvocabulary.h"
#include "pipeline/productchanges.h"
#include "storage/jobproductrepository.h"
#include "sync/changeplan.h"
#include "sync/productfields.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSaveFile>
#include <QSet>

namespace tagdesk::csvexport {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(CsvExport)
};

// A category by its full name, as the template's "Product category" shows it.
QString categoryText(const QJsonValue &id) {
    if (!id.isString())
        return {};
    return StandardTaxonomy::instance().readableName(id.toString());
}

QString valueText(const QJsonValue &v) {
    if (v.isArray()) {
        QStringList items;
        for (const QJsonValue &item : v.toArray())
            items << item.toString();
        return items.join(QStringLiteral(", ")); // Shopify's CSV separates tags this way
    }
    return v.toString();
}

// Whether the job writes category metafields: all its products, or some by their approval.
bool writesCategoryMetafields(const Job &job, const ReviewInputs &inputs) {
    if (job.destinations.testFlag(Destination::CategoryMetafields))
        return true;
    for (const QString &keys : inputs.destinationOverrides) {
        if (auto d = destinationsFromKeys(keys); d && d->testFlag(Destination::CategoryMetafields))
            return true;
    }
    return false;
}

// The taxonomy attributes whose category metafield the job's products may get: those of
// the attributes suggested, and any other a plan writes (gender "kids" is an age group),
// in the taxonomy's order.
QStringList categoryMetafieldHandles(const QStringList &attributes,
                                     const QList<ChangePlan> &plans) {
    QSet<QString> handles;
    for (const QString &a : attributes) {
        if (const QString handle = vocabulary::taxonomyAttribute(a); !handle.isEmpty())
            handles.insert(handle);
    }
    for (const ChangePlan &plan : plans) {
        for (const QString &key : plan.after.keys()) {
            if (const QString handle = productfields::categoryMetafieldOf(key); !handle.isEmpty())
                handles.insert(handle);
        }
    }
    QStringList ordered;
    for (const TaxonomyAttribute &a : StandardTaxonomy::instance().attributes()) {
        if (handles.contains(a.handle))
            ordered << a.handle;
    }
    return ordered;
}

// A category metafield's values by name, in the list's order ("Navy; Blue"): a taxonomy
// value by its name, an entry Tagdesk could not read as one by its handle, else by its id.
// The items are joined with "; ", which is unverified: the separator Shopify's product CSV
// uses for a list metafield has not been checked against a real export.
QString categoryValuesText(const QJsonValue &ids, const ProductSnapshot &snapshot) {
    QStringList names;
    for (const QJsonValue &v : ids.toArray()) {
        const QString id = v.toString();
        const CategoryMetaobject *entry = snapshot.categoryMetaobject(id);
        names << (entry && !entry->handle.isEmpty()
                      ? entry->handle
                      : StandardTaxonomy::instance().readableName(id));
    }
    return names.join(QStringLiteral("; "));
}

QString decisionText(const std::optional<AttributeDecision> &d, ReviewState review) {
    if (!d)
        return review == ReviewState::Approved   ? QStringLiteral("accepted")
               : review == ReviewState::Rejected ? QStringLiteral("rejected")
                                                 : QStringLiteral("pending");
    if (d->verdict == AttributeDecision::Verdict::Edited)
        return QStringLiteral("edited: ") + d->value;
    return verdictKey(d->verdict);
}
} // namespace

QString field(const QString &value) {
    static const QString special = QStringLiteral(",\"\r\n");
    bool quote = false;
    for (QChar c : value)
        quote = quote || special.contains(c);
    if (!quote)
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString row(const QStringList &fields) {
    QStringList quoted;
    for (const QString &f : fields)
        quoted << field(f);
    return quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

Result<int> write(Connection &conn, const Job &job, QIODevice &device) {
    auto all = JobProductRepository(conn).list(job.id);
    if (!all)
        return all.error();
    auto inputs = ReviewInputs::load(conn, job.id);
    if (!inputs)
        return inputs.error();
    const auto &suggestions = inputs->suggestions;
    const auto &decisions = inputs->decisions;

    // Columns for every attribute any product has: known ones first in their order, then
    // the providers' own labels as they come.
    QStringList others;
    QSet<QString> present;
    for (const auto &list : suggestions) {
        for (const Suggestion &s : list) {
            if (!present.contains(s.attribute) && !attributes::isKnown(s.attribute))
                others << s.attribute;
            present.insert(s.attribute);
        }
    }
    QStringList attributeColumns;
    for (const QString &a : attributes::known()) {
        if (present.contains(a))
            attributeColumns << a;
    }
    attributeColumns << others;

    // The Shopify category is the "Product category" column, never a metafield.
    QStringList metafieldColumns = attributeColumns;
    metafieldColumns.removeAll(attributes::shopifyCategory);

    // What a push would write: products analysed and not rejected.
    QList<ChangePlan> plans;
    for (const JobProduct &p : all.value()) {
        ChangePlan plan;
        if (p.snapshot && p.progress.stage == PipelineStage::Analysed &&
            p.progress.review != ReviewState::Rejected) {
            if (auto c = productchanges::planFor(job, inputs.value(), p))
                plan = c->plan;
        }
        plans << plan;
    }
    const QStringList categoryMetafieldColumns =
        writesCategoryMetafields(job, inputs.value())
            ? categoryMetafieldHandles(attributeColumns, plans)
            : QStringList();

    // The names of Shopify's current product CSV template ("URL handle", "Product category",
    // "Image alt text"; a metafield as "Label (product.metafields.namespace.key)"), as its
    // sample file has them (help.shopify.com/en/manual/products/import-export/using-csv).
    const QString ns = job.writing.metafieldNamespace;
    QStringList header{QStringLiteral("URL handle"),
                       QStringLiteral("Title"),
                       QStringLiteral("Tags"),
                       QStringLiteral("Type"),
                       QStringLiteral("Product category"),
                       QStringLiteral("Image alt text")};
    for (const QString &a : metafieldColumns)
        header << QStringLiteral("%1 (product.metafields.%2.%3)")
                      .arg(attributes::displayName(a), ns, metafieldKeyFor(a));
    // A category metafield by its attribute's name: "Color
    // (product.metafields.shopify.color-pattern)".
    for (const QString &handle : categoryMetafieldColumns) {
        const TaxonomyAttribute *attribute = StandardTaxonomy::instance().attribute(handle);
        header << QStringLiteral("%1 (product.metafields.%2.%3)")
                      .arg(attribute ? attribute->name : handle,
                           vocabulary::categoryMetafieldNamespace,
                           vocabulary::categoryMetafieldKey(handle));
    }
    header << QStringLiteral("Tagdesk: Product ID") << QStringLiteral("Tagdesk: Review")
           << QStringLiteral("Tagdesk: Sync") << QStringLiteral("Tagdesk: Problems");
    for (const QString &a : attributeColumns)
        header << QStringLiteral("Tagdesk: %1 suggestion").arg(a)
               << QStringLiteral("Tagdesk: %1 confidence").arg(a)
               << QStringLiteral("Tagdesk: %1 decision").arg(a);

    QByteArray out("\xEF\xBB\xBF"); // the BOM spreadsheets look for to read UTF-8
    out += row(header).toUtf8();
    int rows = 0;
    for (qsizetype i = 0; i < all->size(); ++i) {
        const JobProduct &p = all->at(i);
        const ProductSnapshot snapshot = p.snapshot.value_or(ProductSnapshot{});
        const ChangePlan &plan = plans.at(i);
        // The value Tagdesk would write, else the one Shopify has (also where the plan
        // leaves a value out, as it does a category metafield value it cannot write).
        auto written = [&](const QString &key) {
            return plan.after.contains(key) ? plan.after.value(key)
                                            : productfields::read(snapshot, key);
        };
        auto value = [&](const QString &key) {
            return valueText(written(key));
        };
        QStringList fields{snapshot.handle,
                           p.title,
                           value(productfields::tags),
                           value(productfields::productType),
                           categoryText(written(productfields::category)),
                           snapshot.media.isEmpty()
                               ? QString()
                               : value(productfields::alt(snapshot.media.first().id))};
        for (const QString &a : metafieldColumns)
            fields << value(productfields::metafield(ns, metafieldKeyFor(a)));
        for (const QString &handle : categoryMetafieldColumns)
            fields << categoryValuesText(written(productfields::categoryMetafield(handle)),
                                         snapshot);
        fields << p.productId << reviewKey(p.progress.review) << syncKey(p.progress.sync)
               << (plan.problems.isEmpty() ? p.error : plan.problems.join(QStringLiteral("; ")));
        const QList<Suggestion> own = suggestions.value(p.productId);
        const QList<AttributeDecision> decided = decisions.value(p.productId);
        for (const QString &a : attributeColumns) {
            const Suggestion *best = nullptr;
            for (const Suggestion &s : own) {
                if (s.attribute == a && (!best || s.confidence > best->confidence))
                    best = &s;
            }
            std::optional<AttributeDecision> decision;
            for (const AttributeDecision &d : decided) {
                if (d.attribute == a)
                    decision = d;
            }
            fields << (best ? best->value : QString())
                   << (best ? QString::number(best->confidence, 'f', 2) : QString())
                   << (best || decision ? decisionText(decision, p.progress.review) : QString());
        }
        out += row(fields).toUtf8();
        ++rows;
    }
    if (device.write(out) != out.size())
        return Error::localIo(
            Texts::tr("Could not write the export: %1").arg(device.errorString()));
    return rows;
}

Result<int> writeFile(Connection &conn, const Job &job, const QString &path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::invalid(Texts::tr("Cannot write %1: %2").arg(path, file.errorString()));
    auto rows = write(conn, job, file);
    if (!rows) {
        file.cancelWriting();
        return rows.error();
    }
    if (!file.commit())
        return Error::localIo(Texts::tr("Cannot write %1: %2").arg(path, file.errorString()));
    return rows;
}

} // namespace tagdesk::csvexport

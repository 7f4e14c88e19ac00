#include "pipeline/csvexport.h"

#include "domain/attribute.h"
#include "domain/standardtaxonomy.h"
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
    const TaxonomyCategory *c = StandardTaxonomy::instance().categoryById(id.toString());
    return c ? c->fullName : id.toString();
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
    header << QStringLiteral("Tagdesk: Product ID") << QStringLiteral("Tagdesk: Review")
           << QStringLiteral("Tagdesk: Sync") << QStringLiteral("Tagdesk: Problems");
    for (const QString &a : attributeColumns)
        header << QStringLiteral("Tagdesk: %1 suggestion").arg(a)
               << QStringLiteral("Tagdesk: %1 confidence").arg(a)
               << QStringLiteral("Tagdesk: %1 decision").arg(a);

    QByteArray out("\xEF\xBB\xBF"); // the BOM spreadsheets look for to read UTF-8
    out += row(header).toUtf8();
    int rows = 0;
    for (const JobProduct &p : all.value()) {
        const ProductSnapshot snapshot = p.snapshot.value_or(ProductSnapshot{});
        // What a push would write: products analysed and not rejected.
        ChangePlan plan;
        if (p.snapshot && p.progress.stage == PipelineStage::Analysed &&
            p.progress.review != ReviewState::Rejected) {
            if (auto c = productchanges::planFor(job, inputs.value(), p))
                plan = c->plan;
        }
        // The value Tagdesk would write, else the one Shopify has.
        auto value = [&](const QString &key) {
            return valueText(plan.after.contains(key) ? plan.after.value(key)
                                                      : productfields::read(snapshot, key));
        };
        QStringList fields{
            snapshot.handle,
            p.title,
            value(productfields::tags),
            value(productfields::productType),
            categoryText(plan.after.contains(productfields::category)
                             ? plan.after.value(productfields::category)
                             : productfields::read(snapshot, productfields::category)),
            snapshot.media.isEmpty() ? QString()
                                     : value(productfields::alt(snapshot.media.first().id))};
        for (const QString &a : metafieldColumns)
            fields << value(productfields::metafield(ns, metafieldKeyFor(a)));
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

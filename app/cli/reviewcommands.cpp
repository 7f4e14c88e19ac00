#include "reviewcommands.h"

#include "cli.h"
#include "domain/standardtaxonomy.h"
#include "pipeline/reviewservice.h"
#include "sync/productfields.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace tagdesk::cli {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

int fail(const OfflineCommand &c, const Error &e) {
    return reportError(c.err, e);
}

void printJson(const OfflineCommand &c, const QJsonValue &v) {
    c.out << (v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject()))
                 .toJson(QJsonDocument::Indented);
}

QString shown(const QJsonValue &v) {
    if (v.isNull() || v.isUndefined())
        return Texts::tr("(none)");
    if (v.isArray()) {
        QStringList items;
        for (const QJsonValue &i : v.toArray())
            items << StandardTaxonomy::instance().readableName(i.toString());
        return items.join(QStringLiteral(", "));
    }
    // A category and taxonomy values are written by id; people read them by name.
    const QString s = v.toString();
    return s.isEmpty() ? Texts::tr("(empty)") : StandardTaxonomy::instance().readableName(s);
}

// "Tags: a, b → a, b, colour:red" lines, one per field that changes.
void printChange(const OfflineCommand &c, const QJsonObject &before, const QJsonObject &after) {
    for (auto it = after.begin(); it != after.end(); ++it)
        c.out << "    " << productfields::describe(it.key()) << ": "
              << shown(before.value(it.key())) << "  →  " << shown(it.value()) << Qt::endl;
}
} // namespace

int previewJob(const OfflineCommand &c, const QStringList &productIds) {
    auto changes = c.reader.preview(c.jobId, productIds);
    if (!changes)
        return fail(c, changes.error());
    int flagged = 0;
    QJsonArray array;
    for (const ProductChange &change : changes.value()) {
        flagged += change.plan.isWritable() ? 0 : 1;
        if (c.json) {
            QJsonObject o = change.plan.toJson();
            o.insert(QStringLiteral("title"), change.product.title);
            o.insert(QStringLiteral("review"), reviewKey(change.product.progress.review));
            o.insert(QStringLiteral("destinations"), destinationsToKeys(change.destinations));
            array.append(o);
            continue;
        }
        c.out << change.product.productId << "  " << change.product.title << "  ["
              << reviewText(change.product.progress.review) << ", "
              << destinationsToKeys(change.destinations) << "]" << Qt::endl;
        if (change.plan.isEmpty())
            c.out << "    " << Texts::tr("nothing to change") << Qt::endl;
        printChange(c, change.plan.before, change.plan.after);
        for (const QString &p : change.plan.problems)
            c.out << "    " << Texts::tr("PROBLEM: %1").arg(p) << Qt::endl;
        for (const QString &n : change.plan.notes)
            c.out << "    " << Texts::tr("LEFT OUT: %1").arg(n) << Qt::endl;
    }
    if (c.json)
        printJson(c, array);
    else if (flagged > 0)
        c.out << Texts::tr("%n product(s) have values Shopify would refuse; they will not be "
                           "pushed until that is fixed",
                           nullptr, flagged)
              << Qt::endl;
    return flagged > 0 ? int(PartlyFailed) : int(Ok);
}

int decideAttribute(const OfflineCommand &c, const QString &productId,
                    const AttributeDecision &decision, const QString &reviewer) {
    const Status decided =
        ReviewService(c.writer).decide(c.jobId, productId, decision, reviewer).result();
    if (!decided)
        return fail(c, decided.error());
    c.out << Texts::tr("%1 of %2: %3")
                 .arg(decision.attribute, productId,
                      decision.verdict == AttributeDecision::Verdict::Edited
                          ? Texts::tr("set to \"%1\"").arg(decision.value)
                          : verdictKey(decision.verdict))
          << Qt::endl;
    return Ok;
}

int undoDecisions(const OfflineCommand &c, int count, const QString &reviewer) {
    const Result<int> undone = ReviewService(c.writer).undo(c.jobId, count, reviewer).result();
    if (!undone)
        return fail(c, undone.error());
    auto summary = c.reader.summary(c.jobId);
    if (!summary)
        return fail(c, summary.error());
    c.out << Texts::tr("Undid %n decision(s)", nullptr, undone.value())
          << Texts::tr("; job %1 is now %2").arg(c.jobId).arg(jobStatusText(summary->status))
          << Qt::endl;
    return Ok;
}

int showHistory(const OfflineCommand &c, const QString &productId) {
    auto log = c.reader.history(c.jobId, productId);
    if (!log)
        return fail(c, log.error());
    QJsonArray array;
    for (const PushRecord &r : log.value()) {
        if (c.json) {
            array.append(QJsonObject{{QStringLiteral("id"), r.id},
                                     {QStringLiteral("product"), r.productId},
                                     {QStringLiteral("kind"), pushKindKey(r.kind)},
                                     {QStringLiteral("at"), r.at.toString(Qt::ISODateWithMs)},
                                     {QStringLiteral("who"), r.who},
                                     {QStringLiteral("outcome"), pushOutcomeKey(r.outcome)},
                                     {QStringLiteral("message"), r.message},
                                     {QStringLiteral("before"), r.before},
                                     {QStringLiteral("after"), r.after}});
            continue;
        }
        c.out << r.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) << "  "
              << pushKindKey(r.kind) << "  " << pushOutcomeKey(r.outcome) << "  " << r.productId
              << "  " << r.who << Qt::endl;
        if (!r.message.isEmpty())
            c.out << "    " << r.message << Qt::endl;
        printChange(c, r.before, r.after);
    }
    if (c.json)
        printJson(c, array);
    else if (log->isEmpty())
        c.out << Texts::tr("Job %1 has not been pushed yet").arg(c.jobId) << Qt::endl;
    return Ok;
}

int listConflicts(const OfflineCommand &c) {
    auto conflicts = c.reader.conflicts(c.jobId);
    if (!conflicts)
        return fail(c, conflicts.error());
    QJsonArray array;
    for (const Conflict &k : conflicts.value()) {
        if (c.json) {
            array.append(QJsonObject{
                {QStringLiteral("product"), k.productId},
                {QStringLiteral("detectedAt"), k.detectedAt.toString(Qt::ISODateWithMs)},
                {QStringLiteral("snapshot"), k.snapshotValues},
                {QStringLiteral("shopify"), k.remoteValues},
                {QStringLiteral("approved"), k.approvedValues}});
            continue;
        }
        c.out << k.productId << Qt::endl;
        for (auto it = k.approvedValues.begin(); it != k.approvedValues.end(); ++it) {
            c.out << "    " << productfields::describe(it.key()) << Qt::endl
                  << "      "
                  << Texts::tr("when fetched: %1").arg(shown(k.snapshotValues.value(it.key())))
                  << Qt::endl
                  << "      "
                  << Texts::tr("Shopify now:  %1").arg(shown(k.remoteValues.value(it.key())))
                  << Qt::endl
                  << "      " << Texts::tr("approved:     %1").arg(shown(it.value())) << Qt::endl;
        }
    }
    if (c.json)
        printJson(c, array);
    else if (conflicts->isEmpty())
        c.out << Texts::tr("Job %1 has no open conflicts").arg(c.jobId) << Qt::endl;
    return Ok;
}

int exportCsv(const OfflineCommand &c, const QString &path) {
    auto rows = c.reader.exportCsv(c.jobId, path);
    if (!rows)
        return fail(c, rows.error());
    c.out << Texts::tr("Wrote %n product(s) to %1", nullptr, rows.value()).arg(path) << Qt::endl;
    return Ok;
}

} // namespace tagdesk::cli

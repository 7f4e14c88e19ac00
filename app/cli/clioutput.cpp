#include "clioutput.h"

#include "domain/attribute.h"
#include "sync/productreview.h"

#include <QJsonArray>
#include <QLocale>
#include <QTextStream>

namespace tagdesk::cli {

QJsonObject countsJson(const ProductTally &t) {
    return QJsonObject{{QStringLiteral("products"), t.total},
                       {QStringLiteral("analysed"), t.analysed},
                       {QStringLiteral("pendingReview"), t.needsReview},
                       {QStringLiteral("approved"), t.approved},
                       {QStringLiteral("rejected"), t.rejected},
                       {QStringLiteral("synced"), t.synced},
                       {QStringLiteral("failed"), t.failed + t.syncFailed},
                       {QStringLiteral("skipped"), t.skipped},
                       {QStringLiteral("conflicts"), t.conflicts}};
}

QJsonObject jobJson(const JobSummary &s) {
    return QJsonObject{{QStringLiteral("id"), s.job.id},
                       {QStringLiteral("name"), s.job.name},
                       {QStringLiteral("status"), jobStatusText(s.status)},
                       {QStringLiteral("statusKey"), jobStatusKey(s.status)},
                       {QStringLiteral("archived"), s.job.archived},
                       {QStringLiteral("tagger"), taggerKey(s.job.tagger)},
                       {QStringLiteral("selection"), s.job.selection.describe()},
                       {QStringLiteral("imagesPerProduct"), s.job.imagesPerProduct},
                       {QStringLiteral("destinations"), destinationsToKeys(s.job.destinations)},
                       // The store the job belongs to; empty until its first run.
                       {QStringLiteral("store"), s.job.shop.domain},
                       {QStringLiteral("shopId"), s.job.shop.id},
                       {QStringLiteral("error"), s.job.fatalError},
                       {QStringLiteral("createdAt"), s.job.createdAt.toString(Qt::ISODate)},
                       {QStringLiteral("updatedAt"), s.job.updatedAt.toString(Qt::ISODate)},
                       {QStringLiteral("counts"), countsJson(s.tally)}};
}

QJsonObject jobDetailJson(const JobSummary &summary, const QList<JobProduct> &products,
                          const QHash<QString, QList<Suggestion>> &suggestions) {
    QJsonObject out = jobJson(summary);
    QJsonArray productsJson;
    for (const JobProduct &p : products) {
        QJsonArray suggestionsJson;
        for (const Suggestion &s : suggestions.value(p.productId)) {
            suggestionsJson.append(QJsonObject{
                {QStringLiteral("attribute"), s.attribute},
                {QStringLiteral("value"), s.value},
                {QStringLiteral("confidence"), s.confidence},
                {QStringLiteral("current"),
                 p.snapshot ? currentAttributeValue(*p.snapshot, s.attribute, summary.job.writing)
                            : QString()}});
        }
        // The category the images suggest: the surest Shopify category suggestion.
        QString suggestedCategory;
        double sureness = -1;
        for (const Suggestion &s : suggestions.value(p.productId)) {
            if (s.attribute == attributes::shopifyCategory && s.confidence > sureness) {
                suggestedCategory = s.value;
                sureness = s.confidence;
            }
        }
        productsJson.append(QJsonObject{
            {QStringLiteral("id"), p.productId},
            {QStringLiteral("title"), p.title},
            {QStringLiteral("category"), p.snapshot ? p.snapshot->category.fullName : QString()},
            {QStringLiteral("categoryProblem"),
             p.snapshot ? categoryProblem(*p.snapshot, suggestedCategory) : QString()},
            {QStringLiteral("stage"), stageKey(p.progress.stage)},
            {QStringLiteral("review"), reviewKey(p.progress.review)},
            {QStringLiteral("sync"), syncKey(p.progress.sync)},
            {QStringLiteral("error"), p.error},
            {QStringLiteral("suggestions"), suggestionsJson}});
    }
    out.insert(QStringLiteral("products"), productsJson);
    return out;
}

namespace {
QString row(const QStringList &cells, const QList<int> &widths) {
    QString line;
    for (int i = 0; i < cells.size(); ++i) {
        QString cell = cells[i];
        if (i + 1 < cells.size()) {
            if (cell.size() > widths[i])
                cell = cell.left(widths[i] - 1) + QChar(0x2026);
            line += cell.leftJustified(widths[i] + 2);
        } else {
            line += cell;
        }
    }
    return line.trimmed() + QLatin1Char('\n');
}
} // namespace

QString jobTable(const QList<JobSummary> &jobs) {
    if (jobs.isEmpty())
        return QStringLiteral("No jobs.\n");
    // The store comes last: a domain is never cut short.
    const QList<int> widths{5, 28, 24, 8, 9, 9, 16, 0};
    QString out =
        row({QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("STATUS"),
             QStringLiteral("TAGGER"), QStringLiteral("PRODUCTS"), QStringLiteral("REVIEWED"),
             QStringLiteral("CREATED"), QStringLiteral("STORE")},
            widths);
    for (const JobSummary &s : jobs) {
        const qint64 reviewed = s.tally.approved + s.tally.rejected;
        out += row({QString::number(s.job.id), s.job.name, jobStatusText(s.status),
                    taggerKey(s.job.tagger), QString::number(s.tally.total),
                    QStringLiteral("%1/%2").arg(reviewed).arg(s.tally.total - s.tally.failed -
                                                              s.tally.skipped),
                    s.job.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                    s.job.shop.isKnown() ? s.job.shop.domain : QStringLiteral("-")},
                   widths);
    }
    return out;
}

QString jobDetailText(const JobSummary &summary, const QList<JobProduct> &products,
                      const QHash<QString, QList<Suggestion>> &suggestions) {
    QString out;
    QTextStream s(&out);
    const Job &job = summary.job;
    const ProductTally &t = summary.tally;
    s << "Job " << job.id << ": " << job.name << (job.archived ? " (archived)" : "") << '\n'
      << "Status:      " << jobStatusText(summary.status) << '\n'
      << "Products:    " << job.selection.describe() << '\n'
      << "Tagger:      " << taggerDisplayName(job.tagger) << ", " << job.imagesPerProduct
      << " image(s) per product\n"
      << "Save to:     " << destinationsToKeys(job.destinations) << '\n'
      << "Store:       "
      << (job.shop.isKnown() ? job.shop.describe()
                             : QStringLiteral("none yet: its next run, sync or revert binds it"))
      << '\n'
      << "Counts:      " << t.total << " products, " << t.analysed << " analysed, " << t.needsReview
      << " to review, " << t.approved << " approved, " << t.rejected << " rejected, " << t.synced
      << " synced, " << (t.failed + t.syncFailed) << " failed, " << t.conflicts << " conflicts, "
      << t.skipped << " skipped\n";
    if (!job.fatalError.isEmpty())
        s << "Error:       " << job.fatalError << '\n';
    for (const JobProduct &p : products) {
        s << "\n  " << p.productId << "  " << p.title << "\n    " << stageText(p.progress.stage)
          << " · " << reviewText(p.progress.review) << " · " << syncText(p.progress.sync) << '\n';
        if (!p.error.isEmpty())
            s << "    error: " << p.error << '\n';
        for (const Suggestion &sg : suggestions.value(p.productId)) {
            const QString current =
                p.snapshot ? currentAttributeValue(*p.snapshot, sg.attribute, job.writing)
                           : QString();
            s << "    " << attributes::displayName(sg.attribute) << ": "
              << (current.isEmpty() ? QStringLiteral("—") : current) << " → " << sg.value << " ("
              << QString::number(sg.confidence * 100, 'f', 0) << "%)\n";
        }
    }
    return out;
}

} // namespace tagdesk::cli

#include "review/changepreview.h"

#include "fieldvalues.h"
#include "sync/productfields.h"

#include <QCoreApplication>
#include <QTextDocumentFragment>

namespace tagdesk::ui {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(ChangePreview)
};

// A field's value as one line: fieldvalues::text, with a description's HTML as its text.
QString readable(const QJsonValue &value) {
    const QString text = fieldvalues::text(value);
    return text.contains(QLatin1Char('<'))
               ? QTextDocumentFragment::fromHtml(text).toPlainText().simplified()
               : text;
}

QString elided(const QString &text, int chars = 160) {
    return text.size() > chars ? text.left(chars - 1) + QChar(0x2026) : text;
}
} // namespace

QList<ApprovedValue> valuesToWrite(const ProductReview &review) {
    QList<ApprovedValue> values;
    for (const AttributeReview &a : review.attributes) {
        if (const QString v = a.valueToWrite(); !v.isEmpty())
            values.append({a.attribute, v});
    }
    return values;
}

QString changePreviewHtml(const ProductReview &review, const ChangePlan &plan) {
    if (!review.product.snapshot)
        return Texts::tr("This product has not been fetched yet: there is nothing to compare.");
    QString html;
    if (review.product.progress.review == ReviewState::Rejected)
        html += Texts::tr("<p><i>Rejected: nothing will be written.</i></p>");
    if (plan.isEmpty()) {
        html += Texts::tr("<p>Approving changes nothing in Shopify: the store already has these "
                          "values, or nothing is chosen to be written.</p>");
    } else {
        html += QStringLiteral("<table cellspacing='4'>");
        for (auto it = plan.after.constBegin(); it != plan.after.constEnd(); ++it) {
            html += Texts::tr("<tr><td><b>%1</b></td><td>%2</td><td>→</td><td>%3</td></tr>")
                        .arg(productfields::describe(it.key(), &*review.product.snapshot)
                                 .toHtmlEscaped(),
                             elided(readable(plan.before.value(it.key()))).toHtmlEscaped(),
                             elided(readable(it.value())).toHtmlEscaped());
        }
        html += QStringLiteral("</table>");
    }
    for (const QString &problem : plan.problems)
        html += Texts::tr("<p style='color:#c0392b'>⚠ %1</p>").arg(problem.toHtmlEscaped());
    for (const QString &note : plan.notes)
        html += Texts::tr("<p>Left out: %1</p>").arg(note.toHtmlEscaped());
    return html;
}

} // namespace tagdesk::ui

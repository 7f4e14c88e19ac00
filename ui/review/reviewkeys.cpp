#include "review/reviewkeys.h"

#include <QCoreApplication>
#include <QSettings>

namespace tagdesk::ui {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(ReviewKeys)
};

const QLatin1String separator("; ");
} // namespace

const QList<ReviewKey> &reviewKeys() {
    using K = QKeySequence;
    static const QList<ReviewKey> keys = [] {
        QList<ReviewKey> k{
            {QStringLiteral("approveProduct"),
             Texts::tr("Approve the product and go to the next"),
             {K(Qt::Key_A), K(Qt::Key_P)}},
            {QStringLiteral("rejectProduct"),
             Texts::tr("Reject the product and go to the next"),
             {K(Qt::Key_X)}},
            {QStringLiteral("acceptAttribute"),
             Texts::tr("Accept the focused suggestion, next attribute"),
             {K(Qt::SHIFT | Qt::Key_A)}},
            {QStringLiteral("rejectAttribute"),
             Texts::tr("Reject the focused suggestion, next attribute"),
             {K(Qt::SHIFT | Qt::Key_X)}},
            {QStringLiteral("undecideAttribute"),
             Texts::tr("Take back the focused attribute's decision"),
             {K(Qt::Key_U)}},
        };
        for (int n = 1; n <= 9; ++n)
            k.append({QStringLiteral("pickAlternative%1").arg(n),
                      Texts::tr("Pick alternative %1 for the focused attribute").arg(n),
                      {K(Qt::Key_0 + n)}});
        k.append({
            {QStringLiteral("editAttribute"),
             Texts::tr("Edit the focused value (alternatives or free text)"),
             {K(Qt::Key_E), K(Qt::Key_F2)}},
            {QStringLiteral("saveTo"),
             Texts::tr("Choose where the product's values are saved, then approve"),
             {K(Qt::Key_D)}},
            {QStringLiteral("approveGroup"),
             Texts::tr("Approve the product and every product like it (same suggestions or a "
                       "shared photo), next"),
             {K(Qt::Key_G)}},
            {QStringLiteral("keepOneRejectRest"),
             Texts::tr("Approve this product and reject the products like it, next"),
             {K(Qt::SHIFT | Qt::Key_G)}},
            {QStringLiteral("flagProduct"),
             Texts::tr("Flag the product to come back to later, next (again: unflag)"),
             {K(Qt::Key_F)}},
            {QStringLiteral("skipProduct"),
             Texts::tr("Skip to the next product without deciding"),
             {K(Qt::Key_Space)}},
            {QStringLiteral("nextProduct"),
             Texts::tr("Next product"),
             {K(Qt::Key_J), K(Qt::Key_Right)}},
            {QStringLiteral("previousProduct"),
             Texts::tr("Previous product"),
             {K(Qt::Key_K), K(Qt::Key_Left)}},
            {QStringLiteral("undo"),
             Texts::tr("Undo the last decision (a product already pushed is reverted first)"),
             {K(QKeySequence::Undo)}},
            {QStringLiteral("toggleZoom"),
             Texts::tr("Fit the image or show it at 100 %"),
             {K(Qt::Key_Z)}},
            {QStringLiteral("nextImage"), Texts::tr("Next image of the product"), {K(Qt::Key_I)}},
            {QStringLiteral("showKeys"),
             Texts::tr("Show these keys"),
             {K(Qt::Key_Question), K(Qt::SHIFT | Qt::Key_Question)}},
            {QStringLiteral("backToJob"),
             Texts::tr("Back to the job's products"),
             {K(Qt::Key_Escape), K(Qt::ALT | Qt::Key_Left)}},
        });
        return k;
    }();
    return keys;
}

QString reviewKeySetting(const QString &name) {
    return QStringLiteral("reviewKeys/") + name;
}

QList<QKeySequence> savedReviewKeys(const ReviewKey &key, const QSettings &settings) {
    // Saved in the portable form, so a setting moves between platforms and languages.
    const QVariant saved = settings.value(reviewKeySetting(key.name));
    if (!saved.isValid())
        return key.defaults;
    QList<QKeySequence> keys;
    for (const QString &part : saved.toString().split(separator, Qt::SkipEmptyParts)) {
        const QKeySequence k = QKeySequence::fromString(part, QKeySequence::PortableText);
        if (!k.isEmpty())
            keys << k;
    }
    return keys.isEmpty() ? key.defaults : keys;
}

void saveReviewKeys(QSettings &settings, const ReviewKey &key, const QList<QKeySequence> &keys) {
    if (keys == key.defaults) {
        settings.remove(reviewKeySetting(key.name));
        return;
    }
    QStringList parts;
    for (const QKeySequence &k : keys)
        parts << k.toString(QKeySequence::PortableText);
    settings.setValue(reviewKeySetting(key.name), parts.join(separator));
}

QString keysToText(const QList<QKeySequence> &keys) {
    QStringList parts;
    for (const QKeySequence &k : keys)
        parts << k.toString(QKeySequence::NativeText);
    return parts.join(separator);
}

std::optional<QList<QKeySequence>> keysFromText(const QString &text) {
    QList<QKeySequence> keys;
    for (const QString &raw : text.split(QLatin1Char(';'))) {
        const QString part = raw.trimmed();
        if (part.isEmpty())
            continue;
        const QKeySequence k = QKeySequence::fromString(part, QKeySequence::NativeText);
        // A chord ("Ctrl+K, Ctrl+D") is not offered: one key per decision.
        if (k.isEmpty() || k.count() != 1 || k[0].key() == Qt::Key_unknown)
            return std::nullopt;
        keys << k;
    }
    if (keys.isEmpty())
        return std::nullopt;
    return keys;
}

} // namespace tagdesk::ui

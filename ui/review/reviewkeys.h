#pragma once

#include <QKeySequence>
#include <QList>
#include <QString>

#include <optional>

class QSettings;

namespace tagdesk::ui {

// One key of the review: the name of its QAction ("approveProduct"), what it does as the
// key sheet and Settings › Keys show it, and the keys it has unless the user changed them.
struct ReviewKey {
    QString name;
    QString text;
    QList<QKeySequence> defaults;
};

// Every key of the review, in the order the key sheet lists them.
const QList<ReviewKey> &reviewKeys();

// Where Settings keeps a key's keys ("reviewKeys/approveProduct").
QString reviewKeySetting(const QString &name);
// The keys saved in Settings for `key`, else its defaults.
QList<QKeySequence> savedReviewKeys(const ReviewKey &key, const QSettings &settings);

// Saves `keys` for `key` (the defaults are saved as nothing, so a later default applies).
void saveReviewKeys(QSettings &settings, const ReviewKey &key, const QList<QKeySequence> &keys);

// Keys as a person reads and types them: "A; P", "Ctrl+Z".
QString keysToText(const QList<QKeySequence> &keys);
// The keys of such a text, or none if a part is not a key (an empty text is no key).
std::optional<QList<QKeySequence>> keysFromText(const QString &text);

} // namespace tagdesk::ui

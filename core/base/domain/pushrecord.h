#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace tagdesk {

// One write to Shopify (a push or a revert) as the push log keeps it: enough to show
// history and to put the replaced values back.
struct PushRecord {
    enum class Kind { Push, Revert };
    enum class Outcome { Succeeded, Failed, Conflict };

    qint64 id = 0;
    qint64 jobId = 0;
    QString productId;
    Kind kind = Kind::Push;
    QDateTime at;
    QString who;        // the reviewer or machine user who pressed sync
    QJsonObject before; // the values this write replaced
    QJsonObject after;  // the values it wrote
    QJsonObject shopifyAnswer;
    Outcome outcome = Outcome::Succeeded;
    QString message; // Shopify's words on failure
    // The product's updatedAt read back after a successful write, for the history; a
    // revert's conflict check compares the written fields, not this.
    QDateTime updatedAtAfter;
};

QString pushKindKey(PushRecord::Kind kind);
QString pushOutcomeKey(PushRecord::Outcome outcome);
std::optional<PushRecord::Kind> pushKindFromKey(const QString &key);
std::optional<PushRecord::Outcome> pushOutcomeFromKey(const QString &key);

// A product whose Shopify values changed between the snapshot and a push (or between a
// push and its revert): nothing was written, and the three versions are kept for a person
// to choose from.
struct Conflict {
    qint64 jobId = 0;
    QString productId;
    QDateTime detectedAt;
    QJsonObject snapshotValues; // field key → what the job fetched (or pushed, for a revert)
    QJsonObject remoteValues;   // field key → what Shopify has now
    QJsonObject approvedValues; // field key → what Tagdesk meant to write
    QString resolution;         // empty while open: "mine", "theirs", "merged"
    QDateTime resolvedAt;
};

} // namespace tagdesk

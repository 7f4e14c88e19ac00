#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

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
};

} // namespace tagdesk

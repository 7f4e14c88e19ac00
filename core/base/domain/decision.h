#pragma once

#include "domain/destination.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace tagdesk {

// The reviewer's verdict on one suggested attribute of one product.
struct AttributeDecision {
    enum class Verdict { Pending, Accepted, Edited, Rejected };

    QString attribute;
    Verdict verdict = Verdict::Pending;
    QString value; // the value to write: the suggestion's, or the reviewer's edit
    QDateTime decidedAt;

    friend bool operator==(const AttributeDecision &, const AttributeDecision &) = default;
};

QString verdictKey(AttributeDecision::Verdict v);
std::optional<AttributeDecision::Verdict> verdictFromKey(const QString &key);

} // namespace tagdesk

#include "domain/decision.h"

namespace tagdesk {

QString verdictKey(AttributeDecision::Verdict v) {
    switch (v) {
    case AttributeDecision::Verdict::Pending:
        return QStringLiteral("pending");
    case AttributeDecision::Verdict::Accepted:
        return QStringLiteral("accepted");
    case AttributeDecision::Verdict::Edited:
        return QStringLiteral("edited");
    case AttributeDecision::Verdict::Rejected:
        return QStringLiteral("rejected");
    }
    return {};
}

std::optional<AttributeDecision::Verdict> verdictFromKey(const QString &key) {
    using V = AttributeDecision::Verdict;
    for (V v : {V::Pending, V::Accepted, V::Edited, V::Rejected}) {
        if (verdictKey(v) == key)
            return v;
    }
    return std::nullopt;
}

} // namespace tagdesk

#include "domain/pushrecord.h"

namespace tagdesk {

QString pushKindKey(PushRecord::Kind kind) {
    return kind == PushRecord::Kind::Push ? QStringLiteral("push") : QStringLiteral("revert");
}

QString pushOutcomeKey(PushRecord::Outcome outcome) {
    switch (outcome) {
    case PushRecord::Outcome::Succeeded:
        return QStringLiteral("succeeded");
    case PushRecord::Outcome::Failed:
        return QStringLiteral("failed");
    case PushRecord::Outcome::Conflict:
        return QStringLiteral("conflict");
    }
    return {};
}

std::optional<PushRecord::Kind> pushKindFromKey(const QString &key) {
    for (auto k : {PushRecord::Kind::Push, PushRecord::Kind::Revert}) {
        if (pushKindKey(k) == key)
            return k;
    }
    return std::nullopt;
}

std::optional<PushRecord::Outcome> pushOutcomeFromKey(const QString &key) {
    for (auto o : {PushRecord::Outcome::Succeeded, PushRecord::Outcome::Failed,
                   PushRecord::Outcome::Conflict}) {
        if (pushOutcomeKey(o) == key)
            return o;
    }
    return std::nullopt;
}

} // namespace tagdesk
